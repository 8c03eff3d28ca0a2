#include "llm/chat_model/sse_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace codriver::llm {
namespace {

std::vector<std::string> data_of(const std::vector<SseEvent>& events) {
  std::vector<std::string> data;
  for (const SseEvent& event : events)
    data.push_back(event.data);
  return data;
}

// Feeds `stream` cut at `cut` and returns every event's data, finish() included.
std::vector<std::string> parse_split(const std::string& stream, std::size_t cut) {
  SseParser parser;
  std::vector<SseEvent> events = parser.feed(std::string_view(stream).substr(0, cut));
  for (SseEvent& event : parser.feed(std::string_view(stream).substr(cut)))
    events.push_back(std::move(event));
  for (SseEvent& event : parser.finish())
    events.push_back(std::move(event));
  return data_of(events);
}

TEST(SseParser, ReadsDataEventsSeparatedByBlankLines) {
  SseParser parser;
  EXPECT_EQ(data_of(parser.feed("data: {\"a\":1}\n\ndata: [DONE]\n\n")),
            (std::vector<std::string>{"{\"a\":1}", "[DONE]"}));
  EXPECT_TRUE(parser.finish().empty());
}

TEST(SseParser, SkipsCommentsAndOtherFieldsAndKeepsTheEventName) {
  SseParser parser;
  const auto events =
      parser.feed(": keep-alive\n\nid: 7\nretry: 100\nevent: delta\ndata:no-space\n\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, "delta");
  EXPECT_EQ(events[0].data, "no-space");
}

TEST(SseParser, JoinsSeveralDataLinesWithNewlines) {
  SseParser parser;
  EXPECT_EQ(data_of(parser.feed("data: one\ndata: two\ndata:\n\n")),
            (std::vector<std::string>{"one\ntwo\n"}));
}

TEST(SseParser, AcceptsCrLfAndBareCrLineEnds) {
  SseParser parser;
  EXPECT_EQ(data_of(parser.feed("data: a\r\n\r\ndata: b\r\rdata: c\n\n")),
            (std::vector<std::string>{"a", "b", "c"}));
}

TEST(SseParser, GivesTheSameEventsWhereverTheStreamIsSplit) {
  const std::string stream =
      ": hello\r\n\r\ndata: {\"x\":\"a:b\"}\r\n\r\nevent: e\ndata: two\r\ndata: lines\r\n\r\n"
      "data: [DONE]\r\n\r\n";
  const std::vector<std::string> expected{"{\"x\":\"a:b\"}", "two\nlines", "[DONE]"};
  for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
    EXPECT_EQ(parse_split(stream, cut), expected) << "split at " << cut;
  }
}

TEST(SseParser, ByteByByteIsTheSameAsWhole) {
  const std::string stream = "data: a\r\n\r\ndata: b\n\n: c\n\ndata: d\r\r";
  SseParser parser;
  std::vector<std::string> data;
  for (const char byte : stream) {
    for (const SseEvent& event : parser.feed(std::string(1, byte)))
      data.push_back(event.data);
  }
  EXPECT_EQ(data, (std::vector<std::string>{"a", "b", "d"}));
}

TEST(SseParser, FinishGivesAnEventWithoutTheClosingBlankLine) {
  SseParser parser;
  EXPECT_TRUE(parser.feed("data: [DONE]").empty());
  EXPECT_EQ(data_of(parser.finish()), (std::vector<std::string>{"[DONE]"}));
  SseParser empty;
  EXPECT_TRUE(empty.finish().empty());
}

TEST(SseParser, EventsWithoutDataAreNotGiven) {
  SseParser parser;
  EXPECT_TRUE(parser.feed("event: ping\n\nid: 3\n\n\n\n").empty());
}

}  // namespace
}  // namespace codriver::llm
