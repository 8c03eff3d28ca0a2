// The streaming <tool_call> / <think> parser on outputs written in Qwen's published format
// (Qwen2.5's and Qwen3's templates: "<tool_call>\n{"name": ..., "arguments": ...}\n</tool_call>",
// "<think>\n...\n</think>\n\n"), each fed whole, in every 2-way split, byte by byte and in
// seeded random pieces: the events must not depend on where the chunks end.
#include "llm/chat/tool_call_parser.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace codriver::llm::chat {
namespace {

const std::vector<std::string> kTools{"search_places", "get_weather", "stop_navigation",
                                      "send_message"};

struct Expected {
  ChatEventKind kind;
  std::string text;       // kText, kReasoning
  std::string name;       // kToolCall, kInvalidToolCall (may be empty)
  std::string arguments;  // kToolCall
  std::string error;      // kInvalidToolCall: a part of the message
};

Expected text(std::string t) {
  return {ChatEventKind::kText, std::move(t), "", "", ""};
}
Expected reasoning(std::string t) {
  return {ChatEventKind::kReasoning, std::move(t), "", "", ""};
}
Expected call(std::string name, std::string arguments) {
  return {ChatEventKind::kToolCall, "", std::move(name), std::move(arguments), ""};
}
Expected invalid(std::string error, std::string name = "") {
  return {ChatEventKind::kInvalidToolCall, "", std::move(name), "", std::move(error)};
}

struct Fixture {
  std::string name;
  std::string output;  // what the model wrote
  std::vector<Expected> events;
  ToolCallParserOptions options{kTools, true, false};
};

const std::string kSearch =
    "<tool_call>\n{\"name\": \"search_places\", \"arguments\": {\"query\": \"noodles\", "
    "\"max_results\": 3}}\n</tool_call>";
const std::string kSearchArguments = "{\"query\": \"noodles\", \"max_results\": 3}";

std::vector<Fixture> fixtures() {
  std::vector<Fixture> all{
      {"plain answer",
       "The nearest charging station is 2 km ahead.",
       {text("The nearest charging station is 2 km ahead.")}},
      {"one call", kSearch, {call("search_places", kSearchArguments)}},
      {"text then call (Qwen2.5 writes content, newline, call)",
       "Let me look that up.\n" + kSearch,
       {text("Let me look that up."), call("search_places", kSearchArguments)}},
      {"two calls",
       "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n"
       "</tool_call>\n<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": "
       "\"Lyon\"}}\n</tool_call>",
       {call("get_weather", "{\"city\": \"Paris\"}"), call("get_weather", "{\"city\": \"Lyon\"}")}},
      {"Qwen3 thinking then call",
       "<think>\nThe driver wants noodles. I should search.\n</think>\n\n" + kSearch,
       {reasoning("The driver wants noodles. I should search."),
        call("search_places", kSearchArguments)}},
      {"Qwen3 empty thinking then answer",
       "<think>\n\n</think>\n\nTurn left in 200 metres.",
       {text("Turn left in 200 metres.")}},
      {"Qwen3 multi-line thinking and answer",
       "<think>\nFirst line.\n\nSecond line.\n</think>\n\nIt is 21 degrees.\nSunny.",
       {reasoning("First line.\n\nSecond line."), text("It is 21 degrees.\nSunny.")}},
      {"call without arguments",
       "<tool_call>\n{\"name\": \"stop_navigation\"}\n</tool_call>",
       {call("stop_navigation", "{}")}},
      {"compact JSON and no newlines",
       "<tool_call>{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Nice\"}}</tool_call>",
       {call("get_weather", "{\"city\":\"Nice\"}")}},
      {"malformed JSON",
       "<tool_call>\n{\"name\": \"search_places\", \"arguments\": {\"query\": \"noodles\"}\n"
       "</tool_call>",
       {invalid("invalid JSON")}},
      {"missing name",
       "<tool_call>\n{\"arguments\": {\"query\": \"x\"}}\n</tool_call>",
       {invalid("no \"name\"")}},
      {"arguments not an object",
       "<tool_call>\n{\"name\": \"search_places\", \"arguments\": \"noodles\"}\n</tool_call>",
       {invalid("not a JSON object", "search_places")}},
      {"unknown tool",
       "<tool_call>\n{\"name\": \"launch_rocket\", \"arguments\": {}}\n</tool_call>",
       {invalid("unknown tool \"launch_rocket\"", "launch_rocket")}},
      {"a call that is not an object",
       "<tool_call>\n[\"search_places\"]\n</tool_call>",
       {invalid("not a JSON object")}},
      {"angle brackets that are no tags",
       "Keep speed < 50 km/h near <school> zones; <tool_ is not a tag <think",
       {text("Keep speed < 50 km/h near <school> zones; <tool_ is not a tag <think")}},
      {"unterminated call whose JSON is complete (the model stopped early)",
       "<tool_call>\n{\"name\": \"stop_navigation\", \"arguments\": {}}",
       {call("stop_navigation", "{}")}},
      {"unterminated call cut short",
       "Okay.\n<tool_call>\n{\"name\": \"stop_nav",
       {text("Okay."), invalid("without </tool_call>")}},
      {"a second <tool_call> closes a call left open",
       "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}\n"
       "<tool_call>\n{\"name\": \"stop_navigation\", \"arguments\": {}}\n</tool_call>",
       {call("get_weather", "{\"city\": \"Paris\"}"), call("stop_navigation", "{}")}},
      {"Mandarin, emoji and a call",
       "好的，我来查一下附近的面馆 🍜\n<tool_call>\n{\"name\": \"search_places\", "
       "\"arguments\": {\"query\": \"面馆\"}}\n</tool_call>",
       {text("好的，我来查一下附近的面馆 🍜"), call("search_places", "{\"query\": \"面馆\"}")}},
      {"tags inside a call's strings are data",
       "<tool_call>\n{\"name\": \"send_message\", \"arguments\": {\"text\": \"<think> and "
       "<|im_end|>\"}}\n</tool_call>",
       {call("send_message", "{\"text\": \"<think> and <|im_end|>\"}")}},
      {"text after calls",
       kSearch + "\n\nI am searching now.",
       {call("search_places", kSearchArguments), text("I am searching now.")}},
      {"stray closing tags are markup, not words",
       "Done.</tool_call> Really </think>done.",
       {text("Done. Really done.")}},
      {"inner whitespace of the text is kept",
       "Line one.\n\n  Line two.  ",
       {text("Line one.\n\n  Line two.")}},
  };
  Fixture no_tools{"a request without tools: <tool_call> is just text",
                   "Use <tool_call> tags.<think>\nhm\n</think>\nok",
                   {text("Use <tool_call> tags."), reasoning("hm"), text("ok")}};
  no_tools.options.parse_tool_calls = false;
  all.push_back(no_tools);
  Fixture open_thinking{"the prompt opened <think>",
                        "The user greets me.\n</think>\n\nHello!",
                        {reasoning("The user greets me."), text("Hello!")}};
  open_thinking.options.starts_in_thinking = true;
  all.push_back(open_thinking);
  return all;
}

// Joins adjacent text and reasoning events, which a split stream may deliver in pieces.
std::vector<ChatEvent> joined(const std::vector<ChatEvent>& events) {
  std::vector<ChatEvent> out;
  for (const ChatEvent& event : events) {
    const bool textual =
        event.kind == ChatEventKind::kText || event.kind == ChatEventKind::kReasoning;
    if (textual && !out.empty() && out.back().kind == event.kind) {
      out.back().text += event.text;
    } else {
      out.push_back(event);
    }
  }
  return out;
}

std::vector<ChatEvent> parse_in_chunks(const Fixture& fixture,
                                       const std::vector<std::size_t>& cuts) {
  ToolCallParser parser(fixture.options);
  std::vector<ChatEvent> events;
  std::size_t from = 0;
  for (const std::size_t cut : cuts) {
    for (auto& event : parser.feed(std::string_view(fixture.output).substr(from, cut - from)))
      events.push_back(std::move(event));
    from = cut;
  }
  for (auto& event : parser.feed(std::string_view(fixture.output).substr(from)))
    events.push_back(std::move(event));
  for (auto& event : parser.finish())
    events.push_back(std::move(event));
  return joined(events);
}

void expect_events(const Fixture& fixture, const std::vector<ChatEvent>& events,
                   const std::string& how) {
  SCOPED_TRACE(fixture.name + " (" + how + ")");
  ASSERT_EQ(events.size(), fixture.events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Expected& expected = fixture.events[i];
    const ChatEvent& event = events[i];
    ASSERT_EQ(static_cast<int>(event.kind), static_cast<int>(expected.kind)) << "event " << i;
    switch (expected.kind) {
      case ChatEventKind::kText:
      case ChatEventKind::kReasoning:
        EXPECT_EQ(event.text, expected.text);
        break;
      case ChatEventKind::kToolCall:
        EXPECT_EQ(event.call.name, expected.name);
        EXPECT_EQ(event.call.arguments, expected.arguments);
        break;
      case ChatEventKind::kInvalidToolCall:
        EXPECT_NE(event.error.find(expected.error), std::string::npos) << event.error;
        EXPECT_EQ(event.call.name, expected.name);
        EXPECT_NE(fixture.output.find(event.raw), std::string::npos) << event.raw;
        break;
    }
  }
}

TEST(ToolCallParserTest, RecordedOutputsFedWhole) {
  for (const Fixture& fixture : fixtures())
    expect_events(fixture, parse_in_chunks(fixture, {}), "whole");
}

TEST(ToolCallParserTest, EveryTwoWaySplitGivesTheSameEvents) {
  for (const Fixture& fixture : fixtures()) {
    for (std::size_t cut = 0; cut <= fixture.output.size(); ++cut) {
      expect_events(fixture, parse_in_chunks(fixture, {cut}), "split at " + std::to_string(cut));
    }
  }
}

TEST(ToolCallParserTest, ByteByByteGivesTheSameEvents) {
  for (const Fixture& fixture : fixtures()) {
    std::vector<std::size_t> cuts;
    for (std::size_t i = 1; i < fixture.output.size(); ++i)
      cuts.push_back(i);
    expect_events(fixture, parse_in_chunks(fixture, cuts), "byte by byte");
  }
}

TEST(ToolCallParserTest, RandomPiecesGiveTheSameEvents) {
  std::mt19937 random(20240611);
  for (const Fixture& fixture : fixtures()) {
    for (int round = 0; round < 50; ++round) {
      std::vector<std::size_t> cuts;
      for (std::size_t at = 0; at < fixture.output.size();) {
        at += 1 + random() % 7;
        if (at < fixture.output.size()) cuts.push_back(at);
      }
      expect_events(fixture, parse_in_chunks(fixture, cuts), "random " + std::to_string(round));
    }
  }
}

TEST(ToolCallParserTest, TextIsReleasedAsSoonAsItCannotBeATag) {
  ToolCallParser parser({kTools, true, false});
  auto events = parser.feed("Turn left <tool_");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].text, "Turn left");  // the space waits for the next word
  events = parser.feed("box> now");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].text, " <tool_box> now");
  EXPECT_TRUE(parser.finish().empty());
}

TEST(ToolCallParserTest, ACallIsReportedWhenItsClosingTagArrives) {
  ToolCallParser parser({kTools, true, false});
  EXPECT_TRUE(
      parser.feed("<tool_call>\n{\"name\": \"stop_navigation\", \"arguments\": {}}\n</tool_c")
          .empty());
  const auto events = parser.feed("all>");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, ChatEventKind::kToolCall);
  EXPECT_EQ(events[0].call.name, "stop_navigation");
}

TEST(ToolCallParserTest, ParsesAWholeMessage) {
  const auto output =
      parse_chat_output("<think>\nplan\n</think>\n\nChecking.\n" + kSearch +
                            "\n<tool_call>\n{\"name\": \"nope\", \"arguments\": {}}\n</tool_call>",
                        {kTools, true, false});
  EXPECT_EQ(output.reasoning, "plan");
  EXPECT_EQ(output.content, "Checking.");
  ASSERT_EQ(output.tool_calls.size(), 1u);
  EXPECT_EQ(output.tool_calls[0].name, "search_places");
  ASSERT_EQ(output.invalid_tool_calls.size(), 1u);
  EXPECT_EQ(output.invalid_tool_calls[0].call.name, "nope");
}

TEST(ToolCallParserTest, FeedingAfterFinishIsAnError) {
  ToolCallParser parser;
  parser.finish();
  EXPECT_THROW(parser.feed("x"), std::logic_error);
}

}  // namespace
}  // namespace codriver::llm::chat
