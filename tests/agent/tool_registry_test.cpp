#include "agent/tool_registry.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace codriver::agent {
namespace {

using nlohmann::json;

Tool navigate_tool(int* calls = nullptr) {
  Tool tool;
  tool.name = "navigate_to";
  tool.description_en = "Start guidance to a place.";
  tool.description_zh = "导航到一个地点。";
  tool.parameters = json::parse(R"({
    "type": "object",
    "properties": {
      "destination": {"type": "string", "minLength": 1, "description": "where to"},
      "radius_m": {"type": "number", "minimum": 0, "maximum": 50000}
    },
    "required": ["destination"],
    "additionalProperties": false
  })");
  tool.changes_navigation = true;
  tool.handler = [calls](const json& arguments) {
    if (calls != nullptr) ++*calls;
    ToolResult result;
    result.data = {{"destination", arguments["destination"]}};
    result.speech_en = "Going to " + arguments["destination"].get<std::string>() + ".";
    result.speech_zh = "去" + arguments["destination"].get<std::string>() + "。";
    return result;
  };
  return tool;
}

Tool simple_tool(std::string name, std::function<ToolResult(const json&)> handler) {
  Tool tool;
  tool.name = std::move(name);
  tool.description_en = "A test tool.";
  tool.description_zh = "测试工具。";
  tool.parameters = {{"type", "object"}};
  tool.handler = std::move(handler);
  return tool;
}

ToolResult ok_result(const json&) {
  return {};
}

std::string add_error(ToolRegistry& registry, Tool tool) {
  try {
    registry.add(std::move(tool));
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

TEST(ToolRegistry, FindsToolsAndListsThemInRegistrationOrder) {
  ToolRegistry registry;
  registry.add(simple_tool("weather", ok_result));
  registry.add(navigate_tool());
  registry.add(simple_tool("forget_me", ok_result));
  EXPECT_EQ(registry.names(), (std::vector<std::string>{"weather", "navigate_to", "forget_me"}));
  ASSERT_NE(registry.find("navigate_to"), nullptr);
  EXPECT_TRUE(registry.find("navigate_to")->changes_navigation);
  EXPECT_EQ(registry.find("teleport"), nullptr);
}

TEST(ToolRegistry, RefusesADuplicateName) {
  ToolRegistry registry;
  registry.add(navigate_tool());
  EXPECT_EQ(add_error(registry, navigate_tool()), "tool \"navigate_to\": is already registered");
  EXPECT_EQ(registry.names().size(), 1u);
}

TEST(ToolRegistry, RefusesBadNames) {
  ToolRegistry registry;
  for (const std::string& name :
       std::vector<std::string>{"", "Navigate", "nav-to", "nav1", "导航", std::string(65, 'a')}) {
    EXPECT_NE(add_error(registry, simple_tool(name, ok_result)).find("the name must be"),
              std::string::npos)
        << name;
  }
  EXPECT_EQ(add_error(registry, simple_tool(std::string(64, 'a'), ok_result)), "");
}

TEST(ToolRegistry, RefusesMissingHandlerDescriptionsAndNonObjectParameters) {
  ToolRegistry registry;
  EXPECT_EQ(add_error(registry, simple_tool("weather", nullptr)),
            "tool \"weather\": has no handler");
  auto no_zh = simple_tool("weather", ok_result);
  no_zh.description_zh.clear();
  EXPECT_EQ(add_error(registry, no_zh), "tool \"weather\": description_zh is empty");
  auto array_parameters = simple_tool("weather", ok_result);
  array_parameters.parameters = {{"type", "array"}};
  EXPECT_NE(add_error(registry, array_parameters).find("\"type\": \"object\""), std::string::npos);
  EXPECT_TRUE(registry.names().empty());
}

TEST(ToolRegistry, RefusesAnUnsupportedSchemaKeywordAtRegistration) {
  ToolRegistry registry;
  auto tool = navigate_tool();
  tool.parameters["properties"]["destination"]["pattern"] = "^[a-z]+$";
  const auto error = add_error(registry, tool);
  EXPECT_EQ(error.rfind("tool \"navigate_to\": JSON Schema keyword \"pattern\" at "
                        "/properties/destination is not supported",
                        0),
            0u)
      << error;
}

TEST(ToolRegistry, ValidateReportsUnknownToolsAndViolations) {
  ToolRegistry registry;
  registry.add(navigate_tool());
  registry.add(simple_tool("weather", ok_result));
  const auto unknown = registry.validate("teleport", json::object());
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].path, "");
  EXPECT_EQ(unknown[0].message, "names no known tool \"teleport\" (known: navigate_to, weather)");
  EXPECT_TRUE(registry.validate("navigate_to", {{"destination", "Casino"}}).empty());
  const auto found =
      registry.validate("navigate_to", {{"destination", "Casino"}, {"radius_m", -3}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, "/radius_m");
}

TEST(ToolRegistry, CallRunsTheHandlerWithValidArguments) {
  ToolRegistry registry;
  int calls = 0;
  registry.add(navigate_tool(&calls));
  const auto result = registry.call({"navigate_to", {{"destination", "天安门"}}});
  EXPECT_TRUE(result.ok);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(result.data, json({{"destination", "天安门"}}));
  EXPECT_EQ(result.speech_en, "Going to 天安门.");
  EXPECT_EQ(result.speech_zh, "去天安门。");
}

TEST(ToolRegistry, CallTurnsAViolationIntoBilingualErrorsWithoutRunningTheHandler) {
  ToolRegistry registry;
  int calls = 0;
  registry.add(navigate_tool(&calls));
  const auto result =
      registry.call({"navigate_to", {{"destination", "Casino"}, {"radius_m", 90000}}});
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(result.error_en, "navigate_to: /radius_m must be at most 50000 (got 90000)");
  EXPECT_EQ(result.error_zh,
            "navigate_to 的参数 /radius_m 不对：must be at most 50000 (got 90000)");

  const auto missing = registry.call({"navigate_to", {{"radius_m", 10}}});
  EXPECT_EQ(missing.error_en,
            "navigate_to: arguments must have the required property \"destination\"");
  EXPECT_EQ(missing.error_zh,
            "navigate_to 的参数不对：must have the required property \"destination\"");

  const auto not_object = registry.call({"navigate_to", json::array()});
  EXPECT_EQ(not_object.error_en,
            "navigate_to: arguments must be an object (got an array of 0 items)");
}

TEST(ToolRegistry, CallQuotesAtMostThreeViolations) {
  ToolRegistry registry;
  registry.add(navigate_tool());
  const auto result = registry.call({"navigate_to", {{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}}});
  // Missing destination, then a, b, c, d not allowed: five in all.
  EXPECT_EQ(result.error_en,
            "navigate_to: arguments must have the required property \"destination\"; /a is not "
            "an allowed property (allowed: destination, radius_m); /b is not an allowed property "
            "(allowed: destination, radius_m); and 2 more");
  EXPECT_NE(result.error_zh.find("；还有 2 处"), std::string::npos) << result.error_zh;
}

TEST(ToolRegistry, CallCatchesHandlerExceptions) {
  ToolRegistry registry;
  registry.add(simple_tool("weather", [](const json&) -> ToolResult {
    throw std::runtime_error("the forecast feed is offline");
  }));
  registry.add(simple_tool("horn", [](const json&) -> ToolResult { throw 42; }));
  const auto failed = registry.call({"weather", json::object()});
  EXPECT_FALSE(failed.ok);
  EXPECT_EQ(failed.error_en, "weather failed: the forecast feed is offline");
  EXPECT_EQ(failed.error_zh, "weather 出错了：the forecast feed is offline");
  const auto odd = registry.call({"horn", json::object()});
  EXPECT_FALSE(odd.ok);
  EXPECT_EQ(odd.error_en, "horn failed with an unknown error");
}

TEST(ToolRegistry, CallFillsInErrorsAHandlerLeftEmpty) {
  ToolRegistry registry;
  registry.add(simple_tool("weather", [](const json&) {
    ToolResult result;
    result.ok = false;
    return result;
  }));
  registry.add(simple_tool("parking", [](const json&) {
    return tool_error("No free spaces nearby.", "附近没有空车位。");
  }));
  EXPECT_EQ(registry.call({"weather", json::object()}).error_en, "weather failed");
  const auto full = registry.call({"parking", json::object()});
  EXPECT_FALSE(full.ok);
  EXPECT_EQ(full.error_en, "No free spaces nearby.");
  EXPECT_EQ(full.error_zh, "附近没有空车位。");
}

TEST(ToolRegistry, CallOfAnUnknownToolFailsInBothLanguages) {
  ToolRegistry registry;
  registry.add(navigate_tool());
  const auto result = registry.call({"teleport", json::object()});
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error_en, "unknown tool \"teleport\"");
  EXPECT_EQ(result.error_zh, "没有叫 \"teleport\" 的工具");
  // A model's garbage name is cut and made valid UTF-8 before it is quoted.
  const auto garbage = registry.call({std::string(100, 'x') + "\xff", json::object()});
  EXPECT_EQ(garbage.error_en, "unknown tool \"" + std::string(64, 'x') + "...\"");
}

TEST(ToolRegistry, CallSurvivesDeeplyNestedArguments) {
  ToolRegistry registry;
  int calls = 0;
  registry.add(navigate_tool(&calls));
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  const auto result =
      registry.call({"navigate_to", json::parse(R"({"destination": )" + deep + "}")});
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(result.error_en,
            "navigate_to: arguments is nested more than 64 levels deep (arrays or objects "
            "inside each other)");
}

TEST(ToolRegistry, OpenAiToolsInBothLanguagesRoundTrip) {
  ToolRegistry registry;
  registry.add(navigate_tool());
  registry.add(simple_tool("weather", ok_result));
  for (const auto language : {routing::Language::kEnglish, routing::Language::kChinese}) {
    const json tools = registry.openai_tools(language);
    ASSERT_TRUE(tools.is_array());
    ASSERT_EQ(tools.size(), 2u);
    EXPECT_EQ(json::parse(tools.dump()), tools);
    const auto& navigate = tools[0];
    EXPECT_EQ(navigate.size(), 2u);  // "type" and "function", nothing else
    EXPECT_EQ(navigate["type"], "function");
    EXPECT_EQ(navigate["function"].size(), 3u);
    EXPECT_EQ(navigate["function"]["name"], "navigate_to");
    EXPECT_EQ(navigate["function"]["parameters"], navigate_tool().parameters);
    EXPECT_EQ(tools[1]["function"]["name"], "weather");
    EXPECT_EQ(tools[1]["function"]["parameters"], json({{"type", "object"}}));
  }
  EXPECT_EQ(registry.openai_tools(routing::Language::kEnglish)[0]["function"]["description"],
            "Start guidance to a place.");
  EXPECT_EQ(registry.openai_tools(routing::Language::kChinese)[0]["function"]["description"],
            "导航到一个地点。");
  EXPECT_EQ(ToolRegistry().openai_tools(routing::Language::kEnglish).dump(), "[]");
}

}  // namespace
}  // namespace codriver::agent
