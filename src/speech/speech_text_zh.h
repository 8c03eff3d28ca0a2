#pragma once

#include <string>
#include <string_view>

// Mandarin rules of normalise_for_speech (numbers, units, money, clock times, years,
// 两 before measure words), applied to text already sanitised. Latin words are left for
// espeak-ng's cmn voice, which reads them as English.
namespace codriver::speech {

std::string expand_chinese_for_speech(std::string_view sanitised_text);

}  // namespace codriver::speech
