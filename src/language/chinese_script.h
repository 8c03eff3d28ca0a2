#pragma once

#include <string>
#include <string_view>
#include <vector>

// The two ways one Chinese name reaches us in different spellings: Traditional versus
// Simplified characters (OpenCC), and Han characters versus pinyin typed in Latin letters
// (Unihan's Mandarin readings, compiled in at build time).
namespace codriver::language {

// Traditional characters rewritten as Simplified (OpenCC t2s); other text is kept. When the
// OpenCC data cannot be loaded the text comes back as given (invalid UTF-8 as U+FFFD).
std::string to_simplified(std::string_view text);

// False when OpenCC or its t2s data could not be loaded; to_simplified is then the identity.
// Set CODRIVER_OPENCC_DIR to the folder holding t2s.json to point at other data.
bool simplified_conversion_available();

// Toneless lower-case pinyin, one syllable per Han character, separated by single spaces;
// other runs of letters and digits come through folded as tokens of their own:
// "去蒙特卡洛 Casino" -> "qu meng te ka luo casino". The first reading wins ("重" -> "zhong")
// and u-umlaut is written "v" ("绿" -> "lv"). A character with no reading stays itself.
std::string to_pinyin(std::string_view text);

// The toneless syllable of one Han character (Simplified or Traditional); empty if unknown.
std::string_view pinyin_of(char32_t han);

// Whether `syllable` is a toneless Mandarin syllable ("zhan", "lv"), lower case.
bool is_pinyin_syllable(std::string_view syllable);

// Lower-case letters typed as pinyin without spaces, cut into syllables with as few cuts as
// possible: "taibei" -> {"tai", "bei"}, "xian" -> {"xian"}; empty when no cut fits.
std::vector<std::string> split_pinyin(std::string_view letters);

}  // namespace codriver::language
