#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/monaco_cli_fixture.h"

namespace codriver::testing {
namespace {

using nlohmann::json;

class AssistantCliTest : public MonacoCliTest {};

TEST_F(AssistantCliTest, AskJsonHasTheDocumentedShape) {
  const auto result =
      run_codriver("ask --map " + bundle() + " --json '帮我找一家附近的餐厅，别太贵' 2>/dev/null");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json answer = json::parse(result.output);
  for (const char* key : {"lang", "intent", "tool_calls", "speech", "cards", "confidence"}) {
    EXPECT_TRUE(answer.contains(key)) << key << " in " << result.output;
  }
  EXPECT_EQ(answer["lang"], "zh");
  EXPECT_EQ(answer["intent"], "find_restaurants");
  EXPECT_EQ(answer["tool_calls"][0]["arguments"]["max_price_level"], 2);
  EXPECT_GT(answer["cards"].size(), 0u);
}

TEST_F(AssistantCliTest, MovingCarGetsAQuestionBeforeTheRouteChanges) {
  const auto result = run_codriver("ask --map " + bundle() +
                                   " --speed 40 --json 'navigate to Parking du Port' 2>/dev/null");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json answer = json::parse(result.output);
  EXPECT_EQ(answer["tool_calls"][0]["status"], "pending_confirmation");
}

TEST_F(AssistantCliTest, ChatKeepsStateAcrossTurns) {
  const auto result = run_codriver("chat --map " + bundle() +
                                   " <<'EOF'\nfind parking\nthe second one\n/state\n/quit\nEOF");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("\"selected\": 1"), std::string::npos) << result.output;
}

TEST_F(AssistantCliTest, BadInputIsAClearError) {
  const auto no_map = run_codriver("ask --map /nonexistent/bundle 'hello' 2>&1");
  EXPECT_NE(no_map.exit_code, 0);
  EXPECT_NE(no_map.output.find("/nonexistent/bundle"), std::string::npos) << no_map.output;
  const auto bad_lang = run_codriver("ask --map " + bundle() + " --lang fr 'hello' 2>&1");
  EXPECT_NE(bad_lang.exit_code, 0);
}

}  // namespace
}  // namespace codriver::testing
