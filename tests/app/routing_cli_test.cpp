#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "geo/polyline.h"
#include "support/cli_runner.h"
#include "support/monaco_cli_fixture.h"
#include "support/test_support.h"

// `codriver route`, `matrix` and `prepare` as scripts use them.
namespace codriver {
namespace {

using testing::run_codriver;

class RoutingCli : public testing::MonacoCliTest {};

// Casino square to the Prince's Palace, across Monaco.
constexpr const char* kCasino = "43.7384,7.4246";
constexpr const char* kPalace = "43.7311,7.4197";

TEST_F(RoutingCli, RouteJsonHasTheDocumentedShape) {
  const auto route = run_codriver("route --map " + bundle() + " --from " + kCasino + " --to " +
                                  kPalace + " --json");
  ASSERT_EQ(route.exit_code, 0) << route.output;
  const auto json = nlohmann::json::parse(route.stdout_only);
  EXPECT_GT(json.at("distance_m").get<double>(), 1000);
  EXPECT_LT(json.at("distance_m").get<double>(), 5000);
  EXPECT_GT(json.at("duration_s").get<double>(), 60);
  const auto line = geo::decode_polyline(json.at("geometry").get<std::string>(), 6);
  ASSERT_GT(line.size(), 10u);
  EXPECT_NEAR(line.front().lat, 43.7384, 0.002);
  EXPECT_NEAR(line.back().lat, 43.7311, 0.002);
  const auto& steps = json.at("steps");
  ASSERT_GE(steps.size(), 3u);
  EXPECT_EQ(steps.front().at("maneuver"), "depart");
  EXPECT_EQ(steps.back().at("type"), "arrive");
  double total = 0;
  for (const auto& step : steps) {
    EXPECT_FALSE(step.at("instruction").get<std::string>().empty());
    EXPECT_FALSE(step.at("instruction_zh").get<std::string>().empty());
    total += step.at("distance_m").get<double>();
  }
  EXPECT_NEAR(total, json.at("distance_m").get<double>(), 2.0);
}

TEST_F(RoutingCli, ChineseInstructions) {
  const auto route = run_codriver("route --map " + bundle() + " --from " + kCasino + " --to " +
                                  kPalace + " --lang zh");
  ASSERT_EQ(route.exit_code, 0) << route.output;
  EXPECT_NE(route.stdout_only.find("全程"), std::string::npos) << route.stdout_only;
  EXPECT_NE(route.stdout_only.find("到达目的地"), std::string::npos) << route.stdout_only;
}

TEST_F(RoutingCli, EnginesAgreeFromTheCommandLine) {
  double durations[3];
  const char* engines[] = {"ch", "dijkstra", "astar"};
  for (int i = 0; i < 3; ++i) {
    const auto route = run_codriver("route --map " + bundle() + " --from " + kCasino + " --to " +
                                    kPalace + " --json --engine " + engines[i]);
    ASSERT_EQ(route.exit_code, 0) << route.output;
    durations[i] = nlohmann::json::parse(route.stdout_only).at("duration_s").get<double>();
  }
  EXPECT_NEAR(durations[0], durations[1], 0.1);
  EXPECT_NEAR(durations[0], durations[2], 0.1);
}

TEST_F(RoutingCli, ViaPointsAndOptimizedOrder) {
  const std::string stops =
      std::string(" --via 43.7280,7.4150 --via 43.7400,7.4300 --via 43.7330,7.4210");
  const auto plain = run_codriver("route --map " + bundle() + " --from " + kCasino + " --to " +
                                  kPalace + stops + " --json");
  ASSERT_EQ(plain.exit_code, 0) << plain.output;
  const auto optimized = run_codriver("route --map " + bundle() + " --from " + kCasino + " --to " +
                                      kPalace + stops + " --optimize --json");
  ASSERT_EQ(optimized.exit_code, 0) << optimized.output;
  const auto a = nlohmann::json::parse(plain.stdout_only);
  const auto b = nlohmann::json::parse(optimized.stdout_only);
  EXPECT_EQ(a.at("legs").size(), 4u);
  EXPECT_EQ(b.at("order").front(), 0);
  EXPECT_EQ(b.at("order").back(), 4);
  EXPECT_LE(b.at("duration_s").get<double>(), a.at("duration_s").get<double>() + 0.01);
}

TEST_F(RoutingCli, MatrixJsonWithNullForUnreachable) {
  const auto matrix = run_codriver("matrix --map " + bundle() + " --points \"" + kCasino + ";" +
                                   kPalace + ";43.7400,7.4300\" --json");
  ASSERT_EQ(matrix.exit_code, 0) << matrix.output;
  const auto json = nlohmann::json::parse(matrix.stdout_only);
  ASSERT_EQ(json.at("durations_s").size(), 3u);
  ASSERT_EQ(json.at("distances_m").at(0).size(), 3u);
  EXPECT_EQ(json.at("durations_s")[0][0], 0.0);
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) {
      const auto& cell = json.at("durations_s")[i][j];
      EXPECT_TRUE(cell.is_null() || cell.get<double>() >= 0);
    }
  }
}

TEST_F(RoutingCli, BadRequestsFailClearly) {
  const auto swapped =
      run_codriver("route --map " + bundle() + " --from 7.4246,43.7384 --to " + kPalace);
  EXPECT_EQ(swapped.exit_code, 1);
  EXPECT_NE(swapped.output.find("swapped"), std::string::npos) << swapped.output;
  EXPECT_NE(swapped.output.find("经纬度"), std::string::npos) << swapped.output;
  const auto garbage = run_codriver("route --map " + bundle() + " --from nowhere --to " + kPalace);
  EXPECT_NE(garbage.exit_code, 0);
  EXPECT_NE(garbage.output.find("not a coordinate"), std::string::npos) << garbage.output;
  const auto nan = run_codriver("route --map " + bundle() + " --from nan,7.4 --to " + kPalace);
  EXPECT_NE(nan.exit_code, 0);
  const auto same = run_codriver("route --map " + bundle() + " --from " + kPalace + " --to " +
                                 kPalace + " --json");
  ASSERT_EQ(same.exit_code, 0) << same.output;
  EXPECT_EQ(nlohmann::json::parse(same.stdout_only).at("distance_m"), 0.0);
}

TEST_F(RoutingCli, PrepareRebuildsAndBundleStaysValid) {
  const auto prepared = run_codriver("prepare " + bundle() + " --json");
  ASSERT_EQ(prepared.exit_code, 0) << prepared.output;
  EXPECT_GT(nlohmann::json::parse(prepared.stdout_only).at("shortcuts").get<int>(), 0);
  EXPECT_EQ(run_codriver("info " + bundle()).exit_code, 0);
  const auto info = run_codriver("info " + bundle() + " --json");
  EXPECT_GT(nlohmann::json::parse(info.stdout_only).at("files").at("ch.bin").get<int>(), 0)
      << "info says whether the bundle can route without preparing";
}

}  // namespace
}  // namespace codriver
