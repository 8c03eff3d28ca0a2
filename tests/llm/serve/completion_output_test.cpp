// How a Qwen message reaches an OpenAI client when the model writes its own tool calls
// (tool_choice "auto"): parser events become deltas and the final message. A random model
// never writes a well-formed <tool_call>, so this is checked on a recorded output.
#include <gtest/gtest.h>

#include "llm/chat/tool_call_parser.h"
#include "llm/serve/chat_completion.h"
#include "llm/serve/openai_json.h"

namespace codriver::llm::serve {
namespace {

using Json = nlohmann::ordered_json;

const std::string kQwen3Output =
    "<think>\nThe driver wants noodles and fuel.\n</think>\n\nOn it.\n"
    "<tool_call>\n{\"name\": \"search_places\", \"arguments\": {\"query\": \"noodles\"}}\n"
    "</tool_call>\n<tool_call>\n{\"name\": \"search_places\", \"arguments\": {\"query\": "
    "\"fuel\", \"max_results\": 2}}\n</tool_call>\n<tool_call>\n{\"name\": \"fly\", "
    "\"arguments\": {}}\n</tool_call>";

TEST(CompletionOutputTest, StreamsTextReasoningAndCallsAsOpenAIDeltas) {
  CompletionResult result;
  std::vector<Json> deltas;
  CompletionCallbacks callbacks;
  callbacks.on_delta = [&](const Json& delta) {
    deltas.push_back(delta);
    return true;
  };
  CompletionOutput output(result, callbacks);
  chat::ToolCallParser parser({{"search_places"}, true, false});
  for (const char c : kQwen3Output)
    ASSERT_TRUE(output.events(parser.feed(std::string(1, c))));
  ASSERT_TRUE(output.events(parser.finish()));

  std::string reasoning, content;
  std::vector<Json> calls;
  for (const Json& delta : deltas) {
    ASSERT_EQ(delta.size(), 1u) << delta.dump();
    if (delta.contains("reasoning_content"))
      reasoning += delta["reasoning_content"].get<std::string>();
    if (delta.contains("content")) content += delta["content"].get<std::string>();
    if (delta.contains("tool_calls")) calls.push_back(delta["tool_calls"][0]);
  }
  EXPECT_EQ(reasoning, "The driver wants noodles and fuel.");
  EXPECT_EQ(
      content,
      "On it.<tool_call>\n{\"name\": \"fly\", \"arguments\": {}}\n</tool_call>");  // unknown tool
  ASSERT_EQ(calls.size(), 2u);
  for (std::size_t i = 0; i < calls.size(); ++i) {
    EXPECT_EQ(calls[i]["index"], i);
    EXPECT_EQ(calls[i]["type"], "function");
    EXPECT_EQ(calls[i]["id"], result.tool_call_ids[i]);
    EXPECT_EQ(calls[i]["function"]["name"], "search_places");
  }
  EXPECT_EQ(calls[1]["function"]["arguments"], "{\"query\": \"fuel\", \"max_results\": 2}");
  EXPECT_NE(result.tool_call_ids[0], result.tool_call_ids[1]);

  result.finish_reason = "tool_calls";
  result.prompt_tokens = 30;
  result.completion_tokens = 70;
  const Json body = completion_body({"chatcmpl-1", 1700000000, "qwen"}, result);
  const Json& message = body["choices"][0]["message"];
  EXPECT_EQ(message["content"], content);
  EXPECT_EQ(message["reasoning_content"], reasoning);
  ASSERT_EQ(message["tool_calls"].size(), 2u);
  EXPECT_EQ(message["tool_calls"][0]["function"]["arguments"], "{\"query\": \"noodles\"}");
  EXPECT_EQ(body["choices"][0]["finish_reason"], "tool_calls");
  EXPECT_EQ(body["usage"]["total_tokens"], 100);
}

TEST(CompletionOutputTest, CallsAloneHaveNullContent) {
  CompletionResult result;
  CompletionOutput output(result, {});
  ASSERT_TRUE(output.call({"stop_navigation", "{}"}));
  result.finish_reason = "tool_calls";
  const Json message = completion_body({"chatcmpl-2", 0, "qwen"}, result)["choices"][0]["message"];
  EXPECT_TRUE(message["content"].is_null());
  EXPECT_FALSE(message.contains("reasoning_content"));
  EXPECT_TRUE(message["tool_calls"][0]["id"].get<std::string>().starts_with("call_"));
}

TEST(CompletionOutputTest, ACallbackThatSaysStopIsHeard) {
  CompletionResult result;
  CompletionCallbacks callbacks;
  callbacks.on_delta = [](const Json&) { return false; };
  callbacks.on_idle = [] { return false; };
  CompletionOutput output(result, callbacks);
  EXPECT_FALSE(output.content("hello"));
  EXPECT_FALSE(output.idle());
  EXPECT_EQ(result.content, "hello");
}

TEST(CompletionOutputTest, FramesServerSentEvents) {
  EXPECT_EQ(sse_event(Json{{"a", "x\ny"}}), "data: {\"a\":\"x\\ny\"}\n\n");
  EXPECT_STREQ(kSseDone, "data: [DONE]\n\n");
}

}  // namespace
}  // namespace codriver::llm::serve
