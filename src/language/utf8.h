#pragma once

#include <string>
#include <string_view>

// UTF-8 as the parser needs it: code points in and out, invalid bytes made visible
// (U+FFFD) instead of trusted, and the classes of characters the two languages use.
namespace codriver::language {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Code points of `text`; each invalid or truncated sequence becomes one U+FFFD.
std::u32string decode_utf8(std::string_view text);

void append_utf8(std::string& out, char32_t code_point);
std::string encode_utf8(std::u32string_view code_points);

// CJK unified ideographs (the BMP block, extension A and the supplementary blocks).
bool is_han(char32_t code_point);

}  // namespace codriver::language
