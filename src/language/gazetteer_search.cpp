// Reading a query and collecting the names it reaches: word postings (typos included), runs
// of shared syllables, and the pruning that keeps generic words from reaching the whole map.
#include "language/gazetteer_search.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "language/place_words.h"

namespace codriver::language {
namespace gazetteer_search {
namespace {

// How much one matched unit is worth, by how it matched.
constexpr float kTypoQuality[] = {1.0f, 0.85f, 0.75f};  // by typo count
constexpr float kHomophoneQuality = 0.85f;              // 蒙特卡罗 for 蒙特卡洛
constexpr float kTypedPinyinQuality = 0.95f;            // "taibei" for 台北

constexpr std::size_t kMaxPhraseUnits = 64;
constexpr std::size_t kMaxSentenceUnits = 1024;
constexpr std::size_t kShortestSentenceRun = 3;

// Groups items by candidate, keeping their order; offsets[c]..offsets[c + 1] is candidate c's.
template <typename Item>
std::vector<Item> group_by_candidate(const std::vector<ForCandidate<Item>>& items,
                                     std::size_t candidates, std::vector<std::uint32_t>& offsets) {
  offsets.assign(candidates + 1, 0);
  for (const auto& item : items)
    ++offsets[item.candidate + 1];
  for (std::size_t c = 0; c < candidates; ++c)
    offsets[c + 1] += offsets[c];
  std::vector<std::uint32_t> cursor(offsets.begin(), offsets.end() - 1);
  std::vector<Item> grouped(items.size());
  for (const auto& item : items)
    grouped[cursor[item.candidate]++] = item.item;
  return grouped;
}

SearchScratch& scratch_of_this_thread() {
  thread_local SearchScratch scratch;
  return scratch;
}

}  // namespace

void SearchScratch::fit(std::size_t entries, std::size_t entities, std::size_t tokens,
                        std::size_t syllables) {
  if (slot_of_entry.size() < entries) slot_of_entry.resize(entries, -1);
  if (surveyed_units.size() < entries) surveyed_units.resize(entries, 0);
  if (entity_stamps.size() < entities) entity_stamps.resize(entities, 0);
  if (query_token.size() < tokens) query_token.resize(tokens, 0);
  if (query_syllable.size() < syllables) query_syllable.resize(syllables, 0);
}

}  // namespace gazetteer_search

using namespace gazetteer_search;

Gazetteer::Index::Search::Search(const Index& index, std::string_view text, SearchMode mode,
                                 double min_score)
    : index_(index),
      mode_(mode),
      text_(text),
      broad_posting_(index.entries.size()),
      scratch_(scratch_of_this_thread()),
      slot_of_entry_(scratch_.slot_of_entry),
      surveyed_units_(scratch_.surveyed_units) {
  scratch_.fit(index.entries.size(), index.entities.size(), index.tokens.size(),
               index.syllable_ids.size());
  read_query();
  set_broad_posting(min_score);
  collect_exact_key();
  collect_hits(Pass::kNarrow);
  collect_hits(Pass::kSurvey);
  promote_surveyed(min_score);
  collect_hits(Pass::kBroad);
  settle_runs();
  settle_hits();
}

void Gazetteer::Index::Search::read_query() {
  std::vector<NameUnit> units = split_name_units(text_, HanForm::kSimplified);
  const std::size_t most = mode_ == SearchMode::kWholePhrase ? kMaxPhraseUnits : kMaxSentenceUnits;
  if (units.size() > most) units.resize(most);
  const std::vector<bool> generic = generic_units(units);
  for (std::size_t i = 0; i < units.size(); ++i) {
    QueryUnit query;
    query.source = std::move(units[i]);
    query.generic = generic[i];
    if (query.source.kind == NameUnit::Kind::kWord) {
      read_word(query);
    } else {
      read_han(query);
    }
    if (query.generic) query.weight = std::min(query.weight, kGenericWeight);
    units_.push_back(std::move(query));
  }
  // A phrase of stop words only ("Le") is looked up as it is.
  if (mode_ == SearchMode::kWholePhrase &&
      std::all_of(units_.begin(), units_.end(), [](const QueryUnit& u) { return u.stop; })) {
    for (QueryUnit& unit : units_)
      unit.stop = false;
  }
}

void Gazetteer::Index::Search::read_word(QueryUnit& query) {
  query.source.text = canonical_word(std::move(query.source.text));
  query.stop = is_stop_word(query.source.text);
  const std::uint32_t exact = index_.token_id(query.source.text);
  if (exact != kNoId) query.words.emplace_back(exact, 1.0f);
  for (const TypoIndex::Match& typo : index_.typos.find(query.source.text)) {
    query.words.emplace_back(typo.word_id, kTypoQuality[typo.distance]);
  }
  for (const auto& word : query.words)
    note_query_token(word.first);
  if (!query.words.empty()) {
    query.weight = 0;
    for (const auto& [token, quality] : query.words) {
      query.weight = std::max(query.weight, index_.token_weight(token));
    }
  }
  query.stream_begin = static_cast<std::uint32_t>(stream_.size());
  const auto unit = static_cast<std::uint32_t>(units_.size());
  const std::vector<std::string> syllables = typed_syllables(query.source.text);
  for (const std::string& syllable : syllables) {
    stream_.push_back({index_.syllable_id(syllable), unit, true});
    note_query_syllable(stream_.back().syllable);
  }
  if (syllables.empty()) stream_.push_back({kNoId, unit, false});
  query.stream_end = static_cast<std::uint32_t>(stream_.size());
}

void Gazetteer::Index::Search::read_han(QueryUnit& query) {
  query.han_token = index_.token_id(query.source.text);
  if (query.han_token != kNoId) query.weight = index_.token_weight(query.han_token);
  query.stream_begin = static_cast<std::uint32_t>(stream_.size());
  stream_.push_back({index_.syllable_id(comparison_syllable(query.source)),
                     static_cast<std::uint32_t>(units_.size()), false});
  note_query_syllable(stream_.back().syllable);
  query.stream_end = query.stream_begin + 1;
}

void Gazetteer::Index::Search::note_query_token(std::uint32_t token) {
  if (scratch_.query_token[token]) return;
  scratch_.query_token[token] = 1;
  query_tokens_.push_back(token);
}

void Gazetteer::Index::Search::note_query_syllable(std::uint32_t syllable) {
  if (syllable == kNoId || scratch_.query_syllable[syllable]) return;
  scratch_.query_syllable[syllable] = 1;
  query_syllables_.push_back(syllable);
}

std::uint32_t Gazetteer::Index::Search::candidate_for(std::uint32_t entry) {
  std::int32_t& slot = slot_of_entry_[entry];
  if (slot < 0) {
    slot = static_cast<std::int32_t>(candidates_.size());
    candidates_.emplace_back().entry = entry;
  }
  return static_cast<std::uint32_t>(slot);
}

// Names equal to the whole phrase after folding, whatever else matches them.
void Gazetteer::Index::Search::collect_exact_key() {
  if (mode_ != SearchMode::kWholePhrase || units_.empty()) return;
  std::vector<NameUnit> sources;
  std::vector<bool> stop;
  for (const QueryUnit& unit : units_) {
    sources.push_back(unit.source);
    stop.push_back(unit.stop);
  }
  const auto found = index_.entries_by_key.find(name_key(sources, stop));
  if (found == index_.entries_by_key.end()) return;
  for (std::uint32_t entry : found->second)
    candidates_[candidate_for(entry)].exact_key = true;
}

void Gazetteer::Index::Search::collect_hits(Pass pass) {
  collect_word_hits(pass);
  collect_syllable_hits(pass);
}

bool Gazetteer::Index::Search::takes(Pass pass, std::size_t posting_size) const {
  return (posting_size > broad_posting_) == (pass != Pass::kNarrow);
}

// The candidate the pass adds hits to, or kNoId.
std::uint32_t Gazetteer::Index::Search::reached(Pass pass, std::uint32_t entry,
                                                std::uint64_t units) {
  if (pass == Pass::kNarrow) return candidate_for(entry);
  const std::int32_t slot = slot_of_entry_[entry];
  if (slot >= 0) return pass == Pass::kBroad ? static_cast<std::uint32_t>(slot) : kNoId;
  if (pass == Pass::kSurvey) {
    if (surveyed_units_[entry] == 0) surveyed_.push_back(entry);
    surveyed_units_[entry] |= units;
  }
  return kNoId;
}

void Gazetteer::Index::Search::collect_word_hits(Pass pass) {
  for (std::uint32_t u = 0; u < units_.size(); ++u) {
    if (units_[u].stop) continue;
    for (const auto& [token, quality] : units_[u].words) {
      const auto& entries = index_.tokens[token].entries;
      if (!takes(pass, entries.size())) continue;
      for (std::uint32_t entry : entries) {
        const std::uint32_t candidate = reached(pass, entry, unit_bit(u));
        if (candidate != kNoId) add_word_hits(candidate, entry, token, u, quality);
      }
    }
  }
}

void Gazetteer::Index::Search::add_word_hits(std::uint32_t candidate, std::uint32_t entry,
                                             std::uint32_t token, std::uint32_t unit,
                                             float quality) {
  const auto& entry_units = index_.entries[entry].units;
  for (std::uint32_t p = 0; p < entry_units.size(); ++p) {
    if (!entry_units[p].han && entry_units[p].token == token) {
      raw_hits_.push_back({candidate, {p, unit, quality}});
    }
  }
}

void Gazetteer::Index::Search::collect_syllable_hits(Pass pass) {
  for (std::uint32_t i = 0; i + 1 < stream_.size(); ++i) {
    if (stream_[i].syllable == kNoId || stream_[i + 1].syllable == kNoId) continue;
    const auto found =
        index_.syllable_pairs.find(syllable_pair_key(stream_[i].syllable, stream_[i + 1].syllable));
    if (found == index_.syllable_pairs.end() || !takes(pass, found->second.size())) continue;
    const std::uint64_t units = unit_bit(stream_[i].unit) | unit_bit(stream_[i + 1].unit);
    for (const auto& posting : found->second) {
      const std::uint32_t candidate = reached(pass, posting.entry, units);
      if (candidate != kNoId) raw_pairs_.push_back({candidate, {posting.position, i}});
    }
  }
}

// A broad posting is longer than the number of things a single matched unit may share and
// still reach min_score through specificity, even with the rest of the name matched.
void Gazetteer::Index::Search::set_broad_posting(double min_score) {
  const double needed_spread = (min_score - kBase) / kSpan;
  const double needed_specificity = (needed_spread - (1 - kSpecific)) / kSpecific;
  if (needed_specificity <= 0 || index_.entities.size() <= 1) return;  // nothing is broad
  const double share = std::sqrt(std::min(1.0, needed_specificity));
  broad_posting_ =
      static_cast<std::size_t>(std::pow(static_cast<double>(index_.entities.size()), 1.0 - share));
}

// Makes candidates of the surveyed names whose score could still reach min_score, bounded
// by the share of the name the text could cover at most and by how few surveyed names
// share their matched units (no more than really do, so the bound stays an upper one).
void Gazetteer::Index::Search::promote_surveyed(double min_score) {
  std::unordered_map<std::uint64_t, float> specificity_of_units;
  std::uint64_t last_units = 0;
  float specificity = 0;
  for (std::uint32_t entry : surveyed_) {
    const std::uint64_t units = surveyed_units_[entry];
    if (units != last_units) {  // neighbours in a posting mostly share their units
      auto [found, added] = specificity_of_units.emplace(units, 0.0f);
      if (added) found->second = surveyed_specificity(units);
      specificity = found->second;
      last_units = units;
    }
    const float linear = kSpecific * specificity + (1 - kSpecific);
    if (kBase + kSpan * linear >= min_score) {
      candidate_for(entry);
      continue;
    }
    const float e = most_coverage(entry);
    const float spread = std::max(e * e, kSpecific * specificity + (1 - kSpecific) * e);
    if (kBase + kSpan * spread >= min_score) {
      candidate_for(entry);
    } else {
      unpromoted_.push_back(entry);
    }
  }
}

float Gazetteer::Index::Search::surveyed_specificity(std::uint64_t units) {
  const float specificity = index_.specificity(surveyed_entities_with(units));
  // Unit bits are exact for the first 64 units; past them the cap is left out (a higher
  // bound is still a bound).
  bool generic = units_.size() <= 64;
  for (std::uint32_t u = 0; generic && u < units_.size(); ++u) {
    if ((units & unit_bit(u)) && !units_[u].generic) generic = false;
  }
  return generic ? std::min(specificity, kGenericSpecificity) : specificity;
}

std::size_t Gazetteer::Index::Search::surveyed_entities_with(std::uint64_t units) {
  begin_entity_count();
  std::size_t count = 0;
  for (std::uint32_t entry : surveyed_) {
    if ((surveyed_units_[entry] & units) == units) count += count_entity(entry);
  }
  return count;
}

// The share of a name the text could cover: its words among the text's words (typos
// included) and its Han characters among the text's syllables.
float Gazetteer::Index::Search::most_coverage(std::uint32_t entry) const {
  float covered = 0, total = 0;
  for (const Unit& unit : index_.entries[entry].units) {
    if (!unit.counted) continue;
    const float weight = index_.unit_weight(unit.token, unit.generic);
    total += weight;
    const bool possible =
        unit.han ? scratch_.query_syllable[unit.syllable] : scratch_.query_token[unit.token];
    if (possible) covered += weight;
  }
  return total > 0 ? covered / total : 0.0f;
}

// Pair hits on one diagonal with consecutive positions are one common run of syllables.
void Gazetteer::Index::Search::settle_runs() {
  std::vector<std::uint32_t> offsets;
  std::vector<PairHit> pairs = group_by_candidate(raw_pairs_, candidates_.size(), offsets);
  const auto diagonal = [](const PairHit& p) {
    return static_cast<std::int64_t>(p.entry_position) - p.stream_index;
  };
  const auto by_diagonal = [&](const PairHit& a, const PairHit& b) {
    return std::make_pair(diagonal(a), a.stream_index) <
           std::make_pair(diagonal(b), b.stream_index);
  };
  for (std::uint32_t c = 0; c < candidates_.size(); ++c) {
    const auto first = pairs.begin() + offsets[c], last = pairs.begin() + offsets[c + 1];
    std::sort(first, last, by_diagonal);
    for (auto start = first; start != last;) {
      auto end = start + 1;
      while (end != last && diagonal(*end) == diagonal(*start) &&
             end->stream_index == (end - 1)->stream_index + 1) {
        ++end;
      }
      add_run_hits(c, start->stream_index, start->entry_position,
                   static_cast<std::uint32_t>(end - start + 1));
      start = end;
    }
  }
}

void Gazetteer::Index::Search::settle_hits() {
  std::vector<std::uint32_t> offsets;
  hits_ = group_by_candidate(raw_hits_, candidates_.size(), offsets);
  for (std::uint32_t c = 0; c < candidates_.size(); ++c) {
    Candidate& candidate = candidates_[c];
    candidate.hits_begin = offsets[c];
    candidate.hits_end = offsets[c + 1];
    candidate.units_begin = static_cast<std::uint32_t>(units_hit_.size());
    for (std::uint32_t h = candidate.hits_begin; h < candidate.hits_end; ++h) {
      units_hit_.push_back(hits_[h].unit);
      candidate.unit_mask |= unit_bit(hits_[h].unit);
    }
    std::sort(units_hit_.begin() + candidate.units_begin, units_hit_.end());
    units_hit_.erase(std::unique(units_hit_.begin() + candidate.units_begin, units_hit_.end()),
                     units_hit_.end());
    candidate.units_end = static_cast<std::uint32_t>(units_hit_.size());
  }
}

void Gazetteer::Index::Search::add_run_hits(std::uint32_t candidate, std::uint32_t stream_start,
                                            std::uint32_t entry_start, std::uint32_t length) {
  const Entry& entry = index_.entries[candidates_[candidate].entry];
  std::uint32_t same_characters = 0;
  for (std::uint32_t k = 0; k < length; ++k) {
    const StreamSyllable& item = stream_[stream_start + k];
    if (!item.typed && units_[item.unit].han_token == entry.units[entry_start + k].token) {
      ++same_characters;
    }
  }
  // Inside a sentence two syllables are too easily met by chance unless they are the very
  // characters, or the whole Chinese name.
  if (mode_ == SearchMode::kInSentence && length < kShortestSentenceRun &&
      length != entry.han_units && same_characters < length) {
    return;
  }
  for (std::uint32_t k = 0; k < length; ++k) {
    const StreamSyllable& item = stream_[stream_start + k];
    const std::uint32_t position = entry_start + k;
    if (!item.typed) {
      const bool same = units_[item.unit].han_token == entry.units[position].token;
      raw_hits_.push_back({candidate, {position, item.unit, same ? 1.0f : kHomophoneQuality}});
      continue;
    }
    const QueryUnit& word = units_[item.unit];  // typed pinyin counts only as whole words
    if (word.stream_begin >= stream_start && word.stream_end <= stream_start + length) {
      raw_hits_.push_back({candidate, {position, item.unit, kTypedPinyinQuality}});
    }
  }
}

// Leaves the scratch as found: only what this search touched needs clearing.
void Gazetteer::Index::Search::release_scratch() {
  for (const Candidate& candidate : candidates_)
    slot_of_entry_[candidate.entry] = -1;
  for (std::uint32_t entry : surveyed_)
    surveyed_units_[entry] = 0;
  for (std::uint32_t token : query_tokens_)
    scratch_.query_token[token] = 0;
  for (std::uint32_t syllable : query_syllables_)
    scratch_.query_syllable[syllable] = 0;
}

}  // namespace codriver::language
