// Damaged and hostile UPER: every decoder failure is a SignalsError with a reason, never a
// crash, a hang or a huge allocation.
#include <gtest/gtest.h>

#include <random>

#include "signals/j2735_uper.h"
#include "signals/signals_error.h"
#include "signals_samples.h"

namespace codriver::signals {
namespace {

using namespace testing;

std::string error_of(const std::vector<std::uint8_t>& bytes) {
  try {
    decode_j2735_uper(bytes, spat_received());
  } catch (const SignalsError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(MalformedUper, EveryTruncationOfTheSamplesIsRefusedWithAReason) {
  for (const char* sample : {"spat_12111_uper.hex", "map_uper.hex"}) {
    const std::vector<std::uint8_t> whole = sample_bytes(sample);
    for (std::size_t size = 0; size < whole.size(); ++size) {
      const std::vector<std::uint8_t> cut(whole.begin(), whole.begin() + static_cast<long>(size));
      const std::string error = error_of(cut);
      EXPECT_NE(error.find("the message ends"), std::string::npos)
          << sample << " cut to " << size << ": " << error;
    }
  }
}

TEST(MalformedUper, ReasonsNameTheField) {
  std::vector<std::uint8_t> spat = sample_bytes("spat_12111_uper.hex");
  // the open type claims one octet more than there is
  spat[2] = 0x39;
  EXPECT_NE(error_of(spat).find("MessageFrame.value"), std::string::npos) << error_of(spat);
  spat = sample_bytes("spat_12111_uper.hex");
  spat[1] = 0x14;  // messageId 20
  EXPECT_NE(error_of(spat).find("message id 20 is neither SPaT (19) nor MAP (18)"),
            std::string::npos);
  spat = sample_bytes("spat_12111_uper.hex");
  spat.push_back(0x42);
  EXPECT_NE(error_of(spat).find("bits of data after the end of the MessageFrame"),
            std::string::npos)
      << error_of(spat);
  spat = sample_bytes("spat_12111_uper.hex");
  spat.push_back(0x00);  // a zero octet of padding, as ODE's asn1 has, is fine
  EXPECT_EQ(error_of(spat), "(no error)");
  // the first movement's eventState (4 bits after its 4-bit header) set to 15
  spat = sample_bytes("spat_12111_uper.hex");
  spat[14] |= 0x0F;
  spat[15] |= 0x00;
  const std::string error = error_of(spat);
  EXPECT_NE(error.find("J2735 UPER: bit "), std::string::npos) << error;
  EXPECT_NE(error.find("SPAT.intersections[0]"), std::string::npos) << error;
}

TEST(MalformedUper, RandomDamageIsEitherReadOrRefused) {
  std::mt19937 rng(7);
  for (const char* sample : {"spat_12111_uper.hex", "map_uper.hex"}) {
    const std::vector<std::uint8_t> whole = sample_bytes(sample);
    int refused = 0;
    for (int i = 0; i < 3000; ++i) {
      std::vector<std::uint8_t> damaged = whole;
      const int flips = 1 + static_cast<int>(rng() % 4);
      for (int f = 0; f < flips; ++f)
        damaged[rng() % damaged.size()] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
      try {
        const SignalMessage message = decode_j2735_uper(damaged, spat_received());
        // whatever is read can be written and read again
        std::visit([](const auto& m) { (void)encode_j2735_uper(m); }, message);
      } catch (const SignalsError&) {
        ++refused;
      }
    }
    EXPECT_GT(refused, 0) << sample;
  }
}

TEST(MalformedUper, RandomBytesAreRefused) {
  std::mt19937 rng(11);
  for (int i = 0; i < 5000; ++i) {
    std::vector<std::uint8_t> bytes(rng() % 64);
    for (auto& b : bytes)
      b = static_cast<std::uint8_t>(rng());
    try {
      decode_j2735_uper(bytes, spat_received());
    } catch (const SignalsError&) {
    }
  }
}

TEST(MalformedUper, TooBigForTheLimits) {
  uper::Limits limits;
  limits.max_bytes = 100;
  EXPECT_THROW(decode_j2735_uper(sample_bytes("map_uper.hex"), map_received(), limits),
               SignalsError);
  limits = {};
  limits.max_elements = 20;  // the MAP has 28 lanes
  try {
    decode_j2735_uper(sample_bytes("map_uper.hex"), map_received(), limits);
    ADD_FAILURE();
  } catch (const SignalsError& error) {
    EXPECT_NE(std::string(error.what()).find("budget"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace codriver::signals
