#include "speech/spectral_flatness.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <vector>

namespace codriver::speech {
namespace {

constexpr double kBandLowHz = 250.0;
constexpr double kBandHighHz = 4000.0;
// Keeps log() finite and makes digital silence count as perfectly flat.
constexpr double kPowerFloor = 1e-9;

std::size_t fft_size_for(std::size_t samples) {
  std::size_t size = 1;
  while (size < samples)
    size *= 2;
  return size;
}

// In-place iterative radix-2 FFT; `values.size()` must be a power of two.
void fft(std::vector<std::complex<double>>& values) {
  const std::size_t size = values.size();
  for (std::size_t i = 1, j = 0; i < size; ++i) {
    std::size_t bit = size >> 1;
    for (; j & bit; bit >>= 1)
      j ^= bit;
    j ^= bit;
    if (i < j) std::swap(values[i], values[j]);
  }
  for (std::size_t length = 2; length <= size; length *= 2) {
    const double angle = -2.0 * std::numbers::pi / static_cast<double>(length);
    const std::complex<double> step(std::cos(angle), std::sin(angle));
    for (std::size_t start = 0; start < size; start += length) {
      std::complex<double> twiddle(1.0, 0.0);
      for (std::size_t k = 0; k < length / 2; ++k) {
        const std::complex<double> even = values[start + k];
        const std::complex<double> odd = values[start + k + length / 2] * twiddle;
        values[start + k] = even + odd;
        values[start + k + length / 2] = even - odd;
        twiddle *= step;
      }
    }
  }
}

}  // namespace

double spectral_flatness(std::span<const std::int16_t> frame, int sample_rate) {
  if (frame.size() < 2 || sample_rate <= 0) return 1.0;
  const std::size_t size = fft_size_for(frame.size());
  std::vector<std::complex<double>> spectrum(size);
  // A Hann window keeps strong low harmonics from leaking into the whole band.
  const double denominator = static_cast<double>(frame.size() - 1);
  for (std::size_t i = 0; i < frame.size(); ++i) {
    const double window = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * i / denominator);
    spectrum[i] = window * frame[i] / 32768.0;
  }
  fft(spectrum);
  const double bin_hz = static_cast<double>(sample_rate) / static_cast<double>(size);
  const auto first = static_cast<std::size_t>(std::ceil(kBandLowHz / bin_hz));
  const auto last = std::min(size / 2, static_cast<std::size_t>(kBandHighHz / bin_hz));
  if (first >= last) return 1.0;
  double log_sum = 0;
  double sum = 0;
  for (std::size_t bin = first; bin <= last; ++bin) {
    const double power = std::norm(spectrum[bin]) + kPowerFloor;
    log_sum += std::log(power);
    sum += power;
  }
  const auto count = static_cast<double>(last - first + 1);
  return std::exp(log_sum / count) / (sum / count);
}

}  // namespace codriver::speech
