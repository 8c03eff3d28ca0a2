#include "llm/chat_model/openai_content.h"

#include <utility>

namespace codriver::llm {
namespace {

chat::ToolCallParserOptions parser_options(std::vector<std::string> tools) {
  chat::ToolCallParserOptions options;
  options.parse_tool_calls = !tools.empty();
  options.known_tools = std::move(tools);
  return options;
}

}  // namespace

ContentSplitter::ContentSplitter(std::vector<std::string> tools)
    : parser_(parser_options(std::move(tools))) {}

std::string ContentSplitter::feed(std::string_view content) {
  return take(parser_.feed(content));
}

std::string ContentSplitter::finish() {
  return take(parser_.finish());
}

std::string ContentSplitter::take(const std::vector<chat::ChatEvent>& events) {
  std::string text;
  for (const chat::ChatEvent& event : events) {
    switch (event.kind) {
      case chat::ChatEventKind::kText:
        text += event.text;
        break;
      case chat::ChatEventKind::kReasoning:
        reasoning_ += event.text;
        break;
      case chat::ChatEventKind::kToolCall:
      case chat::ChatEventKind::kInvalidToolCall:
        if (!event.call.name.empty()) {
          tool_calls_.push_back(ToolCall{
              "", event.call.name, event.call.arguments.empty() ? "{}" : event.call.arguments});
        }
        break;
    }
  }
  content_ += text;
  return text;
}

}  // namespace codriver::llm
