#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "support/cli_runner.h"
#include "support/monaco_cli_fixture.h"
#include "support/test_support.h"

// The `codriver` command line is a contract with scripts: these tests run the real
// binary and check its exit codes, its --json shapes and its error messages.
namespace codriver {
namespace {

using testing::CommandResult;

CommandResult run(const std::string& arguments) {
  return testing::run_codriver(arguments);
}

class CliTest : public testing::MonacoCliTest {};

TEST_F(CliTest, InfoJsonHasTheDocumentedShape) {
  const CommandResult info = run("info " + bundle() + " --json");
  ASSERT_EQ(info.exit_code, 0) << info.output;
  const auto json = nlohmann::json::parse(info.stdout_only);
  EXPECT_GT(json.at("nodes").get<int>(), 1000);
  EXPECT_GT(json.at("edges").get<int>(), json.at("nodes").get<int>());
  EXPECT_EQ(json.at("traffic_signals"), 21);
  EXPECT_EQ(json.at("places").at("restaurant"), 77);
  EXPECT_EQ(json.at("places").at("parking"), 119);
  EXPECT_EQ(json.at("places").at("charging_station"), 0) << "absent categories are 0, not missing";
  const auto bbox = json.at("bbox");
  ASSERT_EQ(bbox.size(), 4u);
  EXPECT_NEAR(bbox[0].get<double>(), 7.35, 0.05);   // min lon
  EXPECT_NEAR(bbox[1].get<double>(), 43.72, 0.05);  // min lat
  EXPECT_LT(bbox[0].get<double>(), bbox[2].get<double>());
  EXPECT_LT(bbox[1].get<double>(), bbox[3].get<double>());
}

TEST_F(CliTest, InfoForPeopleNamesTheCounts) {
  const CommandResult info = run("info " + bundle());
  ASSERT_EQ(info.exit_code, 0) << info.output;
  EXPECT_NE(info.output.find("traffic signals  21"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("restaurant 77"), std::string::npos) << info.output;
}

TEST_F(CliTest, ImportJsonReportsWarningsAndTiming) {
  testing::TempDir out;
  const CommandResult imported =
      run("import " + testing::shared_data("osm/bayfront_singapore.osm.pbf").string() + " --out " +
          (out / "sg").string() + " --json");
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  const auto json = nlohmann::json::parse(imported.stdout_only);
  EXPECT_GT(json.at("seconds").get<double>(), 0.0);
  EXPECT_GT(json.at("bundle_bytes").get<int>(), 0);
  EXPECT_TRUE(json.at("warnings").is_object());
  EXPECT_EQ(json.at("places").at("restaurant"), 17);
}

TEST(Cli, BadInputFailsWithAMessageAndNonZeroExit) {
  testing::TempDir scratch;
  const CommandResult missing = run("info " + (scratch / "nothing").string());
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.output.find("not a map bundle"), std::string::npos) << missing.output;

  const CommandResult no_file =
      run("import " + (scratch / "absent.osm.pbf").string() + " --out " + (scratch / "b").string());
  EXPECT_NE(no_file.exit_code, 0);
  EXPECT_NE(no_file.output.find("no such file"), std::string::npos) << no_file.output;

  const CommandResult no_subcommand = run("");
  EXPECT_NE(no_subcommand.exit_code, 0);

  const CommandResult unknown_flag = run("info --frobnicate");
  EXPECT_NE(unknown_flag.exit_code, 0);
}

}  // namespace
}  // namespace codriver
