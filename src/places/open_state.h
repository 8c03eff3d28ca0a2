#pragma once

#include "feeds/timestamp.h"
#include "map/place.h"
#include "places/ranking.h"

// A place's opening_hours evaluated at a local wall-clock time, as the ranking and
// the answers need it: open, closed or unknown, and until when.
namespace codriver::places {

OpenInfo open_info(const map::Place& place, const feeds::CivilTime& at);

// The local wall-clock time now (the head unit's clock, set to the car's time zone).
feeds::CivilTime local_now();

}  // namespace codriver::places
