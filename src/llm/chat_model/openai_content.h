#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "llm/chat/tool_call_parser.h"
#include "llm/chat_model/chat_model.h"

// What some servers leave in an assistant message's text, taken out of it: Qwen3's
// <think>…</think> (vLLM or Ollama without a reasoning parser) goes to the reasoning, and
// <tool_call>{…}</tool_call> (Qwen deployments without a tool parser) becomes tool calls.
// Works on text streamed in pieces split anywhere, using the Qwen output parser.
namespace codriver::llm {

class ContentSplitter {
 public:
  // `tools`: the request's tool names; tool calls are only read from text when there are.
  explicit ContentSplitter(std::vector<std::string> tools);

  // The next piece of content; returns the part that is plain text (may be empty).
  std::string feed(std::string_view content);
  // The end of the content; returns plain text held back until now.
  std::string finish();

  const std::string& content() const { return content_; }
  const std::string& reasoning() const { return reasoning_; }
  // Calls found in the text, without ids. A call of an unknown tool is kept (the agent
  // answers it with an error); text between tags that is not a call at all is dropped.
  const std::vector<ToolCall>& tool_calls() const { return tool_calls_; }

 private:
  std::string take(const std::vector<chat::ChatEvent>& events);

  chat::ToolCallParser parser_;
  std::string content_;
  std::string reasoning_;
  std::vector<ToolCall> tool_calls_;
};

}  // namespace codriver::llm
