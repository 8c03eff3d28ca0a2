#include "map/import_stats.h"

namespace codriver::map {

void ImportStats::warn(const std::string& kind, char osm_type, std::int64_t osm_id) {
  Kind& entry = warnings_[kind];
  ++entry.count;
  if (entry.examples.size() < kExamplesPerKind) {
    entry.examples.push_back(std::string(1, osm_type) + std::to_string(osm_id));
  }
}

void ImportStats::warn(const std::string& kind) {
  ++warnings_[kind].count;
}

std::int64_t ImportStats::count(const std::string& kind) const {
  const auto it = warnings_.find(kind);
  return it == warnings_.end() ? 0 : it->second.count;
}

std::int64_t ImportStats::total() const {
  std::int64_t sum = 0;
  for (const auto& [kind, entry] : warnings_)
    sum += entry.count;
  return sum;
}

}  // namespace codriver::map
