#include "speech/espeak_phonemes.h"

#include <espeak-ng/speak_lib.h>

#include "speech/audio_buffer.h"
#include "speech/espeak_lock.h"

namespace codriver::speech {
namespace {

constexpr int kIpaPhonemes = 0x02;
constexpr int kSeparatorShift = 8;

}  // namespace

std::string espeak_ipa_phonemes(std::string_view word) {
  // eSpeak is process-wide state shared with the TTS: one lock, one initialisation.
  const auto lock = lock_espeak();
  try {
    ensure_espeak_initialised();
  } catch (const AudioError&) {
    return {};  // no voice data: the caller falls back to letter-to-sound rules
  }
  // The TTS may have switched language since the last call.
  if (espeak_SetVoiceByName("en-us") != EE_OK) return {};
  const std::string text(word);
  const void* cursor = text.c_str();
  std::string phonemes;
  // eSpeak translates clause by clause and sets the cursor to null at the end.
  while (cursor != nullptr) {
    const char* clause =
        espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, kIpaPhonemes | ('_' << kSeparatorShift));
    if (clause == nullptr) break;
    if (!phonemes.empty() && *clause != '\0') phonemes += '_';
    phonemes += clause;
  }
  return phonemes;
}

}  // namespace codriver::speech
