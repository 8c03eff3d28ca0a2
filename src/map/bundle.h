#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "geo/bounding_box.h"
#include "map/graph_file.h"
#include "map/import_stats.h"
#include "map/road_graph.h"

// A map bundle is a directory:
//   bundle.json    the header: format version, source file, bbox, counts, file checksums
//   graph.bin      the car road network (graph_file.h), mapped in place
//   places.sqlite  points of interest (places_db.h)
namespace codriver::map {

inline constexpr int kBundleFormatVersion = 1;
inline constexpr const char* kManifestFile = "bundle.json";
inline constexpr const char* kGraphFile = "graph.bin";
inline constexpr const char* kPlacesFile = "places.sqlite";

struct BundleSummary {
  int format_version = 0;
  std::string source_file;
  std::int64_t source_bytes = 0;
  std::int64_t nodes = 0;
  std::int64_t edges = 0;
  std::int64_t traffic_signals = 0;
  std::int64_t turn_restrictions = 0;
  std::map<std::string, std::int64_t> places;  // by category
  geo::BoundingBox bbox;
  std::map<std::string, std::int64_t> files;  // every file the header lists, with its size
};

class MapBundle {
 public:
  // Validates the header, the file sizes, the checksums (unless told not to) and
  // the graph's structure. Throws BundleError with a message naming the problem.
  static MapBundle open(const std::filesystem::path& directory,
                        Verify verify = Verify::kStructureAndChecksums);

  MapBundle(MapBundle&&) noexcept;
  MapBundle& operator=(MapBundle&&) noexcept;
  ~MapBundle();

  const RoadGraph& graph() const;
  // Files beside the graph that later stages add (the routing hierarchy, ...).
  bool has_file(const std::string& name) const;
  std::uint32_t file_crc32(const std::string& name) const;
  // Lists a file written into the bundle directory in its header, with size and checksum,
  // so that opening the bundle verifies it like the others.
  static void record_file(const std::filesystem::path& directory, const std::string& name);
  // Takes a derived file out of the header (before rebuilding it, when it is damaged or gone).
  static void forget_file(const std::filesystem::path& directory, const std::string& name);
  std::filesystem::path places_path() const;
  const std::filesystem::path& directory() const;
  // Counts read from the data itself (graph arrays, places.sqlite), not from the header.
  BundleSummary summary() const;

 private:
  struct State;
  explicit MapBundle(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

struct ImportReport {
  BundleSummary summary;
  ImportStats stats;
  double seconds = 0;
  std::int64_t bundle_bytes = 0;
};

// Imports an OSM file into a new bundle at `out`. The bundle is built beside it and
// moved into place only when complete, so a failed import leaves an existing bundle
// untouched. Refuses to replace anything that is not a bundle.
ImportReport import_bundle(const std::filesystem::path& osm_file, const std::filesystem::path& out);

}  // namespace codriver::map
