#include "llm/tokenizer/nfc.h"

#include <bzlib.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "llm/tokenizer/utf8.h"

namespace codriver::llm::tokenizer {
namespace {

TEST(NfcTest, KnownPairs) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"plain ASCII", "plain ASCII"},
      {"e\u0301", "\u00E9"},  // composes
      {"A\u030A", "\u00C5"},
      {"\u212B", "\u00C5"},               // ANGSTROM SIGN: a singleton, never kept
      {"\u0958", "\u0915\u093C"},         // DEVANAGARI QA: excluded from composition
      {"\u0344", "\u0308\u0301"},         // a non-starter decomposition
      {"a\u0301\u0328", "\u0105\u0301"},  // reordered (ogonek 202 < acute 230), composed
      {"\u1E9B\u0323", "\u1E9B\u0323"},   // UAX #15's example: already NFC
      {"\u0301e", "\u0301e"},             // nothing to compose a leading mark with
      {"\u1100\u1161\u11A8", "\uAC01"},   // Hangul L V T
      {"\u1100\u1161", "\uAC00"},         // Hangul L V
      {"\uAC00\u11A8", "\uAC01"},         // Hangul LV + T
      {"\uAC01\u11A8", "\uAC01\u11A8"},   // LVT + T does not compose
      {"\u5BFC\u822A", "\u5BFC\u822A"},
      {"\U0001D15E", "\U0001D157\U0001D165"},  // MUSICAL SYMBOL HALF NOTE: excluded
  };
  for (const auto& [input, expected] : pairs) {
    EXPECT_EQ(to_nfc(input), expected) << input;
  }
}

TEST(NfcTest, QuickCheck) {
  EXPECT_TRUE(is_nfc_quick(""));
  EXPECT_TRUE(is_nfc_quick("just some ASCII text, longer than eight bytes"));
  EXPECT_TRUE(is_nfc_quick("\u5BFC\u822A\u5230\u6469\u7EB3\u54E5 caf\u00E9"));
  EXPECT_FALSE(is_nfc_quick("cafe\u0301"));     // U+0301 may combine: "maybe"
  EXPECT_FALSE(is_nfc_quick("\u212B"));         // never in NFC: "no"
  EXPECT_FALSE(is_nfc_quick("a\u0301\u0328"));  // out of canonical order
  EXPECT_EQ(canonical_combining_class(U'\u0301'), 230);
  EXPECT_EQ(canonical_combining_class(U'\u0328'), 202);
  EXPECT_EQ(canonical_combining_class(U'a'), 0);
}

std::string read_bzip2(const std::string& path) {
  FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return {};
  int error = BZ_OK;
  BZFILE* reader = BZ2_bzReadOpen(&error, file, 0, 0, nullptr, 0);
  std::string text;
  char buffer[1 << 16];
  while (error == BZ_OK) {
    const int read = BZ2_bzRead(&error, reader, buffer, sizeof buffer);
    if (read > 0) text.append(buffer, read);
  }
  BZ2_bzReadClose(&error, reader);
  std::fclose(file);
  return text;
}

std::string from_code_points(const std::string& field) {
  std::istringstream hex(field);
  std::string out;
  unsigned long code = 0;
  while (hex >> std::hex >> code)
    append_utf8(out, static_cast<char32_t>(code));
  return out;
}

// Unicode's conformance test (NormalizationTest.txt, Debian: unicode-data): for each line
// c1;c2;c3;c4;c5, NFC(c1) = NFC(c2) = NFC(c3) = c2 and NFC(c4) = NFC(c5) = c4; every code
// point not listed in part 1 is its own NFC.
TEST(NfcTest, UnicodeConformance) {
  const std::string text = read_bzip2(CODRIVER_NORMALIZATION_TEST);
  ASSERT_FALSE(text.empty()) << "cannot read " << CODRIVER_NORMALIZATION_TEST
                             << " (Debian package unicode-data; run scripts/install-deps)";
  std::istringstream lines(text);
  std::string line;
  std::string part;
  std::set<char32_t> listed_in_part1;
  int checked = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '@') {
      part = line.substr(0, line.find(' '));
      continue;
    }
    std::vector<std::string> columns;
    std::istringstream fields(line);
    std::string field;
    for (int i = 0; i < 5 && std::getline(fields, field, ';'); ++i) {
      columns.push_back(from_code_points(field));
    }
    ASSERT_EQ(columns.size(), 5u) << line;
    if (part == "@Part1") {
      std::size_t position = 0;
      listed_in_part1.insert(next_code_point(columns[0], position));
    }
    for (int i = 0; i < 3; ++i)
      EXPECT_EQ(to_nfc(columns[i]), columns[1]) << line;
    for (int i = 3; i < 5; ++i)
      EXPECT_EQ(to_nfc(columns[i]), columns[3]) << line;
    ++checked;
  }
  EXPECT_GT(checked, 18000);
  int unlisted = 0;
  for (char32_t code = 0; code < 0x110000; ++code) {
    if ((code >= 0xD800 && code < 0xE000) || listed_in_part1.count(code)) continue;
    std::string single;
    append_utf8(single, code);
    if (to_nfc(single) != single) {
      ADD_FAILURE() << "U+" << std::hex << static_cast<std::uint32_t>(code) << " changed";
    }
    ++unlisted;
  }
  EXPECT_GT(unlisted, 1000000);
}

}  // namespace
}  // namespace codriver::llm::tokenizer
