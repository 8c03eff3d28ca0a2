#include "speech/front_end.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "front_end_signals.h"
#include "support/test_support.h"

namespace codriver::speech {
namespace {

using codriver::testing::shared_data;

AudioBuffer go_forward() {
  return read_audio_file(shared_data("speech/en/goforward.wav"));
}

// goforward.wav holds "go forward ten meters" from about 0.45 s to 2.4 s.
void expect_go_forward_found(const Utterance& utterance) {
  ASSERT_TRUE(utterance.heard);
  EXPECT_NEAR(utterance.speech_begin_s, 0.5, 0.1);
  EXPECT_NEAR(utterance.speech_end_s, 2.45, 0.25);
  // The kept audio is the speech plus 200 ms either side, within the file's 44580 samples.
  const double expected = std::min(44580 / 16000.0, utterance.speech_end_s + 0.2) -
                          std::max(0.0, utterance.speech_begin_s - 0.2);
  EXPECT_NEAR(utterance.audio.duration_s(), expected, 0.001);
  EXPECT_EQ(utterance.audio.sample_rate, 16000);
}

TEST(FrontEnd, FindsTheCommandInTheRecording) {
  const Utterance utterance = clean_utterance(go_forward());
  expect_go_forward_found(utterance);
  std::printf("[ measured ] goforward.wav: speech %.2f-%.2f s, %.2f s kept, %.1f dBFS\n",
              utterance.speech_begin_s, utterance.speech_end_s, utterance.audio.duration_s(),
              dbfs(rms_level(utterance.audio.samples)));
}

TEST(FrontEnd, FindsTheCommandUnderNoiseAtTenDecibelsSnr) {
  const AudioBuffer clean = go_forward();
  const double speech_dbfs = signals::level_dbfs(clean.samples, 0.45, 2.4);
  AudioBuffer white = clean;
  signals::mix_into(white.samples, signals::white_noise(clean.duration_s(), speech_dbfs - 10, 31),
                    0);
  AudioBuffer cabin = clean;
  signals::mix_into(cabin.samples, signals::cabin_noise(clean.duration_s(), speech_dbfs - 10, 32),
                    0);
  for (const AudioBuffer* noisy : {&white, &cabin}) {
    const Utterance utterance = clean_utterance(*noisy);
    expect_go_forward_found(utterance);
    std::printf("[ measured ] goforward.wav + noise at 10 dB SNR: speech %.2f-%.2f s\n",
                utterance.speech_begin_s, utterance.speech_end_s);
    // The noise before the speech is pushed down by the suppressor.
    EXPECT_LT(signals::level_dbfs(utterance.audio.samples, 0.0, 0.15),
              signals::level_dbfs(noisy->samples, 0.15, 0.3) - 10);
  }
}

TEST(FrontEnd, SilenceAndNoiseAloneAreNothingHeard) {
  const std::vector<AudioBuffer> inputs = {AudioBuffer{16000, signals::silence(2.0)},
                                           AudioBuffer{16000, signals::white_noise(3.0, -30, 41)},
                                           AudioBuffer{16000, signals::cabin_noise(3.0, -20, 42)},
                                           AudioBuffer{16000, {}},
                                           AudioBuffer{16000, std::vector<std::int16_t>(100, 3)}};
  for (const AudioBuffer& input : inputs) {
    const Utterance utterance = clean_utterance(input);
    EXPECT_FALSE(utterance.heard);
    EXPECT_TRUE(utterance.audio.samples.empty());
  }
}

TEST(FrontEnd, AcceptsOtherRatesAndLevels) {
  // 8 kHz telephone-band audio, 20 dB quieter.
  AudioBuffer quiet = resample(go_forward(), 8000);
  for (auto& sample : quiet.samples)
    sample = signals::clip(sample / 32768.0 * 0.1);
  const Utterance utterance = clean_utterance(quiet);
  expect_go_forward_found(utterance);
  // The gain control brings it back up towards the usual speech level.
  EXPECT_GT(dbfs(rms_level(utterance.audio.samples)),
            signals::level_dbfs(quiet.samples, 0, 3) + 10);
}

TEST(FrontEnd, HearsSynthesisedSpeech) {
  codriver::testing::TempDir dir;
  AudioBuffer input{16000, signals::silence(1.0)};
  signals::mix_into(input.samples,
                    signals::espeak(dir / "turn.wav", "turn left at the next junction").samples,
                    0.5);
  const Utterance utterance = clean_utterance(input);
  ASSERT_TRUE(utterance.heard);
  EXPECT_NEAR(utterance.speech_begin_s, 0.55, 0.1);
  EXPECT_GT(utterance.speech_end_s, 2.0);
}

TEST(FrontEnd, HearsTheOtherSharedRecordings) {
  for (const char* name : {"speech/rhino/test_within_context.wav", "speech/zh/BAC009S0764W0121.wav",
                           "speech/en/cards/001.wav"}) {
    const AudioBuffer audio = read_audio_file(shared_data(name));
    const Utterance utterance = clean_utterance(audio);
    EXPECT_TRUE(utterance.heard) << name;
    EXPECT_LT(utterance.speech_begin_s, utterance.speech_end_s) << name;
    EXPECT_LE(utterance.speech_end_s, audio.duration_s()) << name;
    std::printf("[ measured ] %s (%.2f s): speech %.2f-%.2f s\n", name, audio.duration_s(),
                utterance.speech_begin_s, utterance.speech_end_s);
  }
}

}  // namespace
}  // namespace codriver::speech
