#include "speech/voice_activity.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "front_end_signals.h"
#include "speech/spectral_flatness.h"
#include "support/test_support.h"

namespace codriver::speech {
namespace {

using signals::mix_into;

AudioBuffer buffer_of(std::vector<std::int16_t> samples) {
  return AudioBuffer{kSpeechSampleRate, std::move(samples)};
}

// Quiet background with a vowel from 1.0 s to 1.8 s.
std::vector<std::int16_t> vowel_in_quiet() {
  std::vector<std::int16_t> audio = signals::white_noise(3.0, -55, 1);
  mix_into(audio, signals::vowel(0.8, -20), 1.0);
  return audio;
}

TEST(SpectralFlatness, SeparatesNoiseFromVoicedSound) {
  const auto noise = signals::white_noise(0.02, -20, 7);
  const auto voiced = signals::vowel(0.02, -20);
  EXPECT_GT(spectral_flatness(noise, 16000), 0.45);
  EXPECT_LT(spectral_flatness(voiced, 16000), 0.05);
  EXPECT_NEAR(spectral_flatness(signals::silence(0.02), 16000), 1.0, 1e-9);
}

TEST(VoiceActivity, SilenceAndSteadyNoiseHoldNoSpeech) {
  EXPECT_TRUE(find_speech(buffer_of(signals::silence(2.0))).empty());
  EXPECT_TRUE(find_speech(buffer_of(signals::white_noise(3.0, -40, 2))).empty());
  EXPECT_TRUE(find_speech(buffer_of(signals::cabin_noise(3.0, -25, 3))).empty());
  EXPECT_TRUE(find_speech(AudioBuffer{}).empty());
}

TEST(VoiceActivity, FindsAVowelWhereItIs) {
  const auto segments = find_speech(buffer_of(vowel_in_quiet()));
  ASSERT_EQ(segments.size(), 1u);
  EXPECT_NEAR(segments[0].begin_s, 1.0, 0.02);
  EXPECT_NEAR(segments[0].end_s, 1.8, 0.02);
}

TEST(VoiceActivity, ALoudNoiseBurstIsNotSpeech) {
  std::vector<std::int16_t> audio = signals::white_noise(3.0, -55, 4);
  mix_into(audio, signals::white_noise(0.8, -20, 5), 1.0);
  EXPECT_TRUE(find_speech(buffer_of(audio)).empty());
}

TEST(VoiceActivity, HangoverBridgesShortPausesOnly) {
  std::vector<std::int16_t> short_pause = signals::white_noise(4.0, -55, 6);
  mix_into(short_pause, signals::vowel(0.5, -20), 1.0);
  mix_into(short_pause, signals::vowel(0.5, -20), 1.8);  // 0.3 s pause
  const auto bridged = find_speech(buffer_of(short_pause));
  ASSERT_EQ(bridged.size(), 1u);
  EXPECT_NEAR(bridged[0].begin_s, 1.0, 0.02);
  EXPECT_NEAR(bridged[0].end_s, 2.3, 0.02);

  std::vector<std::int16_t> long_pause = signals::white_noise(4.0, -55, 6);
  mix_into(long_pause, signals::vowel(0.5, -20), 1.0);
  mix_into(long_pause, signals::vowel(0.5, -20), 2.5);  // 1.0 s pause
  const auto split = find_speech(buffer_of(long_pause));
  ASSERT_EQ(split.size(), 2u);
  EXPECT_NEAR(split[0].end_s, 1.5, 0.02);
  EXPECT_NEAR(split[1].begin_s, 2.5, 0.02);
}

TEST(VoiceActivity, HangoverIsConfigurable) {
  std::vector<std::int16_t> audio = signals::white_noise(4.0, -55, 6);
  mix_into(audio, signals::vowel(0.5, -20), 1.0);
  mix_into(audio, signals::vowel(0.5, -20), 1.8);
  VadConfig quick;
  quick.hangover_s = 0.2;
  EXPECT_EQ(find_speech(buffer_of(audio), quick).size(), 2u);
}

TEST(VoiceActivity, StreamingReportsOnsetAfterSixtyMillisecondsAndEndAfterHangover) {
  const std::vector<std::int16_t> audio = vowel_in_quiet();
  VoiceActivityDetector detector;
  std::vector<std::pair<VadEvent, double>> events;  // event, audio time when reported
  for (std::size_t start = 0; start + 320 <= audio.size(); start += 320) {
    const auto event = detector.feed(std::span(audio).subspan(start, 320));
    if (event) events.emplace_back(*event, detector.time_s());
  }
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].first.kind, VadEventKind::kSpeechStarted);
  EXPECT_NEAR(events[0].first.time_s, 1.0, 1e-9);
  EXPECT_NEAR(events[0].second, 1.06, 1e-9);
  EXPECT_EQ(events[1].first.kind, VadEventKind::kSpeechEnded);
  EXPECT_NEAR(events[1].first.time_s, 1.8, 1e-9);
  EXPECT_NEAR(events[1].second, 2.3, 1e-9);
  EXPECT_FALSE(detector.in_speech());
  EXPECT_NEAR(detector.noise_floor_dbfs(), -55, 2);
}

TEST(VoiceActivity, SpeechStillOpenAtTheEndIsClosedByFinish) {
  std::vector<std::int16_t> audio = signals::white_noise(1.0, -55, 8);
  mix_into(audio, signals::vowel(0.6, -20), 0.6);  // runs to 1.2 s, the end of the audio
  const auto segments = find_speech(buffer_of(audio));
  ASSERT_EQ(segments.size(), 1u);
  EXPECT_NEAR(segments[0].end_s, 1.2, 0.02);
}

TEST(VoiceActivity, SpeechRightAtTheStartIsFound) {
  std::vector<std::int16_t> audio = signals::vowel(0.5, -20);
  mix_into(audio, signals::white_noise(2.0, -55, 9), 0.0);
  const auto segments = find_speech(buffer_of(audio));
  ASSERT_EQ(segments.size(), 1u);
  EXPECT_NEAR(segments[0].begin_s, 0.0, 0.02);
}

TEST(VoiceActivity, WrongFrameSizeIsAnAudioError) {
  VoiceActivityDetector detector;
  const std::vector<std::int16_t> frame(160);
  EXPECT_THROW(detector.feed(frame), AudioError);
}

TEST(VoiceActivity, FindsTheCommandInTheGoForwardRecording) {
  const AudioBuffer audio =
      read_audio_file(codriver::testing::shared_data("speech/en/goforward.wav"));
  const auto segments = find_speech(audio);
  ASSERT_FALSE(segments.empty());
  std::printf("[ measured ] goforward.wav speech %.2f-%.2f s in %zu segment(s)\n",
              segments.front().begin_s, segments.back().end_s, segments.size());
  // By its level, the speech runs from about 0.45 s to 2.4 s of the 2.79 s file.
  EXPECT_NEAR(segments.front().begin_s, 0.45, 0.1);
  EXPECT_NEAR(segments.back().end_s, 2.4, 0.15);
}

}  // namespace
}  // namespace codriver::speech
