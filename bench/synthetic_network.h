#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

// A synthetic city road network for routing benchmarks at sizes no shared extract has:
// a square grid of intersections about 100 m apart (around 31.2N 121.4E, so coordinates,
// distances and bearings are those of a real place), with
//  - arterials (highway=primary, maxspeed=60, two-way) every `arterial_every`-th row and
//    column, residential streets elsewhere;
//  - a fraction of residential streets one-way, tagged oneway=yes or, with the way's nodes
//    reversed, oneway=-1;
//  - streets cut into OSM ways of 1 to `max_way_blocks` blocks, as mappers cut them;
//  - turn restrictions (no_left_turn, only_straight_on) via an intersection, the streets
//    cut there so that from and to are the ways arriving and leaving on the restricted side;
//  - traffic signals on most arterial crossings and a few arterial/residential ones;
//  - every position jittered by a few metres, and a mid-block shape point on some blocks.
// The same options and seed give the same network, object for object.
namespace codriver::bench {

struct SyntheticOptions {
  std::size_t nodes = 10000;  // intersections; the grid is round(sqrt(nodes)) on a side
  std::uint64_t seed = 1;
  double spacing_m = 100.0;
  int arterial_every = 8;
  double oneway_fraction = 0.2;           // of residential streets (whole rows or columns)
  double restriction_fraction = 0.03;     // of interior intersections
  double arterial_signal_fraction = 0.8;  // of arterial x arterial crossings
  double mixed_signal_fraction = 0.05;    // of arterial x residential crossings
  double jitter_m = 8.0;                  // uniform in [-jitter, +jitter] on each axis
  double shape_point_fraction = 0.2;      // blocks with one bent mid-block point
  int max_way_blocks = 6;
  double origin_lat = 31.2;
  double origin_lon = 121.4;
};

struct SyntheticNode {
  std::int64_t id;
  double lat, lon;
  bool traffic_signal;
};

struct SyntheticWay {
  std::int64_t id;
  std::vector<std::int64_t> nodes;
  bool arterial;
  int oneway;  // 0 two-way, 1 oneway=yes, -1 oneway=-1 (drive against the node order)
  std::string name, name_en;  // name in Chinese, as mapped in China
};

struct SyntheticRestriction {
  std::int64_t id;
  std::int64_t from_way, via_node, to_way;
  std::string restriction;  // "no_left_turn" or "only_straight_on"
};

struct SyntheticNetwork {
  std::size_t side = 0;                            // intersections per row and per column
  std::size_t intersections = 0;                   // side * side
  std::vector<SyntheticNode> nodes;                // by id: intersections first, then shape points
  std::vector<SyntheticWay> ways;                  // by id
  std::vector<SyntheticRestriction> restrictions;  // by id
  std::size_t oneway_streets = 0;
  std::size_t traffic_signals = 0;
};

SyntheticNetwork generate_synthetic_network(const SyntheticOptions& options);

// Writes the network as OSM through libosmium; the format follows the file name
// (.osm.pbf, .osm, ...). Overwrites an existing file.
void write_osm(const SyntheticNetwork& network, const std::filesystem::path& file);

}  // namespace codriver::bench
