#include "map/maxspeed.h"

#include <gtest/gtest.h>

namespace codriver::map {
namespace {

double kmh_of(std::string_view value) {
  const Maxspeed parsed = parse_maxspeed(value);
  EXPECT_EQ(parsed.kind, Maxspeed::Kind::kLimit) << value;
  return parsed.kmh;
}

TEST(Maxspeed, PlainNumbersAreKilometresPerHour) {
  EXPECT_DOUBLE_EQ(kmh_of("50"), 50);
  EXPECT_DOUBLE_EQ(kmh_of(" 90 "), 90);
  EXPECT_DOUBLE_EQ(kmh_of("50 km/h"), 50);
  EXPECT_DOUBLE_EQ(kmh_of("50km/h"), 50);
  EXPECT_DOUBLE_EQ(kmh_of("60 kph"), 60);
  EXPECT_DOUBLE_EQ(kmh_of("7.5"), 7.5);
}

TEST(Maxspeed, ImperialAndNauticalUnitsAreConverted) {
  EXPECT_NEAR(kmh_of("30 mph"), 48.28032, 1e-9);
  EXPECT_NEAR(kmh_of("25mph"), 40.2336, 1e-9);
  EXPECT_NEAR(kmh_of("10 knots"), 18.52, 1e-9);
}

TEST(Maxspeed, ZonesFollowNationalLaw) {
  EXPECT_DOUBLE_EQ(kmh_of("DE:urban"), 50);
  EXPECT_DOUBLE_EQ(kmh_of("DE:rural"), 100);
  EXPECT_DOUBLE_EQ(kmh_of("FR:rural"), 80);
  EXPECT_DOUBLE_EQ(kmh_of("CN:urban"), 50);
  EXPECT_DOUBLE_EQ(kmh_of("CN:expressway"), 120);
  EXPECT_DOUBLE_EQ(kmh_of("RU:urban"), 60);
  EXPECT_NEAR(kmh_of("GB:nsl_single"), 96.56064, 1e-9);
  EXPECT_DOUBLE_EQ(kmh_of("de:urban"), 50) << "country codes are case-insensitive";
  EXPECT_DOUBLE_EQ(kmh_of("DE:zone30"), 30);
  EXPECT_DOUBLE_EQ(kmh_of("DE:zone:20"), 20);
  EXPECT_DOUBLE_EQ(kmh_of("XX:urban"), 50) << "unknown country falls back to the common limit";
  EXPECT_DOUBLE_EQ(kmh_of("walk"), 6);
}

TEST(Maxspeed, NoLimitAndUnknownAreNotGuessed) {
  EXPECT_EQ(parse_maxspeed("none").kind, Maxspeed::Kind::kNoLimit);
  EXPECT_EQ(parse_maxspeed("DE:motorway").kind, Maxspeed::Kind::kNoLimit);
  for (const char* value :
       {"", "signals", "variable", "fast", "-30", "0", "50 furlongs", "XX:moon"}) {
    EXPECT_EQ(parse_maxspeed(value).kind, Maxspeed::Kind::kUnknown) << value;
  }
}

TEST(Maxspeed, ListsTakeTheLowestLimit) {
  EXPECT_DOUBLE_EQ(kmh_of("50;30"), 30);
  EXPECT_DOUBLE_EQ(kmh_of("signals;70"), 70);
}

}  // namespace
}  // namespace codriver::map
