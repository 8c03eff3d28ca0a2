#pragma once

#include <string>
#include <string_view>
#include <vector>

// A last-resort spelling-to-sound guess for when eSpeak gives nothing: a few dozen letter
// rules with continental vowels (most words missing from the CMU dictionary here are
// French or Italian street names). Crude, but it keeps a word speakable rather than
// silently dropping it from the recogniser's vocabulary.
namespace codriver::speech {

// CMU phones for a lower-case ASCII word ("larvotto" -> L AA R V OW T OW); letters
// outside a-z are skipped, so the result may be empty.
std::vector<std::string> letter_to_sound(std::string_view word);

}  // namespace codriver::speech
