#include "llm/chat/tool_call_parser.h"

#include <algorithm>
#include <stdexcept>

#include "llm/chat/json_value.h"

namespace codriver::llm::chat {
namespace {

constexpr std::string_view kCallOpen = "<tool_call>";
constexpr std::string_view kCallClose = "</tool_call>";
constexpr std::string_view kThinkOpen = "<think>";
constexpr std::string_view kThinkClose = "</think>";

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// The earliest tag in `text`, as (position, tag); position npos when there is none.
std::pair<std::size_t, std::string_view> find_first_tag(std::string_view text,
                                                        const std::vector<std::string_view>& tags) {
  std::pair<std::size_t, std::string_view> first{std::string_view::npos, {}};
  for (const std::string_view tag : tags) {
    const std::size_t at = text.find(tag);
    if (at < first.first) first = {at, tag};
  }
  return first;
}

// How many bytes at the end of `text` could be the start of one of `tags`.
std::size_t partial_tag_length(std::string_view text, const std::vector<std::string_view>& tags) {
  std::size_t longest = 0;
  for (const std::string_view tag : tags) {
    for (std::size_t length = std::min(tag.size() - 1, text.size()); length > longest; --length) {
      if (text.substr(text.size() - length) == tag.substr(0, length)) {
        longest = length;
        break;
      }
    }
  }
  return longest;
}

void append_event(ChatEventKind kind, std::string text, std::vector<ChatEvent>& events) {
  if (!events.empty() && events.back().kind == kind &&
      (kind == ChatEventKind::kText || kind == ChatEventKind::kReasoning)) {
    events.back().text += text;
    return;
  }
  ChatEvent event;
  event.kind = kind;
  event.text = std::move(text);
  events.push_back(std::move(event));
}

ChatEvent invalid_call(std::string_view raw, std::string error, ToolCall call = {}) {
  ChatEvent event;
  event.kind = ChatEventKind::kInvalidToolCall;
  event.raw = std::string(raw);
  event.error = std::move(error);
  event.call = std::move(call);
  return event;
}

}  // namespace

ChatEvent read_tool_call(std::string_view raw, const std::vector<std::string>& known_tools) {
  JsonValue json;
  try {
    json = parse_json(raw);
  } catch (const JsonError& error) {
    return invalid_call(raw, error.what());
  }
  if (!json.is_object()) return invalid_call(raw, "the tool call is not a JSON object");
  const JsonValue* name = json.find("name");
  if (name == nullptr) return invalid_call(raw, "the tool call has no \"name\"");
  if (!name->is_string() || name->text.empty())
    return invalid_call(raw, "the tool call's \"name\" is not a non-empty string");
  ToolCall call;
  call.name = name->text;
  call.arguments = "{}";
  if (const JsonValue* arguments = json.find("arguments")) {
    if (!arguments->is_object())
      return invalid_call(raw, "the \"arguments\" of " + call.name + " are not a JSON object",
                          call);
    call.arguments = std::string(raw.substr(arguments->begin, arguments->end - arguments->begin));
  }
  if (std::find(known_tools.begin(), known_tools.end(), call.name) == known_tools.end()) {
    std::string error = "unknown tool \"" + call.name + "\"";
    return invalid_call(raw, std::move(error), std::move(call));
  }
  ChatEvent event;
  event.kind = ChatEventKind::kToolCall;
  event.raw = std::string(raw);
  event.call = std::move(call);
  return event;
}

ToolCallParser::ToolCallParser(ToolCallParserOptions options) : options_(std::move(options)) {
  if (options_.starts_in_thinking) state_ = State::kThinking;
}

const std::vector<std::string_view>& ToolCallParser::tags() const {
  static const std::vector<std::string_view> kText{kCallOpen, kCallClose, kThinkOpen, kThinkClose};
  static const std::vector<std::string_view> kTextWithoutCalls{kThinkOpen, kThinkClose};
  static const std::vector<std::string_view> kThinking{kThinkClose};
  // A new <tool_call> before </tool_call> ends the open call: the model forgot to close.
  static const std::vector<std::string_view> kInCall{kCallClose, kCallOpen};
  switch (state_) {
    case State::kText:
      return options_.parse_tool_calls ? kText : kTextWithoutCalls;
    case State::kThinking:
      return kThinking;
    case State::kToolCall:
      return kInCall;
  }
  return kText;
}

std::vector<ChatEvent> ToolCallParser::feed(std::string_view chunk) {
  if (finished_) throw std::logic_error("ToolCallParser::feed after finish");
  pending_ += chunk;
  std::vector<ChatEvent> events;
  process(events, false);
  return events;
}

std::vector<ChatEvent> ToolCallParser::finish() {
  std::vector<ChatEvent> events;
  if (finished_) return events;
  process(events, true);
  if (state_ == State::kToolCall) end_tool_call(events, false);
  held_space_.clear();
  finished_ = true;
  return events;
}

void ToolCallParser::process(std::vector<ChatEvent>& events, bool at_end) {
  while (true) {
    const auto& state_tags = tags();
    const auto [at, tag] = find_first_tag(pending_, state_tags);
    const std::size_t usable = at != std::string_view::npos ? at
                               : at_end
                                   ? pending_.size()
                                   : pending_.size() - partial_tag_length(pending_, state_tags);
    const std::string_view before = std::string_view(pending_).substr(0, usable);
    if (state_ == State::kToolCall) {
      call_ += before;
    } else {
      emit_content(before, events);
    }
    if (at == std::string_view::npos) {
      pending_.erase(0, usable);
      return;
    }
    pending_.erase(0, at + tag.size());
    take_tag(tag, events);
  }
}

void ToolCallParser::take_tag(std::string_view tag, std::vector<ChatEvent>& events) {
  const bool stray_close = (tag == kCallClose && state_ != State::kToolCall) ||
                           (tag == kThinkClose && state_ != State::kThinking);
  if (stray_close) return;  // markup without its opening tag: dropped, not spoken
  held_space_.clear();      // whitespace next to a block belongs to the markup
  segment_start_ = true;
  if (tag == kCallOpen) {
    if (state_ == State::kToolCall) end_tool_call(events, false);
    state_ = State::kToolCall;
  } else if (tag == kCallClose) {
    end_tool_call(events, true);
    state_ = State::kText;
  } else if (tag == kThinkOpen) {
    state_ = State::kThinking;
  } else {
    state_ = State::kText;
  }
}

// Text or reasoning without the whitespace at the start of a stretch; trailing
// whitespace waits until more words follow.
void ToolCallParser::emit_content(std::string_view text, std::vector<ChatEvent>& events) {
  if (segment_start_) {
    while (!text.empty() && is_space(text.front()))
      text.remove_prefix(1);
    if (text.empty()) return;
    segment_start_ = false;
  }
  std::size_t words_end = text.size();
  while (words_end > 0 && is_space(text[words_end - 1]))
    --words_end;
  if (words_end == 0) {
    held_space_ += text;
    return;
  }
  const auto kind = state_ == State::kThinking ? ChatEventKind::kReasoning : ChatEventKind::kText;
  append_event(kind, held_space_ + std::string(text.substr(0, words_end)), events);
  held_space_ = std::string(text.substr(words_end));
}

void ToolCallParser::end_tool_call(std::vector<ChatEvent>& events, bool closed) {
  ChatEvent event = read_tool_call(call_, options_.known_tools);
  if (!closed && event.kind == ChatEventKind::kInvalidToolCall)
    event.error = "<tool_call> without </tool_call>: " + event.error;
  events.push_back(std::move(event));
  call_.clear();
}

ParsedChatOutput parse_chat_output(std::string_view text, const ToolCallParserOptions& options) {
  ToolCallParser parser(options);
  auto events = parser.feed(text);
  for (auto& event : parser.finish())
    events.push_back(std::move(event));
  ParsedChatOutput output;
  for (auto& event : events) {
    switch (event.kind) {
      case ChatEventKind::kText:
        output.content += event.text;
        break;
      case ChatEventKind::kReasoning:
        output.reasoning += event.text;
        break;
      case ChatEventKind::kToolCall:
        output.tool_calls.push_back(std::move(event.call));
        break;
      case ChatEventKind::kInvalidToolCall:
        output.invalid_tool_calls.push_back(std::move(event));
        break;
    }
  }
  return output;
}

}  // namespace codriver::llm::chat
