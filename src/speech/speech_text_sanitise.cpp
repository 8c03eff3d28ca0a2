#include "speech/speech_text_sanitise.h"

#include <cstdint>
#include <vector>

namespace codriver::speech {
namespace {

// Decodes UTF-8, dropping bytes that do not form a valid, shortest-form sequence.
std::u32string decode_utf8(std::string_view text) {
  std::u32string code_points;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    int length = lead < 0x80           ? 1
                 : (lead >> 5) == 0x6  ? 2
                 : (lead >> 4) == 0xE  ? 3
                 : (lead >> 3) == 0x1E ? 4
                                       : 0;
    if (length == 0 || i + length > text.size()) {
      ++i;
      continue;
    }
    char32_t code_point = length == 1 ? lead : lead & (0x7F >> length);
    bool valid = true;
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      valid = valid && (next >> 6) == 0x2;
      code_point = (code_point << 6) | (next & 0x3F);
    }
    constexpr char32_t kShortest[] = {0, 0, 0x80, 0x800, 0x10000};
    valid = valid && code_point >= kShortest[length] && code_point <= 0x10FFFF &&
            !(code_point >= 0xD800 && code_point <= 0xDFFF);
    if (valid) code_points += code_point;
    i += valid ? length : 1;
  }
  return code_points;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool in_range(char32_t c, char32_t first, char32_t last) {
  return c >= first && c <= last;
}

// Pictographs, dingbats, flags, skin tones, joiners and variation selectors: a voice
// would either skip them or spell out their Unicode names.
bool is_emoji_or_invisible(char32_t c) {
  return in_range(c, 0x1F000, 0x1FAFF) || in_range(c, 0x2600, 0x27BF) ||
         in_range(c, 0x2B00, 0x2BFF) || in_range(c, 0x2300, 0x23FF) ||
         in_range(c, 0x2190, 0x21FF) || in_range(c, 0xFE00, 0xFE0F) ||
         in_range(c, 0xE0000, 0xE007F) || in_range(c, 0x200B, 0x200F) ||
         in_range(c, 0x2060, 0x206F) || in_range(c, 0xE000, 0xF8FF) ||
         in_range(c, 0xF0000, 0x10FFFF) || c == 0xFEFF || c == 0x00AD || c == 0x3030 ||
         c == 0x303D || c == 0x3297 || c == 0x3299 || c == 0xFFFC || c == 0xFFFD;
}

bool is_control(char32_t c) {
  return c < 0x20 || in_range(c, 0x7F, 0x9F);
}

bool is_space(char32_t c) {
  return c == ' ' || c == 0xA0 || in_range(c, 0x2000, 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Markdown inline marks that only style text.
// ('~' stays: "5~10" is a range.)
bool is_markup(char32_t c) {
  return c == '*' || c == '`' || c == '|';
}

// One code point as it should reach the number rules; U+0000 means "drop".
char32_t plain_code_point(char32_t c) {
  if (in_range(c, 0xFF10, 0xFF19)) return U'0' + (c - 0xFF10);  // full-width digits
  if (c == 0xFF05) return U'%';
  if (c == 0xFF5E) return U'~';
  if (is_control(c) || is_space(c) || c == '_') return U' ';
  if (is_emoji_or_invisible(c) || is_markup(c)) return 0;
  return c;
}

// [text](url) -> text and ![alt](url) -> alt; returns the position after the link, or
// `start` when there is no link there.
std::size_t skip_link(const std::u32string& line, std::size_t start, std::u32string& out) {
  std::size_t open = start;
  if (line[open] == '!' && open + 1 < line.size() && line[open + 1] == '[') ++open;
  if (line[open] != '[') return start;
  const std::size_t close = line.find(U"](", open);
  if (close == std::u32string::npos) return start;
  const std::size_t end = line.find(U')', close);
  if (end == std::u32string::npos) return start;
  out += line.substr(open + 1, close - open - 1);
  return end + 1;
}

std::u32string strip_inline_markdown(const std::u32string& line) {
  std::u32string out;
  std::size_t i = 0;
  while (i < line.size()) {
    const std::size_t after_link = skip_link(line, i, out);
    if (after_link != i) {
      i = after_link;
      continue;
    }
    out += line[i++];
  }
  return out;
}

bool is_rule_line(const std::u32string& line) {
  if (line.size() < 3) return false;
  for (char32_t c : line) {
    if (c != '-' && c != '=' && c != '*' && c != '_' && c != '|' && c != ':' && c != ' ') {
      return false;
    }
  }
  return true;
}

// Drops heading marks, quote marks and bullets at the start of a line.
std::u32string strip_line_prefix(std::u32string line) {
  std::size_t start = line.find_first_not_of(U" \t");
  if (start == std::u32string::npos) return {};
  while (start < line.size() && (line[start] == '#' || line[start] == '>'))
    ++start;
  if (start + 1 < line.size() &&
      (line[start] == '-' || line[start] == '*' || line[start] == '+' || line[start] == 0x2022) &&
      line[start + 1] == ' ') {
    start += 2;
  }
  return line.substr(start);
}

std::string plain_line(const std::u32string& raw_line) {
  if (is_rule_line(raw_line)) return {};
  std::string line;
  bool pending_space = false;
  for (char32_t c : strip_inline_markdown(strip_line_prefix(raw_line))) {
    const char32_t plain = plain_code_point(c);
    if (plain == 0) continue;
    if (plain == U' ') {
      pending_space = !line.empty();
      continue;
    }
    if (pending_space) line += ' ';
    pending_space = false;
    append_utf8(line, plain);
  }
  return line;
}

bool ends_with_punctuation(std::string_view line) {
  for (std::string_view mark : {".", ",", "!", "?", ";", ":", "。", "，", "！", "？", "；", "："}) {
    if (line.ends_with(mark)) return true;
  }
  return false;
}

std::vector<std::u32string> split_lines(const std::u32string& text) {
  std::vector<std::u32string> lines(1);
  for (char32_t c : text) {
    if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
      lines.emplace_back();
    } else {
      lines.back() += c;
    }
  }
  return lines;
}

}  // namespace

std::string sanitise_for_speech(std::string_view text, routing::Language language) {
  const std::string_view sentence_end = language == routing::Language::kChinese ? "。" : ".";
  std::string result;
  for (const std::u32string& raw_line : split_lines(decode_utf8(text))) {
    std::string line = plain_line(raw_line);
    if (line.empty()) continue;
    // A line break ends a sentence: "- Turn left\n- Go straight" must not run together.
    if (!result.empty()) {
      if (!ends_with_punctuation(result)) result += sentence_end;
      result += ' ';
    }
    result += line;
  }
  return result;
}

}  // namespace codriver::speech
