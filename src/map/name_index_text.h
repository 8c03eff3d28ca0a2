#pragma once

#include <string>
#include <string_view>

// How names enter and query the places FTS5 index. SQLite's unicode61 tokenizer
// splits on spaces and punctuation only, so a run of Chinese characters would be
// one opaque token and "台北" would never match "台北車站". We put a space around
// every CJK character: each becomes a token, and a Chinese query becomes a phrase
// of single characters, which FTS5 matches as adjacent tokens.
namespace codriver::map {

bool is_cjk(char32_t code_point);

// The text stored in the FTS column for a name.
std::string name_index_text(std::string_view name);

// An FTS5 MATCH expression for what a user typed: every Latin word becomes a
// quoted prefix term, every CJK run a quoted phrase; "" when nothing is searchable.
// Quoting makes any user text safe inside MATCH.
std::string name_match_query(std::string_view user_text);

}  // namespace codriver::map
