#pragma once

#include <string>

// Who may use a server on this machine: loopback addresses are the car's own programs;
// anything else must show the server's token. Shared by every HTTP server of codriver.
namespace codriver::llm::serve {

// "localhost", "::1" or an IPv4 address in 127.0.0.0/8.
bool is_loopback(const std::string& host);

// Compares in time independent of where the texts differ (a token check must not tell
// an attacker how much of a guess was right).
bool same_secret(const std::string& given, const std::string& expected);

// The token that `Authorization: Bearer <token>` carries, or "" when the header is not that.
std::string bearer_token(const std::string& authorization);

}  // namespace codriver::llm::serve
