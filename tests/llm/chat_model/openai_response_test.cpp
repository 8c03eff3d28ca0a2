#include "llm/chat_model/openai_response.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "openai_stream_fixtures.h"

namespace codriver::llm {
namespace {

using Kind = ChatModelError::Kind;
using testing::content_chunk;
using testing::finish_chunk;
using testing::sse;

const std::vector<std::string> kTools{"get_weather", "find_parking"};

Kind error_kind(const std::function<void()>& action, std::string* message = nullptr) {
  try {
    action();
  } catch (const ChatModelError& error) {
    if (message != nullptr) *message = error.what();
    return error.kind();
  }
  ADD_FAILURE() << "no ChatModelError";
  return Kind::kModel;
}

// The reply to `stream` fed in two pieces cut at `cut`, and the text on_text saw.
ChatReply read_split(const std::string& stream, std::size_t cut, std::string* streamed = nullptr,
                     std::vector<std::string> tools = kTools) {
  std::string seen;
  OpenAiStreamReader reader(std::move(tools), [&](std::string_view text) {
    seen += text;
    return true;
  });
  EXPECT_TRUE(reader.feed(std::string_view(stream).substr(0, cut)));
  EXPECT_TRUE(reader.feed(std::string_view(stream).substr(cut)));
  ChatReply reply = reader.finish();
  if (streamed != nullptr) *streamed = seen;
  return reply;
}

void expect_two_tool_calls(const ChatReply& reply) {
  ASSERT_EQ(reply.tool_calls.size(), 2u);
  EXPECT_EQ(reply.tool_calls[0].id, "call_a");
  EXPECT_EQ(reply.tool_calls[0].name, "get_weather");
  EXPECT_EQ(reply.tool_calls[0].arguments_json, R"({"city": "Hangzhou"})");
  EXPECT_EQ(reply.tool_calls[1].id, "call_b");
  EXPECT_EQ(reply.tool_calls[1].name, "find_parking");
  EXPECT_EQ(reply.tool_calls[1].arguments_json, R"({"near": "West Lake"})");
  EXPECT_EQ(reply.finish_reason, "tool_calls");
}

TEST(ParseOpenAiCompletion, ReadsContentFinishReasonUsageAndModel) {
  const ChatReply reply = parse_openai_completion(testing::kWholeCompletion, {});
  EXPECT_EQ(reply.content, "Hello, driver.");
  EXPECT_EQ(reply.finish_reason, "stop");
  EXPECT_EQ(reply.prompt_tokens, 12);
  EXPECT_EQ(reply.completion_tokens, 5);
  EXPECT_EQ(reply.model, "qwen-test");
  EXPECT_TRUE(reply.tool_calls.empty());
}

TEST(ParseOpenAiCompletion, ReadsToolCalls) {
  expect_two_tool_calls(parse_openai_completion(testing::kWholeToolCompletion, kTools));
}

TEST(ParseOpenAiCompletion, MovesThinkingOutOfTheContent) {
  const ChatReply reply = parse_openai_completion(
      R"({"choices":[{"message":{"content":"<think>\nThe user wants rain.\n</think>\n\nTake an umbrella."},"finish_reason":"stop"}]})",
      {});
  EXPECT_EQ(reply.content, "Take an umbrella.");
  EXPECT_NE(reply.reasoning.find("The user wants rain."), std::string::npos);
}

TEST(ParseOpenAiCompletion, TakesReasoningContentAsDashScopeSendsIt) {
  const ChatReply reply = parse_openai_completion(
      R"({"choices":[{"message":{"content":"Yes.","reasoning_content":"Checked the map."},"finish_reason":"stop"}]})",
      {});
  EXPECT_EQ(reply.content, "Yes.");
  EXPECT_EQ(reply.reasoning, "Checked the map.");
}

TEST(ParseOpenAiCompletion, ReadsToolCallsWrittenAsQwenText) {
  const ChatReply reply = parse_openai_completion(
      R"({"choices":[{"message":{"content":"<tool_call>\n{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Hangzhou\"}}\n</tool_call>\n<tool_call>\n{\"name\": \"find_parking\", \"arguments\": {\"near\": \"West Lake\"}}\n</tool_call>"},"finish_reason":"stop"}]})",
      kTools);
  EXPECT_EQ(reply.content, "");
  ASSERT_EQ(reply.tool_calls.size(), 2u);
  EXPECT_EQ(reply.tool_calls[0].id, "call_1");
  EXPECT_EQ(reply.tool_calls[0].name, "get_weather");
  EXPECT_EQ(reply.tool_calls[0].arguments_json, R"({"city": "Hangzhou"})");
  EXPECT_EQ(reply.tool_calls[1].id, "call_2");
  EXPECT_EQ(reply.finish_reason, "tool_calls");
}

TEST(ParseOpenAiCompletion, LeavesToolCallTagsAloneWhenTheRequestHadNoTools) {
  const ChatReply reply = parse_openai_completion(
      R"({"choices":[{"message":{"content":"a <tool_call> b"},"finish_reason":"stop"}]})", {});
  EXPECT_EQ(reply.content, "a <tool_call> b");
  EXPECT_TRUE(reply.tool_calls.empty());
}

TEST(ParseOpenAiCompletion, AcceptsArgumentsGivenAsAnObjectAndMissingIds) {
  const ChatReply reply = parse_openai_completion(
      R"({"choices":[{"message":{"content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Hangzhou"}}}]},"finish_reason":"tool_calls"}]})",
      kTools);
  ASSERT_EQ(reply.tool_calls.size(), 1u);
  EXPECT_EQ(reply.tool_calls[0].id, "call_1");
  EXPECT_EQ(reply.tool_calls[0].arguments_json, R"({"city":"Hangzhou"})");
}

TEST(ParseOpenAiCompletion, WrongShapesAreBadResponsesWithAnExcerpt) {
  std::string message;
  EXPECT_EQ(error_kind([] { parse_openai_completion("<html>Bad Gateway</html>", {}); }, &message),
            Kind::kBadResponse);
  EXPECT_NE(message.find("<html>Bad Gateway"), std::string::npos) << message;
  EXPECT_EQ(error_kind([] { parse_openai_completion(R"({"choices":[]})", {}); }),
            Kind::kBadResponse);
  EXPECT_EQ(error_kind([] { parse_openai_completion(R"([1,2])", {}); }), Kind::kBadResponse);
  EXPECT_EQ(error_kind([] { parse_openai_completion(R"({"choices":[{"text":"hi"}]})", {}); }),
            Kind::kBadResponse);
  EXPECT_EQ(error_kind(
                [] { parse_openai_completion(R"({"choices":[{"message":{"content":42}}]})", {}); }),
            Kind::kBadResponse);
  EXPECT_EQ(error_kind([] {
              parse_openai_completion(
                  R"({"choices":[{"message":{"tool_calls":[{"function":{}}]}}]})", {});
            }),
            Kind::kBadResponse);
  const std::string long_body(5000, 'x');
  error_kind([&] { parse_openai_completion(long_body, {}); }, &message);
  EXPECT_LT(message.size(), 400u);
}

TEST(ParseOpenAiCompletion, AnErrorObjectInA200IsAServerError) {
  std::string message;
  EXPECT_EQ(
      error_kind([] { parse_openai_completion(R"({"error":{"message":"model overloaded"}})", {}); },
                 &message),
      Kind::kServer);
  EXPECT_NE(message.find("model overloaded"), std::string::npos);
}

TEST(OpenAiStreamReader, StreamsTextAndReadsFinishUsageAndModel) {
  std::string streamed;
  const ChatReply reply = read_split(testing::text_stream(), 0, &streamed);
  EXPECT_EQ(streamed, "Hello, driver.");
  EXPECT_EQ(reply.content, "Hello, driver.");
  EXPECT_EQ(reply.finish_reason, "stop");
  EXPECT_EQ(reply.prompt_tokens, 12);
  EXPECT_EQ(reply.completion_tokens, 5);
  EXPECT_EQ(reply.model, "qwen-test");
}

TEST(OpenAiStreamReader, GivesTheSameReplyWhereverTheStreamIsSplit) {
  const std::string text = testing::text_stream();
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    std::string streamed;
    const ChatReply reply = read_split(text, cut, &streamed);
    ASSERT_EQ(reply.content, "Hello, driver.") << "split at " << cut;
    ASSERT_EQ(streamed, "Hello, driver.") << "split at " << cut;
  }
  const std::string calls = testing::tool_call_stream();
  for (std::size_t cut = 0; cut <= calls.size(); ++cut) {
    SCOPED_TRACE("split at " + std::to_string(cut));
    std::string streamed;
    expect_two_tool_calls(read_split(calls, cut, &streamed));
    ASSERT_EQ(streamed, "");
  }
}

TEST(OpenAiStreamReader, ByteByByteGivesEveryToolCall) {
  const std::string stream = testing::tool_call_stream();
  OpenAiStreamReader reader(kTools, {});
  for (const char byte : stream)
    ASSERT_TRUE(reader.feed(std::string(1, byte)));
  expect_two_tool_calls(reader.finish());
}

TEST(OpenAiStreamReader, KeepsThinkingAndQwenToolCallTextOutOfTheStreamedText) {
  const std::string stream = sse(
      {content_chunk("<thi"), content_chunk("nk>\\nRoute check.\\n</th"),
       content_chunk("ink>\\n\\nOn it. <tool"),
       content_chunk(
           "_call>\\n{\\\"name\\\": \\\"get_weather\\\", \\\"arguments\\\": {}}\\n</tool_call>"),
       finish_chunk("stop"), "[DONE]"});
  for (std::size_t cut = 0; cut <= stream.size(); cut += 7) {
    std::string streamed;
    const ChatReply reply = read_split(stream, cut, &streamed);
    ASSERT_EQ(streamed, "On it.") << "split at " << cut;
    EXPECT_EQ(reply.content, "On it.");
    EXPECT_NE(reply.reasoning.find("Route check."), std::string::npos);
    ASSERT_EQ(reply.tool_calls.size(), 1u);
    EXPECT_EQ(reply.tool_calls[0].name, "get_weather");
    EXPECT_EQ(reply.tool_calls[0].arguments_json, "{}");
    EXPECT_EQ(reply.finish_reason, "tool_calls");
  }
}

TEST(OpenAiStreamReader, ReasoningContentIsNotStreamedAsText) {
  std::string streamed;
  const ChatReply reply = read_split(sse({R"({"choices":[{"delta":{"reasoning_content":"Hmm."}}]})",
                                          content_chunk("Yes."), finish_chunk("stop"), "[DONE]"}),
                                     0, &streamed);
  EXPECT_EQ(streamed, "Yes.");
  EXPECT_EQ(reply.reasoning, "Hmm.");
}

TEST(OpenAiStreamReader, AcceptsRepeatedNamesAndMissingIndexes) {
  // DashScope repeats the name; some servers give no index and no id after the first piece.
  const ChatReply reply = read_split(
      sse({R"({"choices":[{"delta":{"tool_calls":[{"id":"call_x","function":{"name":"get_weather","arguments":"{\"city\""}}]}}]})",
           R"({"choices":[{"delta":{"tool_calls":[{"function":{"name":"get_weather","arguments":": \"Hangzhou\"}"}}]}}]})",
           R"({"choices":[{"delta":{"tool_calls":[{"id":"call_y","function":{"name":"find_parking","arguments":"{}"}}]}}]})",
           finish_chunk("tool_calls")}),
      0);
  ASSERT_EQ(reply.tool_calls.size(), 2u);
  EXPECT_EQ(reply.tool_calls[0].id, "call_x");
  EXPECT_EQ(reply.tool_calls[0].name, "get_weather");
  EXPECT_EQ(reply.tool_calls[0].arguments_json, R"({"city": "Hangzhou"})");
  EXPECT_EQ(reply.tool_calls[1].id, "call_y");
  EXPECT_EQ(reply.tool_calls[1].name, "find_parking");
}

TEST(OpenAiStreamReader, AcceptsAWholeJsonAnswerToAStreamingRequest) {
  std::string streamed;
  const ChatReply reply = read_split(testing::kWholeCompletion, 10, &streamed);
  EXPECT_EQ(streamed, "Hello, driver.");
  EXPECT_EQ(reply.completion_tokens, 5);
}

TEST(OpenAiStreamReader, OnTextReturningFalseStopsFeeding) {
  OpenAiStreamReader reader({}, [](std::string_view) { return false; });
  EXPECT_FALSE(reader.feed(testing::text_stream()));
}

TEST(OpenAiStreamReader, MalformedEventsAreBadResponses) {
  std::string message;
  EXPECT_EQ(error_kind(
                [] {
                  read_split(sse({content_chunk("Hi"), "{\"choices\": [", "[DONE]"}), 0);
                },
                &message),
            Kind::kBadResponse);
  EXPECT_NE(message.find("{\"choices\": ["), std::string::npos) << message;
  EXPECT_EQ(error_kind([] { read_split(sse({R"({"choices":[{"delta":{"content":7}}]})"}), 0); }),
            Kind::kBadResponse);
  EXPECT_EQ(
      error_kind([] {
        read_split(
            sse({R"({"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{}"}}]}}]})",
                 finish_chunk("tool_calls")}),
            0);
      }),
      Kind::kBadResponse);
}

TEST(OpenAiStreamReader, AStreamThatStopsEarlyIsABadResponse) {
  std::string message;
  EXPECT_EQ(error_kind([] { read_split(sse({content_chunk("Hel")}), 0); }, &message),
            Kind::kBadResponse);
  EXPECT_NE(message.find("ended before"), std::string::npos);
  EXPECT_EQ(error_kind([] { read_split("", 0); }), Kind::kBadResponse);
  // [DONE] alone, or a finish_reason alone, is a complete answer.
  EXPECT_EQ(read_split(sse({content_chunk("Hi"), "[DONE]"}), 0).content, "Hi");
  EXPECT_EQ(read_split(sse({content_chunk("Hi"), finish_chunk("length")}), 0).finish_reason,
            "length");
}

TEST(OpenAiStreamReader, AnErrorEventIsAServerError) {
  std::string message;
  EXPECT_EQ(
      error_kind(
          [] {
            read_split(sse({content_chunk("Hi"), R"({"error":{"message":"out of memory"}})"}), 0);
          },
          &message),
      Kind::kServer);
  EXPECT_NE(message.find("out of memory"), std::string::npos);
}

}  // namespace
}  // namespace codriver::llm
