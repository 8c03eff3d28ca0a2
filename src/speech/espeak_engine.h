#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "speech/audio_buffer.h"

// The espeak-ng library as a synthesiser: initialised once on first use (synchronous
// retrieval mode, no sound card), every call serialised with lock_espeak(). Takes text
// exactly as given; normalisation and resampling are the caller's business (see tts.h).
namespace codriver::speech {

// Audio at espeak-ng's own rate (22050 Hz for the bundled voices). `voice` is a language
// name with an optional variant ("en-us", "cmn", "en-us+f3"). Throws AudioError when the
// espeak-ng data or the voice is missing.
AudioBuffer espeak_synthesize(std::string_view utf8_text, const std::string& voice,
                              int words_per_minute);

// Language names of the installed voices ("en-us", "cmn", ...), sorted.
std::vector<std::string> espeak_voice_languages();
// Names of the installed variants ("f3", "m1", "klatt", ...), sorted.
std::vector<std::string> espeak_voice_variants();

}  // namespace codriver::speech
