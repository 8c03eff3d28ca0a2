#pragma once

#include <string>

#include "map/place.h"
#include "routing/instructions.h"

// How a place is named to the driver, in the language asked for.
namespace codriver::places {

// "restaurant" / "餐厅", "charging station" / "充电站".
std::string category_label(map::PlaceCategory category, routing::Language language);

// name:zh or name:en where the map has it, else the local name, else the brand, else
// "unnamed parking" / "无名停车场".
std::string display_name(const map::Place& place, routing::Language language);

}  // namespace codriver::places
