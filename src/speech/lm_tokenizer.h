#pragma once

#include <string>
#include <string_view>
#include <vector>

// How text becomes language-model words, shared by the model builder and anyone who
// prepares sentences for it: lower case ASCII, accents folded ("Café" -> "cafe"), hyphens
// and punctuation split words ("Monte-Carlo" -> "monte carlo"), apostrophes inside a word
// kept ("don't"). Scripts without a Latin spelling are dropped, as the English acoustic
// model cannot say them anyway.
namespace codriver::speech {

std::vector<std::string> lm_tokens(std::string_view text);

}  // namespace codriver::speech
