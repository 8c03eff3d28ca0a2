#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

// GPT-2's byte-level alphabet ("bytes_to_unicode"): each of the 256 byte values is written
// as one printable character, so that BPE tokens are text. Printable Latin-1 bytes ('!'..'~',
// U+00A1..U+00AC, U+00AE..U+00FF) stand for themselves; the 68 others (controls, space,
// DEL, NBSP, soft hyphen) take U+0100, U+0101, ... in byte order, so space is U+0120 'Ġ'.
namespace codriver::llm::tokenizer {

char32_t byte_to_code_point(unsigned char byte);
std::optional<unsigned char> code_point_to_byte(char32_t code);

// The byte-level text of raw bytes: "Hi you" -> "HiĠyou".
std::string to_byte_level(std::string_view bytes);

// The raw bytes of byte-level text; a character outside the alphabet is kept as its own
// UTF-8 (a lenient reading of odd vocabularies rather than an error).
std::string from_byte_level(std::string_view byte_level_text);

}  // namespace codriver::llm::tokenizer
