#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "speech/audio_buffer.h"

struct SpeexPreprocessState_;  // speexdsp's state, kept out of this header

// Cabin noise suppression and automatic gain control for 16 kHz audio, 20 ms at a time
// (speexdsp's preprocessor). Stateful: the noise estimate and the gain carry over from
// frame to frame, so feed one continuous stream per instance.
namespace codriver::speech {

struct NoiseSuppressorConfig {
  int noise_suppress_db = -25;  // most attenuation applied to noise
  bool agc = true;
  float agc_level = 8000;  // target speech level in int16 units (about -12 dBFS)
  int agc_max_gain_db = 30;
  // Off by default: in a small cabin it smears consonants more than it helps.
  bool dereverb = false;
};

class NoiseSuppressor {
 public:
  static constexpr std::size_t kFrameSamples = kSpeechSampleRate / 50;

  explicit NoiseSuppressor(NoiseSuppressorConfig config = {});
  ~NoiseSuppressor();
  NoiseSuppressor(const NoiseSuppressor&) = delete;
  NoiseSuppressor& operator=(const NoiseSuppressor&) = delete;

  // Cleans exactly kFrameSamples samples in place (AudioError otherwise).
  void process_frame(std::span<std::int16_t> frame);
  // Cleans a whole stretch; a last partial frame is padded with silence for processing.
  std::vector<std::int16_t> process(std::span<const std::int16_t> samples);

 private:
  SpeexPreprocessState_* state_ = nullptr;
};

}  // namespace codriver::speech
