#include <cstdint>

#include "llm/chat/json_value.h"
#include "llm/tokenizer/utf8.h"

namespace codriver::llm::chat {
namespace {

constexpr int kMaxDepth = 256;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A recursive-descent reader over the whole text; `position_` is the next byte.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  JsonValue document() {
    skip_space();
    JsonValue value = read_value(0);
    skip_space();
    if (position_ != text_.size()) fail("unexpected text after the JSON value");
    return value;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw JsonError("invalid JSON at byte " + std::to_string(position_) + ": " + what);
  }

  bool at_end() const { return position_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[position_]; }

  void skip_space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
      ++position_;
  }

  void expect_word(std::string_view word) {
    if (text_.substr(position_, word.size()) != word) fail("expected a value");
    position_ += word.size();
  }

  JsonValue read_value(int depth) {
    if (depth > kMaxDepth) fail("nested deeper than " + std::to_string(kMaxDepth) + " levels");
    JsonValue value;
    value.begin = position_;
    switch (peek()) {
      case '{':
        read_object(value, depth);
        break;
      case '[':
        read_array(value, depth);
        break;
      case '"':
        value.type = JsonValue::Type::kString;
        value.text = read_string();
        break;
      case 't':
        expect_word("true");
        value.type = JsonValue::Type::kBool;
        value.boolean = true;
        break;
      case 'f':
        expect_word("false");
        value.type = JsonValue::Type::kBool;
        break;
      case 'n':
        expect_word("null");
        break;
      default:
        value.type = JsonValue::Type::kNumber;
        value.text = read_number();
    }
    value.end = position_;
    return value;
  }

  void read_object(JsonValue& value, int depth) {
    value.type = JsonValue::Type::kObject;
    ++position_;
    skip_space();
    if (peek() == '}') {
      ++position_;
      return;
    }
    while (true) {
      skip_space();
      if (peek() != '"') fail("expected a member name in double quotes");
      std::string key = read_string();
      skip_space();
      if (peek() != ':') fail("expected ':' after a member name");
      ++position_;
      skip_space();
      value.members.emplace_back(std::move(key), read_value(depth + 1));
      skip_space();
      if (peek() == ',') {
        ++position_;
      } else if (peek() == '}') {
        ++position_;
        return;
      } else {
        fail("expected ',' or '}' in an object");
      }
    }
  }

  void read_array(JsonValue& value, int depth) {
    value.type = JsonValue::Type::kArray;
    ++position_;
    skip_space();
    if (peek() == ']') {
      ++position_;
      return;
    }
    while (true) {
      skip_space();
      value.items.push_back(read_value(depth + 1));
      skip_space();
      if (peek() == ',') {
        ++position_;
      } else if (peek() == ']') {
        ++position_;
        return;
      } else {
        fail("expected ',' or ']' in an array");
      }
    }
  }

  std::string read_number() {
    const std::size_t start = position_;
    if (peek() == '-') ++position_;
    if (peek() == '0') {
      ++position_;
    } else if (is_digit(peek())) {
      while (is_digit(peek()))
        ++position_;
    } else {
      fail("expected a value");
    }
    if (peek() == '.') {
      ++position_;
      if (!is_digit(peek())) fail("expected a digit after the decimal point");
      while (is_digit(peek()))
        ++position_;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++position_;
      if (peek() == '+' || peek() == '-') ++position_;
      if (!is_digit(peek())) fail("expected a digit in the exponent");
      while (is_digit(peek()))
        ++position_;
    }
    return std::string(text_.substr(start, position_ - start));
  }

  std::uint32_t read_hex4() {
    if (position_ + 4 > text_.size()) fail("a \\u escape needs four hex digits");
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[position_++];
      value <<= 4;
      if (is_digit(c)) {
        value |= static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        value |= static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        value |= static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        fail("a \\u escape needs four hex digits");
      }
    }
    return value;
  }

  // After "\u": one code point, joining a surrogate pair; a lone surrogate becomes U+FFFD.
  std::uint32_t read_unicode_escape() {
    const std::uint32_t first = read_hex4();
    if (first < 0xD800 || first > 0xDFFF) return first;
    if (first <= 0xDBFF && text_.substr(position_, 2) == "\\u") {
      const std::size_t after_first = position_;
      position_ += 2;
      const std::uint32_t second = read_hex4();
      if (second >= 0xDC00 && second <= 0xDFFF)
        return 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
      position_ = after_first;  // not a pair: the second escape stands alone
    }
    return 0xFFFD;
  }

  void read_escape(std::string& out) {
    if (at_end()) fail("unterminated string");
    const char c = text_[position_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out += c;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u':
        tokenizer::append_utf8(out, static_cast<char32_t>(read_unicode_escape()));
        break;
      default:
        --position_;
        fail(std::string("unknown escape \\") + c);
    }
  }

  std::string read_string() {
    ++position_;  // the opening quote
    std::string out;
    while (true) {
      if (at_end()) fail("unterminated string");
      const char c = text_[position_];
      if (c == '"') {
        ++position_;
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
      ++position_;
      if (c == '\\') {
        read_escape(out);
      } else {
        out += c;
      }
    }
  }

  std::string_view text_;
  std::size_t position_ = 0;
};

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
  for (auto it = members.rbegin(); it != members.rend(); ++it) {
    if (it->first == key) return &it->second;
  }
  return nullptr;
}

JsonValue parse_json(std::string_view text) {
  return Reader(text).document();
}

}  // namespace codriver::llm::chat
