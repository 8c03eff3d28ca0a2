#pragma once

#include <optional>
#include <string>
#include <vector>

#include "map/place.h"
#include "places/cuisine.h"

// What a driver may ask of a place beyond where it is: the hard constraints. A place
// whose data cannot tell (no `fee` tag, no price) passes, and the ranking says so;
// only a place that is known to fail a constraint is left out.
namespace codriver::places {

struct PlaceFilter {
  std::vector<map::PlaceCategory> categories;  // empty: any
  const Cuisine* cuisine = nullptr;
  std::optional<int> max_price_level;      // 1 (cheap) .. 4 (expensive)
  std::vector<std::string> parking_types;  // surface, multi-storey, underground, ...
  std::optional<bool> covered;
  bool free_only = false;
  std::optional<double> car_height_m;     // the car must fit under maxheight
  bool include_private = false;           // access=private/no is left out unless set
  std::vector<std::string> socket_types;  // type2, ccs (type2_combo), chademo, ...
  std::optional<double> min_power_kw;
};

// "restaurant", "parking,fuel", "food" (restaurants, fast food, food courts, cafes): the
// categories a comma-separated list names. Throws std::invalid_argument naming the word
// that is not a category, with the ones that are.
std::vector<map::PlaceCategory> categories_from_list(const std::string& list);

// Why a place fails the filter ("charges a fee", "2.0 m height limit"), or nullopt if it passes.
std::optional<std::string> rejection(const map::Place& place, const PlaceFilter& filter);

// Price level 1..4 from the tags that carry it (price_level, price:range/price_range as
// "$$" or "1-4", or "cheap"/"expensive"); nullopt when the map does not say.
std::optional<int> price_level(const map::Place& place);

// The charger's socket types, normalised ("type2_combo" -> "ccs"), from sockets_json.
std::vector<std::string> socket_types(const map::Place& place);
// "ccs", "CCS2", "type 2", "GB/T" ... -> our socket names; "" for an unknown word.
std::string normalise_socket(std::string_view word);

}  // namespace codriver::places
