#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// What the agent asks of a language model, whoever runs it: the on-device engine or an
// OpenAI-compatible server (DashScope's compatible mode, vLLM, SGLang, llama.cpp's
// server, Ollama, `codriver llm serve`). JSON travels as text so this header needs no
// JSON library.
namespace codriver::llm {

struct ToolCall {
  std::string id;  // the server's, or one we made up ("call_1")
  std::string name;
  std::string arguments_json;  // a JSON object as text
};

struct ChatTurn {
  std::string role;  // system, user, assistant, tool
  std::string content;
  std::vector<ToolCall> tool_calls;  // assistant turns that called tools
  std::string tool_call_id;          // tool turns: which call this answers
};

struct ChatRequest {
  std::vector<ChatTurn> messages;
  // Each an OpenAI tool as JSON text:
  // {"type":"function","function":{"name","description","parameters"}}.
  std::vector<std::string> tools;
  std::string tool_choice = "auto";  // auto, none, required, or a tool's name
  int max_tokens = 512;
  float temperature = 0.0f;
  std::optional<std::uint64_t> seed;
  // The request gives up (ChatModelError kTimeout) when this passes, wherever it is.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  // Streamed text as it arrives (never inside a tool call); return false to cancel.
  std::function<bool(std::string_view)> on_text;
  // Set from another thread to cancel (ChatModelError kCancelled).
  const std::atomic<bool>* cancel = nullptr;
};

struct ChatReply {
  std::string content;    // what to show or say (thinking removed)
  std::string reasoning;  // Qwen3 thinking, if any; never spoken
  std::vector<ToolCall> tool_calls;
  std::string finish_reason;  // stop, length, tool_calls
  std::int64_t prompt_tokens = 0, completion_tokens = 0;
  double seconds = 0;
  std::string model;  // which model answered
};

class ChatModelError : public std::runtime_error {
 public:
  enum class Kind {
    kTimeout,      // the deadline or a network timeout passed
    kUnreachable,  // connection refused, DNS, TLS: the server is not there
    kAuth,         // 401/403: the key is wrong or missing
    kNotFound,     // 404: wrong URL or model name
    kRateLimited,  // 429 after the retries
    kServer,       // 5xx after the retries
    kBadRequest,   // 400/413/422: the server refused what we sent
    kBadResponse,  // not JSON, or not the shape OpenAI's API has
    kCancelled,
    kModel,        // the on-device model failed (file, context full, ...)
  };
  ChatModelError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

std::string_view error_kind_name(ChatModelError::Kind kind);  // "timeout", "unreachable", ...

class ChatModel {
 public:
  virtual ~ChatModel() = default;
  // A short description for logs and `--json`: "on-device qwen2.5-0.5b", "openai qwen-plus @ host".
  virtual std::string describe() const = 0;
  // Throws ChatModelError; never blocks past request.deadline.
  virtual ChatReply complete(const ChatRequest& request) = 0;
  // Reads the fixed beginning of the requests to come (system prompt and tools) ahead of
  // time, so the first of them starts fast. An on-device model keeps it in its cache;
  // a server has nothing to do. Throws ChatModelError.
  virtual void prepare(const ChatRequest& /*prefix*/) {}
};

}  // namespace codriver::llm
