#include "speech/espeak_engine.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <new>

#include "speech/espeak_lock.h"

namespace codriver::speech {
namespace {

// Where the synth callback puts samples; only touched while lock_espeak() is held.
std::vector<std::int16_t>* g_sample_sink = nullptr;

int collect_samples(short* samples, int count, espeak_EVENT* /*events*/) {
  if (samples == nullptr || count <= 0 || g_sample_sink == nullptr) return 0;
  // No exception may cross espeak-ng's C frames: on exhausted memory, stop synthesising.
  try {
    g_sample_sink->insert(g_sample_sink->end(), samples, samples + count);
  } catch (const std::bad_alloc&) {
    return 1;
  }
  return 0;
}

// Voices whose first language matches `languages` ("variant" lists the variants), with
// the name each is selected by.
std::vector<std::string> list_voices(const char* languages) {
  espeak_VOICE filter{};
  filter.languages = languages;
  const espeak_VOICE** voices = espeak_ListVoices(languages != nullptr ? &filter : nullptr);
  std::vector<std::string> names;
  for (int i = 0; voices != nullptr && voices[i] != nullptr; ++i) {
    const espeak_VOICE& voice = *voices[i];
    if (languages != nullptr) {
      // Variants are listed by file: "!v/f3" -> "f3".
      const std::string_view identifier = voice.identifier != nullptr ? voice.identifier : "";
      const std::size_t slash = identifier.rfind('/');
      names.emplace_back(identifier.substr(slash == std::string_view::npos ? 0 : slash + 1));
    } else if (voice.languages != nullptr && voice.languages[0] != '\0') {
      names.emplace_back(voice.languages + 1);  // skip the priority byte
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace

AudioBuffer espeak_synthesize(std::string_view utf8_text, const std::string& voice,
                              int words_per_minute) {
  const auto lock = lock_espeak();
  AudioBuffer audio{ensure_espeak_initialised(), {}};
  // Voice, rate and callback are set on every call: other users of espeak-ng in this
  // process may have changed them since.
  if (espeak_ng_SetVoiceByName(voice.c_str()) != ENS_OK) {
    throw AudioError("espeak-ng has no voice '" + voice +
                     "': install the espeak-ng-data package with that language");
  }
  espeak_ng_SetParameter(espeakRATE, words_per_minute, 0);
  espeak_SetSynthCallback(collect_samples);
  const std::string text(utf8_text);  // espeak-ng needs a terminating NUL
  g_sample_sink = &audio.samples;
  const espeak_ng_STATUS status = espeak_ng_Synthesize(
      text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
  g_sample_sink = nullptr;
  if (status != ENS_OK)
    throw AudioError("espeak-ng failed to synthesise (status " +
                     std::to_string(static_cast<long>(status)) + ")");
  return audio;
}

std::vector<std::string> espeak_voice_languages() {
  const auto lock = lock_espeak();
  ensure_espeak_initialised();
  return list_voices(nullptr);
}

std::vector<std::string> espeak_voice_variants() {
  const auto lock = lock_espeak();
  ensure_espeak_initialised();
  return list_voices("variant");
}

}  // namespace codriver::speech
