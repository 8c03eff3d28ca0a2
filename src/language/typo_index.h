#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Finds the words of a vocabulary within a typo of a query word ("casio" -> "casino") without
// scanning the vocabulary: every word is filed under the strings left after deleting up to
// its allowed number of letters, and two words within that distance share one such string.
namespace codriver::language {

// How many typos a word of this length may carry: 0 below 4 letters, 1 from 4, 2 from 8.
int allowed_typos(std::size_t length);

// Optimal string alignment distance (insert, delete, substitute, swap neighbours), or
// limit + 1 as soon as it is known to exceed `limit`.
int typo_distance(std::string_view a, std::string_view b, int limit);

class TypoIndex {
 public:
  struct Match {
    std::uint32_t word_id;
    int distance;  // 1 or 2; exact matches are the caller's business
  };

  // Words with digits or non-ASCII letters, or longer than kLongestWord, are not indexed.
  void add(std::uint32_t word_id, std::string_view word);
  std::vector<Match> find(std::string_view word) const;

  static constexpr std::size_t kLongestWord = 24;

 private:
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_deletion_;
  std::unordered_map<std::uint32_t, std::string> words_;
};

}  // namespace codriver::language
