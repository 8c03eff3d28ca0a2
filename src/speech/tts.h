#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "routing/instructions.h"
#include "speech/audio_buffer.h"

// Text to speech with espeak-ng: the co-driver's answers, spoken in English (en-us) or
// Mandarin (cmn) as 16 kHz mono audio, the rate the rest of the speech pipeline uses.
namespace codriver::speech {

struct SynthesisOptions {
  // Speaking rate; espeak-ng accepts 80..450. 175 is its default, clear in a noisy cabin.
  int words_per_minute = 175;
  // A voice variant ("f3", "m3", "klatt", ...; see available_voice_variants()), "" for the
  // language's default voice.
  std::string variant;
};

// Longest text spoken in one call (bytes after normalisation, about four minutes of
// speech); longer text is cut at the last sentence end before it. A co-driver answer is a
// few sentences; this bounds time and memory for anything else.
inline constexpr std::size_t kMaxSpokenTextBytes = 4000;

// `text` as the agent wrote it (normalised first with normalise_for_speech). Empty or
// unspeakable text gives empty audio. Safe to call from several threads (calls are
// serialised). Throws AudioError for options outside the ranges above or when espeak-ng
// or its voice data is not installed.
AudioBuffer synthesize(std::string_view text, routing::Language language,
                       const SynthesisOptions& options = {});

// Language names espeak-ng can speak ("cmn", "en-us", ...), sorted.
std::vector<std::string> available_voices();
// Variant names usable in SynthesisOptions::variant, sorted.
std::vector<std::string> available_voice_variants();

}  // namespace codriver::speech
