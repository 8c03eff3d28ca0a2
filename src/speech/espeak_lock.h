#pragma once

#include <mutex>

// eSpeak NG keeps process-wide state (one current voice, one synth callback, one set of
// parameters) and must be initialised exactly once: a second espeak_Initialize after a
// voice has been used crashes or silences later synthesis. Every user in the process,
// whether it synthesises or only asks for phonemes, must hold lock_espeak() around its
// espeak_* calls and initialise through ensure_espeak_initialised(), never by itself.
namespace codriver::speech {

std::unique_lock<std::mutex> lock_espeak();

// Initialises espeak-ng once (synchronous retrieval mode: no sound card) and returns its
// output sample rate. Call with lock_espeak() held. Throws AudioError, saying how to
// install or point to the voice data, when that data is missing; a failed attempt is
// retried on the next call.
int ensure_espeak_initialised();

}  // namespace codriver::speech
