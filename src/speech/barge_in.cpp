#include "speech/barge_in.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace codriver::speech {
namespace {

std::size_t frames_for(double seconds) {
  return static_cast<std::size_t>(
      std::max(1L, std::lround(seconds / VoiceActivityDetector::kFrameSeconds)));
}

}  // namespace

BargeInDetector::BargeInDetector(BargeInConfig config)
    : config_(config),
      detector_(config.vad),
      echo_window_frames_(frames_for(config.echo_window_s)),
      onset_frames_(frames_for(config.onset_s)) {}

void BargeInDetector::reset() {
  detector_.reset();
  played_levels_dbfs_.clear();
  expected_echo_dbfs_ = -120;
  driver_run_ = 0;
  frames_seen_ = 0;
  triggered_ = false;
}

std::optional<BargeInEvent> BargeInDetector::feed(std::span<const std::int16_t> microphone,
                                                  std::span<const std::int16_t> played) {
  if (microphone.size() != kFrameSamples || played.size() != kFrameSamples) {
    throw AudioError("barge-in detection takes 20 ms frames of " + std::to_string(kFrameSamples) +
                     " samples from the microphone and the playback, got " +
                     std::to_string(microphone.size()) + " and " + std::to_string(played.size()));
  }
  const bool driver = is_driver_frame(microphone, played);
  ++frames_seen_;
  driver_run_ = driver ? driver_run_ + 1 : 0;
  if (triggered_ || driver_run_ < onset_frames_) return std::nullopt;
  triggered_ = true;
  const auto first_frame = static_cast<double>(frames_seen_ - static_cast<long>(driver_run_));
  return BargeInEvent{first_frame * VoiceActivityDetector::kFrameSeconds};
}

bool BargeInDetector::is_driver_frame(std::span<const std::int16_t> microphone,
                                      std::span<const std::int16_t> played) {
  played_levels_dbfs_.push_back(frame_energy_dbfs(played));
  if (played_levels_dbfs_.size() > echo_window_frames_) played_levels_dbfs_.pop_front();
  const double loudest_played =
      *std::max_element(played_levels_dbfs_.begin(), played_levels_dbfs_.end());
  expected_echo_dbfs_ = loudest_played + config_.speaker_to_mic_gain_db;

  detector_.feed(microphone);
  const FrameAnalysis& frame = detector_.last_frame();
  return frame.speech_like && frame.energy_dbfs > expected_echo_dbfs_ + config_.echo_margin_db;
}

}  // namespace codriver::speech
