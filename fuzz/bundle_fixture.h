#pragma once

// The data files of a tiny bundle, shared by bundle_manifest_fuzz.cpp (which pairs
// them with each fuzzed bundle.json) and make_graph_corpus.cpp (which writes seed
// manifests that describe them).
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "map/bundle.h"
#include "map/bundle_format.h"
#include "map/graph_file.h"
#include "map/place.h"
#include "map/places_db.h"
#include "map/road_graph.h"

namespace codriver::fuzz {

// places.sqlite is padded with zeros to this size (SQLite reads the page count from
// its header and ignores the rest), so that seed manifests do not depend on how
// large this SQLite version makes the file.
inline constexpr std::uintmax_t kFixturePlacesBytes = 256 * 1024;

// Two nodes joined by a two-way street.
inline map::RoadGraphData fixture_graph() {
  map::RoadGraphData g;
  g.nodes = {map::to_record({43.7384, 7.4246}), map::to_record({43.7390, 7.4260})};
  g.node_osm_ids = {1, 2};
  g.first_out = {0, 1, 2};
  const char strings[] = "\0Boulevard\0";
  g.strings.assign(strings, strings + sizeof(strings) - 1);
  g.names = {{0, 0, 0, 0}, {1, 0, 1, 0}};
  map::format::EdgeRecord e{};
  e.source = 0;
  e.target = 1;
  e.name = 1;
  e.way_id = 7;
  e.length_m = 130.0f;
  e.flags = map::format::edge_flags::kForward;
  e.speed_kmh = 50;
  e.road_class = map::format::RoadClass::kSecondary;
  g.edges.push_back(e);
  e.source = 1;
  e.target = 0;
  e.flags = 0;
  g.edges.push_back(e);
  return g;
}

// Writes graph.bin and places.sqlite (one restaurant) into `dir`, replacing them.
inline void write_fixture_files(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  fs::create_directories(dir);
  {
    const std::vector<std::byte> graph = map::serialize_graph(fixture_graph().view());
    std::ofstream out(dir / map::kGraphFile, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(graph.data()),
              static_cast<std::streamsize>(graph.size()));
    if (!out) throw std::runtime_error("cannot write " + (dir / map::kGraphFile).string());
  }
  const fs::path places = dir / map::kPlacesFile;
  fs::remove(places);
  {
    map::PlacesWriter writer(places);
    map::Place place;
    place.osm_id = 42;
    place.position = {43.7386, 7.4250};
    place.name = "Café de Paris";
    place.cuisine = "french";
    place.tags_json = R"({"amenity":"restaurant","name":"Café de Paris"})";
    writer.add(place);
    writer.finish();
  }
  if (fs::file_size(places) > kFixturePlacesBytes) {
    throw std::runtime_error("fixture places.sqlite outgrew kFixturePlacesBytes");
  }
  fs::resize_file(places, kFixturePlacesBytes);
}

}  // namespace codriver::fuzz
