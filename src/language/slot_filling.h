#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "language/utterance_analysis.h"

// Arguments read off an analysed utterance, one kind of slot per function. The intent
// rules decide which of them a tool gets.
namespace codriver::language {

// Where to go: saved place, coordinates, a name from the map or as said, or a category.
// Empty when nothing names a target.
nlohmann::json navigation_target(const UtteranceAnalysis& analysis);

// A named anchor for a search: "near the casino", "赌场附近". nullopt when none.
std::optional<std::string> near_place(const UtteranceAnalysis& analysis);

// near, near_place, radius_m, sort: what every place search shares.
void fill_search_area(const UtteranceAnalysis& analysis, nlohmann::json& arguments);
void fill_restaurant_constraints(const UtteranceAnalysis& analysis, nlohmann::json& arguments);
void fill_parking_constraints(const UtteranceAnalysis& analysis, nlohmann::json& arguments);
void fill_charger_constraints(const UtteranceAnalysis& analysis, nlohmann::json& arguments);

// {"ordinal": 2}, {"that": true}, {"compare": "closer"}: a pick from the last results.
std::optional<nlohmann::json> result_reference(const UtteranceAnalysis& analysis);

// The place category a search word names: "restaurant", "parking", "charging_station",
// "cafe", "fast_food", "fuel"; nullopt when none.
std::optional<std::string> named_category(const UtteranceAnalysis& analysis);

}  // namespace codriver::language
