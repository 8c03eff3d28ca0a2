#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// The first two steps every utterance takes: made safe (sanitize_utterance), then made
// comparable (fold_text). Extractors and the parser match on folded text and report byte
// spans in it.
namespace codriver::language {

// Valid UTF-8 without invisible or control characters: invalid bytes are dropped, C0/C1
// controls, DEL, bidi overrides and isolates, zero-width characters and U+FEFF removed,
// tabs and line breaks turned into spaces, then cut at a code-point boundary so the result
// is at most `max_bytes` long. Never throws on any input.
std::string sanitize_utterance(std::string_view raw, std::size_t max_bytes = 1000);

// The text as matching sees it: lower case (Latin, Greek, Cyrillic), Latin diacritics removed
// ("é" -> "e", "ß" -> "ss", "ł" -> "l"), full-width ASCII made ASCII, CJK punctuation made
// ASCII (， -> ",", 。 -> ".", “” -> "\"", 【】 -> "[]"), typographic apostrophes made "'",
// emoji and other symbols made spaces, whitespace collapsed to single spaces and trimmed.
// Han characters, digits and currency signs (¥ € £ $) are kept.
std::string fold_text(std::string_view text);

// Words of folded text, in order, as views into it: runs of letters and digits (keeping an
// apostrophe inside a word, "don't", and a decimal point between digits, "3.5"), and each
// maximal run of Han characters as one item ("导航去"). Other punctuation separates.
std::vector<std::string_view> split_words(std::string_view folded);

}  // namespace codriver::language
