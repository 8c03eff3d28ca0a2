#include "signals/iso_time.h"

#include <gtest/gtest.h>

#include "signals/hex.h"

namespace codriver::signals {
namespace {

TEST(IsoTime, FractionsBothWays) {
  const auto t = parse_iso8601("2024-12-10T17:36:52.1Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_iso8601(*t), "2024-12-10T17:36:52.100Z");
  EXPECT_EQ(*parse_iso8601("2022-10-18T23:02:53.824251Z") - *parse_iso8601("2022-10-18T23:02:53Z"),
            std::chrono::microseconds(824251));
  EXPECT_EQ(*parse_iso8601("2024-12-11T01:36:52.5+08:00"),
            *parse_iso8601("2024-12-10T17:36:52.5Z"));
  EXPECT_EQ(format_iso8601(*parse_iso8601("2024-02-29T23:59:59.999Z")), "2024-02-29T23:59:59.999Z");
}

TEST(IsoTime, RefusesWhatIsNotAnInstantThisCenturyCouldHave) {
  for (const char* bad : {"", "2024-12-10", "2024-12-10T17:36:52", "2024-12-10T17:36:52.Z",
                          "9999-12-31T23:59:59Z", "1000-01-01T00:00:00Z", "soon"}) {
    EXPECT_FALSE(parse_iso8601(bad)) << bad;
  }
}

TEST(Hex, ReadsWhatToolsWrite) {
  EXPECT_EQ(bytes_from_hex("0x00 13\n38"), (std::vector<std::uint8_t>{0x00, 0x13, 0x38}));
  EXPECT_EQ(bytes_from_hex("aBcD"), (std::vector<std::uint8_t>{0xAB, 0xCD}));
  EXPECT_FALSE(bytes_from_hex("abc"));
  EXPECT_FALSE(bytes_from_hex("zz"));
  EXPECT_EQ(hex_from_bytes({0x00, 0xFF}), "00ff");
}

}  // namespace
}  // namespace codriver::signals
