#pragma once

#include "speech/audio_buffer.h"
#include "speech/noise_suppressor.h"
#include "speech/voice_activity.h"

// From a raw recording to the part worth sending to a recogniser: cabin noise suppressed,
// level normalised, and cut to the speech with a short margin either side.
namespace codriver::speech {

struct Utterance {
  AudioBuffer audio;  // cleaned speech with margins; empty when nothing was heard
  bool heard = false;
  // Where the speech lies in the input, margins excluded.
  double speech_begin_s = 0;
  double speech_end_s = 0;
};

struct FrontEndConfig {
  NoiseSuppressorConfig suppressor;
  VadConfig vad;
  // Kept before and after the detected speech: the detector dates speech from its first
  // clearly loud frame, and recognisers need a little lead-in silence.
  double margin_s = 0.2;
  // Audio from the start that the noise suppressor hears once before the real pass.
  double warm_up_s = 3.0;
};

// Any rate in (converted to 16 kHz). Silence or noise alone gives heard == false.
Utterance clean_utterance(const AudioBuffer& audio);
Utterance clean_utterance(const AudioBuffer& audio, const FrontEndConfig& config);

}  // namespace codriver::speech
