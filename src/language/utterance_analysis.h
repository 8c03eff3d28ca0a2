#pragma once

#include <optional>
#include <string>
#include <vector>

#include "language/aligned_text.h"
#include "language/cue_lexicon.h"
#include "language/gazetteer.h"
#include "language/numbers.h"
#include "language/quantities.h"
#include "language/time_expressions.h"
#include "routing/instructions.h"

// Everything the parser reads off one utterance before it decides anything: cues with
// their negation resolved, names from the map, quantities, times, ordinals, coordinates,
// and the words nothing explained.
namespace codriver::language {

struct PositionedCue : Cue {
  bool negated = false;
};

struct TextChunk {
  std::size_t begin = 0, end = 0;  // folded bytes
  std::string text;                // as the driver wrote it
};

struct UtteranceAnalysis {
  AlignedText text;
  routing::Language language = routing::Language::kEnglish;
  std::vector<PositionedCue> cues;
  std::vector<GazetteerMatch> names;  // best first
  std::vector<Quantity> quantities;
  std::optional<TimeExpression> time;
  std::vector<OrdinalMatch> ordinals;
  std::optional<std::pair<double, double>> coordinates;  // lat, lon
  std::vector<TextChunk> unexplained;  // runs of words no cue, name or number explains
  double coverage = 0;                 // share of the letters that something explained

  bool has(Concept meaning) const;
  bool has_positive(Concept meaning) const;  // present and not negated
  const PositionedCue* first(Concept meaning) const;
  std::vector<const PositionedCue*> all(Concept meaning) const;
  // The first name the gazetteer is sure of, if any.
  const GazetteerMatch* best_name(double min_score) const;
};

UtteranceAnalysis analyse_utterance(std::string_view raw, const CueLexicon& lexicon,
                                    const Gazetteer* gazetteer);

}  // namespace codriver::language
