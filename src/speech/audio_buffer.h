#pragma once

#include <cstdint>
#include <stdexcept>
#include <vector>

// Audio as the speech pipeline passes it around: mono 16-bit samples at a known rate
// (16 kHz after input conversion), with the few measures every stage needs.
namespace codriver::speech {

inline constexpr int kSpeechSampleRate = 16000;

// Bad or unusable audio: the message says what is wrong and what to do.
class AudioError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct AudioBuffer {
  int sample_rate = kSpeechSampleRate;
  std::vector<std::int16_t> samples;

  double duration_s() const {
    return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0.0;
  }
};

// Root mean square and peak of the samples, full scale = 1.0.
double rms_level(const std::vector<std::int16_t>& samples);
double peak_level(const std::vector<std::int16_t>& samples);
// Level in dB relative to full scale; -120 for silence.
double dbfs(double level);

}  // namespace codriver::speech
