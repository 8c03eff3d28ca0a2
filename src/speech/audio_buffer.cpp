#include "speech/audio_buffer.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace codriver::speech {

double rms_level(const std::vector<std::int16_t>& samples) {
  if (samples.empty()) return 0.0;
  double sum = 0;
  for (std::int16_t sample : samples) sum += static_cast<double>(sample) * sample;
  return std::sqrt(sum / static_cast<double>(samples.size())) / 32768.0;
}

double peak_level(const std::vector<std::int16_t>& samples) {
  int peak = 0;
  for (std::int16_t sample : samples) peak = std::max(peak, std::abs(static_cast<int>(sample)));
  return peak / 32768.0;
}

double dbfs(double level) { return level > 1e-6 ? 20.0 * std::log10(level) : -120.0; }

}  // namespace codriver::speech
