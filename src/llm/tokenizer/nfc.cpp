#include "llm/tokenizer/nfc.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <vector>

#include "llm/tokenizer/utf8.h"

namespace codriver::llm::tokenizer {
namespace {

struct DecompositionEntry {
  char32_t code;
  std::uint16_t offset;  // into kDecompositionPool
  std::uint8_t length;
};

struct CompositionEntry {
  std::uint64_t pair;  // first << 21 | second
  char32_t composite;
};

#include "nfc_tables.inc"

constexpr std::uint16_t kHasDecomposition = 1 << 8;
constexpr std::uint16_t kQuickCheckNo = 2 << 8;
constexpr std::uint16_t kQuickCheckMaybe = 4 << 8;

// Hangul syllables are composed arithmetically (Unicode chapter 3.12).
constexpr char32_t kHangulFirst = 0xAC00;
constexpr char32_t kLeadFirst = 0x1100;
constexpr char32_t kVowelFirst = 0x1161;
constexpr char32_t kTrailBase = 0x11A7;  // one before the first trailing consonant
constexpr char32_t kLeadCount = 19;
constexpr char32_t kVowelCount = 21;
constexpr char32_t kTrailCount = 28;  // including "no trailing consonant"
constexpr char32_t kSyllablesPerLead = kVowelCount * kTrailCount;
constexpr char32_t kHangulCount = kLeadCount * kSyllablesPerLead;

std::uint16_t properties(char32_t code) {
  if (code >= 0x110000) return 0;
  const std::uint32_t block = kPropertyStage1[code / kBlockSize];
  return kPropertyStage2[block * kBlockSize + code % kBlockSize];
}

bool is_hangul_syllable(char32_t code) {
  return code >= kHangulFirst && code < kHangulFirst + kHangulCount;
}

void append_decomposition(char32_t code, std::vector<char32_t>& out) {
  if (is_hangul_syllable(code)) {
    const char32_t index = code - kHangulFirst;
    out.push_back(kLeadFirst + index / kSyllablesPerLead);
    out.push_back(kVowelFirst + (index % kSyllablesPerLead) / kTrailCount);
    if (index % kTrailCount != 0) out.push_back(kTrailBase + index % kTrailCount);
    return;
  }
  if ((properties(code) & kHasDecomposition) == 0) {
    out.push_back(code);
    return;
  }
  const auto* entry = std::lower_bound(
      std::begin(kDecompositions), std::end(kDecompositions), code,
      [](const DecompositionEntry& candidate, char32_t wanted) { return candidate.code < wanted; });
  out.insert(out.end(), kDecompositionPool + entry->offset,
             kDecompositionPool + entry->offset + entry->length);
}

// Stable sort of each run of non-starters by combining class (the canonical ordering
// algorithm); runs are short, so insertion sort.
void order_canonically(std::vector<char32_t>& codes) {
  for (std::size_t i = 1; i < codes.size(); ++i) {
    const int klass = canonical_combining_class(codes[i]);
    if (klass == 0) continue;
    std::size_t j = i;
    while (j > 0) {
      const int previous = canonical_combining_class(codes[j - 1]);
      if (previous == 0 || previous <= klass) break;
      std::swap(codes[j - 1], codes[j]);
      --j;
    }
  }
}

// The primary composite of a pair, or 0 when the pair does not compose.
char32_t compose_pair(char32_t first, char32_t second) {
  if (first >= kLeadFirst && first < kLeadFirst + kLeadCount && second >= kVowelFirst &&
      second < kVowelFirst + kVowelCount) {
    return kHangulFirst +
           ((first - kLeadFirst) * kVowelCount + (second - kVowelFirst)) * kTrailCount;
  }
  if (is_hangul_syllable(first) && (first - kHangulFirst) % kTrailCount == 0 &&
      second > kTrailBase && second < kTrailBase + kTrailCount) {
    return first + (second - kTrailBase);
  }
  const std::uint64_t key = (static_cast<std::uint64_t>(first) << 21) | second;
  const auto* entry = std::lower_bound(std::begin(kCompositions), std::end(kCompositions), key,
                                       [](const CompositionEntry& candidate, std::uint64_t wanted) {
                                         return candidate.pair < wanted;
                                       });
  return entry != std::end(kCompositions) && entry->pair == key ? entry->composite : 0;
}

// Canonical composition: each character joins the last starter unless a character of the
// same or higher combining class stands between them (it is "blocked").
void compose(std::vector<char32_t>& codes) {
  if (codes.empty()) return;
  std::size_t starter = 0;
  int last_class = canonical_combining_class(codes[0]) == 0 ? 0 : 256;  // 256: no starter yet
  std::size_t kept = 1;
  for (std::size_t i = 1; i < codes.size(); ++i) {
    const char32_t code = codes[i];
    const int klass = canonical_combining_class(code);
    const char32_t composite = last_class == 256 ? 0 : compose_pair(codes[starter], code);
    if (composite != 0 && (last_class < klass || last_class == 0)) {
      codes[starter] = composite;
      continue;
    }
    if (klass == 0) starter = kept;
    last_class = klass;
    codes[kept++] = code;
  }
  codes.resize(kept);
}

bool is_ascii_word(const char* data) {
  std::uint64_t word = 0;
  std::memcpy(&word, data, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace

int canonical_combining_class(char32_t code) {
  return properties(code) & 0xFF;
}

bool is_nfc_quick(std::string_view valid_utf8) {
  std::size_t position = 0;
  int last_class = 0;
  while (position < valid_utf8.size()) {
    if (position + 8 <= valid_utf8.size() && is_ascii_word(valid_utf8.data() + position)) {
      position += 8;
      last_class = 0;
      continue;
    }
    const char32_t code = next_code_point(valid_utf8, position);
    const std::uint16_t property = properties(code);
    const int klass = property & 0xFF;
    if ((property & (kQuickCheckNo | kQuickCheckMaybe)) != 0) return false;
    if (klass != 0 && last_class > klass) return false;
    last_class = klass;
  }
  return true;
}

std::string to_nfc(std::string_view valid_utf8) {
  if (is_nfc_quick(valid_utf8)) return std::string(valid_utf8);
  std::vector<char32_t> codes;
  codes.reserve(valid_utf8.size());
  std::size_t position = 0;
  while (position < valid_utf8.size()) {
    append_decomposition(next_code_point(valid_utf8, position), codes);
  }
  order_canonically(codes);
  compose(codes);
  std::string out;
  out.reserve(valid_utf8.size());
  for (const char32_t code : codes)
    append_utf8(out, code);
  return out;
}

}  // namespace codriver::llm::tokenizer
