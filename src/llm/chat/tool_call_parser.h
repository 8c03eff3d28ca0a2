#pragma once

#include <string>
#include <string_view>
#include <vector>

// Reads a Qwen assistant message as it streams in, in text chunks split anywhere, and
// separates what it holds (Qwen's published format):
//
//   <think>\nreasoning\n</think>\n\n            Qwen3's thinking block (never spoken)
//   text the driver may hear
//   <tool_call>\n{"name": "f", "arguments": {...}}\n</tool_call>   (one or several)
//
// Text events never hold part of a tag: "<tool_" at the end of a chunk waits for the next
// chunk (or the end) to say whether it is a tag. The whitespace around tags and blocks
// (Qwen writes "\n" between calls, "\n\n" after </think>) is not part of the text.
namespace codriver::llm::chat {

struct ToolCall {
  std::string name;
  std::string arguments;  // the JSON object as the model wrote it ("{}" when it wrote none)
};

enum class ChatEventKind {
  kText,             // `text`: safe to show and speak
  kReasoning,        // `text`: inside <think>...</think>
  kToolCall,         // `call`: a well-formed call of a known tool
  kInvalidToolCall,  // `raw`: what stood between the tags; `error`: why it is not a call;
                     // `call`: the name and arguments when the JSON had them
};

struct ChatEvent {
  ChatEventKind kind = ChatEventKind::kText;
  std::string text;
  ToolCall call;
  std::string raw;
  std::string error;
};

struct ToolCallParserOptions {
  // Tool names a call may use; any other name is reported as kInvalidToolCall.
  std::vector<std::string> known_tools;
  // false: <tool_call> is ordinary text (a request without tools).
  bool parse_tool_calls = true;
  // The prompt already opened <think> (templates that end the generation prompt with
  // "<think>\n"): the output starts inside the thinking block.
  bool starts_in_thinking = false;
};

class ToolCallParser {
 public:
  explicit ToolCallParser(ToolCallParserOptions options = {});

  // The next chunk of model output; returns the events it completes (adjacent text or
  // reasoning pieces are joined).
  std::vector<ChatEvent> feed(std::string_view chunk);
  // The end of the output: text held back is released, and an unclosed <tool_call> is
  // reported (or taken as a call when its JSON is complete: the model stopped early).
  std::vector<ChatEvent> finish();

 private:
  enum class State { kText, kThinking, kToolCall };

  void process(std::vector<ChatEvent>& events, bool at_end);
  void take_tag(std::string_view tag, std::vector<ChatEvent>& events);
  void emit_content(std::string_view text, std::vector<ChatEvent>& events);
  void end_tool_call(std::vector<ChatEvent>& events, bool closed);
  const std::vector<std::string_view>& tags() const;

  ToolCallParserOptions options_;
  State state_ = State::kText;
  std::string pending_;        // received, not yet classified
  std::string call_;           // the body of the open <tool_call>
  std::string held_space_;     // whitespace that only counts if more text follows
  bool segment_start_ = true;  // at the start of a text or reasoning stretch
  bool finished_ = false;
};

// The whole message at once: what a non-streaming caller needs.
struct ParsedChatOutput {
  std::string content;
  std::string reasoning;
  std::vector<ToolCall> tool_calls;
  std::vector<ChatEvent> invalid_tool_calls;
};
ParsedChatOutput parse_chat_output(std::string_view text, const ToolCallParserOptions& options);

// Checks the JSON between <tool_call> and </tool_call>: an object with a string "name"
// (one of `known_tools`) and an object "arguments" (absent: "{}"). Returns a kToolCall or
// kInvalidToolCall event.
ChatEvent read_tool_call(std::string_view raw, const std::vector<std::string>& known_tools);

}  // namespace codriver::llm::chat
