#include "signals/time_mark.h"

#include <chrono>
#include <string>

#include "signals/signals_error.h"

namespace codriver::signals {

namespace {

using namespace std::chrono;

// The candidate shifted by whole periods to lie nearest the reference; ties go later.
Instant nearest(Instant candidate, Instant reference, Instant::duration period) {
  const auto half = period / 2;
  while (candidate - reference > half)
    candidate -= period;
  while (reference - candidate >= half)
    candidate += period;
  return candidate;
}

Instant start_of_year(int y) {
  return sys_days{year{y} / January / 1};
}

int minutes_in_year(int y) {
  return year{y}.is_leap() ? 366 * 1440 : 365 * 1440;
}

int year_of(Instant instant) {
  return static_cast<int>(year_month_day{floor<days>(instant)}.year());
}

}  // namespace

TimeMarkReading read_time_mark(int time_mark, Instant reference) {
  if (time_mark == kTimeMarkUnknown || time_mark == kTimeMarkUnknown2024) return {};
  if (time_mark == kTimeMarkBeyondAnHour) return {TimeMarkReading::Kind::kBeyondAnHour, {}};
  if (time_mark < 0 || time_mark > kTimeMarkBeyondAnHour) {
    throw SignalsError("TimeMark " + std::to_string(time_mark) +
                       " is outside 0..36001 (tenths of a second in the hour)");
  }
  const Instant candidate = floor<hours>(reference) + milliseconds(100LL * time_mark);
  return {TimeMarkReading::Kind::kInstant, nearest(candidate, reference, hours(1))};
}

void set_time(MovementEvent& event, TimeField field, const TimeMarkReading& reading) {
  if (reading.kind == TimeMarkReading::Kind::kInstant) time_of(event, field) = reading.instant;
  if (reading.kind == TimeMarkReading::Kind::kBeyondAnHour) {
    event.beyond_an_hour |= static_cast<std::uint8_t>(field);
  }
}

int time_mark_of(Instant instant) {
  const auto since_hour = instant - floor<hours>(instant);
  const auto tenths = round<duration<long long, std::deci>>(since_hour).count();
  return static_cast<int>(tenths % kTimeMarkBeyondAnHour);
}

std::optional<Instant> read_millisecond_of_minute(int dsecond, Instant reference) {
  if (dsecond < 0 || dsecond > 60999) return std::nullopt;
  const int ms = dsecond > 59999 ? 59999 : dsecond;
  const Instant candidate = floor<minutes>(reference) + milliseconds(ms);
  return nearest(candidate, reference, minutes(1));
}

std::optional<Instant> read_minute_of_year(int minute_of_year, Instant reference) {
  if (minute_of_year < 0 || minute_of_year >= kMinuteOfYearUnknown) return std::nullopt;
  const int reference_year = year_of(reference);
  std::optional<Instant> best;
  for (int y = reference_year - 1; y <= reference_year + 1; ++y) {
    if (minute_of_year >= minutes_in_year(y)) continue;
    const Instant candidate = start_of_year(y) + minutes(minute_of_year);
    if (!best || abs(candidate - reference) < abs(*best - reference)) best = candidate;
  }
  return best;
}

std::optional<Instant> read_timestamp(std::optional<int> minute_of_year, std::optional<int> dsecond,
                                      Instant reference) {
  if (minute_of_year) {
    const auto minute = read_minute_of_year(*minute_of_year, reference);
    if (!minute) return std::nullopt;
    if (!dsecond) return minute;
    if (*dsecond < 0 || *dsecond > 60999) return std::nullopt;
    return *minute + milliseconds(*dsecond > 59999 ? 59999 : *dsecond);
  }
  if (dsecond) return read_millisecond_of_minute(*dsecond, reference);
  return std::nullopt;
}

int minute_of_year(Instant instant) {
  const auto since_new_year = instant - start_of_year(year_of(instant));
  return static_cast<int>(floor<minutes>(since_new_year).count());
}

int millisecond_of_minute(Instant instant) {
  return static_cast<int>(floor<milliseconds>(instant - floor<minutes>(instant)).count());
}

}  // namespace codriver::signals
