#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "agent/agent.h"

// The agent's evaluation corpus (tests/agent/corpus/*.json) and the runner that scores the
// agent on it: intent accuracy, exact tool-call match and dialogue success, by language and
// by intent, with every failure listed. Shared by the regression test and bench/agent_eval.
namespace codriver::agent::eval {

class CorpusError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ExpectedCall {
  std::string name;
  nlohmann::json arguments = nlohmann::json::object();
  std::optional<std::string> status;  // checked only when the corpus gives it
};

struct ExpectedTurn {
  std::string say;
  std::string intent;
  std::optional<std::string> lang;  // "en" | "zh", checked only when given
  std::vector<ExpectedCall> tool_calls;
};

struct CorpusDialogue {
  std::string file;  // the corpus file it came from, for failure reports
  std::string id;
  CarState car;  // central Monaco, parked, 80% charge unless the corpus says otherwise
  std::vector<ExpectedTurn> turns;
};

struct Corpus {
  std::vector<CorpusDialogue> dialogues;
};

// Where the default car waits: parked in central Monaco.
inline constexpr double kDefaultCarLat = 43.7384, kDefaultCarLon = 7.4246;

// Every *.json file of `directory`, in name order. Throws CorpusError naming the file and
// the dialogue for unreadable JSON, a missing field or a value of the wrong type.
Corpus load_corpus(const std::filesystem::path& directory);
// One corpus document ({"map", "dialogues": [...]}); `file` labels its dialogues.
std::vector<CorpusDialogue> parse_corpus_document(const nlohmann::json& document,
                                                  const std::string& file);

// The language a turn is scored under: its expected "lang", else "zh" when the utterance
// holds any Han character ("找个 parking" is Mandarin), else "en".
std::string language_of(const ExpectedTurn& turn);

// What the corpus holds, for the structural checks.
struct CorpusShape {
  std::size_t dialogues = 0, utterances = 0, zh_utterances = 0;
  std::size_t multi_turn = 0;  // dialogues of 3 to 6 turns
  std::set<std::string> intents, tools;
  double zh_share() const;
};
CorpusShape shape_of(const Corpus& corpus);

// "$results[2]" -> 2: a place from the last results list; nullopt for anything else.
std::optional<std::size_t> results_reference(const nlohmann::json& value);

// Why the agent's calls (the "tool_calls" array of an answer) differ from the expected
// ones, or nullopt when they match: same count and order, same names, arguments with
// exactly the same keys and values (numbers within 1e-6; destination, near_place, name and
// the place named by a home/work/avoid_place preference without regard to case, accents,
// Traditional or Simplified characters or surrounding spaces; "$results[N]" is the "id" of card N
// of `last_results`), and the status where one is expected.
std::optional<std::string> calls_mismatch(const std::vector<ExpectedCall>& expected,
                                          const nlohmann::json& got_calls,
                                          const nlohmann::json& last_results);

// A partner the corpus talks to: the agent, or a scripted stand-in in the runner's tests.
// `ask` returns the answer as {"intent", "lang", "tool_calls": [...], "cards": [...],
// "speech"}.
class Conversation {
 public:
  virtual ~Conversation() = default;
  virtual void start(const CarState& car) = 0;  // a new dialogue: nothing remembered
  virtual nlohmann::json ask(std::string_view text) = 0;
};

// The real agent on a map bundle. Each dialogue starts from nothing: the conversation and
// the trip are reset and the memory is wiped, so what one dialogue teaches (home, dislikes,
// language) cannot leak into another. One agent serves them all: building one (map, names,
// tools) costs about 100 times more than answering.
class AgentConversation : public Conversation {
 public:
  // `models`: the chat models behind the parser, to run the corpus through the model path.
  explicit AgentConversation(AgentOptions options, ModelOptions models = {});
  void start(const CarState& car) override;
  nlohmann::json ask(std::string_view text) override;

 private:
  AgentOptions options_;
  ModelOptions models_;
  std::unique_ptr<Agent> agent_;
};

// One scored utterance.
struct TurnOutcome {
  std::string file, dialogue_id;
  std::size_t turn = 0;  // 0-based
  std::string say, language;
  const ExpectedTurn* expected = nullptr;  // into the corpus that was run
  nlohmann::json answer;
  nlohmann::json last_results;  // the list "$results[N]" was resolved against
  bool intent_ok = false, calls_ok = false, lang_ok = false;
  std::string why;  // the first difference, empty when the turn is right
  double latency_us = 0;
  bool right() const { return intent_ok && calls_ok && lang_ok; }
};

struct Tally {
  std::size_t utterances = 0, intent_ok = 0, calls_ok = 0, right = 0;
  double intent_accuracy() const;
  double call_accuracy() const;
};

struct DialogueTally {
  std::size_t dialogues = 0, succeeded = 0;
  double success_rate() const;
};

struct EvalReport {
  Tally all;
  std::map<std::string, Tally> by_language;  // "en", "zh"
  std::map<std::string, Tally> by_intent;    // the expected intent
  DialogueTally dialogues;
  std::map<std::string, DialogueTally> dialogues_by_language;  // of the first turn
  std::vector<TurnOutcome> turns;                              // in corpus order
  std::vector<double> latencies_us() const;
};

// Runs every dialogue from a fresh start; a turn's "$results[N]" refers to the cards of the
// latest answer in the same dialogue whose intent was a search (find_*).
EvalReport run_corpus(const Corpus& corpus, Conversation& conversation);

// The summary tables, the commonest intent confusions and up to `max_failures` failures.
std::string format_report(const EvalReport& report, std::size_t max_failures);

}  // namespace codriver::agent::eval
