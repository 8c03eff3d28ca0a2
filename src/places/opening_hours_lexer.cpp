#include "places/opening_hours_lexer.h"

#include <algorithm>
#include <utility>

namespace codriver::places::hours {

namespace {

constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

struct Utf8Lead {
  std::size_t length = 0;  // 0: not a valid first byte
  char32_t bits = 0;
};

Utf8Lead classify_lead(unsigned char lead) {
  if (lead < 0x80) return {1, lead};
  if (lead >= 0xC2 && lead <= 0xDF) return {2, static_cast<char32_t>(lead & 0x1F)};
  if (lead >= 0xE0 && lead <= 0xEF) return {3, static_cast<char32_t>(lead & 0x0F)};
  if (lead >= 0xF0 && lead <= 0xF4) return {4, static_cast<char32_t>(lead & 0x07)};
  return {};
}

// Decodes one UTF-8 sequence at `at`; returns its length, or 0 (and
// kInvalidCodePoint) for a malformed, overlong or surrogate sequence.
std::size_t decode_utf8(std::string_view text, std::size_t at, char32_t& code_point) {
  code_point = kInvalidCodePoint;
  const Utf8Lead lead = classify_lead(static_cast<unsigned char>(text[at]));
  if (lead.length == 0 || at + lead.length > text.size()) return 0;
  char32_t value = lead.bits;
  for (std::size_t i = 1; i < lead.length; ++i) {
    const auto byte = static_cast<unsigned char>(text[at + i]);
    if ((byte & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte & 0x3F);
  }
  const bool overlong =
      (lead.length == 3 && value < 0x800) || (lead.length == 4 && value < 0x10000);
  const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
  if (overlong || surrogate || value > 0x10FFFF) return 0;
  code_point = value;
  return lead.length;
}

constexpr char kSpace = ' ';
constexpr char kNotOurs = '\0';

// The ASCII character a code point stands for outside comments, kSpace for
// spacing, kNotOurs for anything else.
char normalize(char32_t c) {
  if (c == '\t' || c == '\n' || c == '\r' || c == ' ' || c == 0xA0 || c == 0x3000) return kSpace;
  if (c > 0x20 && c < 0x7F) return static_cast<char>(c);
  if (c >= 0xFF01 && c <= 0xFF5E) return static_cast<char>(c - 0xFEE0);  // fullwidth ASCII
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63) return '-';
  if (c == 0x301C) return '~';  // wave dash, as in 10:00〜22:00
  return kNotOurs;
}

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::optional<TokenKind> punctuation_kind(char c) {
  switch (c) {
    case ':':
      return TokenKind::kColon;
    case '-':
      return TokenKind::kDash;
    case ',':
      return TokenKind::kComma;
    case ';':
      return TokenKind::kSemicolon;
    case '+':
      return TokenKind::kPlus;
    case '/':
      return TokenKind::kSlash;
    case '[':
      return TokenKind::kOpenBracket;
    case ']':
      return TokenKind::kCloseBracket;
    case '(':
      return TokenKind::kOpenParen;
    case ')':
      return TokenKind::kCloseParen;
    case '.':
      return TokenKind::kDot;
    case '~':
      return TokenKind::kTilde;
    default:
      return std::nullopt;
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view value) : value_(value) {}

  LexResult run() {
    while (!result_.error && position_ < value_.size())
      next_token();
    push(TokenKind::kEnd, value_.size());
    return std::move(result_);
  }

 private:
  // The next character as its normalized ASCII stand-in; sets `length` to its bytes.
  char peek_char(std::size_t at, std::size_t& length) const {
    length = 0;
    if (at >= value_.size()) return kNotOurs;
    char32_t code_point = 0;
    length = decode_utf8(value_, at, code_point);
    if (length == 0) return kNotOurs;
    return normalize(code_point);
  }

  void next_token() {
    std::size_t length = 0;
    const char c = peek_char(position_, length);
    if (length == 0) return fail("the value is not valid UTF-8", position_);
    if (c == kSpace) {
      position_ += length;
      space_pending_ = true;
      return;
    }
    if (c == '"' || code_point_at(position_) == 0x201C) return lex_comment();
    if (is_digit(c)) return lex_number();
    if (is_letter(c)) return lex_word();
    if (c == '|') return lex_fallback(length);
    if (const auto kind = punctuation_kind(c)) {
      push(*kind, position_);
      position_ += length;
      return;
    }
    fail("unexpected character '" + std::string(value_.substr(position_, length)) + "'", position_);
  }

  char32_t code_point_at(std::size_t at) const {
    char32_t code_point = kInvalidCodePoint;
    decode_utf8(value_, at, code_point);
    return code_point;
  }

  void lex_comment() {
    const std::size_t start = position_;
    std::size_t length = 0;
    peek_char(start, length);
    // A comment opened with “ closes with ”; one opened with " closes with ".
    const bool curly = code_point_at(start) == 0x201C;
    std::size_t at = start + length;
    while (at < value_.size()) {
      const char32_t c = code_point_at(at);
      std::size_t c_length = 0;
      peek_char(at, c_length);
      if (c_length == 0) return fail("the value is not valid UTF-8", at);
      if (curly ? c == 0x201D : normalize(c) == '"') {
        Token& token = push(TokenKind::kComment, start);
        token.text = std::string(value_.substr(start + length, at - start - length));
        position_ = at + c_length;
        return;
      }
      at += c_length;
    }
    fail("comment is not closed: a '\"' is missing", start);
  }

  void lex_number() {
    Token& token = push(TokenKind::kNumber, position_);
    std::size_t length = 0;
    for (char c = peek_char(position_, length); is_digit(c); c = peek_char(position_, length)) {
      token.text.push_back(c);
      token.number = std::min(kMaxNumber, token.number * 10 + (c - '0'));
      position_ += length;
    }
  }

  void lex_word() {
    Token& token = push(TokenKind::kWord, position_);
    std::size_t length = 0;
    for (char c = peek_char(position_, length); is_letter(c); c = peek_char(position_, length)) {
      token.text.push_back(lower(c));
      position_ += length;
    }
    absorb_dotted_meridiem(token);
  }

  // "a.m." and "p.m." (the last dot optional) are the words "am" and "pm".
  void absorb_dotted_meridiem(Token& token) {
    if (token.text != "a" && token.text != "p") return;
    std::size_t dot = 0;
    std::size_t m = 0;
    if (peek_char(position_, dot) != '.' || lower(peek_char(position_ + dot, m)) != 'm') return;
    std::size_t after_m = 0;
    if (is_letter(peek_char(position_ + dot + m, after_m))) return;
    token.text += 'm';
    position_ += dot + m;
    std::size_t last_dot = 0;
    if (peek_char(position_, last_dot) == '.') position_ += last_dot;
  }

  void lex_fallback(std::size_t length) {
    std::size_t second = 0;
    if (peek_char(position_ + length, second) != '|') {
      return fail("a single '|': the fallback rule separator is '||'", position_);
    }
    push(TokenKind::kFallback, position_);
    position_ += length + second;
  }

  Token& push(TokenKind kind, std::size_t offset) {
    Token& token = result_.tokens.emplace_back();
    token.kind = kind;
    token.offset = offset;
    token.space_before = space_pending_;
    space_pending_ = false;
    return token;
  }

  void fail(std::string message, std::size_t offset) {
    result_.error = ParseError{std::move(message), offset};
  }

  std::string_view value_;
  std::size_t position_ = 0;
  bool space_pending_ = false;
  LexResult result_;
};

}  // namespace

LexResult tokenize(std::string_view value) {
  if (value.size() > kMaxValueBytes) {
    return {{}, ParseError{"the value is too long to be opening hours", kMaxValueBytes}};
  }
  return Lexer(value).run();
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::kNumber:
    case TokenKind::kWord:
      return "'" + token.text + "'";
    case TokenKind::kComment:
      return "a comment";
    case TokenKind::kColon:
      return "':'";
    case TokenKind::kDash:
      return "'-'";
    case TokenKind::kComma:
      return "','";
    case TokenKind::kSemicolon:
      return "';'";
    case TokenKind::kFallback:
      return "'||'";
    case TokenKind::kPlus:
      return "'+'";
    case TokenKind::kSlash:
      return "'/'";
    case TokenKind::kOpenBracket:
      return "'['";
    case TokenKind::kCloseBracket:
      return "']'";
    case TokenKind::kOpenParen:
      return "'('";
    case TokenKind::kCloseParen:
      return "')'";
    case TokenKind::kDot:
      return "'.'";
    case TokenKind::kTilde:
      return "'~'";
    case TokenKind::kEnd:
      break;
  }
  return "the end of the value";
}

}  // namespace codriver::places::hours
