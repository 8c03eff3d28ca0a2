#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

// One HTTP POST with libcurl that never outlives its deadline: the transfer is driven in
// short polls so a cancel flag, a deadline or a silent server stops it within ~50 ms,
// wherever it is (connecting, waiting for the head, or mid-stream). Connections, DNS
// answers and TLS sessions are reused between calls (and threads).
namespace codriver::llm {

struct HttpPostRequest {
  std::string url;
  std::vector<std::string> headers;  // "Name: value" lines
  std::string body;
  std::chrono::milliseconds connect_timeout{2000};
  std::chrono::steady_clock::time_point deadline;  // the whole transfer
  std::chrono::milliseconds stall_timeout{30000};  // longest silence from the server
  const std::atomic<bool>* cancel = nullptr;
  std::size_t max_response_bytes = 8 * 1024 * 1024;
  // The body of a 2xx answer as it arrives; returning false stops the transfer
  // (kCancelled). Exceptions it throws stop the transfer and come out of http_post.
  // When empty, the body is collected in HttpPostResult::body.
  std::function<bool(std::string_view)> on_body;
};

enum class HttpOutcome {
  kCompleted,       // an answer came (any status)
  kUnreachable,     // DNS, refused, connect timeout, TLS
  kTimedOut,        // the deadline passed
  kStalled,         // the server said nothing for stall_timeout
  kCancelled,       // the cancel flag, or on_body said stop
  kTooLarge,        // more than max_response_bytes
  kConnectionLost,  // the connection closed or broke before the answer was whole
  kFailed,          // anything else libcurl reports
};

struct HttpPostResult {
  HttpOutcome outcome = HttpOutcome::kFailed;
  long status = 0;  // 0 when no head came
  std::string content_type;
  std::string retry_after;    // the Retry-After header, as sent
  std::string body;           // non-2xx answers, and all answers when on_body is empty
  std::string detail;         // libcurl's description of a failure
  bool body_started = false;  // on_body was given something
};

HttpPostResult http_post(const HttpPostRequest& request);

}  // namespace codriver::llm
