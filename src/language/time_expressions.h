#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// When the driver wants something: "tomorrow at 9", "晚上八点", "in 20 minutes", "现在".
// Works on folded text (fold_text); the span is a byte span in it.
namespace codriver::language {

struct TimeExpression {
  std::size_t begin = 0;
  std::size_t end = 0;
  int day_offset = 0;                // 0 today, 1 tomorrow, 2 the day after
  std::optional<int> minute_of_day;  // 20:00 -> 1200; unset for "tomorrow morning"
  std::string part_of_day;           // "morning", "noon", "afternoon", "evening", "night" or ""
  bool now = false;                  // "now", "right now", "现在", "马上"
  std::optional<int> in_minutes;     // "in 20 minutes", "二十分钟后"
};

// The most specific time in the text (ties: the first). Adjacent pieces make one time
// ("tomorrow at 9", "明天早上八点", "8 pm tonight"); the part of the day turns a 12-hour
// clock into minutes of the day ("晚上八点" -> 1200) while a bare clock keeps its face
// value ("八点" -> 480, "at 8" -> 480) for the caller to interpret.
std::optional<TimeExpression> find_time(std::string_view folded);

}  // namespace codriver::language
