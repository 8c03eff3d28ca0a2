#include "signals/uper.h"

#include <gtest/gtest.h>

#include "signals/signals_error.h"

namespace codriver::signals::uper {
namespace {

std::vector<std::uint8_t> written(void (*write)(BitWriter&)) {
  BitWriter w;
  write(w);
  return std::move(w).finish();
}

std::string error_of(void (*read)(BitReader&), const std::vector<std::uint8_t>& bytes) {
  BitReader r(bytes, "test");
  try {
    read(r);
  } catch (const SignalsError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(Uper, ConstrainedWholeNumbersTakeTheBitsOfTheirRange) {
  EXPECT_EQ(bits_for_range(0), 0);
  EXPECT_EQ(bits_for_range(1), 1);
  EXPECT_EQ(bits_for_range(255), 8);
  EXPECT_EQ(bits_for_range(256), 9);
  EXPECT_EQ(bits_for_range(36001), 16);       // TimeMark
  EXPECT_EQ(bits_for_range(1800000001), 31);  // Latitude
  EXPECT_EQ(bits_for_range(3600000000), 32);  // Longitude
  // MessageFrame header of the SPaT sample: extension bit 0, messageId 19 in 15 bits
  EXPECT_EQ(written([](BitWriter& w) {
              w.bit(false);
              w.constrained(19, 0, 32767, "id");
            }),
            (std::vector<std::uint8_t>{0x00, 0x13}));
  // -1 in -512..511 is 511 in 10 bits, then 3 in 0..7: 0111111111 011 -> 7F D8 (padded)
  EXPECT_EQ(written([](BitWriter& w) {
              w.constrained(-1, -512, 511, "x");
              w.constrained(3, 0, 7, "c");
            }),
            (std::vector<std::uint8_t>{0x7F, 0xD8}));
}

TEST(Uper, ReadsWhatItWrites) {
  BitWriter w;
  w.constrained(-900000000, -900000000, 900000001, "lat");
  w.constrained(1800000001, -1799999999, 1800000001, "lon");
  w.normally_small(5);
  w.normally_small(1000);
  w.normally_small_length(3);
  w.ia5_string("Main St & 1st", 1, 63, "name");
  w.size(0, 0, 0, "empty");  // one value: no bits at all
  const std::vector<std::uint8_t> bytes = std::move(w).finish();
  BitReader r(bytes, "test");
  EXPECT_EQ(r.constrained(-900000000, 900000001, "lat"), -900000000);
  EXPECT_EQ(r.constrained(-1799999999, 1800000001, "lon"), 1800000001);
  EXPECT_EQ(r.normally_small("n"), 5u);
  EXPECT_EQ(r.normally_small("n"), 1000u);
  EXPECT_EQ(r.normally_small_length("n"), 3u);
  EXPECT_EQ(r.ia5_string(1, 63, "name"), "Main St & 1st");
  EXPECT_EQ(r.size(0, 0, "empty"), 0u);
  r.expect_only_padding("test");
}

TEST(Uper, OpenTypesOfEveryLengthFormIncludingFragments) {
  for (const std::size_t size : {0, 1, 127, 128, 16383, 16384, 16385, 65536, 70000}) {
    std::vector<std::uint8_t> content(size);
    for (std::size_t i = 0; i < size; ++i)
      content[i] = static_cast<std::uint8_t>(i * 7);
    BitWriter w;
    w.bit(true);  // unaligned on purpose
    w.open_type(content);
    w.bit(true);
    const std::vector<std::uint8_t> bytes = std::move(w).finish();
    Limits limits;
    limits.max_bytes = 1 << 20;
    BitReader r(bytes, "test", limits);
    EXPECT_TRUE(r.bit("a"));
    EXPECT_EQ(r.open_type("value"), content) << size;
    EXPECT_TRUE(r.bit("b"));
  }
}

TEST(Uper, ReadsPastTheEndAreErrorsNamingTheBitAndField) {
  const std::string error = error_of(
      [](BitReader& r) {
        BitReader::FieldScope scope(r, "SPAT");
        BitReader::FieldScope item(r, "intersections", 2);
        r.bits(5, "a");
        r.bits(8, "signalGroup");
      },
      {0xFF});
  EXPECT_EQ(error,
            "test: bit 5 (SPAT.intersections[2].signalGroup): the message ends: needs 8 more bits, "
            "3 left");
}

TEST(Uper, ValuesOutsideTheirConstraintAreErrors) {
  // 255 in the 8 bits of 0..200
  EXPECT_NE(error_of([](BitReader& r) { r.constrained(0, 200, "confidence"); }, {0xFF})
                .find("value 255 is outside 0..200"),
            std::string::npos);
  EXPECT_THROW(written([](BitWriter& w) { w.constrained(128, 0, 127, "revision"); }), SignalsError);
  EXPECT_THROW(written([](BitWriter& w) { w.ia5_string("", 1, 63, "name"); }), SignalsError);
  EXPECT_THROW(written([](BitWriter& w) { w.ia5_string("caf\xc3\xa9", 1, 63, "name"); }),
               SignalsError);
}

TEST(Uper, AnOpenTypeLongerThanTheMessageAllocatesNothing) {
  // a 2-octet length of 16383 with 2 octets behind it
  EXPECT_NE(error_of([](BitReader& r) { r.open_type("value"); }, {0xBF, 0xFF, 0x01, 0x02})
                .find("needs 131064 more bits"),
            std::string::npos);
  // a fragment header claiming 4 x 16K
  EXPECT_NE(
      error_of([](BitReader& r) { r.open_type("value"); }, {0xC4, 0x00}).find("the message ends"),
      std::string::npos);
  EXPECT_NE(
      error_of([](BitReader& r) { r.open_type("value"); }, {0xC7}).find("a length fragment of 7"),
      std::string::npos);
}

TEST(Uper, ExtensionAdditionsAreSkippedWhole) {
  BitWriter w;
  w.normally_small_length(3);
  w.bit(true);
  w.bit(false);
  w.bit(true);
  w.open_type(std::vector<std::uint8_t>{1, 2, 3});
  w.open_type(std::vector<std::uint8_t>{4});
  w.bits(0x5, 3);
  const std::vector<std::uint8_t> bytes = std::move(w).finish();
  BitReader r(bytes, "test");
  r.skip_extension_additions("ext");
  EXPECT_EQ(r.bits(3, "after"), 0x5u);
}

TEST(Uper, TheElementBudgetAndTheSizeLimit) {
  Limits limits;
  limits.max_elements = 10;
  const std::vector<std::uint8_t> bytes{0xFF, 0xFF};
  BitReader r(bytes, "test", limits);
  EXPECT_EQ(r.size(0, 7, "a"), 7u);
  EXPECT_THROW(r.size(0, 7, "b"), SignalsError);
  limits.max_bytes = 1;
  EXPECT_THROW(BitReader(bytes, "test", limits), SignalsError);
}

TEST(Uper, PaddingMustBeZero) {
  const std::vector<std::uint8_t> bytes{0x80, 0x01};
  BitReader r(bytes, "test");
  EXPECT_TRUE(r.bit("a"));
  EXPECT_THROW(r.expect_only_padding("MessageFrame"), SignalsError);
}

}  // namespace
}  // namespace codriver::signals::uper
