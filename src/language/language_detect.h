#pragma once

#include <string_view>

#include "routing/instructions.h"

// Which of the two supported languages an utterance is in, so the answer can be given in it.
namespace codriver::language {

// Chinese when Han characters make up at least a quarter of the letters, a Han character
// counting as three Latin letters (it carries about as much as a short English word); English
// otherwise, and for text without letters. When the text mixes scripts, function words
// decide first: "导航去 Monte Carlo Casino" is Chinese (导航, 去), "navigate to 北京" English.
routing::Language detect_language(std::string_view text);

}  // namespace codriver::language
