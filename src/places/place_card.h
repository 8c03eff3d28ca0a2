#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "places/ranking.h"

// How a ranked place is shown: the JSON card (for screens, the CLI and a model) and the
// one line for people.
namespace codriver::places {

nlohmann::json place_json(const RankedPlace& place, routing::Language language);
std::string place_line(const RankedPlace& place, routing::Language language);

}  // namespace codriver::places
