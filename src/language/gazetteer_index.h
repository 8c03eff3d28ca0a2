#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "language/gazetteer.h"
#include "language/name_key.h"
#include "language/typo_index.h"

// The gazetteer's index: what add() builds and the searches read. Internal to the gazetteer.
namespace codriver::language {

inline constexpr std::uint32_t kNoId = UINT32_MAX;
inline constexpr float kLeastTokenWeight = 0.05f;
// However rare on this map, a word for a kind of place tells little about which place.
inline constexpr float kGenericWeight = 0.25f;
inline constexpr float kGenericSpecificity = 0.1f;

struct Gazetteer::Index {
  struct Entity {
    std::int64_t id;
    std::string kind;
  };
  // One word or Han character of a name. Han characters also carry their syllable, which is
  // how homophones and typed pinyin find them.
  struct Unit {
    std::uint32_t token;
    std::uint32_t syllable;  // kNoId for words
    bool han;
    bool counted;  // weighs in how much of the name a query covers (stop words do not)
    bool generic;  // part of a word for a kind of place ("parking", "停车场")
  };
  struct Entry {
    std::uint32_t entity;
    std::string name;
    std::string key;  // the folded name without its stop words: equal keys score 1
    std::vector<Unit> units;
    std::uint32_t han_units = 0;
  };
  struct Token {
    std::uint32_t entity_count = 0;  // how many things have a name with this token
    float log_entity_count = 0;
    std::vector<std::uint32_t> entries;  // names with this word (Han characters go by syllable)
  };
  struct SyllablePairPosting {
    std::uint32_t entry;
    std::uint32_t position;  // of the first syllable of the pair in the entry's units
  };

  std::vector<Entity> entities;
  float log_entity_total = 0;  // log(entities.size()), the scale of every token weight
  std::map<std::pair<std::int64_t, std::string>, std::uint32_t> entity_ids;
  std::vector<Entry> entries;
  std::vector<Token> tokens;
  std::unordered_map<std::string, std::uint32_t> token_ids;
  std::unordered_set<std::uint64_t> token_entity_pairs;
  TypoIndex typos;
  std::unordered_map<std::string, std::uint32_t> syllable_ids;
  std::unordered_map<std::uint64_t, std::vector<SyllablePairPosting>> syllable_pairs;
  std::unordered_map<std::string, std::vector<std::uint32_t>> entries_by_key;

  enum class SearchMode { kWholePhrase, kInSentence };

  void add(std::int64_t id, std::string_view name, std::string_view kind);
  std::vector<GazetteerMatch> search(std::string_view text, SearchMode mode, int limit,
                                     double min_score) const;

  std::uint32_t token_id(std::string_view text) const;
  std::uint32_t syllable_id(std::string_view syllable) const;
  // How much a token tells things apart: 1 for a token of one thing, near 0 for one in all.
  float token_weight(std::uint32_t token) const {
    if (entities.size() <= 1) return 1.0f;
    return std::max(kLeastTokenWeight, 1.0f - tokens[token].log_entity_count / log_entity_total);
  }
  float unit_weight(std::uint32_t token, bool generic) const {
    const float weight = token_weight(token);
    return generic ? std::min(weight, kGenericWeight) : weight;
  }
  // The same for a whole query that `entity_count` things match, squared so that a phrase
  // shared by a good part of the map ("restaurant", "停车场") counts for little.
  float specificity(std::size_t entity_count) const;

 private:
  class Search;  // one query's candidates and scores (gazetteer_search.cpp)

  std::uint32_t intern_entity(std::int64_t id, std::string_view kind);
  std::uint32_t intern_token(const std::string& text, std::uint32_t entity);
  std::uint32_t intern_syllable(const std::string& syllable);
};

inline std::uint64_t syllable_pair_key(std::uint32_t first, std::uint32_t second) {
  return (std::uint64_t{first} << 32) | second;
}

// Articles, prepositions and conjunctions of the languages on the map's signs.
bool is_stop_word(std::string_view word);
// "st", "ste", "sainte" -> "saint", so abbreviations compare equal.
std::string canonical_word(std::string word);
// The syllable a Han character is compared by: pinyin with u-umlaut folded into "u" (typed
// "lu" finds "绿"), or the character itself when Unihan has no reading for it.
std::string comparison_syllable(const NameUnit& han);
// A Latin word typed as pinyin, as comparison syllables; empty when it is not pinyin.
std::vector<std::string> typed_syllables(std::string_view word);
// The non-stop units joined: the key equal names share.
std::string name_key(const std::vector<NameUnit>& units, const std::vector<bool>& stop);

}  // namespace codriver::language
