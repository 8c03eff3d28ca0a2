#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "places/ranking.h"

// How a ranked place is shown: the JSON card and the one line for people.
namespace codriver::app {

nlohmann::json place_json(const places::RankedPlace& place, routing::Language language);
std::string place_line(const places::RankedPlace& place, routing::Language language);

routing::Language parse_language(const std::string& code);  // "en" or "zh"

}  // namespace codriver::app
