#pragma once

#include <string>
#include <string_view>

// English rules of normalise_for_speech (numbers, units, money, clock times, ordinals),
// applied to text already sanitised.
namespace codriver::speech {

std::string expand_english_for_speech(std::string_view sanitised_text);

}  // namespace codriver::speech
