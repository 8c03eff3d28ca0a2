#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.h"
#include "app/summary_output.h"
#include "map/bundle.h"

namespace codriver::app {

namespace {

struct InfoOptions {
  std::filesystem::path bundle;
  bool json = false;
};

void run_info(const InfoOptions& options) {
  const map::MapBundle bundle = map::MapBundle::open(options.bundle);
  const map::BundleSummary summary = bundle.summary();
  if (options.json) {
    std::cout << summary_json(summary).dump() << "\n";
  } else {
    std::cout << "map bundle       " << options.bundle.string() << "\n" << summary_text(summary);
  }
}

}  // namespace

void add_info_command(CLI::App& app) {
  auto options = std::make_shared<InfoOptions>();
  CLI::App* command = app.add_subcommand("info", "Print a map bundle's summary and counts");
  command->add_option("bundle", options->bundle, "bundle directory")->required();
  command->add_flag("--json", options->json, "print the summary as one JSON document");
  command->callback([options] { run_info(*options); });
}

}  // namespace codriver::app
