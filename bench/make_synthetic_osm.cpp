// Writes a synthetic city road network (bench/synthetic_network.h) as an OSM file, for
// measuring the real import and routing pipeline at sizes the shared extracts lack:
//
//   make_synthetic_osm --nodes 100000 --seed 1 --out /tmp/grid_100k.osm.pbf
//   codriver import /tmp/grid_100k.osm.pbf --out /tmp/grid_100k
//
// --nodes is the number of intersections (road-graph nodes); the grid is
// round(sqrt(nodes)) on a side. The format follows the file name (.osm.pbf, .osm).
#include <CLI/CLI.hpp>
#include <chrono>
#include <exception>
#include <iostream>

#include "synthetic_network.h"

int main(int argc, char** argv) {
  codriver::bench::SyntheticOptions options;
  std::filesystem::path out;
  CLI::App app{"Write a synthetic grid road network as OpenStreetMap data"};
  app.add_option("--nodes", options.nodes, "intersections (road-graph nodes)")
      ->check(CLI::Range(4, 100000000));
  app.add_option("--seed", options.seed, "random seed: the same seed gives the same network");
  app.add_option("--out", out, "output file (.osm.pbf, .osm)")->required();
  app.add_option("--spacing", options.spacing_m, "metres between intersections");
  app.add_option("--arterial-every", options.arterial_every, "every k-th row/column is primary")
      ->check(CLI::PositiveNumber);
  app.add_option("--oneway-fraction", options.oneway_fraction,
                 "fraction of residential streets that are one-way");
  app.add_option("--restriction-fraction", options.restriction_fraction,
                 "fraction of intersections with a turn restriction");
  app.add_option("--jitter", options.jitter_m, "random displacement of each node, metres");
  CLI11_PARSE(app, argc, argv);

  try {
    const auto start = std::chrono::steady_clock::now();
    const auto network = codriver::bench::generate_synthetic_network(options);
    codriver::bench::write_osm(network, out);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "wrote " << out.string() << ": " << network.side << "x" << network.side
              << " grid, " << network.intersections << " intersections, " << network.nodes.size()
              << " OSM nodes, " << network.ways.size() << " ways, " << network.restrictions.size()
              << " turn restrictions, " << network.traffic_signals << " traffic signals, "
              << network.oneway_streets << " one-way streets, " << std::filesystem::file_size(out)
              << " bytes in " << seconds << " s\n";
  } catch (const std::exception& error) {
    std::cerr << "make_synthetic_osm: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
