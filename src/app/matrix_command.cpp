#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/routing_session.h"
#include "routing/matrix.h"

namespace codriver::app {

namespace {

struct MatrixOptions {
  std::filesystem::path map;
  std::string points;
  std::string sources, destinations;
  bool json = false;
};

std::vector<routing::Waypoint> parse_points(const std::string& list) {
  std::vector<routing::Waypoint> points;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t end = std::min(list.find(';', start), list.size());
    if (end > start)
      points.push_back({parse_lat_lon(std::string_view(list).substr(start, end - start))});
    start = end + 1;
  }
  if (points.empty()) throw std::invalid_argument("no points given: write LAT,LON;LAT,LON;...");
  return points;
}

nlohmann::json rows_of(const routing::TravelMatrix& m, bool durations) {
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < m.rows; ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (std::size_t j = 0; j < m.columns; ++j) {
      const auto value = durations ? m.duration(i, j) : m.distance(i, j);
      row.push_back(value ? nlohmann::json(*value) : nlohmann::json(nullptr));
    }
    rows.push_back(row);
  }
  return rows;
}

void run_matrix(const MatrixOptions& options) {
  const auto all =
      options.points.empty() ? std::vector<routing::Waypoint>{} : parse_points(options.points);
  const auto sources = options.sources.empty() ? all : parse_points(options.sources);
  const auto destinations = options.destinations.empty() ? all : parse_points(options.destinations);
  if (sources.empty() || destinations.empty()) {
    throw std::invalid_argument("give --points, or --sources and --destinations");
  }
  const RoutingSession session = open_routing_session(options.map);
  const routing::TravelMatrix matrix =
      routing::travel_matrix(*session.router, sources, destinations);
  const nlohmann::json document = {{"durations_s", rows_of(matrix, true)},
                                   {"distances_m", rows_of(matrix, false)}};
  if (options.json) {
    std::cout << document.dump() << "\n";
    return;
  }
  for (std::size_t i = 0; i < matrix.rows; ++i) {
    for (std::size_t j = 0; j < matrix.columns; ++j) {
      const auto d = matrix.duration(i, j);
      std::cout << (j ? "\t" : "")
                << (d ? std::to_string(static_cast<int>(std::lround(*d))) + " s" : "-");
    }
    std::cout << "\n";
  }
}

}  // namespace

void add_matrix_command(CLI::App& app) {
  auto options = std::make_shared<MatrixOptions>();
  CLI::App* command =
      app.add_subcommand("matrix", "Travel times and distances between many points");
  command->add_option("--map", options->map, "map bundle")->required();
  command->add_option("--points", options->points, "LAT,LON;LAT,LON;... (rows and columns)");
  command->add_option("--sources", options->sources, "LAT,LON;... rows, instead of --points");
  command->add_option("--destinations", options->destinations, "LAT,LON;... columns");
  command->add_flag("--json", options->json,
                    "print {\"durations_s\":[[...]],\"distances_m\":[[...]]}");
  command->callback([options] { run_matrix(*options); });
}

}  // namespace codriver::app
