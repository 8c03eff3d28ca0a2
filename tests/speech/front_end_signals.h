#pragma once

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <numbers>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "speech/audio_buffer.h"
#include "speech/audio_file.h"
#include "support/test_support.h"

// Test signals for the audio front end: tones, vowel-like harmonics, white and low-frequency
// "cabin" noise, mixing at a chosen level, files written with libsndfile, and speech from the
// espeak-ng command line. Everything is seeded, so every run sees the same samples.
namespace codriver::speech::signals {

inline constexpr int kRate = kSpeechSampleRate;

inline std::size_t samples_for(double seconds, int rate = kRate) {
  return static_cast<std::size_t>(std::lround(seconds * rate));
}

inline std::int16_t clip(double value) {
  return static_cast<std::int16_t>(std::clamp(std::lround(value * 32768.0), -32768L, 32767L));
}

inline std::vector<float> sine(double frequency_hz, double amplitude, double seconds, int rate) {
  std::vector<float> out(samples_for(seconds, rate));
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] =
        static_cast<float>(amplitude * std::sin(2 * std::numbers::pi * frequency_hz * i / rate));
  }
  return out;
}

// A sustained vowel: 150 Hz and its harmonics with falling strength, scaled to `rms_dbfs`.
inline std::vector<std::int16_t> vowel(double seconds, double rms_dbfs) {
  std::vector<double> wave(samples_for(seconds));
  for (std::size_t i = 0; i < wave.size(); ++i) {
    for (int harmonic = 1; harmonic <= 12; ++harmonic) {
      wave[i] += std::sin(2 * std::numbers::pi * 150.0 * harmonic * i / kRate) / harmonic;
    }
  }
  double power = 0;
  for (double value : wave)
    power += value * value;
  const double scale =
      std::pow(10.0, rms_dbfs / 20) / std::sqrt(power / static_cast<double>(wave.size()));
  std::vector<std::int16_t> out;
  for (double value : wave)
    out.push_back(clip(value * scale));
  return out;
}

inline std::vector<std::int16_t> white_noise(double seconds, double rms_dbfs, unsigned seed) {
  std::mt19937 random(seed);
  std::normal_distribution<double> gauss(0.0, std::pow(10.0, rms_dbfs / 20));
  std::vector<std::int16_t> out(samples_for(seconds));
  for (auto& sample : out)
    sample = clip(gauss(random));
  return out;
}

// Engine and road rumble: white noise through a one-pole low-pass at ~200 Hz.
inline std::vector<std::int16_t> cabin_noise(double seconds, double rms_dbfs, unsigned seed) {
  std::mt19937 random(seed);
  std::normal_distribution<double> gauss(0.0, 1.0);
  std::vector<double> wave(samples_for(seconds));
  const double pole = std::exp(-2 * std::numbers::pi * 200.0 / kRate);
  double state = 0;
  for (auto& value : wave)
    value = state = pole * state + (1 - pole) * gauss(random);
  double power = 0;
  for (double value : wave)
    power += value * value;
  const double scale =
      std::pow(10.0, rms_dbfs / 20) / std::sqrt(power / static_cast<double>(wave.size()));
  std::vector<std::int16_t> out;
  for (double value : wave)
    out.push_back(clip(value * scale));
  return out;
}

inline std::vector<std::int16_t> silence(double seconds) {
  return std::vector<std::int16_t>(samples_for(seconds));
}

// Adds `addition`, times `gain`, into `base` from `at_s` on (growing `base` if needed).
inline void mix_into(std::vector<std::int16_t>& base, const std::vector<std::int16_t>& addition,
                     double at_s, double gain = 1.0) {
  const std::size_t offset = samples_for(at_s);
  if (base.size() < offset + addition.size()) base.resize(offset + addition.size(), 0);
  for (std::size_t i = 0; i < addition.size(); ++i) {
    base[offset + i] = clip(base[offset + i] / 32768.0 + gain * addition[i] / 32768.0);
  }
}

inline double level_dbfs(const std::vector<std::int16_t>& samples, double from_s, double to_s) {
  const std::size_t begin = std::min(samples.size(), samples_for(from_s));
  const std::size_t end = std::min(samples.size(), samples_for(to_s));
  return dbfs(rms_level(
      {samples.begin() + static_cast<long>(begin), samples.begin() + static_cast<long>(end)}));
}

// Writes float samples (interleaved when channels > 1) in any libsndfile format.
inline void write_sound_file(const std::filesystem::path& path, int format, int rate, int channels,
                             const std::vector<float>& interleaved) {
  SF_INFO info{};
  info.samplerate = rate;
  info.channels = channels;
  info.format = format;
  SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
  if (file == nullptr) throw std::runtime_error("cannot write test file " + path.string());
  // Test files may hold values beyond full scale on purpose (the clipping test).
  sf_command(file, SFC_SET_CLIPPING, nullptr, SF_FALSE);
  sf_writef_float(file, interleaved.data(), static_cast<sf_count_t>(interleaved.size() / channels));
  sf_close(file);
}

// Speech from espeak-ng, read back through the normal reader (22.05 kHz -> 16 kHz).
inline AudioBuffer espeak(const std::filesystem::path& wav, const std::string& text,
                          const std::string& voice = "en-us", int pitch = 50) {
  const std::string command = "espeak-ng -v " + voice + " -p " + std::to_string(pitch) + " -w '" +
                              wav.string() + "' '" + text + "'";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("espeak-ng failed: " + command);
  return read_audio_file(wav);
}

}  // namespace codriver::speech::signals
