// The agent's evaluation corpus: its shape (size, Mandarin share, dialogues, coverage, the
// tool contract), the runner's scoring, and the agent itself run over the whole corpus on
// the real Monaco map.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "agent/corpus_runner.h"
#include "map/bundle.h"
#include "places/cuisine.h"
#include "support/test_support.h"

namespace codriver::agent::eval {
namespace {

using nlohmann::json;

const Corpus& corpus() {
  static const Corpus loaded = load_corpus(CODRIVER_AGENT_CORPUS);
  return loaded;
}

// --- The corpus's shape ------------------------------------------------------------------

const std::set<std::string> kTools = {"navigate_to",    "add_stop",         "cancel_navigation",
                                      "route_info",     "find_restaurants", "find_parking",
                                      "find_chargers",  "plan_charging",    "traffic_light_status",
                                      "vehicle_status", "set_preference",   "forget_me"};
const std::set<std::string> kConversationIntents = {"select",  "confirm",  "deny",   "clarify",
                                                    "unknown", "greeting", "thanks", "help"};

TEST(AgentCorpusShape, IsLargeBilingualAndConversational) {
  const CorpusShape shape = shape_of(corpus());
  std::printf("corpus: %zu utterances, %zu dialogues, %zu of 3-6 turns, zh %.1f%%\n",
              shape.utterances, shape.dialogues, shape.multi_turn, shape.zh_share() * 100);
  EXPECT_GE(shape.utterances, 330u);
  EXPECT_GE(shape.zh_share(), 0.4);
  EXPECT_GE(shape.multi_turn, 40u);
}

TEST(AgentCorpusShape, CoversEveryToolAndEveryConversationIntent) {
  const CorpusShape shape = shape_of(corpus());
  for (const auto& tool : kTools) {
    EXPECT_TRUE(shape.tools.count(tool)) << tool << " is never called";
    EXPECT_TRUE(shape.intents.count(tool)) << tool << " is never the intent";
  }
  for (const auto& intent : kConversationIntents) {
    EXPECT_TRUE(shape.intents.count(intent)) << intent << " is never the intent";
  }
  for (const auto& intent : shape.intents) {
    EXPECT_TRUE(kTools.count(intent) || kConversationIntents.count(intent))
        << "unknown intent " << intent;
  }
}

TEST(AgentCorpusShape, EachIntentHasBothLanguages) {
  std::map<std::string, std::set<std::string>> languages;
  for (const auto& dialogue : corpus().dialogues) {
    for (const auto& turn : dialogue.turns)
      languages[turn.intent].insert(language_of(turn));
  }
  for (const auto& [intent, seen] : languages) {
    EXPECT_EQ(seen.size(), 2u) << intent << " is said in one language only";
  }
}

TEST(AgentCorpusShape, DialogueIdsAndUtterancesAreDistinct) {
  std::set<std::string> ids;
  std::map<std::string, int> single_turn_utterances;
  for (const auto& dialogue : corpus().dialogues) {
    EXPECT_TRUE(ids.insert(dialogue.id).second) << "duplicate id " << dialogue.id;
    if (dialogue.turns.size() == 1) ++single_turn_utterances[dialogue.turns[0].say];
  }
  for (const auto& [say, count] : single_turn_utterances) {
    EXPECT_EQ(count, 1) << "\"" << say << "\" is a single-turn dialogue " << count << " times";
  }
}

// The contract of the tools' arguments (the embedded parser's, see the task brief).
struct ArgumentRules {
  std::set<std::string> keys;
};

const std::map<std::string, ArgumentRules>& contract() {
  static const std::map<std::string, ArgumentRules> rules = {
      {"navigate_to",
       {{"destination", "category", "cuisine", "saved_place", "lat", "lon", "place_id"}}},
      {"add_stop",
       {{"destination", "category", "cuisine", "saved_place", "lat", "lon", "place_id"}}},
      {"cancel_navigation", {{}}},
      {"route_info", {{"about"}}},
      {"find_restaurants",
       {{"cuisine", "exclude_cuisines", "near", "near_place", "radius_m", "max_price_level",
         "min_price_level", "open_now", "open_at", "day_offset", "party_size", "sort", "name"}}},
      {"find_parking",
       {{"near", "near_place", "radius_m", "covered", "parking_type", "free", "max_price_level",
         "sort"}}},
      {"find_chargers", {{"near", "near_place", "radius_m", "min_power_kw", "socket", "sort"}}},
      {"plan_charging", {{"destination", "saved_place", "min_arrival_percent"}}},
      {"traffic_light_status", {{"about"}}},
      {"vehicle_status", {{"about"}}},
      {"set_preference", {{"key", "value"}}},
      {"forget_me", {{}}},
  };
  return rules;
}

bool is_cuisine_key(const json& value) {
  if (!value.is_string()) return false;
  const places::Cuisine* cuisine = places::find_cuisine(value.get<std::string>());
  return cuisine != nullptr && cuisine->key == value.get<std::string>();
}

bool one_of(const json& value, const std::set<std::string>& allowed) {
  return value.is_string() && allowed.count(value.get<std::string>());
}

// The problems of one expected call against the contract; empty when it follows it.
std::vector<std::string> contract_problems(const ExpectedCall& call) {
  std::vector<std::string> problems;
  const auto rules = contract().find(call.name);
  if (rules == contract().end()) return {"unknown tool " + call.name};
  const json& args = call.arguments;
  for (const auto& [key, value] : args.items()) {
    if (!rules->second.keys.count(key)) problems.push_back("key " + key + " not in the contract");
  }
  const auto check = [&](const char* key, bool ok) {
    if (args.contains(key) && !ok)
      problems.push_back(std::string("bad ") + key + " " + args[key].dump());
  };
  const auto value = [&](const char* key) { return args.value(key, json()); };
  check("cuisine", is_cuisine_key(value("cuisine")));
  if (args.contains("exclude_cuisines")) {
    const json& list = args["exclude_cuisines"];
    bool ok = list.is_array() && !list.empty();
    for (const auto& item : list)
      ok = ok && is_cuisine_key(item);
    check("exclude_cuisines", ok);
  }
  check("near", one_of(value("near"), {"destination", "route"}));
  check("near_place", value("near_place").is_string());
  check("radius_m", value("radius_m").is_number() && value("radius_m").get<double>() > 0);
  check("max_price_level", value("max_price_level") == 1 || value("max_price_level") == 2);
  check("min_price_level", value("min_price_level") == 3);
  check("open_now", value("open_now") == true);
  check("open_at", value("open_at").is_string() &&
                       std::regex_match(value("open_at").get<std::string>(),
                                        std::regex("([01][0-9]|2[0-3]):[0-5][0-9]")));
  check("day_offset", value("day_offset") == 1);
  check("party_size", value("party_size").is_number_integer() && value("party_size") > 0);
  check("sort", one_of(value("sort"), {"distance", "price", "rating"}));
  check("covered", value("covered") == true);
  check("free", value("free") == true);
  check("parking_type", one_of(value("parking_type"), {"underground", "multi-storey", "surface"}));
  check("min_power_kw", value("min_power_kw").is_number() && value("min_power_kw") > 0);
  check("socket", one_of(value("socket"), {"type2", "ccs", "chademo", "gb_t", "tesla"}));
  check("min_arrival_percent", value("min_arrival_percent").is_number() &&
                                   value("min_arrival_percent") > 0 &&
                                   value("min_arrival_percent") < 100);
  check("saved_place", one_of(value("saved_place"), {"home", "work"}));
  check("category", one_of(value("category"), {"restaurant", "cafe", "fast_food", "parking",
                                               "charging_station", "fuel"}));
  check("place_id", results_reference(value("place_id")).has_value());
  check("lat", value("lat").is_number() && args.contains("lon"));
  check("lon", value("lon").is_number() && args.contains("lat"));
  if (call.name == "navigate_to" || call.name == "add_stop") {
    const int targets = args.contains("destination") + args.contains("category") +
                        args.contains("saved_place") + args.contains("lat") +
                        args.contains("place_id");
    if (targets != 1) problems.push_back("needs exactly one target");
    if (args.contains("cuisine") && !args.contains("category")) {
      problems.push_back("cuisine without a category");
    }
  }
  if (call.name == "route_info") {
    check("about", one_of(value("about"), {"eta", "time_left", "distance_left", "next_maneuver"}));
  }
  if (call.name == "traffic_light_status") {
    check("about", one_of(value("about"), {"time_to_green", "advice"}));
  }
  if (call.name == "vehicle_status")
    check("about", one_of(value("about"), {"charge", "range", "speed"}));
  if (call.name == "set_preference") {
    const json key = value("key"), setting = value("value");
    if (!setting.is_string() || setting.get<std::string>().empty()) problems.push_back("no value");
    if (key == "liked_cuisine" || key == "disliked_cuisine") {
      check("value", is_cuisine_key(setting));
    } else if (key == "parking") {
      check("value", one_of(setting, {"covered", "cheap", "underground", "free"}));
    } else if (key == "language") {
      check("value", one_of(setting, {"zh", "en"}));
    } else if (!one_of(key, {"home", "work", "avoid_place"})) {
      problems.push_back("unknown preference " + key.dump());
    }
  }
  if (call.status &&
      !one_of(json(*call.status), {"done", "failed", "pending_confirmation", "cancelled"})) {
    problems.push_back("unknown status " + *call.status);
  }
  return problems;
}

TEST(AgentCorpusShape, ArgumentsFollowTheToolContract) {
  for (const auto& dialogue : corpus().dialogues) {
    for (const auto& turn : dialogue.turns) {
      for (const auto& call : turn.tool_calls) {
        for (const auto& problem : contract_problems(call)) {
          ADD_FAILURE() << dialogue.id << " \"" << turn.say << "\": " << call.name << ": "
                        << problem;
        }
      }
    }
  }
}

TEST(AgentCorpusShape, ToolIntentsCallTheirToolAndOthersCallNothingNew) {
  for (const auto& dialogue : corpus().dialogues) {
    for (const auto& turn : dialogue.turns) {
      const std::string where = dialogue.id + " \"" + turn.say + "\"";
      if (kTools.count(turn.intent)) {
        ASSERT_EQ(turn.tool_calls.size(), 1u) << where;
        EXPECT_EQ(turn.tool_calls[0].name, turn.intent) << where;
      } else if (turn.intent != "confirm") {
        EXPECT_TRUE(turn.tool_calls.empty()) << where << ": " << turn.intent << " calls a tool";
      }
    }
  }
}

bool is_search(const std::string& intent) {
  return intent.rfind("find_", 0) == 0;
}

bool refers_to_results(const json& value) {
  if (results_reference(value)) return true;
  if (value.is_structured()) {
    for (const auto& item : value) {
      if (refers_to_results(item)) return true;
    }
  }
  return false;
}

TEST(AgentCorpusShape, ResultReferencesComeAfterASearch) {
  std::size_t references = 0;
  for (const auto& dialogue : corpus().dialogues) {
    bool searched = false;
    for (const auto& turn : dialogue.turns) {
      for (const auto& call : turn.tool_calls) {
        if (!refers_to_results(call.arguments)) continue;
        ++references;
        EXPECT_TRUE(searched) << dialogue.id << " \"" << turn.say << "\" refers to no list";
      }
      searched = searched || is_search(turn.intent);
    }
  }
  EXPECT_GE(references, 20u);
}

// Navigation waits for a yes only while the car moves; forget_me always does; a "confirm"
// runs exactly the call that waited.
TEST(AgentCorpusShape, ConfirmationsFollowTheSafetyRule) {
  const std::set<std::string> navigation = {"navigate_to", "add_stop", "cancel_navigation"};
  std::size_t confirmed = 0;
  for (const auto& dialogue : corpus().dialogues) {
    const bool moving = dialogue.car.speed_kmh > 0;
    const ExpectedCall* pending = nullptr;
    for (const auto& turn : dialogue.turns) {
      const std::string where = dialogue.id + " \"" + turn.say + "\"";
      if (turn.intent == "confirm") {
        ASSERT_NE(pending, nullptr) << where << ": nothing to confirm";
        ASSERT_EQ(turn.tool_calls.size(), 1u) << where;
        EXPECT_EQ(turn.tool_calls[0].name, pending->name) << where;
        EXPECT_EQ(turn.tool_calls[0].arguments, pending->arguments) << where;
        EXPECT_EQ(turn.tool_calls[0].status, std::optional<std::string>("done")) << where;
        ++confirmed;
      }
      if (turn.intent == "deny" && pending == nullptr) {
        EXPECT_TRUE(turn.tool_calls.empty()) << where;
      }
      pending = nullptr;
      for (const auto& call : turn.tool_calls) {
        if (turn.intent == "confirm" || !call.status) continue;
        const bool must_wait = call.name == "forget_me" || (moving && navigation.count(call.name));
        EXPECT_EQ(*call.status == "pending_confirmation", must_wait) << where;
        if (*call.status == "pending_confirmation") pending = &call;
      }
      if (turn.intent == "forget_me") {
        EXPECT_EQ(turn.tool_calls[0].status, std::optional<std::string>("pending_confirmation"))
            << where;
      }
    }
  }
  EXPECT_GE(confirmed, 10u);
}

// --- Matching and scoring ----------------------------------------------------------------

const json kCards = json::parse(R"([{"id": 41, "name": "Pizza Pino"}, {"id": 97}])");

std::vector<ExpectedCall> expect_navigate(json arguments, std::optional<std::string> status = {}) {
  return {ExpectedCall{"navigate_to", std::move(arguments), std::move(status)}};
}

json got_navigate(json arguments, const char* status = "done") {
  return json::array({{{"name", "navigate_to"}, {"arguments", arguments}, {"status", status}}});
}

TEST(CorpusMatching, NamesIgnoreCaseAccentsAndSpaces) {
  EXPECT_FALSE(calls_mismatch(expect_navigate({{"destination", "Café de Paris"}}),
                              got_navigate({{"destination", "  CAFE DE  PARIS "}}), kCards));
  EXPECT_FALSE(calls_mismatch(expect_navigate({{"destination", "avenue des spélugues"}}),
                              got_navigate({{"destination", "Avenue des Spélugues"}}), kCards));
  EXPECT_FALSE(calls_mismatch(expect_navigate({{"destination", "蒙地卡羅賭場"}}),
                              got_navigate({{"destination", "蒙地卡罗赌场"}}), kCards));
  EXPECT_TRUE(calls_mismatch(expect_navigate({{"destination", "蒙特卡洛赌场"}}),
                             got_navigate({{"destination", "蒙特卡洛"}}), kCards));
  const auto why = calls_mismatch(expect_navigate({{"destination", "Café de Paris"}}),
                                  got_navigate({{"destination", "Café de Monaco"}}), kCards);
  ASSERT_TRUE(why);
  EXPECT_NE(why->find("/destination"), std::string::npos) << *why;
}

TEST(CorpusMatching, APreferredPlaceIsANameOtherPreferencesAreExact) {
  const auto preference = [](const char* key, const char* value) {
    return std::vector<ExpectedCall>{
        {"set_preference", {{"key", key}, {"value", value}}, std::nullopt}};
  };
  const auto said = [](const char* key, const char* value) {
    return json::array(
        {{{"name", "set_preference"}, {"arguments", {{"key", key}, {"value", value}}}}});
  };
  EXPECT_FALSE(
      calls_mismatch(preference("home", "Rue Grimaldi"), said("home", "rue grimaldi"), kCards));
  EXPECT_TRUE(calls_mismatch(preference("parking", "covered"), said("parking", "Covered"), kCards));
  EXPECT_TRUE(
      calls_mismatch(preference("home", "Rue Grimaldi"), said("work", "Rue Grimaldi"), kCards));
}

TEST(CorpusMatching, OtherStringsAreExact) {
  const std::vector<ExpectedCall> expected = {
      {"find_restaurants", {{"cuisine", "italian"}, {"sort", "distance"}}, std::nullopt}};
  const auto got = json::array({{{"name", "find_restaurants"},
                                 {"arguments", {{"cuisine", "Italian"}, {"sort", "distance"}}}}});
  EXPECT_TRUE(calls_mismatch(expected, got, kCards));
}

TEST(CorpusMatching, NumbersWithinAMillionth) {
  EXPECT_FALSE(calls_mismatch(expect_navigate({{"lat", 43.7311}, {"lon", 7.4197}}),
                              got_navigate({{"lat", 43.7311000004}, {"lon", 7.4197}}), kCards));
  EXPECT_TRUE(calls_mismatch(expect_navigate({{"lat", 43.7311}, {"lon", 7.4197}}),
                             got_navigate({{"lat", 43.7312}, {"lon", 7.4197}}), kCards));
  const std::vector<ExpectedCall> radius = {{"find_parking", {{"radius_m", 2000}}, std::nullopt}};
  EXPECT_FALSE(calls_mismatch(
      radius, json::array({{{"name", "find_parking"}, {"arguments", {{"radius_m", 2000.0}}}}}),
      kCards));
}

TEST(CorpusMatching, KeysMustBeExactlyTheSame) {
  const auto extra =
      calls_mismatch(expect_navigate({{"category", "parking"}}),
                     got_navigate({{"category", "parking"}, {"sort", "distance"}}), kCards);
  ASSERT_TRUE(extra);
  EXPECT_NE(extra->find("/sort: not expected"), std::string::npos) << *extra;
  const auto missing =
      calls_mismatch(expect_navigate({{"category", "restaurant"}, {"cuisine", "sushi"}}),
                     got_navigate({{"category", "restaurant"}}), kCards);
  ASSERT_TRUE(missing);
  EXPECT_NE(missing->find("/cuisine: missing"), std::string::npos) << *missing;
}

TEST(CorpusMatching, ResultReferencesBecomeTheCardsIds) {
  EXPECT_EQ(results_reference("$results[1]"), std::optional<std::size_t>(1));
  EXPECT_FALSE(results_reference("results[1]"));
  EXPECT_FALSE(results_reference(json(1)));
  EXPECT_FALSE(calls_mismatch(expect_navigate({{"place_id", "$results[1]"}}, "done"),
                              got_navigate({{"place_id", 97}}), kCards));
  EXPECT_TRUE(calls_mismatch(expect_navigate({{"place_id", "$results[0]"}}),
                             got_navigate({{"place_id", 97}}), kCards));
  const auto beyond = calls_mismatch(expect_navigate({{"place_id", "$results[2]"}}),
                                     got_navigate({{"place_id", 97}}), kCards);
  ASSERT_TRUE(beyond);
  EXPECT_NE(beyond->find("has 2 cards"), std::string::npos) << *beyond;
  // A preference names the place as text.
  const std::vector<ExpectedCall> avoid = {
      {"set_preference", {{"key", "avoid_place"}, {"value", "$results[0]"}}, std::nullopt}};
  EXPECT_FALSE(calls_mismatch(
      avoid,
      json::array(
          {{{"name", "set_preference"}, {"arguments", {{"key", "avoid_place"}, {"value", "41"}}}}}),
      kCards));
}

TEST(CorpusMatching, StatusOnlyWhenExpectedAndCallsInOrder) {
  EXPECT_FALSE(calls_mismatch(expect_navigate({{"saved_place", "home"}}),
                              got_navigate({{"saved_place", "home"}}, "failed"), kCards));
  const auto status = calls_mismatch(expect_navigate({{"saved_place", "home"}}, "done"),
                                     got_navigate({{"saved_place", "home"}}, "failed"), kCards);
  ASSERT_TRUE(status);
  EXPECT_NE(status->find("expected status done, got failed"), std::string::npos) << *status;
  EXPECT_TRUE(calls_mismatch({}, got_navigate({{"saved_place", "home"}}), kCards));
  EXPECT_FALSE(calls_mismatch({}, json::array(), kCards));
}

// A stand-in that answers from a script and records the cars it was started with.
class ScriptedConversation : public Conversation {
 public:
  explicit ScriptedConversation(std::map<std::string, json> answers)
      : answers_(std::move(answers)) {}
  void start(const CarState& car) override { cars.push_back(car); }
  json ask(std::string_view text) override {
    const auto found = answers_.find(std::string(text));
    if (found == answers_.end()) throw std::runtime_error("no script for this");
    return found->second;
  }
  std::vector<CarState> cars;

 private:
  std::map<std::string, json> answers_;
};

TEST(CorpusRunner, ScoresIntentsCallsAndDialogues) {
  const auto document = json::parse(R"({"map": "monaco", "dialogues": [
    {"id": "a", "car": {"lat": 43.73, "lon": 7.42, "speed_kmh": 30}, "turns": [
      {"say": "找个停车场", "expect": {"intent": "find_parking",
        "tool_calls": [{"name": "find_parking", "arguments": {}}]}},
      {"say": "第二个", "expect": {"intent": "select", "tool_calls": []}},
      {"say": "带我去", "expect": {"intent": "navigate_to", "lang": "zh", "tool_calls": [
        {"name": "navigate_to", "arguments": {"place_id": "$results[1]"},
         "status": "pending_confirmation"}]}}]},
    {"id": "b", "turns": [
      {"say": "hello", "expect": {"intent": "greeting", "tool_calls": []}},
      {"say": "tell me a joke", "expect": {"intent": "unknown", "tool_calls": []}}]},
    {"id": "c", "turns": [
      {"say": "take me home", "expect": {"intent": "navigate_to", "tool_calls": [
        {"name": "navigate_to", "arguments": {"saved_place": "home"}}]}}]}]})");
  Corpus corpus{parse_corpus_document(document, "inline.json")};
  ScriptedConversation conversation({
      {"找个停车场",
       {{"intent", "find_parking"},
        {"lang", "zh"},
        {"tool_calls", {{{"name", "find_parking"}, {"arguments", json::object()}}}},
        {"cards", kCards}}},
      {"第二个",
       {{"intent", "select"},
        {"lang", "zh"},
        {"tool_calls", json::array()},
        {"cards", json::array({kCards[1]})}}},
      {"带我去",
       {{"intent", "navigate_to"},
        {"lang", "zh"},
        {"tool_calls", got_navigate({{"place_id", 97}}, "pending_confirmation")}}},
      {"hello", {{"intent", "greeting"}, {"lang", "en"}, {"tool_calls", json::array()}}},
      {"tell me a joke", {{"intent", "greeting"}, {"lang", "en"}, {"tool_calls", json::array()}}},
      // "take me home" has no script: the runner records the exception as a failure.
  });
  const EvalReport report = run_corpus(corpus, conversation);

  ASSERT_EQ(conversation.cars.size(), 3u);
  EXPECT_DOUBLE_EQ(conversation.cars[0].speed_kmh, 30);
  EXPECT_DOUBLE_EQ(conversation.cars[1].lat, kDefaultCarLat);
  EXPECT_DOUBLE_EQ(conversation.cars[1].soc_percent, 80);

  EXPECT_EQ(report.all.utterances, 6u);
  EXPECT_EQ(report.all.intent_ok, 4u);
  EXPECT_EQ(report.all.calls_ok, 5u);
  EXPECT_EQ(report.by_language.at("zh").right, 3u);
  EXPECT_EQ(report.by_language.at("en").utterances, 3u);
  EXPECT_EQ(report.by_intent.at("navigate_to").utterances, 2u);
  EXPECT_EQ(report.by_intent.at("navigate_to").calls_ok, 1u);
  EXPECT_EQ(report.dialogues.dialogues, 3u);
  EXPECT_EQ(report.dialogues.succeeded, 1u);
  EXPECT_EQ(report.dialogues_by_language.at("zh").succeeded, 1u);
  EXPECT_EQ(report.latencies_us().size(), 6u);

  const std::string text = format_report(report, 10);
  EXPECT_NE(text.find("failures: 2"), std::string::npos) << text;
  EXPECT_NE(text.find("[inline.json c #1] \"take me home\""), std::string::npos) << text;
  EXPECT_NE(text.find("no script for this"), std::string::npos) << text;
  EXPECT_NE(text.find("1x  unknown -> greeting"), std::string::npos) << text;
  EXPECT_NE(text.find("1x  navigate_to -> (threw)"), std::string::npos) << text;
}

TEST(CorpusRunner, RejectsMalformedCorpora) {
  EXPECT_THROW(parse_corpus_document(json::parse(R"({"dialogues": [{"id": "x", "turns": [
      {"say": "hi", "expect": {"intent": "greeting"}}]}]})"),
                                     "f.json"),
               CorpusError);
  EXPECT_THROW(
      parse_corpus_document(json::parse(R"({"dialogues": [{"id": "x", "turns": []}]})"), "f.json"),
      CorpusError);
  EXPECT_THROW(parse_corpus_document(json::parse(R"({"dialogues": [{"id": "x", "car": {"lat": "n"},
      "turns": [{"say": "hi", "expect": {"intent": "greeting", "tool_calls": []}}]}]})"),
                                     "f.json"),
               CorpusError);
  try {
    parse_corpus_document(json::parse(R"({"dialogues": [{"id": "d7", "turns": [{"say": "hi",
        "expect": {"intent": "greeting", "lang": "fr", "tool_calls": []}}]}]})"),
                          "f.json");
    FAIL() << "a French lang was accepted";
  } catch (const CorpusError& error) {
    EXPECT_NE(std::string(error.what()).find("f.json d7"), std::string::npos) << error.what();
  }
  EXPECT_THROW(load_corpus(codriver::testing::TempDir().path()), CorpusError);
}

// --- The agent on the whole corpus -------------------------------------------------------

TEST(AgentCorpus, UnderstandsTheCorpusOnMonaco) {
  codriver::testing::TempDir scratch;
  map::import_bundle(codriver::testing::shared_data("osm/monaco.osm.pbf"), scratch / "monaco");
  AgentOptions options;
  options.bundle = scratch / "monaco";
  options.memory_path = ":memory:";
  AgentConversation conversation(options);
  const EvalReport report = run_corpus(corpus(), conversation);
  std::printf("%s\n", format_report(report, 400).c_str());

  // Regression floors, a little under what the embedded parser measured when it landed
  // (intent 98.5%, exact calls 95.1%, dialogues 93.2%): a change that loses understanding
  // fails here. Raise them as the parser improves; never lower them to pass.
  EXPECT_GE(report.all.intent_accuracy(), 0.96);
  EXPECT_GE(report.all.call_accuracy(), 0.92);
  EXPECT_GE(report.by_language.at("zh").intent_accuracy(), 0.94);
  EXPECT_GE(report.by_language.at("en").intent_accuracy(), 0.96);
  EXPECT_GE(report.dialogues.success_rate(), 0.90);
  // Every utterance was asked and answered with an intent.
  EXPECT_EQ(report.all.utterances, shape_of(corpus()).utterances);
  for (const auto& turn : report.turns) {
    EXPECT_FALSE(turn.answer.value("intent", "").empty()) << turn.say;
  }
}

}  // namespace
}  // namespace codriver::agent::eval
