#pragma once

#include <string>
#include <string_view>
#include <vector>

// Maps eSpeak's IPA output onto the 39 phones of the CMU set that the en-us acoustic model
// was trained on, so a generated pronunciation can go into the PocketSphinx dictionary.
namespace codriver::speech {

// Every CMU phone: AA AE AH AO AW AY B CH D DH EH ER EY F G HH IH IY JH K L M N NG OW OY P
// R S SH T TH UH UW V W Y Z ZH.
const std::vector<std::string>& cmu_phones();

// "ɡ_ɹ_ɪ_m_ˈæ_l_d_i" -> {"G", "R", "IH", "M", "AE", "L", "D", "IY"}. Phonemes may be
// separated by '_' or spaces or run together; stress and length marks are ignored,
// symbols with no English counterpart (glottal stop) are dropped.
std::vector<std::string> ipa_to_cmu(std::string_view ipa);

}  // namespace codriver::speech
