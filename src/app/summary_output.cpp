#include "app/summary_output.h"

#include <cstdio>
#include <sstream>

#include "map/place.h"

namespace codriver::app {

namespace {

// Every category appears, with 0 when the map has none, so scripts need no special case.
std::map<std::string, std::int64_t> all_categories(const map::BundleSummary& summary) {
  std::map<std::string, std::int64_t> counts;
  for (int i = 0; i < map::kPlaceCategoryCount; ++i) {
    counts[std::string(map::category_name(static_cast<map::PlaceCategory>(i)))] = 0;
  }
  for (const auto& [category, count] : summary.places)
    counts[category] = count;
  return counts;
}

std::string format_coordinate(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.7f", value);
  return text;
}

}  // namespace

nlohmann::json summary_json(const map::BundleSummary& s) {
  nlohmann::json bbox = nlohmann::json::array();
  if (!s.bbox.empty) bbox = {s.bbox.min_lon, s.bbox.min_lat, s.bbox.max_lon, s.bbox.max_lat};
  return {{"nodes", s.nodes},
          {"edges", s.edges},
          {"traffic_signals", s.traffic_signals},
          {"turn_restrictions", s.turn_restrictions},
          {"places", all_categories(s)},
          {"bbox", bbox},
          {"format_version", s.format_version},
          {"files", s.files},
          {"source", {{"file", s.source_file}, {"bytes", s.source_bytes}}}};
}

std::string summary_text(const map::BundleSummary& s) {
  std::ostringstream out;
  out << "source           " << s.source_file << " (" << s.source_bytes << " bytes), bundle format "
      << s.format_version << "\n";
  out << "road network     " << s.nodes << " nodes, " << s.edges << " directed edges, "
      << s.turn_restrictions << " turn restrictions\n";
  out << "traffic signals  " << s.traffic_signals << "\n";
  out << "places          ";
  for (const auto& [category, count] : all_categories(s))
    out << " " << category << " " << count << ";";
  out << "\n";
  out << "files           ";
  for (const auto& [name, bytes] : s.files)
    out << " " << name << " " << bytes << " B;";
  out << "\n";
  if (!s.bbox.empty) {
    out << "bounding box     lon " << format_coordinate(s.bbox.min_lon) << " .. "
        << format_coordinate(s.bbox.max_lon) << ", lat " << format_coordinate(s.bbox.min_lat)
        << " .. " << format_coordinate(s.bbox.max_lat) << "\n";
  }
  return out.str();
}

std::string warnings_text(const map::ImportStats& stats) {
  std::ostringstream out;
  for (const auto& [kind, entry] : stats.warnings()) {
    out << "note: " << entry.count << " x " << kind;
    if (!entry.examples.empty()) {
      out << " (e.g.";
      for (const auto& example : entry.examples)
        out << " " << example;
      out << ")";
    }
    out << "\n";
  }
  return out.str();
}

}  // namespace codriver::app
