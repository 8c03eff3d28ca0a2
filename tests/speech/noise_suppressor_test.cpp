#include "speech/noise_suppressor.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "front_end_signals.h"
#include "support/test_support.h"

namespace codriver::speech {
namespace {

TEST(NoiseSuppressor, SteadyNoiseIsAttenuatedOnceLearned) {
  NoiseSuppressorConfig config;
  config.agc = false;
  NoiseSuppressor suppressor(config);
  const auto noise = signals::white_noise(4.0, -30, 21);
  const auto cleaned = suppressor.process(noise);
  const double reduction = signals::level_dbfs(noise, 3, 4) - signals::level_dbfs(cleaned, 3, 4);
  std::printf("[ measured ] white noise at -30 dBFS reduced by %.1f dB after 3 s\n", reduction);
  EXPECT_GT(reduction, 15.0);
}

TEST(NoiseSuppressor, GainControlLiftsQuietSpeech) {
  const AudioBuffer speech =
      read_audio_file(codriver::testing::shared_data("speech/en/goforward.wav"));
  std::vector<std::int16_t> quiet;
  for (std::int16_t sample : speech.samples)
    quiet.push_back(signals::clip(sample / 32768.0 * 0.1));
  // Twice in a row: the gain adapts during the first copy and is measured on the second.
  std::vector<std::int16_t> twice = quiet;
  twice.insert(twice.end(), quiet.begin(), quiet.end());
  NoiseSuppressor suppressor;
  const auto cleaned = suppressor.process(twice);
  const double offset = speech.duration_s();
  const double before = signals::level_dbfs(twice, offset + 0.45, offset + 2.4);
  const double after = signals::level_dbfs(cleaned, offset + 0.45, offset + 2.4);
  std::printf("[ measured ] speech at %.1f dBFS leaves the AGC at %.1f dBFS\n", before, after);
  EXPECT_GT(after - before, 10.0);
}

TEST(NoiseSuppressor, KeepsLengthAndRejectsWrongFrames) {
  NoiseSuppressor suppressor;
  EXPECT_EQ(suppressor.process(signals::white_noise(0.0625, -40, 3)).size(), 1000u);
  EXPECT_TRUE(suppressor.process({}).empty());
  std::vector<std::int16_t> short_frame(100);
  EXPECT_THROW(suppressor.process_frame(short_frame), AudioError);
}

}  // namespace
}  // namespace codriver::speech
