#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.h"
#include "app/summary_output.h"
#include "map/bundle.h"

namespace codriver::app {

namespace {

struct ImportOptions {
  std::filesystem::path input;
  std::filesystem::path out;
  bool json = false;
};

void run_import(const ImportOptions& options) {
  const map::ImportReport report = map::import_bundle(options.input, options.out);
  if (options.json) {
    nlohmann::json out = summary_json(report.summary);
    out["bundle"] = options.out.string();
    out["bundle_bytes"] = report.bundle_bytes;
    out["seconds"] = report.seconds;
    out["warnings"] = warnings_json(report.stats);
    std::cout << out.dump() << "\n";
    return;
  }
  std::cerr << warnings_text(report.stats);
  std::cout << "imported " << options.input.string() << " into " << options.out.string() << " in "
            << report.seconds << " s (" << report.bundle_bytes << " bytes)\n"
            << summary_text(report.summary);
}

}  // namespace

void add_import_command(CLI::App& app) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* command = app.add_subcommand(
      "import", "Import an OpenStreetMap file (.osm.pbf, .osm, .osm.bz2) into a map bundle");
  command->add_option("file", options->input, "OSM input file")->required();
  command->add_option("--out,-o", options->out, "bundle directory to write")->required();
  command->add_flag("--json", options->json, "print the result as one JSON document");
  command->callback([options] { run_import(*options); });
}

}  // namespace codriver::app
