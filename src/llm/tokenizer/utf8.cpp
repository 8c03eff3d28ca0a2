#include "llm/tokenizer/utf8.h"

#include <cstdint>
#include <cstring>

namespace codriver::llm::tokenizer {
namespace {

struct SequenceCheck {
  std::size_t length = 0;  // bytes that belong to the sequence (its maximal subpart if bad)
  bool complete = false;
};

// Checks the sequence that starts `bytes` (not empty) against Unicode's Table 3-7: the
// second byte's range depends on the lead byte, later ones are plain continuation bytes.
SequenceCheck check_sequence(std::string_view bytes) {
  const auto lead = static_cast<std::uint8_t>(bytes[0]);
  if (lead < 0x80) return {1, true};
  std::size_t needed = 0;
  std::uint8_t low = 0x80;
  std::uint8_t high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 4;
    if (lead == 0xF0) low = 0x90;   // no overlong forms
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return {0, false};  // a continuation byte, C0, C1 or F5..FF: never a lead
  }
  for (std::size_t i = 1; i < needed; ++i) {
    if (i >= bytes.size()) return {i, false};
    const auto byte = static_cast<std::uint8_t>(bytes[i]);
    const bool in_range = i == 1 ? (byte >= low && byte <= high) : (byte >= 0x80 && byte <= 0xBF);
    if (!in_range) return {i, false};
  }
  return {needed, true};
}

bool is_ascii_word(const char* data) {
  std::uint64_t word = 0;
  std::memcpy(&word, data, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  std::size_t position = 0;
  while (position < bytes.size()) {
    if (position + 8 <= bytes.size() && is_ascii_word(bytes.data() + position)) {
      position += 8;
      continue;
    }
    const SequenceCheck check = check_sequence(bytes.substr(position));
    if (!check.complete) return false;
    position += check.length;
  }
  return true;
}

std::string sanitize_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t position = 0;
  while (position < bytes.size()) {
    const SequenceCheck check = check_sequence(bytes.substr(position));
    if (check.complete) {
      out.append(bytes.substr(position, check.length));
    } else {
      append_utf8(out, kReplacementCharacter);
    }
    position += check.length == 0 ? 1 : check.length;
  }
  return out;
}

std::size_t incomplete_utf8_tail(std::string_view bytes) {
  for (std::size_t tail = 1; tail <= 3 && tail <= bytes.size(); ++tail) {
    const auto byte = static_cast<std::uint8_t>(bytes[bytes.size() - tail]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const SequenceCheck check = check_sequence(bytes.substr(bytes.size() - tail));
    return !check.complete && check.length == tail ? tail : 0;
  }
  return 0;
}

void append_utf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

char32_t next_code_point(std::string_view valid_utf8, std::size_t& position) {
  const auto byte = [&](std::size_t i) {
    return static_cast<char32_t>(static_cast<std::uint8_t>(valid_utf8[position + i]));
  };
  const char32_t lead = byte(0);
  if (lead < 0x80) {
    position += 1;
    return lead;
  }
  if (lead < 0xE0) {
    const char32_t code = ((lead & 0x1F) << 6) | (byte(1) & 0x3F);
    position += 2;
    return code;
  }
  if (lead < 0xF0) {
    const char32_t code = ((lead & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    position += 3;
    return code;
  }
  const char32_t code =
      ((lead & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
  position += 4;
  return code;
}

}  // namespace codriver::llm::tokenizer
