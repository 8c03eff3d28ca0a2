#pragma once

#include <gtest/gtest.h>

#include <string>

#include "support/cli_runner.h"
#include "support/test_support.h"

// A test suite that imports the Monaco extract once with the real CLI, for tests that
// drive `codriver` subcommands against it.
namespace codriver::testing {

class MonacoCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new TempDir();
    const auto imported =
        run_codriver("import " + shared_data("osm/monaco.osm.pbf").string() + " --out " + bundle());
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
  }
  static void TearDownTestSuite() {
    delete scratch_;
    scratch_ = nullptr;
  }
  static std::string bundle() { return (*scratch_ / "monaco").string(); }

 private:
  static inline TempDir* scratch_ = nullptr;
};

}  // namespace codriver::testing
