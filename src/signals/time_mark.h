#pragma once

#include <optional>

#include "signals/signal_model.h"

// The times J2735 and CSAE 53 messages carry, made absolute.
//
// TimeMark (J2735 DE_TimeMark, also CSAE UTCTiming): tenths of a second since the start of
// the current UTC hour, 0..35999; 36000 means "more than an hour from now" and 36001
// "unknown" (J2735 2024 moved unknown to 36111, which is read as unknown too). A TimeMark
// alone does not say which hour, so it is read against a reference instant (the
// message's own timestamp when it has one, else the time it was received):
//
//   the instant chosen is the one nearest the reference among H + mark/10 s for every
//   UTC hour H — always within 30 minutes of it; exactly 30 minutes away, the later one.
//
// So with the reference at 10:59:58, TimeMark 5 is 11:00:00.5 (the next hour), and with
// the reference at 11:00:01, TimeMark 35990 is 10:59:59 (the hour before). Signal timing
// looks minutes ahead, never half an hour, so the rule is never ambiguous in practice.
// Leap seconds do not exist on the system clock; 35991..35999 are ordinary tenths here.
//
// The same rule places DSecond (milliseconds within the minute) within ±30 s of the
// reference, and MinuteOfTheYear in the year that puts it nearest the reference.
namespace codriver::signals {

inline constexpr int kTimeMarkBeyondAnHour = 36000;
inline constexpr int kTimeMarkUnknown = 36001;
inline constexpr int kTimeMarkUnknown2024 = 36111;  // J2735 2024-09
inline constexpr int kMinuteOfYearUnknown = 527040;
inline constexpr int kDSecondUnknown = 65535;

struct TimeMarkReading {
  enum class Kind { kInstant, kBeyondAnHour, kUnknown };
  Kind kind = Kind::kUnknown;
  Instant instant{};  // for kInstant
};

// Throws SignalsError for a value no edition defines (36002..36110, above 36111, negative).
TimeMarkReading read_time_mark(int time_mark, Instant reference);

// Puts a reading into an event: the instant, the "beyond an hour" flag, or nothing.
void set_time(MovementEvent& event, TimeField field, const TimeMarkReading& reading);

// The TimeMark naming `instant`: tenths since the start of its UTC hour, rounded to the
// nearest tenth (hh:59:59.96 is 0 of the next hour).
int time_mark_of(Instant instant);

// DSecond: milliseconds within the minute, 0..59999; 60000..60999 (a leap second) read as
// 59999 ms; 61000 and above (reserved, 65535 unavailable) give nullopt.
std::optional<Instant> read_millisecond_of_minute(int dsecond, Instant reference);

// MinuteOfTheYear: minutes since 1 January 00:00 UTC; 527040 (unknown) and minutes that
// no year near the reference has give nullopt.
std::optional<Instant> read_minute_of_year(int minute_of_year, Instant reference);

// An IntersectionState's moy and timeStamp together; nullopt when neither is there, or
// when one there says "unknown" (a minute without its milliseconds is no timestamp).
std::optional<Instant> read_timestamp(std::optional<int> minute_of_year, std::optional<int> dsecond,
                                      Instant reference);

int minute_of_year(Instant instant);
int millisecond_of_minute(Instant instant);

}  // namespace codriver::signals
