#include "speech/pronunciation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "speech/cmu_dictionary.h"
#include "speech/espeak_phonemes.h"
#include "speech/ipa_to_cmu.h"
#include "speech/letter_to_sound.h"

namespace codriver::speech {
namespace {

using Phones = std::vector<std::string>;

Phones split(const std::string& phones) {
  Phones result;
  std::istringstream words(phones);
  for (std::string phone; words >> phone;)
    result.push_back(phone);
  return result;
}

bool all_cmu_phones(const Phones& phones) {
  const auto& known = cmu_phones();
  return std::all_of(phones.begin(), phones.end(), [&](const std::string& phone) {
    return std::find(known.begin(), known.end(), phone) != known.end();
  });
}

TEST(IpaToCmu, MapsEspeakStyleIpa) {
  EXPECT_EQ(ipa_to_cmu("ɡ_ɹ_ɪ_m_ˈæ_l_d_i"), (Phones{"G", "R", "IH", "M", "AE", "L", "D", "IY"}));
  EXPECT_EQ(ipa_to_cmu("l_ɑːɹ_v_ˈɑː_ɾ_oʊ"), (Phones{"L", "AA", "R", "V", "AA", "T", "OW"}));
  EXPECT_EQ(ipa_to_cmu("ʃ_ˈɑːɹ_l_ə_t"), (Phones{"SH", "AA", "R", "L", "AH", "T"}));
  EXPECT_EQ(ipa_to_cmu("tʃ_ˈeɪ_n_dʒ θ_ð_ŋ_ʒ"),
            (Phones{"CH", "EY", "N", "JH", "TH", "DH", "NG", "ZH"}));
  // Glottal stops and unknown symbols vanish rather than producing a bad phone.
  EXPECT_EQ(ipa_to_cmu("ʔ_☃_a"), (Phones{"AA"}));
  EXPECT_TRUE(ipa_to_cmu("").empty());
}

TEST(LetterToSound, GuessesContinentalSpellings) {
  EXPECT_EQ(letter_to_sound("larvotto"), (Phones{"L", "AA", "R", "V", "OW", "T", "OW"}));
  EXPECT_EQ(letter_to_sound("princesse"), (Phones{"P", "R", "IY", "N", "S", "EH", "S"}));
  EXPECT_EQ(letter_to_sound("giorgio"), (Phones{"JH", "IY", "OW", "R", "JH", "IY", "OW"}));
  EXPECT_TRUE(letter_to_sound("'9").empty());
}

TEST(EspeakPhonemes, GivesIpaForUnknownWords) {
  const std::string phonemes = espeak_ipa_phonemes("grimaldi");
  ASSERT_FALSE(phonemes.empty()) << "eSpeak NG gave no phonemes";
  EXPECT_NE(phonemes.find('_'), std::string::npos) << phonemes;
}

TEST(Pronounce, UsesEveryCmuVariantForKnownWords) {
  const CmuDictionary& cmu = CmuDictionary::installed();
  EXPECT_GT(cmu.size(), 100000u);
  const WordPronunciations route = pronounce("route", cmu);
  EXPECT_EQ(route.source, PronunciationSource::kCmuDictionary);
  EXPECT_EQ(route.variants, (std::vector<std::string>{"R UW T", "R AW T"}));
  // The dictionary knows some Monaco names already; its spelling wins over eSpeak's.
  EXPECT_EQ(pronounce("grimaldi", cmu).variants, (std::vector<std::string>{"G R IY M AA L D IY"}));
}

TEST(Pronounce, GeneratesCmuPhonesForStreetNamesTheDictionaryLacks) {
  const CmuDictionary& cmu = CmuDictionary::installed();
  for (const std::string word : {"princesse", "spelugues", "larvotto", "fontvieille"}) {
    ASSERT_TRUE(cmu.pronunciations(word).empty()) << word << " is in cmudict after all";
    const WordPronunciations sounds = pronounce(word, cmu);
    EXPECT_EQ(sounds.source, PronunciationSource::kEspeak) << word;
    ASSERT_EQ(sounds.variants.size(), 1u) << word;
    EXPECT_TRUE(all_cmu_phones(split(sounds.variants[0]))) << word << ": " << sounds.variants[0];
    std::cout << "  " << word << " -> " << sounds.variants[0] << "\n";
  }
  EXPECT_EQ(pronounce("spelugues", cmu).variants[0], "S P EH L UW G Z");
  EXPECT_EQ(pronounce("larvotto", cmu).variants[0], "L AA R V AA T OW");
  // What eSpeak makes of a name when the dictionary has none.
  EXPECT_EQ(ipa_to_cmu(espeak_ipa_phonemes("grimaldi")),
            (Phones{"G", "R", "IH", "M", "AE", "L", "D", "IY"}));
}

TEST(CmuDictionary, MissingFileIsAnActionableError) {
  try {
    CmuDictionary::load("/nonexistent/cmudict.dict");
    FAIL() << "expected AsrError";
  } catch (const std::exception& error) {
    EXPECT_NE(std::string(error.what()).find("/nonexistent/cmudict.dict"), std::string::npos);
  }
}

}  // namespace
}  // namespace codriver::speech
