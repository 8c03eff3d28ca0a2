#pragma once

#include <string>
#include <vector>

// Where each language-model word gets its sounds: the CMU dictionary when it knows the
// word (all its variants), otherwise eSpeak's phonemes mapped to CMU phones, otherwise
// letter rules.
namespace codriver::speech {

enum class PronunciationSource { kCmuDictionary, kEspeak, kLetterRules, kNone };

struct WordPronunciations {
  std::vector<std::string> variants;  // each "PH ON ES" in CMU phones; empty for kNone
  PronunciationSource source = PronunciationSource::kNone;
};

class CmuDictionary;

WordPronunciations pronounce(const std::string& word, const CmuDictionary& dictionary);

}  // namespace codriver::speech
