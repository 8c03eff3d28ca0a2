#include "speech/audio_buffer.h"

#include <gtest/gtest.h>

namespace codriver::speech {
namespace {

TEST(AudioBuffer, LevelsOfKnownSignals) {
  EXPECT_DOUBLE_EQ(rms_level({}), 0.0);
  EXPECT_NEAR(rms_level({16384, -16384, 16384, -16384}), 0.5, 1e-9);
  EXPECT_NEAR(peak_level({100, -32768, 5}), 1.0, 1e-9);
  EXPECT_NEAR(dbfs(0.5), -6.0206, 1e-3);
  EXPECT_DOUBLE_EQ(dbfs(0.0), -120.0);
  AudioBuffer one_second{16000, std::vector<std::int16_t>(16000)};
  EXPECT_DOUBLE_EQ(one_second.duration_s(), 1.0);
}

}  // namespace
}  // namespace codriver::speech
