#pragma once

#include <string>
#include <string_view>

// eSpeak NG as a spelling-to-sound engine for words the CMU dictionary lacks (French and
// Italian street names): it knows far more spelling rules than we would ever write.
namespace codriver::speech {

// The IPA phonemes eSpeak's en-us voice would say for `word`, separated by '_' with
// stress marks kept ("ɡ_ɹ_ɪ_m_ˈæ_l_d_i"); "" when eSpeak is unavailable or says nothing.
// Serialised internally: eSpeak keeps global state.
std::string espeak_ipa_phonemes(std::string_view word);

}  // namespace codriver::speech
