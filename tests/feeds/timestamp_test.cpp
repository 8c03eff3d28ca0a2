#include "feeds/timestamp.h"

#include <gtest/gtest.h>

namespace codriver::feeds {
namespace {

TEST(Rfc3339, ReadsZonesAndFractions) {
  const auto utc = parse_rfc3339("2026-11-24T21:05:00Z");
  ASSERT_TRUE(utc);
  EXPECT_EQ(format_rfc3339(*utc), "2026-11-24T21:05:00Z");
  const auto shanghai = parse_rfc3339("2026-11-25T05:05:00+08:00");
  ASSERT_TRUE(shanghai);
  EXPECT_EQ(*shanghai, *utc);
  const auto fraction = parse_rfc3339("2026-11-24T21:05:00.750Z");
  ASSERT_TRUE(fraction);
  EXPECT_EQ(format_rfc3339(*fraction), "2026-11-24T21:05:00.750Z");
  EXPECT_EQ(*fraction - *utc, std::chrono::milliseconds(750));
  EXPECT_LT(*parse_rfc3339("2026-11-24T21:05:00.1Z"), *parse_rfc3339("2026-11-24T21:05:00.2Z"));
  EXPECT_EQ(format_rfc3339(*parse_rfc3339("2024-02-29T23:59:59-01:00")), "2024-03-01T00:59:59Z");
}

TEST(Rfc3339, RejectsWhatItCannotReadExactly) {
  for (const char* bad : {"", "2026-11-24", "2026-11-24T21:05:00", "2026-13-01T00:00:00Z",
                          "2025-02-29T00:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T21:05:00+8",
                          "2026-11-24T21:05:00Zjunk", "2026/11/24T21:05:00Z", "yesterday",
                          "2026-11-24T21:05:00.Z", "2026-11-24T21:61:00Z"}) {
    EXPECT_FALSE(parse_rfc3339(bad)) << bad;
  }
}

TEST(CivilTime, ReadsWallClockWithOrWithoutZone) {
  const auto t = parse_civil_time("2026-11-24T20:30");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->year, 2026);
  EXPECT_EQ(t->month, 11);
  EXPECT_EQ(t->day, 24);
  EXPECT_EQ(t->hour, 20);
  EXPECT_EQ(t->minute, 30);
  const auto zoned = parse_civil_time("2026-11-24T20:30:15+08:00");
  ASSERT_TRUE(zoned);
  EXPECT_EQ(zoned->hour, 20) << "the wall clock as written, not converted";
  EXPECT_EQ(zoned->second, 15);
  EXPECT_FALSE(parse_civil_time("20:30"));
  EXPECT_FALSE(parse_civil_time("2026-11-24T20:30 tomorrow"));
}

}  // namespace
}  // namespace codriver::feeds
