// How well each collected name matches: the share of the text and of the name it covers,
// how few things share the matched part, and which matches win inside a sentence.
#include <algorithm>

#include "language/gazetteer_search.h"

namespace codriver::language {
namespace {

using gazetteer_search::Scored;

constexpr std::size_t kMaxStopWordGap = 3;  // "casino [de la] monte carlo"

bool better(const Scored& a, const Scored& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.name_coverage != b.name_coverage) return a.name_coverage > b.name_coverage;
  return a.entry < b.entry;
}

// Inside a sentence a name that explains more of it wins over a shorter one it contains:
// "monte carlo casino" is the casino, not the district Monte-Carlo.
bool more_evidence(const Scored& a, const Scored& b) {
  if (a.evidence != b.evidence) return a.evidence > b.evidence;
  return better(a, b);
}

}  // namespace

using namespace gazetteer_search;

std::vector<GazetteerMatch> Gazetteer::Index::Search::results(int limit, double min_score) {
  std::vector<Scored> best_per_entity = best_entry_per_entity(min_score);
  const bool in_sentence = mode_ == SearchMode::kInSentence;
  std::sort(best_per_entity.begin(), best_per_entity.end(), in_sentence ? more_evidence : better);
  std::vector<GazetteerMatch> matches;
  for (const Scored& scored : best_per_entity) {
    if (static_cast<int>(matches.size()) >= limit) break;
    GazetteerMatch match = to_match(scored);
    if (in_sentence && overlaps_any(match, matches)) continue;
    matches.push_back(std::move(match));
  }
  std::stable_sort(
      matches.begin(), matches.end(),
      [](const GazetteerMatch& a, const GazetteerMatch& b) { return a.score > b.score; });
  return matches;
}

std::vector<Scored> Gazetteer::Index::Search::best_entry_per_entity(double min_score) {
  std::map<std::uint32_t, Scored> best;
  for (const Candidate& candidate : candidates_) {
    const Scored scored = best_window(candidate, min_score);
    if (scored.score < min_score || scored.score <= 0) continue;
    const std::uint32_t entity = index_.entries[scored.entry].entity;
    const auto [found, added] = best.emplace(entity, scored);
    if (!added && better(scored, found->second)) found->second = scored;
  }
  std::vector<Scored> out;
  for (const auto& [entity, scored] : best)
    out.push_back(scored);
  return out;
}

Scored Gazetteer::Index::Search::best_window(const Candidate& candidate, double min_score) {
  Scored best{candidate.entry, 0, 0, 0, 0};
  if (candidate.exact_key) {
    best = {candidate.entry, 1.0f, 1.0f, 0, static_cast<std::uint32_t>(units_.size() - 1)};
    if (candidate.units_end > candidate.units_begin) {
      best.first_unit = units_hit_[candidate.units_begin];
      best.last_unit = units_hit_[candidate.units_end - 1];
    }
    return best;
  }
  if (candidate.units_end == candidate.units_begin) return best;
  if (mode_ == SearchMode::kWholePhrase) {
    return score_window(candidate, 0, static_cast<std::uint32_t>(units_.size() - 1), min_score);
  }
  // In a sentence the name is one cluster of matched units, joined at most by stop words.
  const std::uint32_t* units = units_hit_.data() + candidate.units_begin;
  const std::size_t count = candidate.units_end - candidate.units_begin;
  for (std::size_t start = 0; start < count;) {
    std::size_t end = start + 1;
    while (end < count && only_stop_words_between(units[end - 1], units[end]))
      ++end;
    const Scored scored = score_window(candidate, units[start], units[end - 1], min_score);
    if (better(scored, best)) best = scored;
    start = end;
  }
  return best;
}

bool Gazetteer::Index::Search::only_stop_words_between(std::uint32_t a, std::uint32_t b) const {
  if (b - a - 1 > kMaxStopWordGap) return false;
  for (std::uint32_t u = a + 1; u < b; ++u) {
    if (!units_[u].stop) return false;
  }
  return true;
}

Scored Gazetteer::Index::Search::score_window(const Candidate& candidate, std::uint32_t first,
                                              std::uint32_t last, double min_score) {
  const Entry& entry = index_.entries[candidate.entry];
  Scored scored{candidate.entry, 0, 0, first, last};
  unit_quality_.assign(last - first + 1, 0.0f);
  position_quality_.assign(entry.units.size(), 0.0f);
  for (std::uint32_t h = candidate.hits_begin; h < candidate.hits_end; ++h) {
    const Hit& hit = hits_[h];
    if (hit.unit < first || hit.unit > last) continue;
    unit_quality_[hit.unit - first] = std::max(unit_quality_[hit.unit - first], hit.quality);
    position_quality_[hit.entry_position] =
        std::max(position_quality_[hit.entry_position], hit.quality);
  }
  float query_weight = 0;
  const float query_coverage = coverage_of_query(first, query_weight);
  scored.name_coverage = coverage_of_name(entry);
  const float e = scored.name_coverage;
  const auto score_with = [&](float specificity) {
    const float spread = std::max(e * e, kSpecific * specificity + (1 - kSpecific) * e);
    return query_coverage * (kBase + kSpan * spread);
  };
  if (score_with(1.0f) < min_score) return scored;  // not worth counting who else matches
  matched_.clear();
  for (std::uint32_t u = first; u <= last; ++u) {
    if (unit_quality_[u - first] > 0) matched_.push_back(u);
  }
  scored.score = std::min(kBestInexact, score_with(specificity_of(matched_)));
  if (query_coverage >= 1.0f && scored.name_coverage >= 1.0f && same_key(entry, first, last)) {
    scored.score = 1.0f;
  }
  if (mode_ == SearchMode::kInSentence && all_generic(matched_)) {
    scored.score = std::min(scored.score, kGenericOnlyInSentence);
  }
  scored.evidence = scored.score * query_coverage * query_weight;
  return scored;
}

float Gazetteer::Index::Search::coverage_of_query(std::uint32_t first, float& total) const {
  float covered = 0;
  total = 0;
  for (std::size_t k = 0; k < unit_quality_.size(); ++k) {
    const QueryUnit& unit = units_[first + k];
    if (unit.stop) continue;
    covered += unit.weight * unit_quality_[k];
    total += unit.weight;
  }
  return total > 0 ? covered / total : 0.0f;
}

float Gazetteer::Index::Search::coverage_of_name(const Entry& entry) const {
  float covered = 0, total = 0;
  for (std::size_t p = 0; p < entry.units.size(); ++p) {
    if (!entry.units[p].counted) continue;
    const float weight = index_.unit_weight(entry.units[p].token, entry.units[p].generic);
    covered += weight * position_quality_[p];
    total += weight;
  }
  return total > 0 ? covered / total : 0.0f;
}

bool Gazetteer::Index::Search::same_key(const Entry& entry, std::uint32_t first,
                                        std::uint32_t last) const {
  std::vector<NameUnit> sources;
  std::vector<bool> stop;
  for (std::uint32_t u = first; u <= last; ++u) {
    sources.push_back(units_[u].source);
    stop.push_back(units_[u].stop);
  }
  return name_key(sources, stop) == entry.key;
}

// How few things match everything this part of the query matched.
float Gazetteer::Index::Search::specificity_of(const std::vector<std::uint32_t>& matched) {
  const auto cached = specificity_cache_.find(matched);
  if (cached != specificity_cache_.end()) return cached->second;
  std::uint64_t mask = 0;
  for (std::uint32_t unit : matched)
    mask |= unit_bit(unit);
  begin_entity_count();
  std::size_t entities = 0;
  for (const Candidate& candidate : candidates_) {
    if ((candidate.unit_mask & mask) != mask) continue;
    if (std::includes(units_hit_.begin() + candidate.units_begin,
                      units_hit_.begin() + candidate.units_end, matched.begin(), matched.end())) {
      entities += count_entity(candidate.entry);
    }
  }
  // Names only broad postings reached still share the match, candidates or not.
  for (std::uint32_t entry : unpromoted_) {
    if ((surveyed_units_[entry] & mask) == mask) entities += count_entity(entry);
  }
  float specificity = index_.specificity(entities);
  if (all_generic(matched)) specificity = std::min(specificity, kGenericSpecificity);
  specificity_cache_.emplace(matched, specificity);
  return specificity;
}

bool Gazetteer::Index::Search::all_generic(const std::vector<std::uint32_t>& matched) const {
  return std::all_of(matched.begin(), matched.end(),
                     [&](std::uint32_t unit) { return units_[unit].generic; });
}

GazetteerMatch Gazetteer::Index::Search::to_match(const Scored& scored) const {
  const Entry& entry = index_.entries[scored.entry];
  const Entity& entity = index_.entities[entry.entity];
  GazetteerMatch match{entity.id, entry.name, entity.kind, scored.score};
  if (!units_.empty()) {
    match.begin = units_[scored.first_unit].source.begin;
    match.end = units_[scored.last_unit].source.end;
  }
  return match;
}

bool Gazetteer::Index::Search::overlaps_any(const GazetteerMatch& match,
                                            const std::vector<GazetteerMatch>& kept) {
  return std::any_of(kept.begin(), kept.end(), [&](const GazetteerMatch& other) {
    return match.begin < other.end && other.begin < match.end;
  });
}

std::vector<GazetteerMatch> Gazetteer::Index::search(std::string_view text, SearchMode mode,
                                                     int limit, double min_score) const {
  if (limit <= 0 || entries.empty()) return {};
  return Search(*this, text, mode, min_score).results(limit, min_score);
}

}  // namespace codriver::language
