#pragma once

// One gazetteer query (internal to the gazetteer): which names share words, characters or
// syllables with the text (gazetteer_search.cpp), and how much of the name and of the text
// each match covers and how telling the matched part is (gazetteer_scoring.cpp).
#include <cstdint>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "language/gazetteer_index.h"

namespace codriver::language {
namespace gazetteer_search {

// How a score is made of the query's coverage q, the name's coverage e and the query's
// specificity s: q * (kBase + kSpan * max(e * e, kSpecific * s + (1 - kSpecific) * e)). A
// full match of the name reaches kBase + kSpan; a part of it counts by how few things share
// it, whatever share of the name it is ("停车场" is most of "中山停车场" and still says little).
inline constexpr float kBase = 0.25f;
inline constexpr float kSpan = 0.7f;
inline constexpr float kSpecific = 0.75f;
inline constexpr float kBestInexact = 0.99f;
// In a sentence, words for kinds of places alone ("find parking") name no place, even when
// some place is called just that.
inline constexpr float kGenericOnlyInSentence = 0.7f;

struct QueryUnit {
  NameUnit source;
  bool stop = false;
  bool generic = false;  // part of a word for a kind of place
  float weight = 1.0f;   // a word the gazetteer never saw is as telling as the rarest
  std::vector<std::pair<std::uint32_t, float>> words;  // vocabulary tokens, with quality
  std::uint32_t han_token = kNoId;
  std::uint32_t stream_begin = 0;  // this unit's syllables in the stream
  std::uint32_t stream_end = 0;
};

// The text's syllables in order (Han characters, and Latin words that read as pinyin);
// kNoId breaks the stream where a word is not pinyin.
struct StreamSyllable {
  std::uint32_t syllable;
  std::uint32_t unit;
  bool typed;
};

struct Hit {
  std::uint32_t entry_position;
  std::uint32_t unit;
  float quality;
};

struct PairHit {
  std::uint32_t entry_position;
  std::uint32_t stream_index;
};

// Hits and matched units live in flat arrays of the search (a query over a generic word
// has thousands of candidates); a candidate holds its ranges.
struct Candidate {
  std::uint32_t entry = 0;
  bool exact_key = false;
  std::uint32_t hits_begin = 0, hits_end = 0;    // in hits_
  std::uint32_t units_begin = 0, units_end = 0;  // query units with a hit, sorted, in units_hit_
  std::uint64_t unit_mask = 0;                   // bit unit % 64 of each: a quick subset filter
};

template <typename Item>
struct ForCandidate {
  std::uint32_t candidate;
  Item item;
};

struct Scored {
  std::uint32_t entry;
  float score;
  float name_coverage;
  std::uint32_t first_unit;
  std::uint32_t last_unit;
  float evidence = 0;  // score times the weight of the text it explains
};

// Per-entry and per-thing arrays as long as the gazetteer, kept per thread between searches
// so that a search pays for the entries it touches, not for the size of the map.
struct SearchScratch {
  std::vector<std::int32_t> slot_of_entry;    // candidate of an entry, -1 when none
  std::vector<std::uint64_t> surveyed_units;  // units of broad postings reaching an entry
  std::vector<std::uint32_t> entity_stamps;   // for counting distinct things once
  std::uint32_t stamp = 0;
  std::vector<char> query_token;     // by token: a query word may be it
  std::vector<char> query_syllable;  // by syllable: the text has it

  void fit(std::size_t entries, std::size_t entities, std::size_t tokens, std::size_t syllables);
};

}  // namespace gazetteer_search

class Gazetteer::Index::Search {
  using QueryUnit = gazetteer_search::QueryUnit;
  using StreamSyllable = gazetteer_search::StreamSyllable;
  using Hit = gazetteer_search::Hit;
  using PairHit = gazetteer_search::PairHit;
  using Candidate = gazetteer_search::Candidate;
  using Scored = gazetteer_search::Scored;
  using SearchScratch = gazetteer_search::SearchScratch;
  template <typename Item>
  using ForCandidate = gazetteer_search::ForCandidate<Item>;

 public:
  Search(const Index& index, std::string_view text, SearchMode mode, double min_score);
  Search(const Search&) = delete;
  Search& operator=(const Search&) = delete;
  std::vector<GazetteerMatch> results(int limit, double min_score);

 private:
  // Reading the text and collecting the names it reaches (gazetteer_search.cpp).
  void read_query();
  void read_word(QueryUnit& query);
  void read_han(QueryUnit& query);
  void note_query_token(std::uint32_t token);
  void note_query_syllable(std::uint32_t syllable);
  std::uint32_t candidate_for(std::uint32_t entry);
  // Names equal to the whole phrase after folding, whatever else matches them.
  void collect_exact_key();
  // Postings are read in three passes. Narrow ones (a rare word, a rare pair of syllables)
  // make candidates at once. Broad ones ("restaurant", "停车") reach thousands of names, most of
  // which could not score even if the rest of the text matched them; so they are first only
  // surveyed, a name they alone reach becomes a candidate when its best possible score is
  // high enough, and the last pass adds their hits to the candidates there are.
  enum class Pass { kNarrow, kSurvey, kBroad };
  void collect_hits(Pass pass);
  bool takes(Pass pass, std::size_t posting_size) const;
  // The candidate the pass adds hits to, or kNoId.
  std::uint32_t reached(Pass pass, std::uint32_t entry, std::uint64_t units);
  void collect_word_hits(Pass pass);
  void add_word_hits(std::uint32_t candidate, std::uint32_t entry, std::uint32_t token,
                     std::uint32_t unit, float quality);
  void collect_syllable_hits(Pass pass);
  // A broad posting is longer than the number of things a single matched unit may share and
  // still reach min_score through specificity, even with the rest of the name matched.
  void set_broad_posting(double min_score);
  // Makes candidates of the surveyed names whose score could still reach min_score, bounded
  // by the share of the name the text could cover at most and by how few surveyed names
  // share their matched units (no more than really do, so the bound stays an upper one).
  void promote_surveyed(double min_score);
  float surveyed_specificity(std::uint64_t units);
  std::size_t surveyed_entities_with(std::uint64_t units);
  // The share of a name the text could cover: its words among the text's words (typos
  // included) and its Han characters among the text's syllables.
  float most_coverage(std::uint32_t entry) const;
  void begin_entity_count() { ++scratch_.stamp; }
  // 1 the first time an entry of a thing is counted since begin_entity_count, else 0.
  std::size_t count_entity(std::uint32_t entry) {
    std::uint32_t& stamp = scratch_.entity_stamps[index_.entries[entry].entity];
    const bool first = stamp != scratch_.stamp;
    stamp = scratch_.stamp;
    return first ? 1 : 0;
  }
  static std::uint64_t unit_bit(std::uint32_t unit) { return std::uint64_t{1} << (unit % 64); }
  // Pair hits on one diagonal with consecutive positions are one common run of syllables.
  void settle_runs();
  void settle_hits();
  void add_run_hits(std::uint32_t candidate, std::uint32_t stream_start, std::uint32_t entry_start,
                    std::uint32_t length);
  // Leaves the scratch as found: only what this search touched needs clearing.
  void release_scratch();
  // Releases the scratch when the search ends, also when an exception cuts it short.
  struct ScratchRelease {
    Search& search;
    ~ScratchRelease() { search.release_scratch(); }
  };

  // Scoring what was collected (gazetteer_scoring.cpp).
  std::vector<Scored> best_entry_per_entity(double min_score);
  Scored best_window(const Candidate& candidate, double min_score);
  bool only_stop_words_between(std::uint32_t a, std::uint32_t b) const;
  Scored score_window(const Candidate& candidate, std::uint32_t first, std::uint32_t last,
                      double min_score);
  float coverage_of_query(std::uint32_t first, float& total) const;
  float coverage_of_name(const Entry& entry) const;
  bool same_key(const Entry& entry, std::uint32_t first, std::uint32_t last) const;
  // How few things match everything this part of the query matched.
  float specificity_of(const std::vector<std::uint32_t>& matched);
  bool all_generic(const std::vector<std::uint32_t>& matched) const;
  GazetteerMatch to_match(const Scored& scored) const;
  static bool overlaps_any(const GazetteerMatch& match, const std::vector<GazetteerMatch>& kept);

  const Index& index_;
  const SearchMode mode_;
  const std::string_view text_;
  std::size_t broad_posting_;                   // postings longer than this are broad
  std::vector<std::uint32_t> query_tokens_;     // every token a query word may be, once
  std::vector<std::uint32_t> query_syllables_;  // every syllable of the text, once
  std::vector<QueryUnit> units_;
  std::vector<StreamSyllable> stream_;
  SearchScratch& scratch_;
  std::vector<std::int32_t>& slot_of_entry_;
  std::vector<std::uint64_t>& surveyed_units_;
  std::vector<std::uint32_t> surveyed_;    // entries broad postings reached first
  std::vector<std::uint32_t> unpromoted_;  // of those, the ones left out
  std::vector<Candidate> candidates_;
  std::vector<ForCandidate<Hit>> raw_hits_;
  std::vector<ForCandidate<PairHit>> raw_pairs_;
  std::vector<Hit> hits_;
  std::vector<std::uint32_t> units_hit_;
  std::map<std::vector<std::uint32_t>, float> specificity_cache_;
  std::vector<std::uint32_t> matched_;   // scratch for score_window
  std::vector<float> unit_quality_;      // scratch for score_window
  std::vector<float> position_quality_;  // scratch for score_window
  ScratchRelease release_{*this};        // last: runs first, while the lists above still live
};

}  // namespace codriver::language
