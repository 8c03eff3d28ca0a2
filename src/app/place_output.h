#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "places/ranking.h"

// How a ranked place is shown: the JSON card and the one line for people.
namespace codriver::app {

nlohmann::json place_json(const places::RankedPlace& place, routing::Language language);
std::string place_line(const places::RankedPlace& place, routing::Language language);

// The places as JSON under `key` (plus `extra` fields), or numbered lines for people with
// `nothing_found` when the list is empty.
void print_places(const std::vector<places::RankedPlace>& found, bool as_json,
                  routing::Language language, const std::string& key, nlohmann::json extra,
                  const std::string& nothing_found);

routing::Language parse_language(const std::string& code);  // "en" or "zh"

}  // namespace codriver::app
