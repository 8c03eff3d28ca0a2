#include "feeds/timestamp.h"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace codriver::feeds {

namespace {

// Reads exactly `digits` decimal digits at `text[at]`.
std::optional<int> number_at(std::string_view text, std::size_t at, std::size_t digits) {
  if (at + digits > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + digits; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool valid_date(const CivilTime& t) {
  using namespace std::chrono;
  const year_month_day date{year{t.year}, month{static_cast<unsigned>(t.month)},
                            day{static_cast<unsigned>(t.day)}};
  return date.ok() && t.hour <= 23 && t.minute <= 59 && t.second <= 60;
}

// "YYYY-MM-DDTHH:MM[:SS[.fff]]" at the start of text; `length` is what it used and
// `nanoseconds` the fraction of the second (digits past the ninth are dropped).
std::optional<CivilTime> parse_wall_clock(std::string_view text, std::size_t& length,
                                          long* nanoseconds = nullptr) {
  CivilTime t;
  const auto year = number_at(text, 0, 4), month = number_at(text, 5, 2),
             day = number_at(text, 8, 2), hour = number_at(text, 11, 2),
             minute = number_at(text, 14, 2);
  if (!year || !month || !day || !hour || !minute || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != 't' && text[10] != ' ') || text[13] != ':') {
    return std::nullopt;
  }
  t = {*year, *month, *day, *hour, *minute, 0};
  length = 16;
  if (length < text.size() && text[length] == ':') {
    const auto second = number_at(text, 17, 2);
    if (!second) return std::nullopt;
    t.second = *second;
    length = 19;
    if (length < text.size() && text[length] == '.') {
      ++length;
      const std::size_t digits_start = length;
      long fraction = 0, scale = 1000000000;
      while (length < text.size() && text[length] >= '0' && text[length] <= '9') {
        if (scale > 1) {
          scale /= 10;
          fraction += (text[length] - '0') * scale;
        }
        ++length;
      }
      if (length == digits_start) return std::nullopt;
      if (nanoseconds != nullptr) *nanoseconds = fraction;
    }
  }
  if (!valid_date(t)) return std::nullopt;
  return t;
}

std::optional<int> zone_offset_minutes(std::string_view zone) {
  if (zone == "Z" || zone == "z") return 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
  const auto hours = number_at(zone, 1, 2), minutes = number_at(zone, 4, 2);
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  const int offset = *hours * 60 + *minutes;
  return zone[0] == '-' ? -offset : offset;
}

}  // namespace

std::optional<CivilTime> parse_civil_time(std::string_view text) {
  std::size_t length = 0;
  const auto wall = parse_wall_clock(text, length);
  if (!wall) return std::nullopt;
  const std::string_view rest = text.substr(length);
  if (!rest.empty() && !zone_offset_minutes(rest)) return std::nullopt;
  return wall;
}

std::optional<Clock::time_point> parse_rfc3339(std::string_view text) {
  std::size_t length = 0;
  long fraction_ns = 0;
  const auto wall = parse_wall_clock(text, length, &fraction_ns);
  if (!wall) return std::nullopt;
  const auto offset = zone_offset_minutes(text.substr(length));
  if (!offset) return std::nullopt;
  using namespace std::chrono;
  const sys_days date = year_month_day{year{wall->year}, month{static_cast<unsigned>(wall->month)},
                                       day{static_cast<unsigned>(wall->day)}};
  const auto instant = date + hours{wall->hour} + minutes{wall->minute} + seconds{wall->second} -
                       minutes{*offset} + nanoseconds{fraction_ns};
  return time_point_cast<Clock::duration>(instant);
}

std::string format_rfc3339(Clock::time_point instant) {
  const std::time_t seconds = Clock::to_time_t(instant);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  // Milliseconds when there are any: feeds at 10 Hz need them to keep their order.
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      instant - Clock::from_time_t(seconds)).count();
  std::string out = text;
  if (ms > 0) {
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03d", static_cast<int>(ms));
    out += fraction;
  }
  return out + "Z";
}

}  // namespace codriver::feeds
