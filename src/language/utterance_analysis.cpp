#include "language/utterance_analysis.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "language/utf8.h"

namespace codriver::language {
namespace {

constexpr double kSureNameScore = 0.85;
constexpr double kNameScore = 0.75;
constexpr int kNegationReach = 3;  // cues a "not" may look ahead over

bool inside(std::size_t begin, std::size_t end, std::size_t outer_begin, std::size_t outer_end) {
  return begin >= outer_begin && end <= outer_end;
}

bool overlaps(std::size_t begin, std::size_t end, std::size_t other_begin, std::size_t other_end) {
  return begin < other_end && other_begin < end;
}

bool is_negatable(Concept meaning) {
  switch (meaning) {
    case Concept::kCuisine:
    case Concept::kCheap:
    case Concept::kExpensive:
    case Concept::kUpscale:
    case Concept::kFar:
    case Concept::kOpenNow:
    case Concept::kCovered:
    case Concept::kParkingType:
    case Concept::kFree:
    case Concept::kFast:
    case Concept::kSocket:
    case Concept::kCategory:
    case Concept::kAlongRoute:
    case Concept::kPark:
    case Concept::kCharge:
      return true;
    default:
      return false;
  }
}

// Words a "not" may reach over on its way to what it negates: "don't want Italian",
// "不想吃川菜".
bool is_transparent(Concept meaning) {
  return meaning == Concept::kArticle || meaning == Concept::kFiller || meaning == Concept::kEat ||
         meaning == Concept::kFind || meaning == Concept::kGo;
}

void negate_coordinated(std::vector<PositionedCue>& cues, std::size_t from,
                        const std::string& folded);

void resolve_negation(std::vector<PositionedCue>& cues, const std::string& folded) {
  for (std::size_t i = 0; i < cues.size(); ++i) {
    const Concept meaning = cues[i].meaning;
    if (meaning != Concept::kNegation && meaning != Concept::kNo) continue;
    for (std::size_t j = i + 1, reached = 0; j < cues.size() && reached < kNegationReach;
         ++j, ++reached) {
      if (is_negatable(cues[j].meaning)) {
        cues[j].negated = true;
        negate_coordinated(cues, j, folded);
        break;
      }
      if (!is_transparent(cues[j].meaning)) break;
    }
  }
}

// "43.7384, 7.4246" or "43.7384 7.4246": two decimals that can be a latitude and a
// longitude.
std::optional<std::pair<double, double>> find_coordinates(std::string_view folded,
                                                          std::size_t& begin, std::size_t& end) {
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const bool starts = (std::isdigit(static_cast<unsigned char>(folded[i])) || folded[i] == '-') &&
                        (i == 0 || !std::isalnum(static_cast<unsigned char>(folded[i - 1])));
    if (!starts) continue;
    const std::string rest(folded.substr(i, 64));
    char* after_lat = nullptr;
    const double lat = std::strtod(rest.c_str(), &after_lat);
    const std::size_t lat_length = after_lat - rest.c_str();
    if (lat_length == 0 || rest.substr(0, lat_length).find('.') == std::string::npos) continue;
    std::size_t k = lat_length;
    while (k < rest.size() && (rest[k] == ' ' || rest[k] == ','))
      ++k;
    if (k == lat_length || k >= rest.size()) continue;
    char* after_lon = nullptr;
    const double lon = std::strtod(rest.c_str() + k, &after_lon);
    const std::size_t lon_length = after_lon - (rest.c_str() + k);
    if (lon_length == 0 || rest.substr(k, lon_length).find('.') == std::string::npos) continue;
    if (std::abs(lat) > 90 || std::abs(lon) > 180) continue;
    begin = i;
    end = i + k + lon_length;
    return std::make_pair(lat, lon);
  }
  return std::nullopt;
}

void mark(std::vector<bool>& explained, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end && i < explained.size(); ++i)
    explained[i] = true;
}

bool is_word_byte(char c) {
  return c != ' ';
}

std::vector<TextChunk> unexplained_chunks(const AlignedText& text,
                                          const std::vector<bool>& explained) {
  std::vector<TextChunk> chunks;
  const std::string& folded = text.folded;
  std::size_t i = 0;
  while (i < folded.size()) {
    if (explained[i] || !is_word_byte(folded[i]) || folded[i] == ',' || folded[i] == '.' ||
        folded[i] == '?' || folded[i] == '!') {
      ++i;
      continue;
    }
    std::size_t end = i;
    // A chunk runs over unexplained words and the single spaces between them.
    while (end < folded.size() && !explained[end] && folded[end] != ',' && folded[end] != '?' &&
           folded[end] != '!') {
      ++end;
    }
    std::string original = text.original_span(i, end);
    if (!original.empty()) chunks.push_back({i, end, std::move(original)});
    i = end;
  }
  return chunks;
}

double explained_share(const std::string& folded, const std::vector<bool>& explained) {
  std::size_t letters = 0, covered = 0;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == ' ' || c == ',' || c == '.' || c == '?' || c == '!' || c == '\'') continue;
    ++letters;
    if (explained[i]) ++covered;
  }
  return letters == 0 ? 0.0 : static_cast<double>(covered) / static_cast<double>(letters);
}

struct ScriptCounts {
  std::size_t han = 0, latin_words = 0;
};

ScriptCounts count_scripts(std::string_view text) {
  ScriptCounts counts;
  bool in_latin_word = false;
  for (char32_t c : decode_utf8(text)) {
    if (is_han(c)) ++counts.han;
    const bool latin = c >= 'a' && c <= 'z';
    if (latin && !in_latin_word) ++counts.latin_words;
    in_latin_word = latin;
  }
  return counts;
}

// The language of the sentence's frame, its cue words: "导航去 Monte Carlo Casino" is
// Chinese, "navigate to 蒙特卡洛赌场" English. Without cues, all the words count. A Chinese
// word is about 1.5 characters.
routing::Language language_of(const AlignedText& text, const std::vector<PositionedCue>& cues) {
  ScriptCounts counts;
  for (const auto& cue : cues) {
    const auto one =
        count_scripts(std::string_view(text.folded).substr(cue.begin, cue.end - cue.begin));
    counts.han += one.han;
    counts.latin_words += one.latin_words;
  }
  if (counts.han == 0 && counts.latin_words == 0) counts = count_scripts(text.folded);
  return counts.han > 0 && counts.han * 2 >= counts.latin_words * 3 ? routing::Language::kChinese
                                                                    : routing::Language::kEnglish;
}

// A "name" made only of words the parser already reads ("thai", "that", "sushi" as a
// part of "Planet Sushi") is those words, not a place.
void drop_names_that_are_cue_words(UtteranceAnalysis& analysis) {
  const std::string& folded = analysis.text.folded;
  std::vector<bool> covered(folded.size(), false);
  for (const auto& cue : analysis.cues)
    mark(covered, cue.begin, cue.end);
  for (const auto& quantity : analysis.quantities)
    mark(covered, quantity.begin, quantity.end);
  if (analysis.time) mark(covered, analysis.time->begin, analysis.time->end);
  for (const auto& number : find_numbers(folded))
    mark(covered, number.begin, number.end);
  std::erase_if(analysis.names, [&](const GazetteerMatch& name) {
    for (std::size_t i = name.begin; i < name.end && i < folded.size(); ++i) {
      if (folded[i] != ' ' && !covered[i]) return false;
    }
    return true;
  });
}

void negate_coordinated(std::vector<PositionedCue>& cues, std::size_t from,
                        const std::string& folded) {
  // "no burgers or pizza", "不要日料和韩餐": the "not" reaches across "or"/"and".
  for (std::size_t k = from + 1; k + 1 < cues.size(); k += 2) {
    const std::string joint = folded.substr(cues[k].begin, cues[k].end - cues[k].begin);
    const bool joins = joint == "or" || joint == "and" || joint == "nor" || joint == "和" ||
                       joint == "或" || joint == "跟";
    if (!joins || cues[k + 1].meaning != cues[from].meaning) return;
    cues[k + 1].negated = true;
  }
}

}  // namespace

bool UtteranceAnalysis::has(Concept meaning) const {
  return first(meaning) != nullptr;
}

bool UtteranceAnalysis::has_positive(Concept meaning) const {
  return std::any_of(cues.begin(), cues.end(), [&](const PositionedCue& cue) {
    return cue.meaning == meaning && !cue.negated;
  });
}

const PositionedCue* UtteranceAnalysis::first(Concept meaning) const {
  for (const auto& cue : cues) {
    if (cue.meaning == meaning) return &cue;
  }
  return nullptr;
}

std::vector<const PositionedCue*> UtteranceAnalysis::all(Concept meaning) const {
  std::vector<const PositionedCue*> found;
  for (const auto& cue : cues) {
    if (cue.meaning == meaning) found.push_back(&cue);
  }
  return found;
}

const GazetteerMatch* UtteranceAnalysis::best_name(double min_score) const {
  for (const auto& name : names) {
    if (name.score >= min_score) return &name;
  }
  return nullptr;
}

UtteranceAnalysis analyse_utterance(std::string_view raw, const CueLexicon& lexicon,
                                    const Gazetteer* gazetteer) {
  UtteranceAnalysis analysis;
  analysis.text = align_utterance(raw);
  const std::string& folded = analysis.text.folded;
  std::vector<bool> explained(folded.size(), false);

  for (auto& cue : lexicon.find(folded))
    analysis.cues.push_back({std::move(cue), false});
  if (gazetteer != nullptr) analysis.names = gazetteer->find_in(folded, 3, kNameScore);

  // A sure name owns its words: "Parking des Pêcheurs" is a place, not a parking search.
  std::erase_if(analysis.cues, [&](const PositionedCue& cue) {
    return std::any_of(analysis.names.begin(), analysis.names.end(), [&](const auto& name) {
      // A span much longer than the name it matched holds more than the name.
      const bool tight = name.end - name.begin <= name.name.size() + name.name.size() / 2 + 3;
      // A name that is only the cue word ("parking") is the word, not the name.
      const bool more_than_cue = name.end - name.begin > cue.end - cue.begin + 1;
      return name.score >= kSureNameScore && tight && more_than_cue &&
             inside(cue.begin, cue.end, name.begin, name.end);
    });
  });
  // A name that cuts through an action phrase is a coincidence of words, not a name.
  std::erase_if(analysis.names, [&](const GazetteerMatch& name) {
    return std::any_of(analysis.cues.begin(), analysis.cues.end(), [&](const auto& cue) {
      return cue.meaning != Concept::kArticle &&
             overlaps(cue.begin, cue.end, name.begin, name.end) &&
             !inside(cue.begin, cue.end, name.begin, name.end);
    });
  });

  analysis.quantities = find_quantities(folded);
  analysis.time = find_time(folded);
  analysis.ordinals = find_ordinals(folded);
  std::size_t coordinates_begin = 0, coordinates_end = 0;
  analysis.coordinates = find_coordinates(folded, coordinates_begin, coordinates_end);

  // Numbers own the words inside them ("no more than 2 km" is one bound, not a "no").
  std::erase_if(analysis.cues, [&](const PositionedCue& cue) {
    const bool in_quantity =
        std::any_of(analysis.quantities.begin(), analysis.quantities.end(),
                    [&](const Quantity& q) { return inside(cue.begin, cue.end, q.begin, q.end); });
    const bool in_time = analysis.time &&
                         inside(cue.begin, cue.end, analysis.time->begin, analysis.time->end) &&
                         (cue.meaning == Concept::kArticle || cue.meaning == Concept::kFiller ||
                          cue.meaning == Concept::kNegation || cue.meaning == Concept::kThat);
    const bool in_coordinates = inside(cue.begin, cue.end, coordinates_begin, coordinates_end) &&
                                coordinates_end > coordinates_begin;
    // "第二家" is an ordinal, not 家 (home).
    const bool in_ordinal = std::any_of(
        analysis.ordinals.begin(), analysis.ordinals.end(),
        [&](const OrdinalMatch& o) { return inside(cue.begin, cue.end, o.begin, o.end); });
    return in_quantity || in_time || in_coordinates || in_ordinal;
  });
  resolve_negation(analysis.cues, folded);
  drop_names_that_are_cue_words(analysis);

  for (const auto& cue : analysis.cues)
    mark(explained, cue.begin, cue.end);
  for (const auto& name : analysis.names)
    mark(explained, name.begin, name.end);
  for (const auto& quantity : analysis.quantities)
    mark(explained, quantity.begin, quantity.end);
  if (analysis.time) mark(explained, analysis.time->begin, analysis.time->end);
  for (const auto& ordinal : analysis.ordinals)
    mark(explained, ordinal.begin, ordinal.end);
  mark(explained, coordinates_begin, coordinates_end);
  // Digits alone ("2") explain themselves: the slot that wanted them says so.
  for (const auto& number : find_numbers(folded))
    mark(explained, number.begin, number.end);

  analysis.unexplained = unexplained_chunks(analysis.text, explained);
  analysis.coverage = explained_share(folded, explained);
  analysis.language = language_of(analysis.text, analysis.cues);
  return analysis;
}

}  // namespace codriver::language
