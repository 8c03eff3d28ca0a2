#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "map/bundle.h"
#include "map/import_stats.h"

// How a bundle summary looks on the command line: the --json contract and the
// text for people.
namespace codriver::app {

nlohmann::json summary_json(const map::BundleSummary& summary);
std::string summary_text(const map::BundleSummary& summary);
std::string warnings_text(const map::ImportStats& stats);

}  // namespace codriver::app
