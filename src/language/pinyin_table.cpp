// Lookups in the Han -> pinyin table generated at build time from Unihan (see
// generate_pinyin_table.py and this folder's CMakeLists.txt).
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "language/chinese_script.h"

namespace codriver::language {
namespace {

#include "pinyin_table.inc"

constexpr int kSyllableBits = 11;

}  // namespace

std::string_view pinyin_of(char32_t han) {
  const auto* found = std::lower_bound(
      std::begin(kPinyinReadings), std::end(kPinyinReadings), han,
      [](std::uint32_t entry, char32_t c) { return (entry >> kSyllableBits) < c; });
  if (found == std::end(kPinyinReadings) || (*found >> kSyllableBits) != han) return {};
  return kPinyinSyllables[*found & ((1u << kSyllableBits) - 1)];
}

bool is_pinyin_syllable(std::string_view syllable) {
  return std::binary_search(std::begin(kPinyinSyllables), std::end(kPinyinSyllables), syllable);
}

}  // namespace codriver::language
