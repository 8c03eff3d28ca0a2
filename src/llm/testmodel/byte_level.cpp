// GPT-2's reversible byte-to-unicode table, used by every byte-level BPE vocabulary: the
// bytes '!'..'~', 0xA1..0xAC and 0xAE..0xFF stand for themselves (as code points); the 68
// others (controls, space, 0x7F..0xA0, 0xAD) take U+0100, U+0101, ... in byte order.
#include "llm/testmodel/vocabulary.h"

namespace codriver::llm::testmodel {
namespace {

bool stands_for_itself(unsigned byte) {
  return (byte >= '!' && byte <= '~') || (byte >= 0xA1 && byte <= 0xAC) || byte >= 0xAE;
}

std::string utf8(unsigned code_point) {
  std::string text;
  if (code_point < 0x80) {
    text += static_cast<char>(code_point);
  } else {  // every code point here is below U+0800
    text += static_cast<char>(0xC0 | (code_point >> 6));
    text += static_cast<char>(0x80 | (code_point & 0x3F));
  }
  return text;
}

}  // namespace

std::string byte_token(std::uint8_t byte) {
  if (stands_for_itself(byte)) return utf8(byte);
  unsigned shifted = 0;
  for (unsigned b = 0; b < byte; ++b) {
    if (!stands_for_itself(b)) ++shifted;
  }
  return utf8(0x100 + shifted);
}

std::vector<std::uint8_t> byte_token_order() {
  std::vector<std::uint8_t> order;
  for (unsigned b = 0; b < 256; ++b) {
    if (stands_for_itself(b)) order.push_back(static_cast<std::uint8_t>(b));
  }
  for (unsigned b = 0; b < 256; ++b) {
    if (!stands_for_itself(b)) order.push_back(static_cast<std::uint8_t>(b));
  }
  return order;
}

}  // namespace codriver::llm::testmodel
