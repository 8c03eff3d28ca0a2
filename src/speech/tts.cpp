#include "speech/tts.h"

#include <espeak-ng/speak_lib.h>

#include <algorithm>

#include "speech/audio_file.h"
#include "speech/espeak_engine.h"
#include "speech/speech_text.h"

namespace codriver::speech {
namespace {

std::string_view voice_language(routing::Language language) {
  return language == routing::Language::kChinese ? "cmn" : "en-us";
}

void check_variant(const std::string& variant) {
  if (variant.empty()) return;
  const std::vector<std::string> variants = espeak_voice_variants();
  if (std::find(variants.begin(), variants.end(), variant) != variants.end()) return;
  std::string some;
  for (std::size_t i = 0; i < variants.size() && i < 12; ++i)
    some += " " + variants[i];
  throw AudioError("unknown espeak-ng voice variant '" + variant +
                   "'; available_voice_variants() lists them, e.g." + some);
}

void check_options(const SynthesisOptions& options) {
  if (options.words_per_minute < espeakRATE_MINIMUM ||
      options.words_per_minute > espeakRATE_MAXIMUM) {
    throw AudioError("speaking rate " + std::to_string(options.words_per_minute) +
                     " words/min is outside espeak-ng's " + std::to_string(espeakRATE_MINIMUM) +
                     ".." + std::to_string(espeakRATE_MAXIMUM));
  }
  check_variant(options.variant);
}

bool is_utf8_continuation(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// Cuts text longer than `limit` bytes at the last sentence end (else the last space, else
// a character boundary) before the limit.
std::string_view within_limit(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::string_view head = text.substr(0, limit);
  std::size_t cut = 0;
  for (std::string_view end : {". ", "! ", "? ", "。", "！", "？"}) {
    const std::size_t found = head.rfind(end);
    if (found != std::string_view::npos) cut = std::max(cut, found + end.size());
  }
  if (cut == 0) cut = head.rfind(' ') == std::string_view::npos ? 0 : head.rfind(' ');
  if (cut == 0) {
    cut = limit;
    while (cut > 0 && is_utf8_continuation(text[cut]))
      --cut;
  }
  return text.substr(0, cut);
}

}  // namespace

AudioBuffer synthesize(std::string_view text, routing::Language language,
                       const SynthesisOptions& options) {
  check_options(options);
  const std::string spoken = normalise_for_speech(text, language);
  const std::string_view bounded = within_limit(spoken, kMaxSpokenTextBytes);
  if (bounded.empty()) return AudioBuffer{kSpeechSampleRate, {}};
  std::string voice(voice_language(language));
  if (!options.variant.empty()) voice += "+" + options.variant;
  return resample(espeak_synthesize(bounded, voice, options.words_per_minute), kSpeechSampleRate);
}

std::vector<std::string> available_voices() {
  return espeak_voice_languages();
}

std::vector<std::string> available_voice_variants() {
  return espeak_voice_variants();
}

}  // namespace codriver::speech
