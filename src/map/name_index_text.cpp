#include "map/name_index_text.h"

#include <vector>

namespace codriver::map {

namespace {

struct CodePoint {
  char32_t value;
  std::string_view bytes;
};

// Decodes well-formed UTF-8 (place text is cleaned at import); a stray byte is
// passed through as its own code point so that nothing is lost.
std::vector<CodePoint> decode(std::string_view text) {
  std::vector<CodePoint> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + length > text.size()) length = 1;
    char32_t value = length == 1 ? c : c & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      value = (value << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    out.push_back({value, text.substr(i, length)});
    i += length;
  }
  return out;
}

bool is_word_char(const CodePoint& cp) {
  if (cp.value >= 0x80) return !is_cjk(cp.value) && cp.value != 0x3000;
  const char c = static_cast<char>(cp.value);
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

void close_term(std::string& term, bool prefix, std::string& query) {
  if (term.empty()) return;
  if (!query.empty()) query += ' ';
  query += '"' + term + '"' + (prefix ? "*" : "");
  term.clear();
}

}  // namespace

bool is_cjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK Unified Ideographs
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // Extension A
         (cp >= 0x20000 && cp <= 0x2FA1F) ||  // Extensions B.. and compatibility supplement
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // Compatibility Ideographs
         (cp >= 0x3040 && cp <= 0x30FF) ||    // Hiragana, Katakana
         (cp >= 0xAC00 && cp <= 0xD7AF);      // Hangul syllables
}

std::string name_index_text(std::string_view name) {
  std::string out;
  out.reserve(name.size() * 2);
  for (const CodePoint& cp : decode(name)) {
    if (is_cjk(cp.value)) {
      out += ' ';
      out += cp.bytes;
      out += ' ';
    } else {
      out += cp.bytes;
    }
  }
  return out;
}

std::string name_match_query(std::string_view user_text) {
  std::string query;
  std::string latin;
  std::string cjk;  // characters of the current run, space separated
  for (const CodePoint& cp : decode(user_text)) {
    if (is_cjk(cp.value)) {
      close_term(latin, true, query);
      if (!cjk.empty()) cjk += ' ';
      cjk += cp.bytes;
    } else if (is_word_char(cp)) {
      close_term(cjk, false, query);
      latin += cp.bytes;
    } else {
      close_term(latin, true, query);
      close_term(cjk, false, query);
    }
  }
  close_term(latin, true, query);
  close_term(cjk, false, query);
  return query;
}

}  // namespace codriver::map
