#include "signals/iso_time.h"

#include <chrono>
#include <cstdio>
#include <string>

#include "feeds/timestamp.h"

namespace codriver::signals {

using namespace std::chrono;

std::string format_iso8601(Instant instant) {
  const auto ms = floor<milliseconds>(instant);
  const auto day = floor<days>(ms);
  const year_month_day date{day};
  const hh_mm_ss time{ms - day};
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
                static_cast<int>(time.subseconds().count()));
  return text;
}

std::optional<Instant> parse_iso8601(std::string_view text) {
  // The system clock counts nanoseconds in 64 bits: years 1678..2261. Messages are from
  // this century; a year far outside it is an error, not an overflow.
  if (text.size() < 4 || text.substr(0, 2) < "19" || text.substr(0, 2) > "21") return std::nullopt;
  // The fraction is read here and the rest left to feeds::parse_rfc3339 without it, so
  // that every digit counts once whether or not that function keeps fractions itself.
  if (!feeds::parse_rfc3339(text)) return std::nullopt;
  if (text.size() <= 19 || text[19] != '.') return feeds::parse_rfc3339(text);
  nanoseconds fraction{0};
  long long scale = 100'000'000;
  std::size_t end = 20;
  for (; end < text.size() && text[end] >= '0' && text[end] <= '9'; ++end) {
    fraction += nanoseconds((text[end] - '0') * scale);
    scale /= 10;
  }
  const std::string whole = std::string(text.substr(0, 19)) + std::string(text.substr(end));
  const auto whole_seconds = feeds::parse_rfc3339(whole);
  if (!whole_seconds) return std::nullopt;
  return *whole_seconds + duration_cast<Instant::duration>(fraction);
}

}  // namespace codriver::signals
