#include "map/bundle.h"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "map/checksum.h"
#include "map/errors.h"
#include "map/import_stats_json.h"
#include "map/mapped_file.h"
#include "map/osm_importer.h"
#include "map/places_db.h"

namespace codriver::map {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kFormatName = "codriver-map-bundle";

json bbox_json(const geo::BoundingBox& box) {
  if (box.empty) return json::array();
  return json::array({box.min_lon, box.min_lat, box.max_lon, box.max_lat});
}

geo::BoundingBox bbox_from_json(const json& array) {
  geo::BoundingBox box;
  if (array.is_array() && array.size() == 4) {
    for (const json& v : array) {
      if (!v.is_number()) throw BundleError("bbox holds a value that is not a number");
    }
    box.extend(geo::LatLon{array[1].get<double>(), array[0].get<double>()});
    box.extend(geo::LatLon{array[3].get<double>(), array[2].get<double>()});
  }
  return box;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

json file_entry(const fs::path& path) {
  return {{"bytes", fs::file_size(path)}, {"crc32", crc32_of_file(path)}};
}

void write_bytes(const fs::path& path, std::span<const std::byte> bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw ImportError("cannot write " + path.string());
}

json read_manifest(const fs::path& directory) {
  const fs::path path = directory / kManifestFile;
  if (!fs::is_directory(directory)) {
    throw BundleError(directory.string() +
                      " is not a map bundle directory; create one with `codriver import`");
  }
  std::ifstream in(path);
  if (!in) {
    throw BundleError(directory.string() + " is not a map bundle (no " + kManifestFile +
                      "); create one with `codriver import`");
  }
  try {
    json manifest = json::parse(in);
    if (!manifest.is_object() || manifest.value("format", "") != kFormatName) {
      throw BundleError(path.string() + " is not a codriver bundle header");
    }
    return manifest;
  } catch (const json::exception& error) {
    throw BundleError(path.string() + " is corrupt (" + error.what() +
                      "); re-import the map with `codriver import`");
  }
}

void check_version(const json& manifest, const fs::path& directory) {
  const json& field = manifest.at("format_version");
  // Read as a JSON integer only: a huge float would not fit an int.
  if (!field.is_number_integer() || field.get<std::int64_t>() > 1000000) {
    throw BundleError(directory.string() + ": invalid bundle format version");
  }
  const auto version = field.get<std::int64_t>();
  if (version > kBundleFormatVersion) {
    throw BundleError(directory.string() + " was written in bundle format " +
                      std::to_string(version) + ", newer than this codriver reads (" +
                      std::to_string(kBundleFormatVersion) + "); upgrade codriver or re-import");
  }
  if (version < 1) throw BundleError(directory.string() + ": invalid bundle format version");
}

// Every listed file must be there, whole, and (when asked) unchanged.
void check_file(const json& entry, const fs::path& path, Verify verify) {
  const auto expected = entry.at("bytes").get<std::uintmax_t>();
  std::error_code error;
  const auto actual = fs::file_size(path, error);
  if (error) throw BundleError(path.string() + " is missing; re-import the map");
  if (actual != expected) {
    throw BundleError(path.string() + " has " + std::to_string(actual) + " bytes, expected " +
                      std::to_string(expected) + " (truncated or replaced); re-import the map");
  }
  if (verify == Verify::kStructureAndChecksums &&
      crc32_of_file(path) != entry.at("crc32").get<std::uint32_t>()) {
    throw BundleError(path.string() + " fails its checksum (corrupt); re-import the map");
  }
}

bool plain_file_name(const std::string& name) {
  return !name.empty() && name.find('/') == std::string::npos && name != "." && name != "..";
}

// Every listed file must be there, whole, and (when asked) unchanged.
void check_files(const json& manifest, const fs::path& directory, Verify verify) {
  const json& files = manifest.at("files");
  for (const char* name : {kGraphFile, kPlacesFile}) {
    if (!files.contains(name)) throw BundleError(directory.string() + ": header lists no " + name);
  }
  for (const auto& [name, entry] : files.items()) {
    if (!plain_file_name(name)) {
      throw BundleError(directory.string() + ": header names a file outside the bundle");
    }
    check_file(entry, directory / name, verify);
  }
}

void write_manifest(const fs::path& directory, const json& manifest) {
  const fs::path temporary = directory / (std::string(kManifestFile) + ".new");
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << manifest.dump(2) << '\n';
    if (!out) throw BundleError("cannot write " + temporary.string());
  }
  fs::rename(temporary, directory / kManifestFile);  // atomic: readers see old or new
}

}  // namespace

// The header's descriptive fields, read and type-checked once at open.
struct HeaderFields {
  int format_version = 0;
  std::string source_file;
  std::int64_t source_bytes = 0;
  geo::BoundingBox bbox;
  std::map<std::string, std::int64_t> files;
};

HeaderFields read_header_fields(const json& manifest) {
  HeaderFields fields;
  fields.format_version = static_cast<int>(manifest.at("format_version").get<std::int64_t>());
  const json& source = manifest.at("source");
  fields.source_file = source.at("file").get<std::string>();
  fields.source_bytes = source.at("bytes").get<std::int64_t>();
  const json& bbox = manifest.at("bbox");
  if (!bbox.is_array() || (bbox.size() != 0 && bbox.size() != 4)) {
    throw BundleError("bbox must be [min_lon, min_lat, max_lon, max_lat]");
  }
  fields.bbox = bbox_from_json(bbox);
  for (const auto& [name, entry] : manifest.at("files").items()) {
    fields.files[name] = entry.at("bytes").get<std::int64_t>();  // sizes checked by check_files
  }
  return fields;
}

struct MapBundle::State {
  fs::path directory;
  json manifest;
  HeaderFields header;
  MappedFile graph_file;
  RoadGraph graph;
};

MapBundle::MapBundle(std::unique_ptr<State> state) : state_(std::move(state)) {}
MapBundle::MapBundle(MapBundle&&) noexcept = default;
MapBundle& MapBundle::operator=(MapBundle&&) noexcept = default;
MapBundle::~MapBundle() = default;

MapBundle MapBundle::open(const fs::path& directory, Verify verify) {
  json manifest = read_manifest(directory);
  HeaderFields header;
  try {
    check_version(manifest, directory);
    check_files(manifest, directory, verify);
    header = read_header_fields(manifest);
  } catch (const json::exception& error) {
    throw BundleError((directory / kManifestFile).string() + " is corrupt (" + error.what() +
                      "); re-import the map");
  } catch (const BundleError& error) {
    throw BundleError((directory / kManifestFile).string() + ": " + error.what());
  }
  MappedFile mapped(directory / kGraphFile);
  // Whole-file checksums were checked above; the section checksums would repeat them.
  const RoadGraph graph = parse_graph(mapped.bytes(), Verify::kStructure);
  return MapBundle(std::make_unique<State>(
      State{directory, std::move(manifest), std::move(header), std::move(mapped), graph}));
}

const RoadGraph& MapBundle::graph() const {
  return state_->graph;
}
bool MapBundle::has_file(const std::string& name) const {
  return state_->manifest.at("files").contains(name);
}

std::uint32_t MapBundle::file_crc32(const std::string& name) const {
  return state_->manifest.at("files").at(name).at("crc32").get<std::uint32_t>();
}

void MapBundle::forget_file(const fs::path& directory, const std::string& name) {
  if (name == kGraphFile || name == kPlacesFile) throw BundleError("cannot drop " + name);
  json manifest = read_manifest(directory);
  if (manifest.contains("files") && manifest["files"].is_object()) manifest["files"].erase(name);
  write_manifest(directory, manifest);
}

void MapBundle::record_file(const fs::path& directory, const std::string& name) {
  if (!plain_file_name(name)) throw BundleError("not a bundle file name: " + name);
  json manifest = read_manifest(directory);
  manifest["files"][name] = file_entry(directory / name);
  write_manifest(directory, manifest);
}

fs::path MapBundle::places_path() const {
  return state_->directory / kPlacesFile;
}
const fs::path& MapBundle::directory() const {
  return state_->directory;
}

BundleSummary MapBundle::summary() const {
  const RoadGraph& g = state_->graph;
  BundleSummary summary;
  summary.format_version = state_->header.format_version;
  summary.source_file = state_->header.source_file;
  summary.source_bytes = state_->header.source_bytes;
  summary.nodes = static_cast<std::int64_t>(g.node_count());
  summary.edges = static_cast<std::int64_t>(g.edge_count());
  summary.traffic_signals = static_cast<std::int64_t>(g.traffic_signals.size());
  summary.turn_restrictions = static_cast<std::int64_t>(g.turn_restrictions.size());
  summary.places = PlacesReader(places_path()).count_by_category();
  summary.bbox = state_->header.bbox;
  summary.files = state_->header.files;
  return summary;
}

namespace {

fs::path staging_path(const fs::path& out) {
  return out.parent_path() / (out.filename().string() + ".partial-" + std::to_string(::getpid()));
}

void replace_with(const fs::path& staging, const fs::path& out) {
  if (fs::exists(out)) {
    if (!fs::exists(out / kManifestFile)) {
      throw ImportError("refusing to overwrite " + out.string() +
                        ": it exists and is not a map bundle");
    }
    const fs::path old =
        out.parent_path() / (out.filename().string() + ".old-" + std::to_string(::getpid()));
    fs::rename(out, old);
    fs::rename(staging, out);
    fs::remove_all(old);
  } else {
    fs::rename(staging, out);
  }
}

BundleSummary summary_of(const OsmImport& osm, const std::map<std::string, std::int64_t>& places,
                         const fs::path& input) {
  BundleSummary s;
  s.format_version = kBundleFormatVersion;
  s.source_file = input.filename().string();
  s.source_bytes = static_cast<std::int64_t>(fs::file_size(input));
  s.nodes = static_cast<std::int64_t>(osm.graph.nodes.size());
  s.edges = static_cast<std::int64_t>(osm.graph.edges.size());
  s.traffic_signals = static_cast<std::int64_t>(osm.graph.traffic_signals.size());
  s.turn_restrictions = static_cast<std::int64_t>(osm.graph.turn_restrictions.size());
  s.places = places;
  s.bbox = osm.bbox;
  return s;
}

json manifest_of(const BundleSummary& s, const OsmImport& osm, const fs::path& staging) {
  return {{"format", kFormatName},
          {"format_version", kBundleFormatVersion},
          {"graph_format_version", format::kGraphFormatVersion},
          {"created_utc", utc_now()},
          {"source", {{"file", s.source_file}, {"bytes", s.source_bytes}}},
          {"bbox", bbox_json(s.bbox)},
          {"counts",
           {{"nodes", s.nodes},
            {"edges", s.edges},
            {"traffic_signals", s.traffic_signals},
            {"turn_restrictions", s.turn_restrictions},
            {"places", s.places}}},
          {"osm_objects_read",
           {{"nodes", osm.read.nodes}, {"ways", osm.read.ways}, {"relations", osm.read.relations}}},
          {"import_warnings", import_warnings_json(osm.stats)},
          {"files",
           {{kGraphFile, file_entry(staging / kGraphFile)},
            {kPlacesFile, file_entry(staging / kPlacesFile)}}}};
}

}  // namespace

ImportReport import_bundle(const fs::path& osm_file, const fs::path& out) {
  const auto start = std::chrono::steady_clock::now();
  if (fs::exists(out) && !fs::exists(out / kManifestFile)) {
    throw ImportError("refusing to overwrite " + out.string() +
                      ": it exists and is not a map bundle");
  }
  const fs::path staging = staging_path(fs::absolute(out));
  fs::remove_all(staging);
  fs::create_directories(staging);
  try {
    std::map<std::string, std::int64_t> place_counts;
    OsmImport osm;
    {
      PlacesWriter places(staging / kPlacesFile);
      osm = import_osm(osm_file, [&](const Place& place) {
        places.add(place);
        ++place_counts[std::string(category_name(place.category))];
      });
      places.finish();
    }
    write_bytes(staging / kGraphFile, serialize_graph(osm.graph.view()));
    ImportReport report{summary_of(osm, place_counts, osm_file), osm.stats, 0, 0};
    const json manifest = manifest_of(report.summary, osm, staging);
    write_manifest(staging, manifest);
    for (const auto& entry : fs::directory_iterator(staging)) {
      report.bundle_bytes += static_cast<std::int64_t>(entry.file_size());
    }
    replace_with(staging, fs::absolute(out));
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    throw;
  }
}

}  // namespace codriver::map
