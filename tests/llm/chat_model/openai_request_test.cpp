#include "llm/chat_model/openai_request.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "llm/chat_model/http_url.h"

namespace codriver::llm {
namespace {

using Json = nlohmann::json;

const char* kWeatherTool =
    R"({"type":"function","function":{"name":"get_weather","description":"Weather",)"
    R"("parameters":{"type":"object","properties":{"city":{"type":"string"}}}}})";

Json body_of(const ChatRequest& request, bool stream = false, bool usage = true) {
  return Json::parse(openai_request_body(request, {"qwen-plus", stream, usage}));
}

ChatRequest tool_conversation() {
  ChatRequest request;
  request.messages = {
      {"system", "You are a co-driver.", {}, ""},
      {"user", "Weather in Hangzhou?", {}, ""},
      {"assistant", "", {{"call_1", "get_weather", R"({"city":"Hangzhou"})"}}, ""},
      {"tool", R"({"temp":21})", {}, "call_1"},
  };
  request.tools = {kWeatherTool};
  return request;
}

TEST(OpenAiRequestBody, WritesMessagesInOpenAisShape) {
  const Json body = body_of(tool_conversation());
  EXPECT_EQ(body["model"], "qwen-plus");
  const Json& messages = body["messages"];
  ASSERT_EQ(messages.size(), 4u);
  EXPECT_EQ(messages[0], (Json{{"role", "system"}, {"content", "You are a co-driver."}}));
  EXPECT_EQ(messages[1], (Json{{"role", "user"}, {"content", "Weather in Hangzhou?"}}));
  EXPECT_TRUE(messages[2]["content"].is_null());
  EXPECT_EQ(messages[2]["tool_calls"],
            Json::parse(R"([{"id":"call_1","type":"function","function":{"name":"get_weather",)"
                        R"("arguments":"{\"city\":\"Hangzhou\"}"}}])"));
  EXPECT_EQ(messages[3],
            (Json{{"role", "tool"}, {"content", R"({"temp":21})"}, {"tool_call_id", "call_1"}}));
}

TEST(OpenAiRequestBody, SendsToolsAsObjectsAndSamplingSettings) {
  ChatRequest request = tool_conversation();
  request.max_tokens = 64;
  request.temperature = 0.7f;
  request.seed = 42;
  const Json body = body_of(request);
  EXPECT_EQ(body["tools"], Json::array({Json::parse(kWeatherTool)}));
  EXPECT_EQ(body["tool_choice"], "auto");
  EXPECT_EQ(body["max_tokens"], 64);
  EXPECT_EQ(body["temperature"].get<double>(), 0.7);  // not 0.699999988
  EXPECT_EQ(body["seed"], 42);
  EXPECT_EQ(body["stream"], false);
  EXPECT_FALSE(body.contains("stream_options"));
}

TEST(OpenAiRequestBody, ToolChoiceKeywordsOrAFunctionByName) {
  ChatRequest request = tool_conversation();
  for (const char* keyword : {"auto", "none", "required"}) {
    request.tool_choice = keyword;
    EXPECT_EQ(body_of(request)["tool_choice"], keyword);
  }
  request.tool_choice = "get_weather";
  EXPECT_EQ(body_of(request)["tool_choice"],
            Json::parse(R"({"type":"function","function":{"name":"get_weather"}})"));
}

TEST(OpenAiRequestBody, LeavesOutToolsToolChoiceAndSeedWhenThereAreNone) {
  ChatRequest request;
  request.messages = {{"user", "hi", {}, ""}};
  const Json body = body_of(request);
  EXPECT_FALSE(body.contains("tools"));
  EXPECT_FALSE(body.contains("tool_choice"));
  EXPECT_FALSE(body.contains("seed"));
}

TEST(OpenAiRequestBody, StreamingAsksForUsageUnlessTurnedOff) {
  ChatRequest request;
  request.messages = {{"user", "hi", {}, ""}};
  EXPECT_EQ(body_of(request, true)["stream"], true);
  EXPECT_EQ(body_of(request, true)["stream_options"], Json::parse(R"({"include_usage":true})"));
  EXPECT_FALSE(body_of(request, true, false).contains("stream_options"));
}

TEST(OpenAiRequestBody, EmptyArgumentsAreSentAsAnEmptyObject) {
  ChatRequest request;
  request.messages = {{"assistant", "Let me look.", {{"c", "now", ""}}, ""}};
  const Json body = body_of(request);
  EXPECT_EQ(body["messages"][0]["content"], "Let me look.");
  EXPECT_EQ(body["messages"][0]["tool_calls"][0]["function"]["arguments"], "{}");
}

TEST(OpenAiRequestBody, InvalidUtf8IsReplacedNotRefused) {
  ChatRequest request;
  request.messages = {{"user", "caf\xC3", {}, ""}};
  EXPECT_NO_THROW(body_of(request));
}

TEST(OpenAiRequestBody, RefusesAToolThatIsNotJsonAndAnUnknownRole) {
  ChatRequest request = tool_conversation();
  request.tools.push_back("{not json");
  try {
    body_of(request);
    FAIL() << "no error";
  } catch (const ChatModelError& error) {
    EXPECT_EQ(error.kind(), ChatModelError::Kind::kBadRequest);
    EXPECT_NE(std::string(error.what()).find("tool 1"), std::string::npos) << error.what();
  }
  ChatRequest bad_role;
  bad_role.messages = {{"developer", "x", {}, ""}};
  EXPECT_THROW(body_of(bad_role), ChatModelError);
}

TEST(ToolNames, AreTheFunctionNames) {
  EXPECT_EQ(tool_names({kWeatherTool, "{}", "garbage",
                        R"({"type":"function","function":{"name":"navigate_to"}})"}),
            (std::vector<std::string>{"get_weather", "navigate_to"}));
}

TEST(ChatCompletionsUrl, AcceptsARootWithOrWithoutV1) {
  EXPECT_EQ(chat_completions_url("http://127.0.0.1:8080"),
            "http://127.0.0.1:8080/v1/chat/completions");
  EXPECT_EQ(chat_completions_url("http://127.0.0.1:8080/"),
            "http://127.0.0.1:8080/v1/chat/completions");
  EXPECT_EQ(chat_completions_url("http://127.0.0.1:8080/v1/"),
            "http://127.0.0.1:8080/v1/chat/completions");
  EXPECT_EQ(chat_completions_url("https://dashscope.aliyuncs.com/compatible-mode/v1"),
            "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions");
  EXPECT_EQ(chat_completions_url("http://h:1/v1/chat/completions"),
            "http://h:1/v1/chat/completions");
  EXPECT_THROW(chat_completions_url("127.0.0.1:8080"), std::invalid_argument);
  EXPECT_THROW(chat_completions_url("http://"), std::invalid_argument);
  EXPECT_THROW(chat_completions_url("http://h/v1?key=1"), std::invalid_argument);
}

TEST(UrlHost, IsHostAndPortWithoutUserInfo) {
  EXPECT_EQ(url_host("https://user:pw@dashscope.aliyuncs.com/compatible-mode/v1"),
            "dashscope.aliyuncs.com");
  EXPECT_EQ(url_host("http://127.0.0.1:8080"), "127.0.0.1:8080");
  EXPECT_EQ(url_host("no scheme"), "");
}

}  // namespace
}  // namespace codriver::llm
