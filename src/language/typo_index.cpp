#include "language/typo_index.h"

#include <algorithm>
#include <unordered_set>

namespace codriver::language {
namespace {

bool indexable(std::string_view word) {
  if (word.size() < 4 || word.size() > TypoIndex::kLongestWord) return false;
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// `word` and every string left after deleting up to `depth` of its letters.
std::unordered_set<std::string> deletion_variants(std::string_view word, int depth) {
  std::unordered_set<std::string> variants{std::string(word)};
  std::vector<std::string> frontier{std::string(word)};
  for (int level = 0; level < depth; ++level) {
    std::vector<std::string> next;
    for (const std::string& variant : frontier) {
      for (std::size_t i = 0; i < variant.size(); ++i) {
        std::string shorter = variant.substr(0, i) + variant.substr(i + 1);
        if (variants.insert(shorter).second) next.push_back(std::move(shorter));
      }
    }
    frontier = std::move(next);
  }
  return variants;
}

}  // namespace

int allowed_typos(std::size_t length) {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

int typo_distance(std::string_view a, std::string_view b, int limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > static_cast<std::size_t>(limit)) return limit + 1;
  // Three rolling rows: the swap of neighbours looks two rows back.
  std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j)
    previous[j] = static_cast<int>(j);
  int previous_best = 0;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = static_cast<int>(i);
    int row_best = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_best = std::min(row_best, current[j]);
    }
    // A swap reaches back two rows, so only two hopeless rows in a row end the search.
    if (row_best > limit && previous_best > limit) return limit + 1;
    previous_best = row_best;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

void TypoIndex::add(std::uint32_t word_id, std::string_view word) {
  if (!indexable(word) || !words_.emplace(word_id, word).second) return;
  for (const std::string& variant : deletion_variants(word, allowed_typos(word.size()))) {
    by_deletion_[variant].push_back(word_id);
  }
}

std::vector<TypoIndex::Match> TypoIndex::find(std::string_view word) const {
  std::vector<Match> matches;
  if (!indexable(word)) return matches;
  std::unordered_set<std::uint32_t> seen;
  for (const std::string& variant : deletion_variants(word, allowed_typos(word.size()))) {
    const auto filed = by_deletion_.find(variant);
    if (filed == by_deletion_.end()) continue;
    for (std::uint32_t id : filed->second) {
      if (!seen.insert(id).second) continue;
      const std::string& candidate = words_.at(id);
      const int limit = std::min(allowed_typos(word.size()), allowed_typos(candidate.size()));
      const int distance = typo_distance(word, candidate, limit);
      if (distance >= 1 && distance <= limit) matches.push_back({id, distance});
    }
  }
  return matches;
}

}  // namespace codriver::language
