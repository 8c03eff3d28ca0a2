#pragma once

#include <string>

#include "llm/chat_model/chat_model.h"
#include "llm/chat_model/chat_model_config.h"

// A ChatModel served by any OpenAI-compatible /chat/completions endpoint: DashScope's
// compatible mode, vLLM, SGLang, llama.cpp's server, Ollama, `codriver llm serve`.
//
// - Streams (SSE) when the request has on_text, asks for the whole answer otherwise.
// - 429 and 5xx are asked again (config.max_retries, exponential backoff with jitter,
//   Retry-After honoured), never past the request's deadline.
// - The deadline, the cancel flag and on_text returning false stop the request within
//   ~50 ms wherever it is; a server that goes silent for config.stall_timeout is kTimeout.
// - Qwen's <think>…</think> left in the content goes to reply.reasoning; tool calls written
//   as <tool_call>{…}</tool_call> text become reply.tool_calls (finish_reason "tool_calls").
// - The API key is sent only in the Authorization header: it is never in describe(), in an
//   error message (even when the server echoes it), or in any output.
// Thread-safe: complete() may run on several threads at once.
namespace codriver::llm {

class OpenAiChatModel : public ChatModel {
 public:
  // Throws OpenAiConfigError when base_url is not http(s), the model is empty, or a header
  // (the key included) holds a line break.
  explicit OpenAiChatModel(OpenAiConfig config);

  // "openai qwen-plus @ dashscope.aliyuncs.com"
  std::string describe() const override;
  ChatReply complete(const ChatRequest& request) override;

  // The URL requests go to: {base_url}/chat/completions.
  const std::string& endpoint() const { return endpoint_; }

 private:
  ChatReply complete_unredacted(const ChatRequest& request);

  OpenAiConfig config_;
  std::string endpoint_;
};

}  // namespace codriver::llm
