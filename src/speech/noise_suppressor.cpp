#include "speech/noise_suppressor.h"

#include <speex/speex_preprocess.h>

#include <algorithm>
#include <string>

namespace codriver::speech {

NoiseSuppressor::NoiseSuppressor(NoiseSuppressorConfig config)
    : state_(speex_preprocess_state_init(static_cast<int>(kFrameSamples), kSpeechSampleRate)) {
  if (state_ == nullptr) throw AudioError("cannot start the speexdsp noise suppressor");
  int denoise = 1;
  int agc = config.agc ? 1 : 0;
  int dereverb = config.dereverb ? 1 : 0;
  speex_preprocess_ctl(state_, SPEEX_PREPROCESS_SET_DENOISE, &denoise);
  speex_preprocess_ctl(state_, SPEEX_PREPROCESS_SET_NOISE_SUPPRESS, &config.noise_suppress_db);
  speex_preprocess_ctl(state_, SPEEX_PREPROCESS_SET_AGC, &agc);
  speex_preprocess_ctl(state_, SPEEX_PREPROCESS_SET_AGC_LEVEL, &config.agc_level);
  speex_preprocess_ctl(state_, SPEEX_PREPROCESS_SET_AGC_MAX_GAIN, &config.agc_max_gain_db);
  speex_preprocess_ctl(state_, SPEEX_PREPROCESS_SET_DEREVERB, &dereverb);
}

NoiseSuppressor::~NoiseSuppressor() {
  speex_preprocess_state_destroy(state_);
}

void NoiseSuppressor::process_frame(std::span<std::int16_t> frame) {
  if (frame.size() != kFrameSamples) {
    throw AudioError("noise suppression takes frames of " + std::to_string(kFrameSamples) +
                     " samples (20 ms at 16 kHz), got " + std::to_string(frame.size()));
  }
  speex_preprocess_run(state_, frame.data());
}

std::vector<std::int16_t> NoiseSuppressor::process(std::span<const std::int16_t> samples) {
  std::vector<std::int16_t> cleaned(samples.begin(), samples.end());
  const std::size_t padded = (cleaned.size() + kFrameSamples - 1) / kFrameSamples * kFrameSamples;
  cleaned.resize(padded, 0);
  for (std::size_t start = 0; start < padded; start += kFrameSamples) {
    process_frame(std::span<std::int16_t>(cleaned).subspan(start, kFrameSamples));
  }
  cleaned.resize(samples.size());
  return cleaned;
}

}  // namespace codriver::speech
