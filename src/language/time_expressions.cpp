#include "language/time_expressions.h"

#include <vector>

#include "language/text_scan.h"
#include "language/time_atoms.h"

namespace codriver::language {
namespace {

// Pieces of one time may be separated by these: "tomorrow at 9", "8 pm, tomorrow", "明天的早上".
bool is_connector(std::string_view token) {
  for (const std::string_view connector :
       {",", "at", "on", "in", "the", "this", "of", "around", "about", "的", "在", ",的"}) {
    if (token == connector) return true;
  }
  return false;
}

bool only_connectors(std::string_view gap) {
  std::size_t pos = 0;
  while (pos < gap.size()) {
    const std::size_t space = gap.find(' ', pos);
    const std::size_t end = space == std::string_view::npos ? gap.size() : space;
    if (end > pos && !is_connector(gap.substr(pos, end - pos))) return false;
    pos = end + 1;
  }
  return true;
}

bool conflicts(const TimeAtom& group, const TimeAtom& atom) {
  return (group.day && atom.day) || (!group.part.empty() && !atom.part.empty()) ||
         (group.hour && atom.hour) || (group.now && atom.now) ||
         (group.in_minutes && atom.in_minutes);
}

void merge(TimeAtom& group, const TimeAtom& atom) {
  group.end = atom.end;
  if (atom.day) group.day = atom.day;
  if (!atom.part.empty()) group.part = atom.part;
  if (atom.hour) {
    group.hour = atom.hour;
    group.minute = atom.minute;
    group.meridiem = atom.meridiem;
  }
  group.now = group.now || atom.now;
  if (atom.in_minutes) group.in_minutes = atom.in_minutes;
  group.weak = group.weak && atom.weak;
}

std::vector<TimeAtom> group_atoms(std::string_view text, const std::vector<TimeAtom>& atoms) {
  std::vector<TimeAtom> groups;
  for (const TimeAtom& atom : atoms) {
    if (!groups.empty() && !conflicts(groups.back(), atom) &&
        only_connectors(text.substr(groups.back().end, atom.begin - groups.back().end))) {
      merge(groups.back(), atom);
    } else {
      groups.push_back(atom);
    }
  }
  return groups;
}

// A clock or a delay says the most, then "now", a part of the day, a day.
int specificity(const TimeAtom& group) {
  if (group.weak && !group.day && group.part.empty()) return 0;
  return (group.hour ? 8 : 0) + (group.in_minutes ? 8 : 0) + (group.now ? 4 : 0) +
         (group.part.empty() ? 0 : 2) + (group.day ? 1 : 0);
}

// The hour on a 24-hour clock, when the meridiem or the part of the day says which half.
int day_hour(const TimeAtom& group) {
  const int hour = *group.hour;
  if (group.meridiem == Meridiem::kPm) return hour < 12 ? hour + 12 : hour;
  if (group.meridiem == Meridiem::kAm) return hour == 12 ? 0 : hour;
  if (hour > 12) return hour;
  const std::string_view part = group.part;
  if (part == "afternoon") return hour < 12 ? hour + 12 : hour;
  if (part == "noon") return hour >= 1 && hour <= 5 ? hour + 12 : hour;
  if (part == "evening") return hour == 12 ? 0 : hour >= 4 ? hour + 12 : hour;
  if (part == "night") return hour == 12 ? 0 : hour >= 6 ? hour + 12 : hour;
  return hour;
}

TimeExpression resolve(const TimeAtom& group) {
  TimeExpression time;
  time.begin = group.begin;
  time.end = group.end;
  time.day_offset = group.day.value_or(0);
  time.part_of_day = std::string(group.part);
  time.now = group.now;
  time.in_minutes = group.in_minutes;
  if (group.hour) time.minute_of_day = day_hour(group) % 24 * 60 + group.minute;
  return time;
}

}  // namespace

std::optional<TimeExpression> find_time(std::string_view folded) {
  const std::vector<TimeAtom> groups = group_atoms(folded, find_time_atoms(folded));
  const TimeAtom* best = nullptr;
  for (const TimeAtom& group : groups) {
    if (specificity(group) > (best ? specificity(*best) : 0)) best = &group;
  }
  if (!best) return std::nullopt;
  return resolve(*best);
}

}  // namespace codriver::language
