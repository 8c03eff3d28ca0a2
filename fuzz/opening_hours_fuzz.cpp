// libFuzzer target for OpeningHours (src/places/opening_hours.h): each input is an
// opening_hours value. parse() promises never to throw for bad input and to point
// its error inside the value; a parsed value is then evaluated at a few instants
// (some fixed, one steered by the input) with and without the China holiday
// calendar, next_change is searched, and both summaries are written.
//
// Besides crashes, sanitizer reports and escaping exceptions, these are findings
// (reported through __builtin_trap):
// - a ParseError offset beyond the end of the value;
// - next_change(t) not after t, or the state at the change equal to the state at t.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "places/opening_hours.h"

namespace {

using codriver::places::HolidayCalendar;
using codriver::places::Language;
using codriver::places::LocalDateTime;
using codriver::places::OpeningHours;
using codriver::places::ParseResult;

void check(bool condition) {
  if (!condition) __builtin_trap();
}

// An instant in 2020..2031 chosen by the input's bytes, so the fuzzer can steer it.
LocalDateTime instant_from(std::string_view value) {
  std::uint32_t hash = 2166136261u;  // FNV-1a
  for (const char c : value)
    hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return {2020 + static_cast<int>(hash % 12), 1 + static_cast<int>(hash / 12 % 12),
          1 + static_cast<int>(hash / 144 % 28), static_cast<int>(hash / 4032 % 24),
          static_cast<int>(hash / 96768 % 60)};
}

void evaluate(const OpeningHours& hours, const LocalDateTime& time,
              const HolidayCalendar& holidays) {
  const auto state = hours.state_at(time, holidays).state;
  const auto change = hours.next_change(time, holidays);
  if (!change) return;
  check(time < *change);
  check(hours.state_at(*change, holidays).state != state);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  const ParseResult parsed = OpeningHours::parse(value);
  if (!parsed) {
    check(parsed.error().offset <= size);
    return 0;
  }
  const std::string en = parsed->summary(Language::kEnglish);
  const std::string zh = parsed->summary(Language::kChinese);
  check(!en.empty() && !zh.empty());
  for (const HolidayCalendar* holidays : {&HolidayCalendar::none(), &HolidayCalendar::china()}) {
    evaluate(*parsed, {2025, 10, 1, 12, 0}, *holidays);   // a Chinese public holiday
    evaluate(*parsed, {2024, 2, 29, 23, 59}, *holidays);  // a leap day, just before midnight
    evaluate(*parsed, instant_from(value), *holidays);
  }
  return 0;
}
