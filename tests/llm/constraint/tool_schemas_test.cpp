#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "agent/agent_world.h"
#include "agent/tools.h"
#include "constraint_test_support.h"
#include "map/bundle.h"
#include "support/test_support.h"

// Every tool the co-driver registers, as a model would call it under constrained decoding.
namespace codriver::llm::engine::testing {
namespace {

using nlohmann::json;

class ToolSchemasTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new codriver::testing::TempDir();
    map::import_bundle(codriver::testing::shared_data("osm/monaco.osm.pbf"),
                       scratch_->path() / "monaco");
    world_ = new agent::AgentWorld(agent::AgentOptions{scratch_->path() / "monaco", ":memory:"});
    registry_ = new agent::ToolRegistry(agent::make_tool_registry(*world_));
  }
  static void TearDownTestSuite() {
    delete registry_;
    delete world_;
    delete scratch_;
  }

  static const json& parameters(const std::string& tool) {
    return registry_->find(tool)->parameters;
  }

  static codriver::testing::TempDir* scratch_;
  static agent::AgentWorld* world_;
  static agent::ToolRegistry* registry_;
};

codriver::testing::TempDir* ToolSchemasTest::scratch_ = nullptr;
agent::AgentWorld* ToolSchemasTest::world_ = nullptr;
agent::ToolRegistry* ToolSchemasTest::registry_ = nullptr;

TEST_F(ToolSchemasTest, EveryToolSchemaCompiles) {
  ASSERT_GE(registry_->names().size(), 8u);
  for (const auto& name : registry_->names()) {
    EXPECT_NO_THROW(JsonSchemaConstraint::from_schema(parameters(name).dump())) << name;
  }
}

TEST_F(ToolSchemasTest, RandomCallsOfEveryToolAreValidForTheRegistry) {
  const auto tokens = random_writer_tokens();
  std::mt19937_64 rng(8);
  for (const auto& name : registry_->names()) {
    const auto constraint = JsonSchemaConstraint::from_schema(parameters(name).dump());
    for (int i = 0; i < 150; ++i) {
      const RandomWrite write = write_randomly(constraint, tokens, rng, 100000);
      ASSERT_EQ(write.problem, "") << name;
      ASSERT_TRUE(write.finished) << name;
      const json arguments = json::parse(write.text);  // throws (fails) when not JSON
      const auto violations = registry_->validate(name, arguments);
      ASSERT_TRUE(violations.empty())
          << name << " " << write.text << ": " << violations.front().path << " "
          << violations.front().message;
    }
  }
}

TEST_F(ToolSchemasTest, EvenAWriterThatNeverClosesAnythingEarlyFinishesEveryCall) {
  const auto tokens = random_writer_tokens();
  std::mt19937_64 rng(9);
  std::size_t longest = 0;
  for (const auto& name : registry_->names()) {
    const auto constraint = JsonSchemaConstraint::from_schema(parameters(name).dump());
    for (int i = 0; i < 2; ++i) {
      const RandomWrite write = write_stubbornly(constraint, tokens, rng, 100000);
      ASSERT_EQ(write.problem, "") << name;
      const auto violations = registry_->validate(name, json::parse(write.text));
      ASSERT_TRUE(violations.empty()) << name << " " << write.text;
      // The limits bound every call: find_restaurants' ten excluded cuisines of 256 code
      // points, escaped as surrogate pairs, are the most (~31 KB).
      EXPECT_LT(write.text.size(), 40000u) << name;
      longest = std::max(longest, write.text.size());
    }
  }
  std::cout << "longest stubborn call: " << longest << " bytes\n";
}

TEST_F(ToolSchemasTest, CallsAsQwenWritesThemAreAccepted) {
  // Qwen's template writes JSON with ", " and ": " separators.
  const std::vector<std::pair<std::string, std::string>> calls = {
      {"navigate_to", R"({"destination": "Casino de Monte-Carlo"})"},
      {"navigate_to", R"({"category": "restaurant", "cuisine": "italian"})"},
      {"navigate_to", R"({"lat": 43.7384, "lon": 7.4246})"},
      {"navigate_to", R"({"saved_place": "home"})"},
      {"navigate_to", R"({"place_id": 12345})"},
      {"navigate_to", R"({"destination": "北京路 \"Nord\"\n"})"},
      {"add_stop", R"({"category": "charging_station"})"},
      {"cancel_navigation", R"({})"},
      {"route_info", R"({"about": "eta"})"},
      {"find_restaurants", R"({"cuisine": "sushi", "open_now": true, "party_size": 4, )"
                           R"("max_price_level": 3, "exclude_cuisines": ["pizza", "burger"]})"},
      {"find_parking", R"({"near": "destination", "radius_m": 500, "covered": true})"},
      {"find_chargers", R"({"min_power_kw": 50.5, "sort": "distance"})"},
      {"plan_charging", R"({"saved_place": "work", "min_arrival_percent": 20})"},
      {"vehicle_status", R"({"about": "range"})"},
      {"set_preference", R"({"key": "liked_cuisine", "value": "thai"})"},
  };
  for (const auto& [tool, arguments] : calls) {
    ASSERT_NE(registry_->find(tool), nullptr) << tool;
    EXPECT_TRUE(registry_->validate(tool, json::parse(arguments)).empty()) << arguments;
    EXPECT_TRUE(whole(parameters(tool).dump(), arguments)) << tool << " " << arguments;
  }
  // And what the registry refuses, the constraint refuses too.
  const std::string navigate = parameters("navigate_to").dump();
  for (const char* refused :
       {R"({})", R"({"cuisine": "thai"})", R"({"lat": 43.7})", R"({"lat": 91, "lon": 0})",
        R"({"place_id": 0})", R"({"destination": ""})", R"({"category": "bar"})",
        R"({"destination": "x", "speed": 3})"}) {
    EXPECT_FALSE(registry_->validate("navigate_to", json::parse(refused)).empty()) << refused;
    EXPECT_FALSE(whole(navigate, refused)) << refused;
  }
}

}  // namespace
}  // namespace codriver::llm::engine::testing
