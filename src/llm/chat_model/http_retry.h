#pragma once

#include <chrono>
#include <optional>
#include <string>

// How long to wait before asking a busy server again.
namespace codriver::llm {

struct RetryPolicy {
  std::chrono::milliseconds base_delay{500};   // the first retry, before jitter
  std::chrono::milliseconds max_delay{10000};  // longer waits are not taken
};

// The pause before retry number `retry` (1 for the first). The server's Retry-After (whole
// seconds; an HTTP date is ignored) is honoured as it is; otherwise the pause is
// base_delay * 2^(retry-1), scaled by 0.5 + `jitter` (jitter in [0, 1), so that clients
// that failed together do not return together), and at most max_delay. Nothing when the
// server asks for more than max_delay: waiting less would only be refused again.
std::optional<std::chrono::milliseconds> retry_delay(int retry, const RetryPolicy& policy,
                                                     const std::string& retry_after, double jitter);

// Whole seconds from a Retry-After value; nothing for a date or anything else.
std::optional<long long> retry_after_seconds(const std::string& value);

}  // namespace codriver::llm
