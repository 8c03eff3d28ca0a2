#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>

#include "speech/voice_activity.h"

// Lets the driver interrupt the co-driver: while an answer plays, each microphone frame is
// checked together with the frame sent to the loudspeaker at the same moment. The
// loudspeaker leaks into the microphone, so speech counts as the driver's only when the
// microphone is clearly louder than that echo could be.
namespace codriver::speech {

struct BargeInConfig {
  VadConfig vad;
  // The strongest loudspeaker-to-microphone coupling expected in the cabin.
  double speaker_to_mic_gain_db = -12;
  // How far above the strongest possible echo the microphone must be.
  double echo_margin_db = 6;
  // The echo arrives late (audio buffers, the acoustic path): the played level is taken
  // as the loudest over this window.
  double echo_window_s = 0.2;
  // Driver speech needed before the answer is stopped.
  double onset_s = 0.1;
};

struct BargeInEvent {
  double time_s;  // when the driver started speaking, from the start of playback
};

class BargeInDetector {
 public:
  static constexpr std::size_t kFrameSamples = VoiceActivityDetector::kFrameSamples;

  explicit BargeInDetector(BargeInConfig config = {});

  // One 20 ms microphone frame and the 20 ms played at the same time (all zeros when
  // nothing plays). Returns the stop event once; later frames return nothing until reset().
  std::optional<BargeInEvent> feed(std::span<const std::int16_t> microphone,
                                   std::span<const std::int16_t> played);
  bool triggered() const { return triggered_; }
  // The echo level the current frame was compared with.
  double expected_echo_dbfs() const { return expected_echo_dbfs_; }
  // Call when a new answer starts playing.
  void reset();

 private:
  bool is_driver_frame(std::span<const std::int16_t> microphone,
                       std::span<const std::int16_t> played);

  BargeInConfig config_;
  VoiceActivityDetector detector_;
  std::size_t echo_window_frames_;
  std::size_t onset_frames_;
  std::deque<double> played_levels_dbfs_;
  double expected_echo_dbfs_ = -120;
  std::size_t driver_run_ = 0;
  long frames_seen_ = 0;
  bool triggered_ = false;
};

}  // namespace codriver::speech
