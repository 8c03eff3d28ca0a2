#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "speech/audio_buffer.h"

// Finds where someone speaks in 16 kHz audio, 20 ms frame by 20 ms frame. A frame counts as
// speech when it is clearly louder than the tracked noise floor; speech starts only after
// ~60 ms of such frames that are also not noise-like (spectral flatness), and ends after a
// hangover long enough to bridge the pauses inside a spoken command.
namespace codriver::speech {

// Level of a frame with its DC offset removed, in dBFS; -120 for digital silence.
double frame_energy_dbfs(std::span<const std::int16_t> frame);

struct VadConfig {
  double onset_s = 0.06;         // speech-like audio needed before SpeechStarted
  double hangover_s = 0.5;       // quiet needed after speech before SpeechEnded
  double threshold_db = 9.0;     // how far above the noise floor a speech frame must be
  double min_speech_dbfs = -60;  // quieter frames are never speech (dither, mic hiss)
  double max_flatness = 0.4;     // noise-like frames (white noise ~0.55) cannot start speech
  // Rise of the noise floor while frames look like speech: slow, so a 3 s command does not
  // raise the floor into itself, yet a lasting louder noise is absorbed eventually.
  double floor_rise_db_per_s = 2.0;
  // Where the noise floor starts; unset: at the level of the first frame.
  std::optional<double> initial_noise_floor_dbfs;
};

enum class VadEventKind { kSpeechStarted, kSpeechEnded };

struct VadEvent {
  VadEventKind kind;
  double time_s;  // start of the first speech frame, or end of the last one
};

// What the detector made of the latest frame.
struct FrameAnalysis {
  double energy_dbfs = -120;
  double flatness = 1;
  bool above_floor = false;  // loud enough to be speech
  bool speech_like = false;  // loud enough and not noise-like
};

class VoiceActivityDetector {
 public:
  static constexpr std::size_t kFrameSamples = kSpeechSampleRate / 50;  // 20 ms at 16 kHz
  static constexpr double kFrameSeconds = 0.02;

  explicit VoiceActivityDetector(VadConfig config = {});

  // Takes exactly kFrameSamples samples of 16 kHz audio (AudioError otherwise).
  std::optional<VadEvent> feed(std::span<const std::int16_t> frame);
  // Ends an utterance still open when the audio runs out.
  std::optional<VadEvent> finish();
  void reset();

  bool in_speech() const { return in_speech_; }
  double noise_floor_dbfs() const { return noise_floor_dbfs_; }
  const FrameAnalysis& last_frame() const { return last_frame_; }
  double time_s() const { return static_cast<double>(frames_seen_) * kFrameSeconds; }

 private:
  FrameAnalysis analyse(std::span<const std::int16_t> frame) const;
  void update_noise_floor(const FrameAnalysis& frame);
  std::optional<VadEvent> update_state(const FrameAnalysis& frame);

  VadConfig config_;
  int onset_frames_;
  int hangover_frames_;
  double noise_floor_dbfs_ = 0;
  bool floor_known_ = false;
  bool in_speech_ = false;
  long frames_seen_ = 0;
  long loud_run_start_ = 0;  // first frame of the current run of frames above the floor
  int speech_like_run_ = 0;
  int quiet_run_ = 0;
  double last_loud_end_s_ = 0;
  FrameAnalysis last_frame_;
};

struct SpeechSegment {
  double begin_s = 0;
  double end_s = 0;
};

// All speech in a buffer (any rate; converted to 16 kHz first). The noise floor starts at
// a low percentile of the frame levels, so speech at the very start is found too.
std::vector<SpeechSegment> find_speech(const AudioBuffer& audio, VadConfig config = {});

}  // namespace codriver::speech
