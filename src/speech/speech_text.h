#pragma once

#include <string>
#include <string_view>

#include "routing/instructions.h"

// What the agent writes, turned into what a synthesiser should say: markdown, emoji and
// control characters removed, numbers, units, money, clock times and ordinals spelled
// out in the language of the voice.
namespace codriver::speech {

// English: "1.2 km" -> "one point two kilometres", "21:05" -> "nine oh five p m",
// "€12.50" -> "twelve euros fifty", "1st" -> "first", "No. 5" -> "number five".
// Chinese: "1.2公里" -> "一点二公里", "21:05" -> "二十一点零五分", "80%" -> "百分之八十",
// "2024年" -> "二零二四年", "2个" -> "两个"; Latin names are left as they are.
// Never throws on any input, including invalid UTF-8.
std::string normalise_for_speech(std::string_view text, routing::Language language);

}  // namespace codriver::speech
