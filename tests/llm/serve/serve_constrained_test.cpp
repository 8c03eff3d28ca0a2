// Constrained decoding through the server, on a random model that would otherwise write
// noise: tool_choice "required" or a named function gives a call whose arguments are
// valid for that tool's parameters, and response_format gives JSON valid for its schema.
#include <gtest/gtest.h>

#include <iostream>
#include <set>

#include "serve_fixture.h"

namespace codriver::llm::serve::testing {
namespace {

const Json kTools = Json::parse(R"([
  {"type": "function", "function": {"name": "get_weather", "description": "Weather at a city",
   "parameters": {"type": "object", "properties": {
     "city": {"type": "string", "maxLength": 12}, "unit": {"enum": ["c", "f"]}},
     "required": ["city", "unit"], "additionalProperties": false}}},
  {"type": "function", "function": {"name": "set_temperature", "description": "Cabin climate",
   "parameters": {"type": "object", "properties": {
     "celsius": {"type": "integer", "minimum": 16, "maximum": 28},
     "zone": {"enum": ["driver", "passenger", "all"]}},
     "required": ["celsius"], "additionalProperties": false}}}])");

// Checks `arguments` (JSON text) against the tool's parameters, written out by hand.
void expect_valid_arguments(const std::string& name, const std::string& arguments) {
  SCOPED_TRACE(name + " " + arguments);
  const Json args = Json::parse(arguments);
  ASSERT_TRUE(args.is_object());
  if (name == "get_weather") {
    ASSERT_TRUE(args.contains("city") && args.contains("unit"));
    EXPECT_EQ(args.size(), 2u);
    ASSERT_TRUE(args["city"].is_string());
    // maxLength counts characters (code points).
    std::size_t characters = 0;
    for (const unsigned char c : args["city"].get<std::string>())
      characters += (c & 0xC0) != 0x80;
    EXPECT_LE(characters, 12u);
    EXPECT_TRUE(args["unit"] == "c" || args["unit"] == "f");
  } else {
    ASSERT_EQ(name, "set_temperature");
    ASSERT_TRUE(args.contains("celsius"));
    ASSERT_TRUE(args["celsius"].is_number_integer());
    EXPECT_GE(args["celsius"].get<int>(), 16);
    EXPECT_LE(args["celsius"].get<int>(), 28);
    if (args.contains("zone")) {
      const std::set<std::string> zones{"driver", "passenger", "all"};
      EXPECT_TRUE(args["zone"].is_string() && zones.count(args["zone"].get<std::string>()));
    }
    EXPECT_LE(args.size(), 2u);
    for (const auto& [key, value] : args.items())
      EXPECT_TRUE(key == "celsius" || key == "zone");
  }
}

Json tool_request(const Json& tool_choice, int seed) {
  return chat_body("Make it warmer and tell me the weather in Paris",
                   Json{{"tools", kTools},
                        {"tool_choice", tool_choice},
                        {"temperature", 1.0},
                        {"seed", seed},
                        {"max_tokens", 200}});
}

TEST(ServeConstrainedTest, RequiredToolChoiceGivesAValidCall) {
  TestServer server;
  std::set<std::string> names;
  for (int seed = 1; seed <= 6; ++seed) {
    const auto response = server.post(tool_request("required", seed));
    ASSERT_EQ(response.status, 200) << response.body;
    const Json choice = Json::parse(response.body)["choices"][0];
    EXPECT_EQ(choice["finish_reason"], "tool_calls") << response.body;
    const Json& calls = choice["message"]["tool_calls"];
    ASSERT_EQ(calls.size(), 1u) << response.body;
    EXPECT_TRUE(choice["message"]["content"].is_null());
    EXPECT_TRUE(calls[0]["id"].get<std::string>().starts_with("call_"));
    EXPECT_EQ(calls[0]["type"], "function");
    const std::string name = calls[0]["function"]["name"];
    names.insert(name);
    expect_valid_arguments(name, calls[0]["function"]["arguments"]);
  }
  EXPECT_FALSE(names.empty());
}

TEST(ServeConstrainedTest, ANamedFunctionIsTheOneCalled) {
  TestServer server;
  for (int seed = 1; seed <= 4; ++seed) {
    for (const char* name : {"set_temperature", "get_weather"}) {
      const auto response = server.post(
          tool_request(Json{{"type", "function"}, {"function", {{"name", name}}}}, seed));
      ASSERT_EQ(response.status, 200) << response.body;
      const Json call = Json::parse(response.body)["choices"][0]["message"]["tool_calls"][0];
      EXPECT_EQ(call["function"]["name"], name);
      expect_valid_arguments(name, call["function"]["arguments"]);
    }
  }
}

TEST(ServeConstrainedTest, AStreamedRequiredCallArrivesAsOneToolCallDelta) {
  TestServer server;
  Json request = tool_request("required", 3);
  request["stream"] = true;
  const auto response = server.post(request);
  ASSERT_EQ(response.status, 200) << response.body;
  const auto events = sse_data(response.body);
  ASSERT_EQ(events.back(), "[DONE]");
  int calls = 0;
  std::string finish_reason;
  for (std::size_t i = 0; i + 1 < events.size(); ++i) {
    const Json choice = Json::parse(events[i])["choices"][0];
    if (!choice["finish_reason"].is_null()) finish_reason = choice["finish_reason"];
    if (!choice["delta"].contains("tool_calls")) continue;
    const Json& call = choice["delta"]["tool_calls"][0];
    EXPECT_EQ(call["index"], 0);
    EXPECT_TRUE(call["id"].get<std::string>().starts_with("call_"));
    expect_valid_arguments(call["function"]["name"], call["function"]["arguments"]);
    ++calls;
  }
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(finish_reason, "tool_calls");
}

TEST(ServeConstrainedTest, JsonSchemaResponseFormatGivesValidJson) {
  const Json schema = Json::parse(R"({"type": "object", "properties": {
      "answer": {"type": "string", "maxLength": 16},
      "count": {"type": "integer", "minimum": 0, "maximum": 99},
      "ok": {"type": "boolean"}},
      "required": ["answer", "count", "ok"], "additionalProperties": false})");
  TestServer server;
  for (int seed = 1; seed <= 6; ++seed) {
    const auto response = server.post(chat_body(
        "Answer in JSON",
        Json{{"response_format",
              {{"type", "json_schema"}, {"json_schema", {{"name", "answer"}, {"schema", schema}}}}},
             {"temperature", 1.0},
             {"seed", seed},
             {"max_tokens", 200}}));
    ASSERT_EQ(response.status, 200) << response.body;
    const Json choice = Json::parse(response.body)["choices"][0];
    EXPECT_EQ(choice["finish_reason"], "stop");
    const Json value = Json::parse(choice["message"]["content"].get<std::string>());
    SCOPED_TRACE(value.dump());
    ASSERT_TRUE(value.is_object());
    EXPECT_EQ(value.size(), 3u);
    EXPECT_TRUE(value["answer"].is_string());
    ASSERT_TRUE(value["count"].is_number_integer());
    EXPECT_GE(value["count"].get<int>(), 0);
    EXPECT_LE(value["count"].get<int>(), 99);
    EXPECT_TRUE(value["ok"].is_boolean());
  }
}

// Any object at all: a random model may nest without end, so the budget can run out
// first; what it wrote is then the start of an object, never anything else.
TEST(ServeConstrainedTest, JsonObjectResponseFormatGivesAnObjectOrItsStart) {
  TestServer server;
  int complete = 0;
  for (int seed = 1; seed <= 6; ++seed) {
    const auto response =
        server.post(chat_body("Answer in JSON", Json{{"response_format", {{"type", "json_object"}}},
                                                     {"temperature", 1.0},
                                                     {"seed", seed},
                                                     {"max_tokens", 300}}));
    ASSERT_EQ(response.status, 200) << response.body;
    const Json choice = Json::parse(response.body)["choices"][0];
    const std::string content = choice["message"]["content"];
    SCOPED_TRACE(content);
    ASSERT_TRUE(content.starts_with("{"));
    if (choice["finish_reason"] == "stop") {
      EXPECT_TRUE(Json::parse(content).is_object());
      ++complete;
    } else {
      EXPECT_EQ(choice["finish_reason"], "length");
      EXPECT_THROW(Json::parse(content), Json::parse_error);
    }
  }
  std::cout << complete << " of 6 objects complete within 300 tokens\n";
}

}  // namespace
}  // namespace codriver::llm::serve::testing
