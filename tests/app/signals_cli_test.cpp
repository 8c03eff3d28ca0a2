#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/cli_runner.h"
#include "support/test_support.h"

// `codriver signals decode` as scripts use it.
namespace codriver {
namespace {

using nlohmann::json;
using testing::run_codriver;
using testing::shared_data;

std::string sample(const char* name) {
  return shared_data(std::string("spat_map/") + name).string();
}

TEST(SignalsCli, DecodesTheSpatSampleToNormalisedJson) {
  const auto result = run_codriver("signals decode " + sample("spat_12111_uper.hex") +
                                   " --time 2024-12-10T17:34:40.359Z --json");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json doc = json::parse(result.stdout_only);
  EXPECT_EQ(doc["type"], "spat");
  const json& in = doc["intersections"][0];
  EXPECT_EQ(in["id"], 12111);
  ASSERT_EQ(in["states"].size(), 6u);
  const json& event = in["states"][0]["events"][0];
  EXPECT_EQ(in["states"][0]["signal_group"], 2);
  EXPECT_EQ(event["state"], "protected-Movement-Allowed");
  EXPECT_EQ(event["min_end"], "2024-12-10T17:36:52.000Z");
  EXPECT_EQ(event["max_end"], "2024-12-10T17:36:52.100Z");
  EXPECT_TRUE(event["likely"].is_null());
}

TEST(SignalsCli, DecodesTheMapSampleAndTheOdeJsonAlike) {
  const auto uper = run_codriver("signals decode " + sample("map_uper.hex") +
                                 " --time 2024-12-10T17:32:22.024Z --json");
  const auto ode = run_codriver("signals decode " + sample("ode_expected-map.json") + " --json");
  ASSERT_EQ(uper.exit_code, 0) << uper.output;
  ASSERT_EQ(ode.exit_code, 0) << ode.output;
  EXPECT_EQ(uper.stdout_only, ode.stdout_only);
  const json doc = json::parse(uper.stdout_only);
  EXPECT_EQ(doc["type"], "map");
  const json& in = doc["intersections"][0];
  EXPECT_EQ(in["id"], 12110);
  EXPECT_DOUBLE_EQ(in["ref_point"]["lat"].get<double>(), 39.5952649);
  ASSERT_EQ(in["lanes"].size(), 28u);
  EXPECT_EQ(in["lanes"][0]["lane_id"], 2);
  EXPECT_EQ(in["lanes"][0]["ingress_approach"], 1);
  EXPECT_EQ(
      in["lanes"][0]["connects_to"][0],
      (json{{"lane", 19}, {"signal_group", 4}, {"maneuvers", {"straight"}}, {"connection_id", 1}}));
}

TEST(SignalsCli, ReadsStandardInputAndPrintsForPeople) {
  const auto result = run_codriver("signals decode - --time 2024-12-10T17:34:40.359Z < " +
                                   sample("spat_12111_uper.hex"));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.stdout_only.find("SPaT (J2735 UPER (hex))"), std::string::npos) << result.output;
  EXPECT_NE(result.stdout_only.find("signal group 2: protected-Movement-Allowed (green), ends "
                                    "2024-12-10T17:36:52.000Z .. 2024-12-10T17:36:52.100Z"),
            std::string::npos)
      << result.output;
}

TEST(SignalsCli, BadInputGetsAClearError) {
  testing::TempDir scratch;
  testing::write_file(scratch / "cut.hex", "001338000817a78000008968");
  auto r = run_codriver("signals decode " + (scratch / "cut.hex").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("J2735 UPER: bit"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("the message ends"), std::string::npos) << r.output;
  r = run_codriver("signals decode " + sample("spat_12111_uper.hex") + " --time yesterday");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("--time yesterday"), std::string::npos) << r.output;
  r = run_codriver("signals decode /no/such/file");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("cannot read /no/such/file"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace codriver
