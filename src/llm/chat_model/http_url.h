#pragma once

#include <string>

// The few things the chat client needs to know about a URL, without a URL library.
namespace codriver::llm {

// "host" or "host:port" of an http(s) URL, without user info; empty when it has none.
std::string url_host(const std::string& url);

// {base_url}/chat/completions. A URL with no path gets "/v1" first (so both
// "http://127.0.0.1:8080" and "http://127.0.0.1:8080/v1" work); a URL that already ends in
// "/chat/completions" is kept. Throws std::invalid_argument unless it is http(s).
std::string chat_completions_url(std::string base_url);

}  // namespace codriver::llm
