#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// UTF-8 as Unicode defines it (Table 3-7, "well-formed UTF-8 byte sequences"): no
// overlong forms, no surrogates, nothing above U+10FFFF.
namespace codriver::llm::tokenizer {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

bool is_valid_utf8(std::string_view bytes);

// Replaces each ill-formed part with U+FFFD, one per maximal subpart (the longest start of
// a sequence that could have become well-formed), as Unicode recommends and as browsers and
// Python's "replace" do: "\xE4\xB8A" becomes "\uFFFDA", "\xFF\xFE" two U+FFFD.
std::string sanitize_utf8(std::string_view bytes);

// How many bytes at the end of `bytes` start a well-formed sequence that is not finished
// yet (0 to 3): what a streaming decoder holds back until the next bytes arrive.
std::size_t incomplete_utf8_tail(std::string_view bytes);

void append_utf8(std::string& out, char32_t code);

// Decodes the code point at `position` of well-formed UTF-8 and moves past it.
char32_t next_code_point(std::string_view valid_utf8, std::size_t& position);

}  // namespace codriver::llm::tokenizer
