#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

// The pieces a time expression is made of, each found on its own: a day ("tomorrow", "明天"),
// a part of the day ("in the evening", "晚上"), a clock reading ("8:30", "at 8 pm",
// "half past seven", "八点半"), "now", or a delay ("in 20 minutes", "二十分钟后").
// Internal to language/: time_expressions.cpp joins neighbouring pieces.
namespace codriver::language {

enum class Meridiem { kNone, kAm, kPm };

struct TimeAtom {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::optional<int> day{};
  std::string_view part{};  // "" when the piece names no part of the day
  std::optional<int> hour{};
  int minute = 0;
  Meridiem meridiem = Meridiem::kNone;
  bool now = false;
  std::optional<int> in_minutes{};
  bool weak = false;  // "一点" alone also means "a little": a time only next to other pieces
};

// All pieces, sorted by position, none overlapping another.
std::vector<TimeAtom> find_time_atoms(std::string_view folded);

}  // namespace codriver::language
