#include "language/gazetteer_index.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "language/chinese_script.h"
#include "language/place_words.h"

namespace codriver::language {
namespace {

std::string canonical_syllable(std::string_view syllable) {
  // u-umlaut only follows l and n; folding it into u merges no other pair of syllables.
  if (syllable == "lv") return "lu";
  if (syllable == "nv") return "nu";
  if (syllable == "lve") return "lue";
  if (syllable == "nve") return "nue";
  return std::string(syllable);
}

float share_weight(std::size_t count, std::size_t total) {
  if (total <= 1 || count == 0) return 1.0f;
  const double weight = 1.0 - std::log(static_cast<double>(count)) / std::log(total);
  return static_cast<float>(std::clamp(weight, 0.0, 1.0));
}

}  // namespace

bool is_stop_word(std::string_view word) {
  static constexpr std::array<std::string_view, 40> kStopWords = {
      "a",   "an",  "and",   "at",  "au",  "aux", "d",   "da", "das", "de",
      "dei", "del", "della", "der", "des", "di",  "die", "du", "el",  "et",
      "il",  "in",  "l",     "la",  "las", "le",  "les", "lo", "los", "of",
      "on",  "s",   "the",   "to",  "und", "van", "von", "y",  "zu",  "e"};
  return std::find(kStopWords.begin(), kStopWords.end(), word) != kStopWords.end();
}

std::string canonical_word(std::string word) {
  if (word == "st" || word == "ste" || word == "sainte") return "saint";
  return word;
}

std::string comparison_syllable(const NameUnit& han) {
  const std::string_view syllable = pinyin_of(han.han);
  return syllable.empty() ? han.text : canonical_syllable(syllable);
}

std::vector<std::string> typed_syllables(std::string_view word) {
  std::vector<std::string> syllables = split_pinyin(word);
  for (std::string& syllable : syllables)
    syllable = canonical_syllable(syllable);
  return syllables;
}

std::string name_key(const std::vector<NameUnit>& units, const std::vector<bool>& stop) {
  std::vector<NameUnit> kept;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (!stop[i]) kept.push_back(units[i]);
  }
  return join_name_units(kept);
}

std::uint32_t Gazetteer::Index::token_id(std::string_view text) const {
  const auto found = token_ids.find(std::string(text));
  return found == token_ids.end() ? kNoId : found->second;
}

std::uint32_t Gazetteer::Index::syllable_id(std::string_view syllable) const {
  const auto found = syllable_ids.find(std::string(syllable));
  return found == syllable_ids.end() ? kNoId : found->second;
}

float Gazetteer::Index::specificity(std::size_t entity_count) const {
  const float share = share_weight(entity_count, entities.size());
  return share * share;
}

std::uint32_t Gazetteer::Index::intern_entity(std::int64_t id, std::string_view kind) {
  const auto [found, added] =
      entity_ids.emplace(std::make_pair(id, std::string(kind)), entities.size());
  if (added) {
    entities.push_back({id, std::string(kind)});
    log_entity_total = static_cast<float>(std::log(entities.size()));
  }
  return found->second;
}

std::uint32_t Gazetteer::Index::intern_token(const std::string& text, std::uint32_t entity) {
  const auto [found, added] = token_ids.emplace(text, tokens.size());
  if (added) {
    tokens.emplace_back();
    typos.add(found->second, text);
  }
  Token& token = tokens[found->second];
  if (token_entity_pairs.insert((std::uint64_t{found->second} << 32) | entity).second) {
    ++token.entity_count;
    token.log_entity_count = static_cast<float>(std::log(token.entity_count));
  }
  return found->second;
}

std::uint32_t Gazetteer::Index::intern_syllable(const std::string& syllable) {
  return syllable_ids.emplace(syllable, syllable_ids.size()).first->second;
}

void Gazetteer::Index::add(std::int64_t id, std::string_view name, std::string_view kind) {
  std::vector<NameUnit> units = split_name_units(name, HanForm::kSimplified);
  if (units.empty()) return;
  std::vector<bool> stop(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].kind == NameUnit::Kind::kWord) {
      units[i].text = canonical_word(std::move(units[i].text));
      stop[i] = is_stop_word(units[i].text);
    }
  }
  // A name made only of stop words ("The The") is matched on all of them.
  if (std::all_of(stop.begin(), stop.end(), [](bool s) { return s; }))
    stop.assign(stop.size(), false);

  const std::vector<bool> generic = generic_units(units);
  const std::uint32_t entity = intern_entity(id, kind);
  const auto entry_index = static_cast<std::uint32_t>(entries.size());
  Entry entry{entity, std::string(name), name_key(units, stop), {}, 0};
  for (std::size_t i = 0; i < units.size(); ++i) {
    const bool han = units[i].kind == NameUnit::Kind::kHan;
    const std::uint32_t token = intern_token(units[i].text, entity);
    const std::uint32_t syllable = han ? intern_syllable(comparison_syllable(units[i])) : kNoId;
    entry.units.push_back({token, syllable, han, !stop[i], generic[i]});
    if (han) ++entry.han_units;
    if (!han && (tokens[token].entries.empty() || tokens[token].entries.back() != entry_index)) {
      tokens[token].entries.push_back(entry_index);
    }
  }
  for (std::size_t i = 0; i + 1 < entry.units.size(); ++i) {
    if (entry.units[i].han && entry.units[i + 1].han) {
      syllable_pairs[syllable_pair_key(entry.units[i].syllable, entry.units[i + 1].syllable)]
          .push_back({entry_index, static_cast<std::uint32_t>(i)});
    }
  }
  entries_by_key[entry.key].push_back(entry_index);
  entries.push_back(std::move(entry));
}

}  // namespace codriver::language
