#include "signals/iso_time.h"

#include <chrono>
#include <cstdio>

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
  // feeds::parse_rfc3339 checks the whole text (fraction included) but drops the fraction.
  const auto whole_seconds = feeds::parse_rfc3339(text);
  if (!whole_seconds) return std::nullopt;
  nanoseconds fraction{0};
  if (text.size() > 19 && text[19] == '.') {
    long long scale = 100'000'000;
    for (std::size_t i = 20; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      fraction += nanoseconds((text[i] - '0') * scale);
      scale /= 10;
    }
  }
  return *whole_seconds + duration_cast<Instant::duration>(fraction);
}

}  // namespace codriver::signals
