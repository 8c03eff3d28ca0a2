#include "llm/tokenizer/byte_level.h"

#include "llm/tokenizer/utf8.h"

namespace codriver::llm::tokenizer {
namespace {

bool stands_for_itself(unsigned char byte) {
  return (byte >= '!' && byte <= '~') || (byte >= 0xA1 && byte <= 0xAC) || byte >= 0xAE;
}

constexpr char32_t kFirstShifted = 0x100;
constexpr std::size_t kShiftedCount = 68;  // 256 bytes minus the 188 that stand for themselves

struct Alphabet {
  std::array<char32_t, 256> code_of_byte{};
  std::array<unsigned char, kShiftedCount> byte_of_shifted{};
  Alphabet() {
    char32_t next_shifted = kFirstShifted;
    for (int byte = 0; byte < 256; ++byte) {
      const auto value = static_cast<unsigned char>(byte);
      if (stands_for_itself(value)) {
        code_of_byte[byte] = value;
      } else {
        byte_of_shifted[next_shifted - kFirstShifted] = value;
        code_of_byte[byte] = next_shifted++;
      }
    }
  }
};

const Alphabet& alphabet() {
  static const Alphabet instance;
  return instance;
}

}  // namespace

char32_t byte_to_code_point(unsigned char byte) {
  return alphabet().code_of_byte[byte];
}

std::optional<unsigned char> code_point_to_byte(char32_t code) {
  if (code < 0x100) {
    const auto byte = static_cast<unsigned char>(code);
    if (stands_for_itself(byte)) return byte;
    return std::nullopt;
  }
  if (code - kFirstShifted < kShiftedCount) return alphabet().byte_of_shifted[code - kFirstShifted];
  return std::nullopt;
}

std::string to_byte_level(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char byte : bytes)
    append_utf8(out, byte_to_code_point(static_cast<unsigned char>(byte)));
  return out;
}

std::string from_byte_level(std::string_view text) {
  // Vocabulary text comes from files: never decode ill-formed UTF-8 as if it were well-formed.
  const std::string sanitized = is_valid_utf8(text) ? std::string() : sanitize_utf8(text);
  const std::string_view byte_level_text = sanitized.empty() ? text : sanitized;
  std::string out;
  out.reserve(byte_level_text.size());
  std::size_t position = 0;
  while (position < byte_level_text.size()) {
    const std::size_t start = position;
    const char32_t code = next_code_point(byte_level_text, position);
    if (const auto byte = code_point_to_byte(code)) {
      out.push_back(static_cast<char>(*byte));
    } else {
      out.append(byte_level_text.substr(start, position - start));
    }
  }
  return out;
}

}  // namespace codriver::llm::tokenizer
