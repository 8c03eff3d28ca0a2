#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "places/place_card.h"
#include "places/ranking.h"

// How a ranked place is shown: the JSON card and the one line for people.
namespace codriver::app {

using places::place_json;
using places::place_line;

// The places as JSON under `key` (plus `extra` fields), or numbered lines for people with
// `nothing_found` when the list is empty.
void print_places(const std::vector<places::RankedPlace>& found, bool as_json,
                  routing::Language language, const std::string& key, nlohmann::json extra,
                  const std::string& nothing_found);

routing::Language parse_language(const std::string& code);  // "en" or "zh"

}  // namespace codriver::app
