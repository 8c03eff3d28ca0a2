#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

// Where the OpenAI-compatible model lives and how patient to be with it.
namespace codriver::llm {

struct OpenAiConfig {
  // The API root, e.g. "http://127.0.0.1:8080/v1" or DashScope's
  // "https://dashscope.aliyuncs.com/compatible-mode/v1". A bare host ("http://127.0.0.1:8080",
  // no path) gets "/v1" added; a URL ending in "/chat/completions" is used as it is.
  std::string base_url;
  std::string model;  // e.g. "qwen-plus", "Qwen/Qwen2.5-7B-Instruct"
  // Sent as "Authorization: Bearer <key>" when not empty. Never logged, never in an error
  // message, never in describe().
  std::string api_key;
  // Connecting (DNS, TCP, TLS) gives up after this: an offline cloud is known fast.
  std::chrono::milliseconds connect_timeout{2000};
  // One attempt, from connect to the last byte, when the request has no earlier deadline.
  std::chrono::milliseconds request_timeout{60000};
  // No byte from the server for this long means it is stuck (kTimeout).
  std::chrono::milliseconds stall_timeout{30000};
  // 429 and 5xx are tried again this many times (never past the request's deadline).
  int max_retries = 2;
  // The first retry waits about this long (with jitter), doubling each time.
  std::chrono::milliseconds retry_base_delay{500};
  // A longer wait (from Retry-After, say) is not taken: the error is reported instead.
  std::chrono::milliseconds max_retry_delay{10000};
  // A larger answer is refused (kBadResponse): no chat answer comes near it.
  std::size_t max_response_bytes = 8 * 1024 * 1024;
  // Ask for token counts at the end of a stream (stream_options.include_usage).
  bool stream_usage = true;
  // More header lines for gateways that need them ({"X-Name", "value"}). Never echoed.
  std::vector<std::pair<std::string, std::string>> extra_headers;
};

// A configuration that cannot be used; the message names the setting and never the key.
class OpenAiConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The value of an environment variable, or nothing when it is unset or empty.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvironmentLookup process_environment();

// Reads the optional JSON file
//   {"base_url": "...", "model": "...", "api_key_env": "NAME" or "api_key": "...",
//    "timeout_s": 60, "connect_timeout_s": 2, "max_retries": 2,
//    "extra_headers": {"X-Name": "value"}}
// then lets the environment override it: CODRIVER_LLM_URL, CODRIVER_LLM_MODEL,
// CODRIVER_LLM_API_KEY. When neither gives a key, OPENAI_API_KEY is used, and
// DASHSCOPE_API_KEY for a DashScope host (never sent anywhere else). Fields left unset
// stay empty (OpenAiChatModel refuses an empty base_url or model), so a caller may still
// fill them, from command-line flags say. Throws OpenAiConfigError for a file that cannot
// be read, is not JSON, or has unknown or mistyped fields.
OpenAiConfig load_openai_config(const std::optional<std::filesystem::path>& file,
                                const EnvironmentLookup& environment = process_environment());

}  // namespace codriver::llm
