#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "language/cue_lexicon.h"
#include "language/gazetteer.h"
#include "routing/instructions.h"

// The embedded understanding: one utterance, Mandarin or English or both, to an intent
// and the arguments of the tool that serves it, with a confidence. It reads meanings
// (cues), names from the map, numbers, times and references, then decides by rules over
// meanings — so paraphrases and word order do not matter — and asks back when unsure.
namespace codriver::language {

// What the conversation so far means for reading the next utterance.
struct ParserContext {
  bool awaiting_confirmation = false;  // the agent asked "Start navigation to X?"
  bool has_results = false;            // a list was shown: "the second one" means something
  std::string last_search_intent;      // "find_restaurants" after a restaurant search
  std::string awaiting_target_for;     // "add_stop" after "Add a stop" got "where?"
};

struct ParseResult {
  routing::Language language = routing::Language::kEnglish;
  // A tool name, or one of: select, confirm, deny, clarify, unknown, greeting, thanks, help.
  std::string intent = "unknown";
  // The tool's arguments as the driver expressed them. A reference to the last results
  // is {"ref": {"ordinal": 2}} / {"ref": {"that": true}} / {"ref": {"compare": "closer"}}
  // / {"ref": {"cuisine": "italian"}}; the agent resolves it.
  nlohmann::json arguments = nlohmann::json::object();
  // Only constraints were said ("what about Japanese?"): the agent merges them into the
  // last search of this intent.
  bool refinement = false;
  double confidence = 0;
  std::string question_en, question_zh;  // for "clarify": what to ask
  std::string clarifies;                 // for "clarify": the intent that lacks its target
  std::string unexplained;               // words nothing accounted for
};

nlohmann::json to_json(const ParseResult& result);

class IntentParser {
 public:
  // The gazetteer may be null (no map) and must outlive the parser.
  IntentParser(CueLexicon lexicon, const Gazetteer* gazetteer);

  ParseResult parse(std::string_view utterance, const ParserContext& context = {}) const;

  // Below this, the parser asks instead of acting.
  static constexpr double kConfidenceThreshold = 0.45;

 private:
  CueLexicon lexicon_;
  const Gazetteer* gazetteer_;
};

}  // namespace codriver::language
