#include "signals/time_mark.h"

#include <gtest/gtest.h>

#include "signals/iso_time.h"
#include "signals/signals_error.h"

namespace codriver::signals {
namespace {

Instant at(const char* text) {
  return *parse_iso8601(text);
}

Instant mark(int time_mark, const char* reference) {
  const TimeMarkReading reading = read_time_mark(time_mark, at(reference));
  EXPECT_EQ(reading.kind, TimeMarkReading::Kind::kInstant);
  return reading.instant;
}

TEST(TimeMark, JustAfterTheHourFromJustBeforeIt) {
  EXPECT_EQ(mark(5, "2024-12-10T10:59:58Z"), at("2024-12-10T11:00:00.5Z"));
  EXPECT_EQ(mark(0, "2024-12-10T10:59:59.9Z"), at("2024-12-10T11:00:00Z"));
}

TEST(TimeMark, JustBeforeTheHourFromJustAfterIt) {
  EXPECT_EQ(mark(35990, "2024-12-10T11:00:01Z"), at("2024-12-10T10:59:59Z"));
  EXPECT_EQ(mark(35999, "2024-12-10T11:00:00Z"), at("2024-12-10T10:59:59.9Z"));
}

TEST(TimeMark, WithinTheSameHour) {
  EXPECT_EQ(mark(22120, "2024-12-10T17:34:35.176Z"), at("2024-12-10T17:36:52Z"));
  EXPECT_EQ(mark(0, "2024-12-10T17:00:00Z"), at("2024-12-10T17:00:00Z"));
}

TEST(TimeMark, AcrossMidnightAndTheYear) {
  EXPECT_EQ(mark(100, "2024-12-31T23:59:50Z"), at("2025-01-01T00:00:10Z"));
  EXPECT_EQ(mark(35900, "2025-01-01T00:00:05Z"), at("2024-12-31T23:59:50Z"));
}

TEST(TimeMark, HalfAnHourAwayResolvesToTheLaterInstant) {
  // 18000 tenths = hh:30:00; from hh:00:00 both hh:30 and (hh-1):30 are 30 min away.
  EXPECT_EQ(mark(18000, "2024-12-10T11:00:00Z"), at("2024-12-10T11:30:00Z"));
  EXPECT_EQ(mark(0, "2024-12-10T11:30:00Z"), at("2024-12-10T12:00:00Z"));
  // a tenth less than half an hour either way stays on its side
  EXPECT_EQ(mark(17999, "2024-12-10T11:00:00Z"), at("2024-12-10T11:29:59.9Z"));
  EXPECT_EQ(mark(18001, "2024-12-10T11:00:00Z"), at("2024-12-10T10:30:00.1Z"));
}

TEST(TimeMark, SpecialValues) {
  const Instant now = at("2024-12-10T11:00:00Z");
  EXPECT_EQ(read_time_mark(36000, now).kind, TimeMarkReading::Kind::kBeyondAnHour);
  EXPECT_EQ(read_time_mark(36001, now).kind, TimeMarkReading::Kind::kUnknown);
  EXPECT_EQ(read_time_mark(36111, now).kind, TimeMarkReading::Kind::kUnknown);  // J2735 2024
  for (const int bad : {-1, 36002, 36110, 36112, 65535}) {
    EXPECT_THROW(read_time_mark(bad, now), SignalsError) << bad;
  }
}

TEST(TimeMark, OfAnInstantRoundsToTheTenthAndWraps) {
  EXPECT_EQ(time_mark_of(at("2024-12-10T17:36:52Z")), 22120);
  EXPECT_EQ(time_mark_of(at("2024-12-10T17:36:52.149Z")), 22121);
  EXPECT_EQ(time_mark_of(at("2024-12-10T17:59:59.9Z")), 35999);
  EXPECT_EQ(time_mark_of(at("2024-12-10T17:59:59.96Z")), 0);
  EXPECT_EQ(time_mark_of(at("2024-12-10T18:00:00Z")), 0);
}

TEST(TimeMark, RoundTripsEveryTenthNearTheHour) {
  const Instant reference = at("2024-12-10T17:59:30Z");
  for (int tenths = -600; tenths <= 600; ++tenths) {
    const Instant t = at("2024-12-10T18:00:00Z") + std::chrono::milliseconds(100 * tenths);
    const TimeMarkReading back = read_time_mark(time_mark_of(t), reference);
    EXPECT_EQ(back.instant, t) << tenths;
  }
}

TEST(DSecond, NearestMinuteAndLeapSecond) {
  EXPECT_EQ(read_millisecond_of_minute(35176, at("2024-12-10T17:34:40.359Z")),
            at("2024-12-10T17:34:35.176Z"));
  // the reference just past the minute: 59.5 s is of the minute before
  EXPECT_EQ(read_millisecond_of_minute(59500, at("2024-12-10T17:35:00.2Z")),
            at("2024-12-10T17:34:59.5Z"));
  EXPECT_EQ(read_millisecond_of_minute(500, at("2024-12-10T17:34:59.8Z")),
            at("2024-12-10T17:35:00.5Z"));
  EXPECT_EQ(read_millisecond_of_minute(60500, at("2024-12-10T17:34:59Z")),
            at("2024-12-10T17:34:59.999Z"));
  EXPECT_FALSE(read_millisecond_of_minute(61000, at("2024-12-10T17:34:59Z")));
  EXPECT_FALSE(read_millisecond_of_minute(65535, at("2024-12-10T17:34:59Z")));
}

TEST(MinuteOfTheYear, YearNearestTheReference) {
  EXPECT_EQ(read_minute_of_year(0, at("2024-12-31T23:59:00Z")), at("2025-01-01T00:00:00Z"));
  EXPECT_EQ(read_minute_of_year(525599, at("2025-01-01T00:01:00Z")), at("2024-12-30T23:59:00Z"))
      << "2024 is a leap year: minute 525599 is 30 December";
  EXPECT_EQ(read_minute_of_year(527039, at("2025-01-01T00:01:00Z")), at("2024-12-31T23:59:00Z"));
  EXPECT_FALSE(read_minute_of_year(527040, at("2025-01-01T00:01:00Z")));
  EXPECT_EQ(minute_of_year(at("2024-12-31T23:59:30Z")), 527039);
  EXPECT_EQ(millisecond_of_minute(at("2024-12-31T23:59:30.25Z")), 30250);
}

TEST(Timestamp, MinuteOfTheYearAndDSecondTogether) {
  const Instant reference = at("2024-12-10T17:34:40Z");
  const int moy = minute_of_year(at("2024-12-10T17:34:00Z"));
  EXPECT_EQ(read_timestamp(moy, 35176, reference), at("2024-12-10T17:34:35.176Z"));
  EXPECT_EQ(read_timestamp(moy, std::nullopt, reference), at("2024-12-10T17:34:00Z"));
  EXPECT_EQ(read_timestamp(std::nullopt, 35176, reference), at("2024-12-10T17:34:35.176Z"));
  EXPECT_FALSE(read_timestamp(std::nullopt, std::nullopt, reference));
}

}  // namespace
}  // namespace codriver::signals
