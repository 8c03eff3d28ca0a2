#include "speech/espeak_phonemes.h"

#include <espeak-ng/speak_lib.h>

#include <mutex>

namespace codriver::speech {
namespace {

constexpr int kIpaPhonemes = 0x02;
constexpr int kSeparatorShift = 8;

std::mutex& espeak_mutex() {
  static std::mutex mutex;
  return mutex;
}

// Initialises eSpeak for phoneme retrieval only (no audio device); false if that fails.
bool espeak_ready() {
  static const bool ready = espeak_Initialize(AUDIO_OUTPUT_RETRIEVAL, 0, nullptr, 0) > 0;
  return ready;
}

}  // namespace

std::string espeak_ipa_phonemes(std::string_view word) {
  const std::lock_guard lock(espeak_mutex());
  // Another user of eSpeak (the TTS) may have switched language since the last call.
  if (!espeak_ready() || espeak_SetVoiceByName("en-us") != EE_OK) return {};
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
