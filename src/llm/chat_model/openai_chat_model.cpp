#include "llm/chat_model/openai_chat_model.h"

#include <algorithm>
#include <random>
#include <stdexcept>
#include <thread>
#include <utility>

#include "llm/chat_model/http_post.h"
#include "llm/chat_model/http_retry.h"
#include "llm/chat_model/http_url.h"
#include "llm/chat_model/openai_errors.h"
#include "llm/chat_model/openai_request.h"
#include "llm/chat_model/openai_response.h"

namespace codriver::llm {
namespace {

using Clock = std::chrono::steady_clock;
using Kind = ChatModelError::Kind;

bool has_line_break(const std::string& text) {
  return text.find_first_of("\r\n") != std::string::npos;
}

void check_config(const OpenAiConfig& config) {
  if (config.model.empty()) {
    throw OpenAiConfigError(
        "no model name: set CODRIVER_LLM_MODEL or \"model\" in the configuration (e.g. "
        "qwen-plus)");
  }
  if (has_line_break(config.api_key)) {
    throw OpenAiConfigError("the API key holds a line break: check how it was set");
  }
  for (const auto& [name, value] : config.extra_headers) {
    if (name.empty() || has_line_break(name) || has_line_break(value) ||
        name.find(':') != std::string::npos) {
      throw OpenAiConfigError("extra header \"" + excerpt(name, 40) +
                              "\" is not a valid header name and value");
    }
  }
  if (config.max_retries < 0) throw OpenAiConfigError("max_retries must not be negative");
}

std::string checked_endpoint(const std::string& base_url) {
  if (base_url.empty()) {
    throw OpenAiConfigError(
        "no model server URL: set CODRIVER_LLM_URL or \"base_url\" in the configuration "
        "(e.g. http://127.0.0.1:8080/v1)");
  }
  try {
    return chat_completions_url(base_url);
  } catch (const std::invalid_argument& error) {
    throw OpenAiConfigError(error.what());
  }
}

double seconds_of(std::chrono::milliseconds duration) {
  return duration.count() / 1000.0;
}

std::string seconds_text(double seconds) {
  std::string text = std::to_string(seconds);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text + " s";
}

double random_jitter() {
  thread_local std::mt19937 random{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(random);
}

// Sleeps, looking at the cancel flag every 20 ms.
void pause(std::chrono::milliseconds delay, const std::atomic<bool>* cancel) {
  const auto until = Clock::now() + delay;
  while (Clock::now() < until) {
    if (cancel != nullptr && cancel->load()) {
      throw ChatModelError(Kind::kCancelled, "the request was cancelled while waiting to retry");
    }
    std::this_thread::sleep_for(
        std::min<Clock::duration>(std::chrono::milliseconds(20), until - Clock::now()));
  }
}

// What one attempt tells the retry loop.
struct AttemptFailure {
  ChatModelError error;
  bool retryable = false;
  std::string retry_after;
};

}  // namespace

OpenAiChatModel::OpenAiChatModel(OpenAiConfig config)
    : config_(std::move(config)), endpoint_(checked_endpoint(config_.base_url)) {
  check_config(config_);
}

std::string OpenAiChatModel::describe() const {
  return "openai " + config_.model + " @ " + url_host(endpoint_);
}

ChatReply OpenAiChatModel::complete(const ChatRequest& request) {
  try {
    return complete_unredacted(request);
  } catch (const ChatModelError& error) {
    // Whatever a server echoed back (a key in an error message) stops here.
    throw ChatModelError(error.kind(), redacted(error.what(), config_.api_key));
  }
}

ChatReply OpenAiChatModel::complete_unredacted(const ChatRequest& request) {
  const auto started = Clock::now();
  const bool stream = static_cast<bool>(request.on_text);
  const std::vector<std::string> tools = tool_names(request.tools);

  HttpPostRequest post;
  post.url = endpoint_;
  post.body = openai_request_body(request, {config_.model, stream, config_.stream_usage});
  post.headers = {"Content-Type: application/json",
                  stream ? "Accept: text/event-stream" : "Accept: application/json"};
  if (!config_.api_key.empty()) post.headers.push_back("Authorization: Bearer " + config_.api_key);
  for (const auto& [name, value] : config_.extra_headers)
    post.headers.push_back(name + ": " + value);
  post.connect_timeout = config_.connect_timeout;
  post.stall_timeout = config_.stall_timeout;
  post.cancel = request.cancel;
  post.max_response_bytes = config_.max_response_bytes;
  const auto overall_deadline = request.deadline.value_or(Clock::time_point::max());
  const RetryPolicy retry_policy{config_.retry_base_delay, config_.max_retry_delay};

  for (int tries = 1;; ++tries) {
    const auto attempt_start = Clock::now();
    const auto own_limit = attempt_start + config_.request_timeout;
    post.deadline = std::min(overall_deadline, own_limit);
    OpenAiStreamReader reader(tools, request.on_text);
    if (stream) post.on_body = [&reader](std::string_view bytes) { return reader.feed(bytes); };

    const HttpPostResult result = http_post(post);
    const std::string& where = endpoint_;
    std::optional<AttemptFailure> failure;
    switch (result.outcome) {
      case HttpOutcome::kCompleted:
        if (result.status >= 200 && result.status < 300) {
          ChatReply reply = stream ? reader.finish() : parse_openai_completion(result.body, tools);
          if (reply.model.empty()) reply.model = config_.model;
          reply.seconds = std::chrono::duration<double>(Clock::now() - started).count();
          return reply;
        }
        failure =
            AttemptFailure{status_error(result.status, result.body, where, config_.model, tries),
                           is_retryable_status(result.status), result.retry_after};
        break;
      case HttpOutcome::kConnectionLost:
        failure = AttemptFailure{
            ChatModelError(Kind::kServer, "the connection to " + where +
                                              " broke before the answer was complete (" +
                                              result.detail + ")"),
            !result.body_started, ""};
        break;
      case HttpOutcome::kUnreachable:
        throw ChatModelError(Kind::kUnreachable, "cannot reach the model server at " + where +
                                                     " (" + result.detail +
                                                     "): check that it runs and the base URL");
      case HttpOutcome::kTimedOut: {
        const bool own = own_limit <= overall_deadline;
        throw ChatModelError(
            Kind::kTimeout,
            "no complete answer from " + where + " within " +
                (own ? seconds_text(seconds_of(config_.request_timeout)) + " (request_timeout)"
                     : std::string("the request's deadline")));
      }
      case HttpOutcome::kStalled:
        throw ChatModelError(Kind::kTimeout, "the model server at " + where + " said nothing for " +
                                                 seconds_text(seconds_of(config_.stall_timeout)) +
                                                 ": it is stuck or overloaded");
      case HttpOutcome::kCancelled:
        throw ChatModelError(Kind::kCancelled, "the request was cancelled");
      case HttpOutcome::kTooLarge:
        throw ChatModelError(Kind::kBadResponse,
                             "the answer from " + where + " is larger than " +
                                 std::to_string(config_.max_response_bytes) +
                                 " bytes: check that the base URL points at a chat server");
      case HttpOutcome::kFailed:
        throw ChatModelError(Kind::kBadResponse,
                             "the exchange with " + where + " failed: " + result.detail);
    }

    if (!failure->retryable || tries > config_.max_retries) throw failure->error;
    const auto delay = retry_delay(tries, retry_policy, failure->retry_after, random_jitter());
    // A wait the deadline would cut short is pointless: report the error now.
    if (!delay || Clock::now() + *delay >= overall_deadline) throw failure->error;
    pause(*delay, request.cancel);
  }
}

}  // namespace codriver::llm
