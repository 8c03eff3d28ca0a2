#include "map/import_stats_json.h"

namespace codriver::map {

nlohmann::json import_warnings_json(const ImportStats& stats) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [kind, entry] : stats.warnings()) {
    out[kind] = {{"count", entry.count}, {"examples", entry.examples}};
  }
  return out;
}

}  // namespace codriver::map
