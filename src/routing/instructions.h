#pragma once

#include <string>
#include <string_view>

#include "routing/maneuvers.h"

// What the co-driver says and shows for each step, in English and Mandarin.
// The wording follows the major navigation apps: OSRM's text instructions in English
// ("In 300 m, turn left onto X"), Amap/Baidu style in Chinese ("300米后左转进入X").
// Road names are passed through as imported (cleaned there).
namespace codriver::routing {

enum class Language { kEnglish, kChinese };

// The name to speak: English prefers name_en, Chinese name_zh; both fall back to
// name, then ref; "" for an unnamed road.
std::string_view road_name(const Step& step, Language language);

// "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st" / "第1", "第2".
std::string ordinal(int n, Language language);

// A distance as spoken: below 100 m to the nearest 5 m, below 1 km to the nearest 10 m,
// beyond in km with one decimal (".0" dropped): "45 m", "300 m", "1.2 km", "2 km" /
// "45米", "300米", "1.2公里". Negative or non-finite distances read as 0.
std::string format_distance(double metres, Language language);

// The instruction for `step`. With `previous` (the step before it), the maneuver is
// announced ahead: "In 300 m, turn left onto X", the distance being previous->distance_m,
// the road driven before reaching it ("Then, ..." when that is under 5 m).
// kDepart ignores `previous`.
std::string instruction_text(const Step& step, const Step* previous, Language language);

}  // namespace codriver::routing
