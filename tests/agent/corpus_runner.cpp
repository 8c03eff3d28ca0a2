#include "agent/corpus_runner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <utility>

#include "language/chinese_script.h"
#include "language/utf8.h"

namespace codriver::agent::eval {

namespace {

// --- Loading ---------------------------------------------------------------------------

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw CorpusError("agent corpus " + where + ": " + what);
}

const nlohmann::json& required(const nlohmann::json& object, const char* key,
                               nlohmann::json::value_t type, const std::string& where) {
  const auto found = object.find(key);
  if (found == object.end()) fail(where, std::string("missing \"") + key + "\"");
  const bool number_wanted = type == nlohmann::json::value_t::number_float;
  if (number_wanted ? !found->is_number() : found->type() != type) {
    fail(where, std::string("\"") + key + "\" has the wrong type");
  }
  return *found;
}

double number_or(const nlohmann::json& object, const char* key, double fallback,
                 const std::string& where) {
  const auto found = object.find(key);
  if (found == object.end()) return fallback;
  if (!found->is_number()) fail(where, std::string("car \"") + key + "\" must be a number");
  return found->get<double>();
}

CarState parse_car(const nlohmann::json& dialogue, const std::string& where) {
  CarState car;
  car.lat = kDefaultCarLat;
  car.lon = kDefaultCarLon;
  const auto found = dialogue.find("car");
  if (found == dialogue.end()) return car;
  if (!found->is_object()) fail(where, "\"car\" must be an object");
  car.lat = number_or(*found, "lat", kDefaultCarLat, where);
  car.lon = number_or(*found, "lon", kDefaultCarLon, where);
  car.heading_deg = number_or(*found, "heading", car.heading_deg, where);
  car.speed_kmh = number_or(*found, "speed_kmh", car.speed_kmh, where);
  car.soc_percent = number_or(*found, "soc_percent", car.soc_percent, where);
  return car;
}

ExpectedCall parse_call(const nlohmann::json& call, const std::string& where) {
  if (!call.is_object()) fail(where, "each tool call must be an object");
  ExpectedCall expected;
  expected.name = required(call, "name", nlohmann::json::value_t::string, where);
  expected.arguments = required(call, "arguments", nlohmann::json::value_t::object, where);
  if (call.contains("status")) {
    expected.status = required(call, "status", nlohmann::json::value_t::string, where);
  }
  return expected;
}

ExpectedTurn parse_turn(const nlohmann::json& turn, const std::string& where) {
  if (!turn.is_object()) fail(where, "each turn must be an object");
  ExpectedTurn expected;
  expected.say = required(turn, "say", nlohmann::json::value_t::string, where);
  const auto& expect = required(turn, "expect", nlohmann::json::value_t::object, where);
  expected.intent = required(expect, "intent", nlohmann::json::value_t::string, where);
  if (expect.contains("lang")) {
    expected.lang = required(expect, "lang", nlohmann::json::value_t::string, where);
    if (*expected.lang != "en" && *expected.lang != "zh") fail(where, "\"lang\" is en or zh");
  }
  // Required even when empty: a turn that calls nothing says so.
  for (const auto& call : required(expect, "tool_calls", nlohmann::json::value_t::array, where)) {
    expected.tool_calls.push_back(parse_call(call, where));
  }
  return expected;
}

// --- Matching --------------------------------------------------------------------------

// Latin-1 letters with accents to their base letters; everything else unchanged.
std::string fold_code_point(char32_t c) {
  static const char* const kLatin1 =  // U+00C0 .. U+00FF
      "aaaaaaaceeeeiiiidnooooo/ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  if (c >= 'A' && c <= 'Z') return std::string(1, static_cast<char>(c - 'A' + 'a'));
  if (c == 0xC6 || c == 0xE6) return "ae";
  if (c == 0xDF) return "ss";
  if (c == 0x152 || c == 0x153) return "oe";
  if (c == 0x2019 || c == 0x2018) return "'";
  if (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7) return std::string(1, kLatin1[c - 0xC0]);
  std::string out;
  language::append_utf8(out, c);
  return out;
}

// Case, accents, Traditional or Simplified characters and surrounding or repeated spaces
// do not matter in a name: each is the same name to the driver and to the map.
std::string fold_name(std::string_view text) {
  std::string out;
  for (const char32_t c : language::decode_utf8(language::to_simplified(text))) {
    const bool space = c == ' ' || c == '\t' || c == 0x3000;
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += fold_code_point(c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool is_name_key(std::string_view key) {
  return key == "destination" || key == "near_place" || key == "name";
}

std::optional<std::string> value_mismatch(const std::string& path, const nlohmann::json& want,
                                          const nlohmann::json& got, bool as_name,
                                          const nlohmann::json& last_results);

std::optional<std::string> reference_mismatch(const std::string& path, std::size_t index,
                                              const nlohmann::json& got,
                                              const nlohmann::json& last_results) {
  if (!last_results.is_array() || index >= last_results.size()) {
    return path + ": expected result #" + std::to_string(index) + " but the last list has " +
           std::to_string(last_results.is_array() ? last_results.size() : 0) + " cards";
  }
  const auto& card = last_results[index];
  if (!card.is_object() || !card.contains("id") || !card["id"].is_number_integer()) {
    return path + ": card #" + std::to_string(index) + " has no integer \"id\"";
  }
  const auto id = card["id"].get<std::int64_t>();
  // A place id may travel as a number (place_id) or as text (a preference value).
  const bool same = (got.is_number_integer() && got.get<std::int64_t>() == id) ||
                    (got.is_string() && got.get<std::string>() == std::to_string(id));
  if (same) return std::nullopt;
  return path + ": expected place " + std::to_string(id) + " (result #" + std::to_string(index) +
         "), got " + got.dump();
}

std::optional<std::string> object_mismatch(const std::string& path, const nlohmann::json& want,
                                           const nlohmann::json& got,
                                           const nlohmann::json& last_results) {
  if (!got.is_object()) return path + ": expected an object, got " + got.dump();
  for (const auto& [key, value] : want.items()) {
    if (!got.contains(key)) return path + "/" + key + ": missing (expected " + value.dump() + ")";
  }
  for (const auto& [key, value] : got.items()) {
    if (!want.contains(key)) return path + "/" + key + ": not expected (got " + value.dump() + ")";
  }
  // A preference's value is a place name for home, work and places to avoid.
  const std::string preference = want.value("key", "");
  const bool value_names_place =
      preference == "home" || preference == "work" || preference == "avoid_place";
  for (const auto& [key, value] : want.items()) {
    const bool as_name = is_name_key(key) || (key == "value" && value_names_place);
    if (auto why = value_mismatch(path + "/" + key, value, got.at(key), as_name, last_results)) {
      return why;
    }
  }
  return std::nullopt;
}

std::optional<std::string> value_mismatch(const std::string& path, const nlohmann::json& want,
                                          const nlohmann::json& got, bool as_name,
                                          const nlohmann::json& last_results) {
  if (const auto index = results_reference(want)) {
    return reference_mismatch(path, *index, got, last_results);
  }
  const auto differ = [&]() -> std::optional<std::string> {
    return path + ": expected " + want.dump() + ", got " + got.dump();
  };
  if (want.is_number()) {
    if (!got.is_number() || std::fabs(want.get<double>() - got.get<double>()) > 1e-6) {
      return differ();
    }
    return std::nullopt;
  }
  if (want.is_string() && as_name) {
    if (!got.is_string() ||
        fold_name(want.get<std::string>()) != fold_name(got.get<std::string>())) {
      return differ();
    }
    return std::nullopt;
  }
  if (want.is_object()) return object_mismatch(path, want, got, last_results);
  if (want.is_array()) {
    if (!got.is_array() || got.size() != want.size()) return differ();
    for (std::size_t i = 0; i < want.size(); ++i) {
      if (auto why = value_mismatch(path + "/" + std::to_string(i), want[i], got[i], as_name,
                                    last_results)) {
        return why;
      }
    }
    return std::nullopt;
  }
  if (want != got) return differ();
  return std::nullopt;
}

// --- Reporting -------------------------------------------------------------------------

std::string percent(double share) {
  char text[16];
  std::snprintf(text, sizeof text, "%5.1f%%", share * 100);
  return text;
}

std::string tally_row(const std::string& label, const Tally& tally) {
  char row[160];
  std::snprintf(row, sizeof row, "  %-22s %5zu   %s   %s\n", label.c_str(), tally.utterances,
                percent(tally.intent_accuracy()).c_str(), percent(tally.call_accuracy()).c_str());
  return row;
}

std::string dialogue_row(const std::string& label, const DialogueTally& tally) {
  char row[160];
  std::snprintf(row, sizeof row, "  %-22s %4zu / %-4zu %s\n", label.c_str(), tally.succeeded,
                tally.dialogues, percent(tally.success_rate()).c_str());
  return row;
}

nlohmann::json expected_calls_json(const ExpectedTurn& turn) {
  auto calls = nlohmann::json::array();
  for (const auto& call : turn.tool_calls) {
    nlohmann::json one = {{"name", call.name}, {"arguments", call.arguments}};
    if (call.status) one["status"] = *call.status;
    calls.push_back(one);
  }
  return calls;
}

std::string failure_text(const TurnOutcome& outcome) {
  std::ostringstream out;
  out << "  [" << outcome.file << " " << outcome.dialogue_id << " #" << outcome.turn + 1 << "] \""
      << outcome.say << "\"\n"
      << "      expected: " << outcome.expected->intent << " "
      << expected_calls_json(*outcome.expected).dump();
  if (outcome.expected->lang) out << " lang " << *outcome.expected->lang;
  out << "\n      got:      " << outcome.answer.value("intent", "?") << " "
      << outcome.answer.value("tool_calls", nlohmann::json::array()).dump() << " lang "
      << outcome.answer.value("lang", "?");
  const std::string speech = outcome.answer.value("speech", "");
  if (!speech.empty()) out << " — \"" << speech << "\"";
  out << "\n      why:      " << outcome.why << "\n";
  return out.str();
}

void add(Tally& tally, const TurnOutcome& outcome) {
  ++tally.utterances;
  tally.intent_ok += outcome.intent_ok;
  tally.calls_ok += outcome.calls_ok;
  tally.right += outcome.right();
}

}  // namespace

// --- Loading ---------------------------------------------------------------------------

std::vector<CorpusDialogue> parse_corpus_document(const nlohmann::json& document,
                                                  const std::string& file) {
  if (!document.is_object()) fail(file, "the document must be an object");
  std::vector<CorpusDialogue> dialogues;
  for (const auto& dialogue :
       required(document, "dialogues", nlohmann::json::value_t::array, file)) {
    if (!dialogue.is_object()) fail(file, "each dialogue must be an object");
    CorpusDialogue parsed;
    parsed.file = file;
    parsed.id = required(dialogue, "id", nlohmann::json::value_t::string, file);
    const std::string where = file + " " + parsed.id;
    parsed.car = parse_car(dialogue, where);
    for (const auto& turn : required(dialogue, "turns", nlohmann::json::value_t::array, where)) {
      parsed.turns.push_back(parse_turn(turn, where));
    }
    if (parsed.turns.empty()) fail(where, "a dialogue needs at least one turn");
    dialogues.push_back(std::move(parsed));
  }
  return dialogues;
}

Corpus load_corpus(const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  if (error) fail(directory.string(), "cannot list the folder: " + error.message());
  if (files.empty()) fail(directory.string(), "no *.json files");
  std::sort(files.begin(), files.end());
  Corpus corpus;
  for (const auto& path : files) {
    std::ifstream in(path);
    const auto document = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) fail(path.string(), "not valid JSON");
    auto dialogues = parse_corpus_document(document, path.filename().string());
    std::move(dialogues.begin(), dialogues.end(), std::back_inserter(corpus.dialogues));
  }
  return corpus;
}

std::string language_of(const ExpectedTurn& turn) {
  if (turn.lang) return *turn.lang;
  for (const char32_t c : language::decode_utf8(turn.say)) {
    if (language::is_han(c)) return "zh";
  }
  return "en";
}

double CorpusShape::zh_share() const {
  return utterances == 0 ? 0.0 : static_cast<double>(zh_utterances) / utterances;
}

CorpusShape shape_of(const Corpus& corpus) {
  CorpusShape shape;
  for (const auto& dialogue : corpus.dialogues) {
    ++shape.dialogues;
    if (dialogue.turns.size() >= 3 && dialogue.turns.size() <= 6) ++shape.multi_turn;
    for (const auto& turn : dialogue.turns) {
      ++shape.utterances;
      if (language_of(turn) == "zh") ++shape.zh_utterances;
      shape.intents.insert(turn.intent);
      for (const auto& call : turn.tool_calls)
        shape.tools.insert(call.name);
    }
  }
  return shape;
}

// --- Matching --------------------------------------------------------------------------

std::optional<std::size_t> results_reference(const nlohmann::json& value) {
  static const std::regex pattern(R"(^\$results\[(\d{1,3})\]$)");
  if (!value.is_string()) return std::nullopt;
  const std::string text = value.get<std::string>();
  std::smatch match;
  if (!std::regex_match(text, match, pattern)) return std::nullopt;
  return static_cast<std::size_t>(std::stoul(match[1].str()));
}

std::optional<std::string> calls_mismatch(const std::vector<ExpectedCall>& expected,
                                          const nlohmann::json& got_calls,
                                          const nlohmann::json& last_results) {
  if (!got_calls.is_array()) return std::string("the answer has no tool_calls array");
  if (got_calls.size() != expected.size()) {
    return "expected " + std::to_string(expected.size()) + " tool calls, got " +
           std::to_string(got_calls.size());
  }
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& want = expected[i];
    const auto& got = got_calls[i];
    const std::string path = "call " + std::to_string(i) + " (" + want.name + ")";
    if (!got.is_object() || got.value("name", "") != want.name) {
      return path + ": got " + (got.is_object() ? got.value("name", "?") : got.dump());
    }
    if (auto why =
            object_mismatch(path + " arguments", want.arguments,
                            got.value("arguments", nlohmann::json::object()), last_results)) {
      return why;
    }
    if (want.status && got.value("status", "") != *want.status) {
      return path + ": expected status " + *want.status + ", got " + got.value("status", "?");
    }
  }
  return std::nullopt;
}

// --- The agent ---------------------------------------------------------------------------

AgentConversation::AgentConversation(AgentOptions options, ModelOptions models)
    : options_(std::move(options)), models_(std::move(models)) {}

void AgentConversation::start(const CarState& car) {
  if (!agent_) {
    agent_ = std::make_unique<Agent>(options_);
    agent_->set_models(models_);
  }
  agent_->reset();
  agent_->memory().forget_everything();
  agent_->set_car(car);
}

nlohmann::json AgentConversation::ask(std::string_view text) {
  if (!agent_) throw std::logic_error("AgentConversation::ask before start");
  const Answer answer = agent_->ask(text);
  auto calls = nlohmann::json::array();
  for (const auto& call : answer.tool_calls)
    calls.push_back(to_json(call));
  return {{"intent", answer.intent},
          {"lang", answer.lang == routing::Language::kChinese ? "zh" : "en"},
          {"tool_calls", calls},
          {"cards", answer.cards.is_array() ? answer.cards : nlohmann::json::array()},
          {"speech", answer.speech},
          {"path", answer.path}};
}

// --- Running ---------------------------------------------------------------------------

double Tally::intent_accuracy() const {
  return utterances == 0 ? 0.0 : static_cast<double>(intent_ok) / utterances;
}
double Tally::call_accuracy() const {
  return utterances == 0 ? 0.0 : static_cast<double>(calls_ok) / utterances;
}
double DialogueTally::success_rate() const {
  return dialogues == 0 ? 0.0 : static_cast<double>(succeeded) / dialogues;
}

std::vector<double> EvalReport::latencies_us() const {
  std::vector<double> latencies;
  latencies.reserve(turns.size());
  for (const auto& turn : turns)
    latencies.push_back(turn.latency_us);
  return latencies;
}

EvalReport run_corpus(const Corpus& corpus, Conversation& conversation) {
  EvalReport report;
  for (const auto& dialogue : corpus.dialogues) {
    conversation.start(dialogue.car);
    auto last_results = nlohmann::json::array();
    bool all_right = true;
    for (std::size_t i = 0; i < dialogue.turns.size(); ++i) {
      const ExpectedTurn& expected = dialogue.turns[i];
      TurnOutcome outcome;
      outcome.file = dialogue.file;
      outcome.dialogue_id = dialogue.id;
      outcome.turn = i;
      outcome.say = expected.say;
      outcome.language = language_of(expected);
      outcome.expected = &expected;
      outcome.last_results = last_results;
      const auto start = std::chrono::steady_clock::now();
      try {
        outcome.answer = conversation.ask(expected.say);
      } catch (const std::exception& error) {
        outcome.answer = {{"intent", "(threw)"}, {"speech", error.what()}};
      }
      outcome.latency_us =
          std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
              .count();
      const std::string got_intent = outcome.answer.value("intent", "");
      outcome.intent_ok = got_intent == expected.intent;
      outcome.lang_ok = !expected.lang || outcome.answer.value("lang", "") == *expected.lang;
      const auto call_why = calls_mismatch(
          expected.tool_calls, outcome.answer.value("tool_calls", nlohmann::json()), last_results);
      outcome.calls_ok = !call_why;
      if (!outcome.intent_ok) {
        outcome.why = "intent " + got_intent + ", expected " + expected.intent;
      } else if (call_why) {
        outcome.why = *call_why;
      } else if (!outcome.lang_ok) {
        outcome.why = "answered in " + outcome.answer.value("lang", "?");
      }
      if (got_intent.rfind("find_", 0) == 0) {
        last_results = outcome.answer.value("cards", nlohmann::json::array());
      }
      add(report.all, outcome);
      add(report.by_language[outcome.language], outcome);
      add(report.by_intent[expected.intent], outcome);
      all_right = all_right && outcome.right();
      report.turns.push_back(std::move(outcome));
    }
    ++report.dialogues.dialogues;
    report.dialogues.succeeded += all_right;
    auto& by_language = report.dialogues_by_language[language_of(dialogue.turns.front())];
    ++by_language.dialogues;
    by_language.succeeded += all_right;
  }
  return report;
}

std::string format_report(const EvalReport& report, std::size_t max_failures) {
  std::ostringstream out;
  out << "Agent corpus: " << report.all.utterances << " utterances in "
      << report.dialogues.dialogues << " dialogues\n\n"
      << "  utterances             count   intent   tool calls\n"
      << tally_row("all", report.all);
  for (const auto& [language, tally] : report.by_language)
    out << tally_row(language, tally);
  out << "\n  dialogues (all turns right)\n" << dialogue_row("all", report.dialogues);
  for (const auto& [language, tally] : report.dialogues_by_language) {
    out << dialogue_row(language, tally);
  }
  out << "\n  by expected intent     count   intent   tool calls\n";
  for (const auto& [intent, tally] : report.by_intent)
    out << tally_row(intent, tally);

  std::map<std::pair<std::string, std::string>, std::size_t> confusions;
  for (const auto& turn : report.turns) {
    if (!turn.intent_ok) ++confusions[{turn.expected->intent, turn.answer.value("intent", "?")}];
  }
  std::vector<std::pair<std::size_t, std::pair<std::string, std::string>>> ranked;
  for (const auto& [pair, count] : confusions)
    ranked.emplace_back(count, pair);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (!ranked.empty()) out << "\n  commonest intent confusions (expected -> got)\n";
  for (std::size_t i = 0; i < ranked.size() && i < 10; ++i) {
    out << "  " << ranked[i].first << "x  " << ranked[i].second.first << " -> "
        << ranked[i].second.second << "\n";
  }

  std::size_t failures = 0, shown = 0;
  std::ostringstream listed;
  for (const auto& turn : report.turns) {
    if (turn.right()) continue;
    ++failures;
    if (shown < max_failures) {
      listed << failure_text(turn);
      ++shown;
    }
  }
  out << "\n  failures: " << failures;
  if (shown < failures) out << " (first " << shown << " listed)";
  out << "\n" << listed.str();
  return out.str();
}

}  // namespace codriver::agent::eval
