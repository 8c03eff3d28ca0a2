#include "speech/barge_in.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "front_end_signals.h"
#include "support/test_support.h"

namespace codriver::speech {
namespace {

using signals::mix_into;

// Runs the detector over aligned microphone and playback signals.
std::optional<BargeInEvent> run(BargeInDetector& detector, std::vector<std::int16_t> microphone,
                                std::vector<std::int16_t> played) {
  const std::size_t size = std::max(microphone.size(), played.size());
  microphone.resize(size, 0);
  played.resize(size, 0);
  std::optional<BargeInEvent> first;
  for (std::size_t start = 0; start + 320 <= size; start += 320) {
    auto event = detector.feed(std::span(microphone).subspan(start, 320),
                               std::span(played).subspan(start, 320));
    if (event && !first) first = event;
  }
  return first;
}

class BargeIn : public ::testing::Test {
 protected:
  void SetUp() override {
    answer_ = signals::espeak(dir_ / "answer.wav",
                              "In five hundred meters, turn left onto the main road, then keep "
                              "right at the fork and continue for two kilometers")
                  .samples;
    driver_ = signals::espeak(dir_ / "driver.wav", "stop, stop", "en-us+m3", 30).samples;
  }

  // The loudspeaker's sound reaching the microphone 20 dB down and 40 ms late, over a
  // little cabin noise.
  std::vector<std::int16_t> echo_only() const {
    std::vector<std::int16_t> microphone = signals::cabin_noise(answer_duration() + 0.1, -60, 51);
    mix_into(microphone, answer_, 0.04, 0.1);
    return microphone;
  }
  double answer_duration() const { return static_cast<double>(answer_.size()) / 16000; }

  codriver::testing::TempDir dir_;
  std::vector<std::int16_t> answer_;
  std::vector<std::int16_t> driver_;
};

TEST_F(BargeIn, TheAnswersOwnEchoDoesNotStopIt) {
  BargeInDetector detector;
  EXPECT_FALSE(run(detector, echo_only(), answer_).has_value());
  EXPECT_FALSE(detector.triggered());
}

TEST_F(BargeIn, DriverSpeakingOverTheAnswerStopsIt) {
  std::vector<std::int16_t> microphone = echo_only();
  mix_into(microphone, driver_, 1.5);
  BargeInDetector detector;
  const auto event = run(detector, microphone, answer_);
  ASSERT_TRUE(event.has_value());
  std::printf("[ measured ] driver from 1.50 s, barge-in dated %.2f s\n", event->time_s);
  EXPECT_GE(event->time_s, 1.45);
  EXPECT_LE(event->time_s, 1.8);
  EXPECT_TRUE(detector.triggered());
}

TEST_F(BargeIn, WithoutTheEchoReferenceTheEchoWouldCountAsSpeech) {
  // The same microphone signal with the playback reference withheld: the detector takes
  // the echo for a voice, which is why the reference matters.
  BargeInDetector detector;
  EXPECT_TRUE(run(detector, echo_only(), {}).has_value());
}

TEST_F(BargeIn, ReportsOnceUntilReset) {
  std::vector<std::int16_t> microphone = signals::cabin_noise(1.0, -60, 52);
  mix_into(microphone, driver_, 0.5);
  mix_into(microphone, driver_, 2.5);
  BargeInDetector detector;
  std::vector<double> events;
  for (std::size_t start = 0; start + 320 <= microphone.size(); start += 320) {
    const std::vector<std::int16_t> nothing(320, 0);
    if (auto event = detector.feed(std::span(microphone).subspan(start, 320), nothing)) {
      events.push_back(event->time_s);
    }
  }
  ASSERT_EQ(events.size(), 1u);
  EXPECT_NEAR(events[0], 0.5, 0.1);
  detector.reset();
  EXPECT_FALSE(detector.triggered());
  EXPECT_TRUE(run(detector, microphone, {}).has_value());
}

TEST_F(BargeIn, WrongFrameSizesAreAnAudioError) {
  BargeInDetector detector;
  const std::vector<std::int16_t> frame(320), half(160);
  EXPECT_THROW(detector.feed(frame, half), AudioError);
  EXPECT_THROW(detector.feed(half, frame), AudioError);
}

}  // namespace
}  // namespace codriver::speech
