#include "llm/engine/json_text.h"

#include <cstdint>

#include "llm/chat/json_value.h"
#include "llm/engine/engine_error.h"
#include "llm/tokenizer/utf8.h"

namespace codriver::llm::engine::json_text {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The length of the well-formed UTF-8 sequence starting at text[at], 0 when there is none
// (Unicode's table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) -> int {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : -1;
  };
  const auto in = [](int value, int lo, int hi) { return value >= lo && value <= hi; };
  const int lead = byte(at);
  if (in(lead, 0x00, 0x7F)) return 1;
  if (in(lead, 0xC2, 0xDF)) return in(byte(at + 1), 0x80, 0xBF) ? 2 : 0;
  int lo = 0x80, hi = 0xBF;
  if (lead == 0xE0) lo = 0xA0;
  if (lead == 0xED) hi = 0x9F;
  if (lead == 0xF0) lo = 0x90;
  if (lead == 0xF4) hi = 0x8F;
  if (in(lead, 0xE0, 0xEF)) {
    return in(byte(at + 1), lo, hi) && in(byte(at + 2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(lead, 0xF0, 0xF4)) {
    return in(byte(at + 1), lo, hi) && in(byte(at + 2), 0x80, 0xBF) && in(byte(at + 3), 0x80, 0xBF)
               ? 4
               : 0;
  }
  return 0;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  JsonValue read_document() {
    skip_space();
    JsonValue value = read_value(0);
    skip_space();
    if (at_ < text_.size()) fail("unexpected text after the JSON value");
    return value;
  }

 private:
  [[noreturn]] void fail(const std::string& problem) const {
    throw EngineError("JSON Schema is not valid JSON: " + problem + " at byte " +
                      std::to_string(at_));
  }

  char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  bool at_end() const { return at_ >= text_.size(); }

  void skip_space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
      ++at_;
    }
  }

  void expect(char c) {
    if (peek() != c || at_end()) fail(std::string("expected '") + c + "'");
    ++at_;
  }

  JsonValue read_value(int depth) {
    if (depth >= kMaxJsonDepth) {
      fail("nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    }
    if (at_end()) fail("unexpected end of text");
    switch (peek()) {
      case '{':
        return read_object(depth);
      case '[':
        return read_array(depth);
      case '"': {
        JsonValue value;
        value.kind = JsonValue::Kind::kString;
        value.text = read_string();
        return value;
      }
      case 't':
        return read_word("true", JsonValue::Kind::kBool, true);
      case 'f':
        return read_word("false", JsonValue::Kind::kBool, false);
      case 'n':
        return read_word("null", JsonValue::Kind::kNull, false);
      default:
        return read_number();
    }
  }

  JsonValue read_word(std::string_view word, JsonValue::Kind kind, bool boolean) {
    if (text_.substr(at_, word.size()) != word) fail("unexpected character");
    at_ += word.size();
    JsonValue value;
    value.kind = kind;
    value.boolean = boolean;
    return value;
  }

  JsonValue read_number() {
    const std::size_t begin = at_;
    if (peek() == '-') ++at_;
    if (peek() == '0') {
      ++at_;
    } else if (is_digit(peek()) && !at_end()) {
      while (!at_end() && is_digit(peek()))
        ++at_;
    } else {
      fail("unexpected character");
    }
    if (!at_end() && peek() == '.') {
      ++at_;
      if (at_end() || !is_digit(peek())) fail("expected a digit after '.'");
      while (!at_end() && is_digit(peek()))
        ++at_;
    }
    if (!at_end() && (peek() == 'e' || peek() == 'E')) {
      ++at_;
      if (!at_end() && (peek() == '+' || peek() == '-')) ++at_;
      if (at_end() || !is_digit(peek())) fail("expected a digit in the exponent");
      while (!at_end() && is_digit(peek()))
        ++at_;
    }
    JsonValue value;
    value.kind = JsonValue::Kind::kNumber;
    value.text = std::string(text_.substr(begin, at_ - begin));
    return value;
  }

  std::uint32_t read_hex4() {
    std::uint32_t unit = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = at_end() ? -1 : hex_value(peek());
      if (digit < 0) fail("expected 4 hex digits after \\u");
      unit = unit * 16 + static_cast<std::uint32_t>(digit);
      ++at_;
    }
    return unit;
  }

  void read_escape(std::string& out) {
    if (at_end()) fail("unterminated string");
    const char c = text_[at_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out += c;
        return;
      case 'b':
        out += '\b';
        return;
      case 'f':
        out += '\f';
        return;
      case 'n':
        out += '\n';
        return;
      case 'r':
        out += '\r';
        return;
      case 't':
        out += '\t';
        return;
      case 'u':
        break;
      default:
        fail("unknown escape");
    }
    std::uint32_t unit = read_hex4();
    if (unit >= 0xDC00 && unit <= 0xDFFF) fail("a low surrogate without a high one");
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      if (text_.substr(at_, 2) != "\\u") fail("a high surrogate without a low one");
      at_ += 2;
      const std::uint32_t low = read_hex4();
      if (low < 0xDC00 || low > 0xDFFF) fail("a high surrogate without a low one");
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
    tokenizer::append_utf8(out, static_cast<char32_t>(unit));
  }

  std::string read_string() {
    expect('"');
    std::string out;
    while (true) {
      if (at_end()) fail("unterminated string");
      const char c = text_[at_];
      if (c == '"') {
        ++at_;
        return out;
      }
      if (c == '\\') {
        ++at_;
        read_escape(out);
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x20) fail("a raw control character in a string");
      const std::size_t length = utf8_sequence_length(text_, at_);
      if (length == 0) fail("invalid UTF-8 in a string");
      out.append(text_.substr(at_, length));
      at_ += length;
    }
  }

  JsonValue read_array(int depth) {
    expect('[');
    JsonValue value;
    value.kind = JsonValue::Kind::kArray;
    skip_space();
    if (peek() == ']' && !at_end()) {
      ++at_;
      return value;
    }
    while (true) {
      skip_space();
      value.items.push_back(read_value(depth + 1));
      skip_space();
      if (peek() == ',' && !at_end()) {
        ++at_;
        continue;
      }
      expect(']');
      return value;
    }
  }

  JsonValue read_object(int depth) {
    expect('{');
    JsonValue value;
    value.kind = JsonValue::Kind::kObject;
    skip_space();
    if (peek() == '}' && !at_end()) {
      ++at_;
      return value;
    }
    while (true) {
      skip_space();
      if (peek() != '"' || at_end()) fail("expected a key in quotes");
      std::string key = read_string();
      if (value.find(key) != nullptr) fail("the key \"" + key + "\" appears twice");
      skip_space();
      expect(':');
      skip_space();
      JsonValue member = read_value(depth + 1);
      value.members.emplace_back(std::move(key), std::move(member));
      skip_space();
      if (peek() == ',' && !at_end()) {
        ++at_;
        continue;
      }
      expect('}');
      return value;
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const auto& [name, value] : members) {
    if (name == key) return &value;
  }
  return nullptr;
}

JsonValue parse_json(std::string_view text) {
  return Reader(text).read_document();
}

std::string quote_json_string(std::string_view text) {
  return chat::quote_json_string(text);  // one escaping rule for prompts and constraints
}

}  // namespace codriver::llm::engine::json_text
