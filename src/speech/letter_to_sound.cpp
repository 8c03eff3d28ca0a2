#include "speech/letter_to_sound.h"

#include <sstream>

namespace codriver::speech {
namespace {

struct LetterRule {
  std::string_view letters;
  std::string_view phones;
};

// Multi-letter groups are tried before single letters (longest match wins).
constexpr LetterRule kRules[] = {
    {"tch", "CH"}, {"sch", "SH"}, {"gli", "L IY"}, {"gn", "N Y"}, {"ch", "SH"}, {"sh", "SH"},
    {"th", "T"},   {"ph", "F"},   {"ck", "K"},     {"ng", "NG"},  {"qu", "K"},  {"ou", "UW"},
    {"oo", "UW"},  {"ee", "IY"},  {"ea", "IY"},    {"ai", "EH"},  {"ay", "EY"}, {"ei", "EH"},
    {"au", "OW"},  {"eau", "OW"}, {"oi", "W AA"},  {"ie", "IY"},  {"oa", "OW"}, {"a", "AA"},
    {"b", "B"},    {"c", "K"},    {"d", "D"},      {"e", "EH"},   {"f", "F"},   {"g", "G"},
    {"h", ""},     {"i", "IY"},   {"j", "ZH"},     {"k", "K"},    {"l", "L"},   {"m", "M"},
    {"n", "N"},    {"o", "OW"},   {"p", "P"},      {"q", "K"},    {"r", "R"},   {"s", "S"},
    {"t", "T"},    {"u", "UW"},   {"v", "V"},      {"w", "W"},    {"x", "K S"}, {"y", "IY"},
    {"z", "Z"},
};

bool is_front_vowel(char letter) {
  return letter == 'e' || letter == 'i' || letter == 'y';
}

const LetterRule* longest_rule(std::string_view rest) {
  const LetterRule* best = nullptr;
  for (const auto& rule : kRules) {
    if (rest.starts_with(rule.letters) &&
        (best == nullptr || rule.letters.size() > best->letters.size())) {
      best = &rule;
    }
  }
  return best;
}

// c and g soften before e, i, y ("cesare", "giorgio").
std::string_view softened(std::string_view rest, std::string_view phones) {
  if (rest.size() < 2 || !is_front_vowel(rest[1])) return phones;
  if (rest[0] == 'c') return "S";
  if (rest[0] == 'g') return "JH";
  return phones;
}

}  // namespace

std::vector<std::string> letter_to_sound(std::string_view word) {
  std::vector<std::string> phones;
  // A final silent e is the commonest spelling trap in both French and English.
  if (word.size() > 3 && word.back() == 'e') word.remove_suffix(1);
  std::string_view rest = word;
  while (!rest.empty()) {
    const LetterRule* rule = longest_rule(rest);
    if (rule == nullptr) {
      rest.remove_prefix(1);
      continue;
    }
    std::istringstream split{std::string(softened(rest, rule->phones))};
    std::string phone;
    // Doubled consonants are said once ("larvotto" -> one T).
    while (split >> phone) {
      if (phones.empty() || phones.back() != phone || rule->letters.size() > 1) {
        phones.push_back(phone);
      }
    }
    rest.remove_prefix(rule->letters.size());
  }
  return phones;
}

}  // namespace codriver::speech
