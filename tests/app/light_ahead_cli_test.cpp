#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "support/cli_runner.h"
#include "support/mosquitto_broker.h"
#include "support/test_support.h"

// `codriver signals --at ...` (the light ahead) and `codriver simulate`, as scripts use them.
namespace codriver {
namespace {

using nlohmann::json;
using testing::run_codriver;

class LightAheadCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new testing::TempDir();
    const auto imported =
        run_codriver("import " + testing::shared_data("osm/nyc_greenwich_village.osm.pbf").string() +
                     " --out " + bundle());
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
  }
  static void TearDownTestSuite() { delete scratch_; }
  static std::string bundle() { return (*scratch_ / "nyc").string(); }
  static inline testing::TempDir* scratch_ = nullptr;
};

// On West 4th Street heading north-east, a light is ahead.
constexpr const char* kAhead = " --at 40.7336,-74.0027 --heading 45";

TEST_F(LightAheadCli, JsonHasTheDocumentedShapeAndFollowsTheTime) {
  std::set<std::string> states;
  for (int second = 0; second < 90; second += 7) {
    char time[40];
    std::snprintf(time, sizeof time, "2026-11-24T21:00:%02d.000Z", second % 60);
    const std::string when = second < 60 ? time : "2026-11-24T21:01:" + std::to_string(10 + second - 60) + "Z";
    const auto result = run_codriver("signals --map " + bundle() + kAhead + " --time " + when + " --json");
    ASSERT_EQ(result.exit_code, 0) << result.output;
    const auto answer = json::parse(result.stdout_only);
    for (const char* key : {"intersection_id", "distance_m", "signal_group", "state", "time_to_change_s",
                            "advice", "data_age_s"}) {
      EXPECT_TRUE(answer.contains(key)) << key;
    }
    EXPECT_GT(answer.at("distance_m").get<double>(), 0);
    EXPECT_LT(answer.at("distance_m").get<double>(), 1000);
    EXPECT_TRUE(answer.at("live").get<bool>());
    const std::string kind = answer.at("advice").at("kind");
    EXPECT_TRUE(kind == "keep" || kind == "slow_to" || kind == "speed_to" || kind == "stop" ||
                kind == "go" || kind == "red_warning")
        << kind;
    states.insert(answer.at("state").get<std::string>());
  }
  EXPECT_GE(states.size(), 2u) << "over a cycle the light changes";
}

TEST_F(LightAheadCli, LiveModeWithoutAFeedSaysNoLiveData) {
  testing::MosquittoBroker broker;  // a broker nobody publishes to
  const auto result = run_codriver("signals --map " + bundle() + kAhead + " --mqtt " +
                                   broker.endpoint() + " --wait-ms 300 --json");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const auto answer = json::parse(result.stdout_only);
  EXPECT_FALSE(answer.at("live").get<bool>());
  EXPECT_EQ(answer.at("state"), "unknown");
  EXPECT_EQ(answer.at("advice").at("kind"), "no_data");
  EXPECT_TRUE(answer.at("data_age_s").is_null());
  const auto zh = run_codriver("signals --map " + bundle() + kAhead + " --mqtt " + broker.endpoint() +
                               " --wait-ms 200 --lang zh");
  EXPECT_NE(zh.stdout_only.find("暂无实时信号数据"), std::string::npos) << zh.output;
}

TEST_F(LightAheadCli, SimulateDrivesARouteThroughTheLights) {
  const auto plain = run_codriver("simulate --map " + bundle() + " --speedup 0 --seed 3");
  ASSERT_EQ(plain.exit_code, 0) << plain.output;
  EXPECT_NE(plain.stdout_only.find("arrived after"), std::string::npos) << plain.output;
  EXPECT_NE(plain.stdout_only.find("light"), std::string::npos);
  const auto bad = run_codriver("simulate --map " + bundle() + " --mqtt 127.0.0.1:1 --speedup 5");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.output.find("real time"), std::string::npos) << bad.output;
}

TEST_F(LightAheadCli, BadRequestsFailClearly) {
  auto result = run_codriver("signals --map " + bundle() + " --at 95,0 --heading 0");
  EXPECT_NE(result.exit_code, 0);
  result = run_codriver("signals --map " + bundle() + kAhead + " --time yesterday");
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("not a time"), std::string::npos) << result.output;
  result = run_codriver("signals --map " + bundle());
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("--at"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace codriver
