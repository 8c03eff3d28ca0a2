#include "speech/ipa_to_cmu.h"

#include <algorithm>
#include <sstream>

namespace codriver::speech {
namespace {

struct IpaPhones {
  std::string_view ipa;
  std::string_view cmu;  // one or more CMU phones, space separated; "" to drop
};

// Longer symbols first where one is a prefix of another; lookup takes the longest match.
// r-coloured vowels and diphthongs are whole entries because eSpeak writes them as one
// phoneme ("ɑːɹ", "oʊ") while CMU spells them as vowel + R or as one diphthong phone.
constexpr IpaPhones kIpaTable[] = {
    // r-coloured vowels
    {"ɑːɹ", "AA R"},
    {"ɔːɹ", "AO R"},
    {"ɛɹ", "EH R"},
    {"ɪɹ", "IH R"},
    {"ʊɹ", "UH R"},
    {"aɪɚ", "AY ER"},
    {"aɪə", "AY ER"},
    {"aʊɚ", "AW ER"},
    {"aʊə", "AW ER"},
    {"ɜː", "ER"},
    {"ɜ", "ER"},
    {"ɚ", "ER"},
    {"ɝ", "ER"},
    // diphthongs
    {"aɪ", "AY"},
    {"aʊ", "AW"},
    {"eɪ", "EY"},
    {"ɔɪ", "OY"},
    {"oʊ", "OW"},
    {"əʊ", "OW"},
    {"iə", "IY AH"},
    // monophthongs
    {"ɑː", "AA"},
    {"ɑ", "AA"},
    {"ɒ", "AA"},
    {"a", "AA"},
    {"æ", "AE"},
    {"ʌ", "AH"},
    {"ə", "AH"},
    {"ɐ", "AH"},
    {"ᵻ", "IH"},
    {"ɔː", "AO"},
    {"ɔ", "AO"},
    {"e", "EH"},
    {"ɛ", "EH"},
    {"o", "OW"},
    {"iː", "IY"},
    {"i", "IY"},
    {"ɪ", "IH"},
    {"uː", "UW"},
    {"u", "UW"},
    {"ʊ", "UH"},
    {"y", "UW"},
    {"ø", "ER"},
    {"œ", "ER"},
    // consonants
    {"tʃ", "CH"},
    {"dʒ", "JH"},
    {"p", "P"},
    {"b", "B"},
    {"t", "T"},
    {"d", "D"},
    {"k", "K"},
    {"ɡ", "G"},
    {"g", "G"},
    {"f", "F"},
    {"v", "V"},
    {"θ", "TH"},
    {"ð", "DH"},
    {"s", "S"},
    {"z", "Z"},
    {"ʃ", "SH"},
    {"ʒ", "ZH"},
    {"h", "HH"},
    {"x", "HH"},
    {"ç", "HH"},
    {"m", "M"},
    {"n", "N"},
    {"ɲ", "N Y"},
    {"ŋ", "NG"},
    {"l", "L"},
    {"ɫ", "L"},
    {"ʎ", "L Y"},
    {"ɹ", "R"},
    {"r", "R"},
    {"ʁ", "R"},
    // the flapped t of "water" is a T in CMU spelling
    {"ɾ", "T"},
    {"j", "Y"},
    {"w", "W"},
    {"ʍ", "W"},
    {"ʔ", ""},
};

const IpaPhones* longest_match(std::string_view ipa) {
  const IpaPhones* best = nullptr;
  for (const auto& entry : kIpaTable) {
    if (ipa.starts_with(entry.ipa) && (best == nullptr || entry.ipa.size() > best->ipa.size())) {
      best = &entry;
    }
  }
  return best;
}

// Length of the UTF-8 sequence starting with `lead`, to skip an unknown symbol whole.
std::size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

void append_phones(std::string_view cmu, std::vector<std::string>& phones) {
  std::istringstream split{std::string(cmu)};
  std::string phone;
  while (split >> phone)
    phones.push_back(phone);
}

}  // namespace

const std::vector<std::string>& cmu_phones() {
  static const std::vector<std::string> kPhones = {
      "AA", "AE", "AH", "AO", "AW", "AY", "B",  "CH", "D", "DH", "EH", "ER", "EY",
      "F",  "G",  "HH", "IH", "IY", "JH", "K",  "L",  "M", "N",  "NG", "OW", "OY",
      "P",  "R",  "S",  "SH", "T",  "TH", "UH", "UW", "V", "W",  "Y",  "Z",  "ZH"};
  return kPhones;
}

std::vector<std::string> ipa_to_cmu(std::string_view ipa) {
  std::vector<std::string> phones;
  // Separators, stress and length marks carry nothing the CMU phones can express; drop
  // them first so that multi-symbol entries match across a stress mark ("ˈeɪ").
  std::string plain;
  for (std::size_t pos = 0; pos < ipa.size();) {
    const std::size_t length = utf8_length(static_cast<unsigned char>(ipa[pos]));
    const std::string_view symbol = ipa.substr(pos, length);
    pos += length;
    if (symbol == "ˈ" || symbol == "ˌ" || symbol == "'" || symbol == ",") continue;
    plain += (symbol == "_" || symbol == "-") ? std::string_view(" ") : symbol;
  }
  std::string_view rest = plain;
  while (!rest.empty()) {
    if (const IpaPhones* match = longest_match(rest)) {
      append_phones(match->cmu, phones);
      rest.remove_prefix(match->ipa.size());
    } else {
      rest.remove_prefix(std::min(rest.size(), utf8_length(static_cast<unsigned char>(rest[0]))));
    }
  }
  return phones;
}

}  // namespace codriver::speech
