#pragma once

#include <nlohmann/json.hpp>

#include "map/import_stats.h"

namespace codriver::map {

// {"kind": {"count": N, "examples": ["w1", ...]}, ...}: the shape both the bundle
// header and `codriver import --json` use.
nlohmann::json import_warnings_json(const ImportStats& stats);

}  // namespace codriver::map
