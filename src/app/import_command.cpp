#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.h"
#include "app/summary_output.h"
#include "map/bundle.h"
#include "map/import_stats_json.h"
#include "routing/hierarchy_file.h"

namespace codriver::app {

namespace {

struct ImportOptions {
  std::filesystem::path input;
  std::filesystem::path out;
  bool json = false;
  bool prepare = true;
};

nlohmann::json prepare_json(const routing::PrepareReport& r) {
  return {{"turn_graph_vertices", r.vertices}, {"turns", r.turns},     {"shortcuts", r.shortcuts},
          {"core_vertices", r.core_vertices},  {"seconds", r.seconds}, {"bytes", r.bytes}};
}

std::string prepare_text(const routing::PrepareReport& r) {
  return "routing          " + std::to_string(r.vertices) + " turn-graph vertices, " +
         std::to_string(r.turns) + " turns, " + std::to_string(r.shortcuts) + " shortcuts, " +
         std::to_string(r.core_vertices) + " core vertices, prepared in " +
         std::to_string(r.seconds) + " s\n";
}

void run_import(const ImportOptions& options) {
  const map::ImportReport report = map::import_bundle(options.input, options.out);
  std::optional<routing::PrepareReport> prepared;
  if (options.prepare) prepared = routing::prepare_bundle(options.out);
  if (options.json) {
    nlohmann::json out = summary_json(report.summary);
    if (prepared) out["routing"] = prepare_json(*prepared);
    out["bundle"] = options.out.string();
    out["bundle_bytes"] = report.bundle_bytes;
    out["seconds"] = report.seconds;
    out["warnings"] = map::import_warnings_json(report.stats);
    std::cout << out.dump() << "\n";
    return;
  }
  std::cerr << warnings_text(report.stats);
  std::cout << "imported " << options.input.string() << " into " << options.out.string() << " in "
            << report.seconds << " s (" << report.bundle_bytes << " bytes)\n"
            << summary_text(report.summary) << (prepared ? prepare_text(*prepared) : "");
}

void run_prepare(const std::filesystem::path& bundle, bool json) {
  const routing::PrepareReport report = routing::prepare_bundle(bundle);
  if (json) {
    std::cout << prepare_json(report).dump() << "\n";
  } else {
    std::cout << prepare_text(report);
  }
}

}  // namespace

void add_import_command(CLI::App& app) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* command = app.add_subcommand(
      "import", "Import an OpenStreetMap file (.osm.pbf, .osm, .osm.bz2) into a map bundle");
  command->add_option("file", options->input, "OSM input file")->required();
  command->add_option("--out,-o", options->out, "bundle directory to write")->required();
  command->add_flag("--json", options->json, "print the result as one JSON document");
  command->add_flag("!--no-prepare", options->prepare,
                    "skip building the routing hierarchy (codriver prepare does it later)");
  command->callback([options] { run_import(*options); });
}

void add_prepare_command(CLI::App& app) {
  auto bundle = std::make_shared<std::filesystem::path>();
  auto json = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand(
      "prepare", "Build (or rebuild) a bundle's routing hierarchy for the car profile");
  command->add_option("bundle", *bundle, "bundle directory")->required();
  command->add_flag("--json", *json, "print the result as one JSON document");
  command->callback([bundle, json] { run_prepare(*bundle, *json); });
}

}  // namespace codriver::app
