#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "places/opening_hours.h"

// Splits an opening_hours value into tokens. Internal to the parser.
//
// The lexer already absorbs the harmless variations of real data: letters are
// case-folded, fullwidth forms (０９：００，；) become ASCII, the many Unicode dashes
// become '-', NBSP and the ideographic space are spaces, and "a.m."/"p.m." become
// the words "am"/"pm". Offsets always point into the original bytes.
namespace codriver::places::hours {

enum class TokenKind : std::uint8_t {
  kNumber,
  kWord,
  kComment,
  kColon,
  kDash,
  kComma,
  kSemicolon,
  kFallback,  // "||"
  kPlus,
  kSlash,
  kOpenBracket,
  kCloseBracket,
  kOpenParen,
  kCloseParen,
  kDot,
  kTilde,
  kEnd,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::size_t offset = 0;  // bytes into the value
  std::string text;  // kWord: lower-case letters; kComment: inside the quotes; kNumber: digits
  int number = 0;    // kNumber, saturated at kMaxNumber
  bool space_before = false;
};

inline constexpr int kMaxNumber = 1'000'000;
// OSM limits tag values to 255 characters (at most 1020 bytes of UTF-8); anything
// longer is not a real value and is refused before any work is done on it. This
// also bounds the evaluator's work per day.
inline constexpr std::size_t kMaxValueBytes = 1024;

struct LexResult {
  std::vector<Token> tokens;  // ends with one kEnd token
  std::optional<ParseError> error;
};

LexResult tokenize(std::string_view value);

// For messages: the token as the user wrote it, roughly ("'Mo'", "end of value").
std::string describe(const Token& token);

}  // namespace codriver::places::hours
