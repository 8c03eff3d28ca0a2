#include "speech/voice_activity.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "speech/audio_file.h"
#include "speech/spectral_flatness.h"

namespace codriver::speech {
namespace {

constexpr double kSilenceDbfs = -120;
// Below the floor it follows quickly (noise dropped, or the first frames were loud); within
// the threshold it follows with a ~0.4 s time constant.
constexpr double kFloorFallRate = 0.3;
constexpr double kFloorTrackRate = 0.05;
// The percentile of frame levels taken as the starting floor for a whole buffer.
constexpr double kInitialFloorPercentile = 0.1;

int frames_for(double seconds) {
  return std::max(1, static_cast<int>(std::lround(seconds / VoiceActivityDetector::kFrameSeconds)));
}

}  // namespace

double frame_energy_dbfs(std::span<const std::int16_t> frame) {
  if (frame.empty()) return kSilenceDbfs;
  // The mean is removed first: a microphone's DC offset is not sound.
  double mean = 0;
  for (std::int16_t sample : frame)
    mean += sample;
  mean /= static_cast<double>(frame.size());
  double power = 0;
  for (std::int16_t sample : frame)
    power += (sample - mean) * (sample - mean);
  power /= static_cast<double>(frame.size()) * 32768.0 * 32768.0;
  return power > 1e-12 ? 10.0 * std::log10(power) : kSilenceDbfs;
}

VoiceActivityDetector::VoiceActivityDetector(VadConfig config)
    : config_(config),
      onset_frames_(frames_for(config.onset_s)),
      hangover_frames_(frames_for(config.hangover_s)) {
  reset();
}

void VoiceActivityDetector::reset() {
  floor_known_ = config_.initial_noise_floor_dbfs.has_value();
  noise_floor_dbfs_ = config_.initial_noise_floor_dbfs.value_or(kSilenceDbfs);
  in_speech_ = false;
  frames_seen_ = 0;
  loud_run_start_ = 0;
  speech_like_run_ = 0;
  quiet_run_ = 0;
  last_loud_end_s_ = 0;
  last_frame_ = {};
}

std::optional<VadEvent> VoiceActivityDetector::feed(std::span<const std::int16_t> frame) {
  if (frame.size() != kFrameSamples) {
    throw AudioError("voice activity detection takes frames of " + std::to_string(kFrameSamples) +
                     " samples (20 ms at 16 kHz), got " + std::to_string(frame.size()));
  }
  last_frame_ = analyse(frame);
  std::optional<VadEvent> event = update_state(last_frame_);
  update_noise_floor(last_frame_);
  ++frames_seen_;
  return event;
}

FrameAnalysis VoiceActivityDetector::analyse(std::span<const std::int16_t> frame) const {
  FrameAnalysis analysis;
  analysis.energy_dbfs = frame_energy_dbfs(frame);
  const double floor = floor_known_ ? noise_floor_dbfs_ : analysis.energy_dbfs;
  analysis.above_floor = analysis.energy_dbfs >= config_.min_speech_dbfs &&
                         analysis.energy_dbfs > floor + config_.threshold_db;
  if (analysis.above_floor) {
    // Only loud frames need the spectrum; this keeps long silences cheap.
    analysis.flatness = spectral_flatness(frame, kSpeechSampleRate);
    analysis.speech_like = analysis.flatness <= config_.max_flatness;
  }
  return analysis;
}

void VoiceActivityDetector::update_noise_floor(const FrameAnalysis& frame) {
  if (!floor_known_) {
    noise_floor_dbfs_ = frame.energy_dbfs;
    floor_known_ = true;
    return;
  }
  const double difference = frame.energy_dbfs - noise_floor_dbfs_;
  if (difference < 0) {
    noise_floor_dbfs_ += kFloorFallRate * difference;
  } else if (!frame.above_floor) {
    noise_floor_dbfs_ += kFloorTrackRate * difference;
  } else {
    noise_floor_dbfs_ += std::min(difference, config_.floor_rise_db_per_s * kFrameSeconds);
  }
}

std::optional<VadEvent> VoiceActivityDetector::update_state(const FrameAnalysis& frame) {
  const double frame_begin_s = time_s();
  if (frame.above_floor) {
    // Speech is dated from the first loud frame: a soft onset such as /s/ is noise-like
    // and does not count towards the onset, but it belongs to the utterance.
    if (quiet_run_ != 0 || frames_seen_ == 0) loud_run_start_ = frames_seen_;
    quiet_run_ = 0;
    last_loud_end_s_ = frame_begin_s + kFrameSeconds;
  } else {
    ++quiet_run_;
  }
  speech_like_run_ = frame.speech_like ? speech_like_run_ + 1 : 0;

  if (!in_speech_ && speech_like_run_ >= onset_frames_) {
    in_speech_ = true;
    return VadEvent{VadEventKind::kSpeechStarted,
                    static_cast<double>(loud_run_start_) * kFrameSeconds};
  }
  if (in_speech_ && quiet_run_ >= hangover_frames_) {
    in_speech_ = false;
    return VadEvent{VadEventKind::kSpeechEnded, last_loud_end_s_};
  }
  return std::nullopt;
}

std::optional<VadEvent> VoiceActivityDetector::finish() {
  if (!in_speech_) return std::nullopt;
  in_speech_ = false;
  return VadEvent{VadEventKind::kSpeechEnded, last_loud_end_s_};
}

std::vector<SpeechSegment> find_speech(const AudioBuffer& audio, VadConfig config) {
  const AudioBuffer converted =
      audio.sample_rate == kSpeechSampleRate ? AudioBuffer{} : resample(audio, kSpeechSampleRate);
  const std::vector<std::int16_t>& samples =
      audio.sample_rate == kSpeechSampleRate ? audio.samples : converted.samples;
  const std::size_t frame_count = samples.size() / VoiceActivityDetector::kFrameSamples;
  if (frame_count == 0) return {};
  auto frame_at = [&](std::size_t index) {
    return std::span<const std::int16_t>(samples).subspan(
        index * VoiceActivityDetector::kFrameSamples, VoiceActivityDetector::kFrameSamples);
  };
  if (!config.initial_noise_floor_dbfs) {
    std::vector<double> levels(frame_count);
    for (std::size_t i = 0; i < frame_count; ++i)
      levels[i] = frame_energy_dbfs(frame_at(i));
    const auto nth = levels.begin() + static_cast<long>(kInitialFloorPercentile * frame_count);
    std::nth_element(levels.begin(), nth, levels.end());
    config.initial_noise_floor_dbfs = *nth;
  }
  VoiceActivityDetector detector(config);
  std::vector<SpeechSegment> segments;
  auto record = [&](const std::optional<VadEvent>& event) {
    if (!event) return;
    if (event->kind == VadEventKind::kSpeechStarted) {
      segments.push_back({event->time_s, event->time_s});
    } else if (!segments.empty()) {
      segments.back().end_s = event->time_s;
    }
  };
  for (std::size_t i = 0; i < frame_count; ++i)
    record(detector.feed(frame_at(i)));
  record(detector.finish());
  return segments;
}

}  // namespace codriver::speech
