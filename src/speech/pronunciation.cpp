#include "speech/pronunciation.h"

#include "speech/cmu_dictionary.h"
#include "speech/espeak_phonemes.h"
#include "speech/ipa_to_cmu.h"
#include "speech/letter_to_sound.h"

namespace codriver::speech {
namespace {

std::string joined(const std::vector<std::string>& phones) {
  std::string text;
  for (const auto& phone : phones)
    text += (text.empty() ? "" : " ") + phone;
  return text;
}

}  // namespace

WordPronunciations pronounce(const std::string& word, const CmuDictionary& dictionary) {
  if (const auto& listed = dictionary.pronunciations(word); !listed.empty()) {
    return {listed, PronunciationSource::kCmuDictionary};
  }
  if (const auto phones = ipa_to_cmu(espeak_ipa_phonemes(word)); !phones.empty()) {
    return {{joined(phones)}, PronunciationSource::kEspeak};
  }
  if (const auto phones = letter_to_sound(word); !phones.empty()) {
    return {{joined(phones)}, PronunciationSource::kLetterRules};
  }
  return {};
}

}  // namespace codriver::speech
