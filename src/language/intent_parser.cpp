#include "language/intent_parser.h"

#include <initializer_list>

#include "language/slot_filling.h"
#include "language/utterance_analysis.h"

namespace codriver::language {
namespace {

using Json = nlohmann::json;

constexpr double kSure = 0.95;
constexpr double kLikely = 0.85;
constexpr double kGuess = 0.7;

struct Decision {
  std::string intent;
  Json arguments = Json::object();
  double certainty = kSure;
  bool refinement = false;
  std::string question_en, question_zh;
  std::string clarifies;
};

Decision clarify(std::string en, std::string zh, std::string clarifies = {}) {
  return {"clarify",     Json::object(),      kSure, false, std::move(en),
          std::move(zh), std::move(clarifies)};
}

bool has_any(const UtteranceAnalysis& a, std::initializer_list<Concept> concepts) {
  for (Concept meaning : concepts) {
    if (a.has(meaning)) return true;
  }
  return false;
}

bool has_constraint(const UtteranceAnalysis& a) {
  return has_any(a, {Concept::kCuisine, Concept::kCheap, Concept::kModerate, Concept::kUpscale,
                     Concept::kExpensive, Concept::kOpenNow, Concept::kCovered,
                     Concept::kParkingType, Concept::kFree, Concept::kFast, Concept::kSocket,
                     Concept::kClosest, Concept::kCheapest, Concept::kBest, Concept::kAlongRoute,
                     Concept::kDestination, Concept::kNearAnchor}) ||
         !a.quantities.empty() || a.time.has_value();
}

bool has_action(const UtteranceAnalysis& a) {
  return has_any(
             a,
             {Concept::kNavigate, Concept::kAddStop,    Concept::kCancel,   Concept::kFind,
              Concept::kEat,      Concept::kPark,       Concept::kCharge,   Concept::kCategory,
              Concept::kCuisine,  Concept::kPlanCharge, Concept::kLight,    Concept::kBattery,
              Concept::kRange,    Concept::kEta,        Concept::kTimeLeft, Concept::kDistanceLeft,
              Concept::kNextTurn, Concept::kForget,     Concept::kLike,     Concept::kDislike,
              Concept::kSaveAs,   Concept::kAvoid}) ||
         !a.names.empty();
}

// "the closer one", "便宜一点的那家": one item of the list rather than a new search.
bool points_at_one(const UtteranceAnalysis& a) {
  if (a.has(Concept::kThat) || !a.ordinals.empty()) return true;
  const std::string& text = a.text.folded;
  const std::size_t one = text.find("one");
  return one != std::string::npos && (one + 3 == text.size() || text[one + 3] == ' ') &&
         (one == 0 || text[one - 1] == ' ');
}

bool navigation_verb(const UtteranceAnalysis& a) {
  return a.has(Concept::kNavigate) || a.has_positive(Concept::kGo);
}

// "去吃火锅", "go eat": the verb belongs to eating, not to driving somewhere named.
bool go_to_eat(const UtteranceAnalysis& a) {
  const auto* go = a.first(Concept::kGo);
  const auto* eat = a.first(Concept::kEat);
  return go != nullptr && eat != nullptr && eat->begin >= go->end && eat->begin - go->end <= 1;
}

void fill_search(const std::string& intent, const UtteranceAnalysis& a, Json& arguments) {
  fill_search_area(a, arguments);
  if (intent == "find_parking") {
    fill_parking_constraints(a, arguments);
  } else if (intent == "find_chargers") {
    fill_charger_constraints(a, arguments);
  } else {
    fill_restaurant_constraints(a, arguments);
  }
}

std::string search_intent(const std::string& category) {
  if (category == "parking") return "find_parking";
  if (category == "charging_station") return "find_chargers";
  return "find_restaurants";
}

std::string saved_label(const UtteranceAnalysis& a) {
  const auto* work = a.first(Concept::kWork);
  const auto* home = a.first(Concept::kHome);
  if (work != nullptr && (home == nullptr || work->begin < home->begin)) return "work";
  for (const auto* save : a.all(Concept::kSaveAs)) {
    const std::string phrase = a.text.folded.substr(save->begin, save->end - save->begin);
    for (const char* word : {"work", "office", "公司", "单位", "上班"}) {
      if (phrase.find(word) != std::string::npos) return "work";
    }
  }
  return "home";
}

// Where a saved place is: a place named, a result picked, or where the car is.
void fill_saved_place_value(const UtteranceAnalysis& a, const ParserContext& context,
                            Json& arguments) {
  Json target = navigation_target(a);
  if (target.contains("destination")) {
    arguments["value"] = target["destination"];
  } else if (context.has_results && (a.has(Concept::kThat) || !a.ordinals.empty())) {
    arguments["ref"] = *result_reference(a);
  } else {
    arguments["value"] = "here";
  }
}

std::optional<std::string> parking_preference(const UtteranceAnalysis& a) {
  if (a.has_positive(Concept::kCovered)) return "covered";
  if (const auto* type = a.first(Concept::kParkingType); type && type->value == "underground") {
    return "underground";
  }
  if (a.has_positive(Concept::kFree)) return "free";
  if (a.has_positive(Concept::kCheap) || a.has(Concept::kCheapest)) return "cheap";
  return std::nullopt;
}

std::optional<Decision> decide_confirmation(const UtteranceAnalysis& a,
                                            const ParserContext& context) {
  if (!context.awaiting_confirmation || has_action(a)) return std::nullopt;
  const bool yes = a.has(Concept::kYes);
  const bool no = has_any(a, {Concept::kNo, Concept::kNegation, Concept::kCancel});
  if (yes && !no) return Decision{"confirm"};
  if (no) return Decision{"deny"};
  return std::nullopt;
}

std::optional<Decision> decide_memory(const UtteranceAnalysis& a, const ParserContext& context) {
  if (a.has(Concept::kForget)) return Decision{"forget_me"};
  if (const auto* language = a.first(Concept::kLanguageSwitch); language) {
    return Decision{"set_preference", {{"key", "language"}, {"value", language->value}}};
  }
  const bool saves_place =
      a.has(Concept::kSaveAs) ||
      (a.has(Concept::kRemember) && has_any(a, {Concept::kHome, Concept::kWork}));
  if (saves_place && !navigation_verb(a)) {
    Decision decision{"set_preference", {{"key", saved_label(a)}}};
    fill_saved_place_value(a, context, decision.arguments);
    return decision;
  }
  const bool likes = a.has(Concept::kLike) || a.has(Concept::kRemember);
  const bool dislikes = a.has(Concept::kDislike);
  if (likes || dislikes) {
    if (a.has(Concept::kPark) || a.has(Concept::kParkingType)) {
      if (auto value = parking_preference(a); value) {
        return Decision{"set_preference", {{"key", "parking"}, {"value", *value}}};
      }
    }
    if (const auto* cuisine = a.first(Concept::kCuisine); cuisine) {
      const bool negative = dislikes || cuisine->negated;
      return Decision{
          "set_preference",
          {{"key", negative ? "disliked_cuisine" : "liked_cuisine"}, {"value", cuisine->value}}};
    }
  }
  if (a.has(Concept::kAvoid) && a.has(Concept::kCuisine)) {  // "never suggest burgers"
    return Decision{"set_preference",
                    {{"key", "disliked_cuisine"}, {"value", a.first(Concept::kCuisine)->value}}};
  }
  if (a.has(Concept::kAvoid) || (dislikes && (a.has(Concept::kThat) || !a.names.empty()))) {
    Decision decision{"set_preference", {{"key", "avoid_place"}}};
    Json target = navigation_target(a);
    if (target.contains("destination")) {
      decision.arguments["value"] = target["destination"];
    } else if (context.has_results) {
      decision.arguments["ref"] = result_reference(a).value_or(Json{{"that", true}});
    } else {
      return clarify("Which place should I stop suggesting?", "不再推荐哪个地方？");
    }
    return decision;
  }
  return std::nullopt;
}

bool contains_any(const UtteranceAnalysis& a, std::initializer_list<const char*> words) {
  for (const char* word : words) {
    if (a.text.folded.find(word) != std::string::npos) return true;
  }
  return false;
}

// "When", "how long", "几秒": the driver wants a time, not a colour.
bool asks_when(const UtteranceAnalysis& a) {
  return has_any(a, {Concept::kTimeLeft, Concept::kEta}) ||
         contains_any(a, {"when", "how long", "how many seconds", "几秒", "多久", "什么时候",
                          "多长时间", "等多久"});
}

// "Red or green?" asks the colour.
bool names_red(const UtteranceAnalysis& a) {
  return contains_any(a, {"red", "红"});
}

std::optional<Decision> decide_status(const UtteranceAnalysis& a) {
  if (a.has(Concept::kCancel)) return Decision{"cancel_navigation"};
  if (a.has(Concept::kPlanCharge)) {
    Decision decision{"plan_charging"};
    // Only a name the map knows or a saved place: "before", "这趟" are not destinations.
    Json target = navigation_target(a);
    if (target.contains("saved_place") || (target.contains("destination") && a.best_name(0.75))) {
      for (const char* key : {"destination", "saved_place"}) {
        if (target.contains(key)) decision.arguments[key] = target[key];
      }
    }
    for (const auto& quantity : a.quantities) {
      if (quantity.kind == QuantityKind::kPercent)
        decision.arguments["min_arrival_percent"] = quantity.value;
    }
    return decision;
  }
  const bool about_green =
      a.has(Concept::kGreen) && !has_any(a, {Concept::kFind, Concept::kNavigate, Concept::kEat,
                                             Concept::kPark, Concept::kCharge});
  if (a.has(Concept::kLight) || a.has(Concept::kSpeedAdvice) || about_green) {
    Decision decision{"traffic_light_status"};
    if (a.has(Concept::kSpeedAdvice)) {
      decision.arguments["about"] = "advice";
    } else if (asks_when(a) || (a.has(Concept::kGreen) && !names_red(a))) {
      decision.arguments["about"] = "time_to_green";
    }
    return decision;
  }
  return std::nullopt;
}

std::optional<Decision> decide_vehicle_or_route(const UtteranceAnalysis& a) {
  std::vector<std::string> vehicle;
  if (a.has(Concept::kBattery)) vehicle.push_back("charge");
  if (a.has(Concept::kRange)) vehicle.push_back("range");
  if (a.has(Concept::kCurrentSpeed)) vehicle.push_back("speed");
  if (!vehicle.empty() || a.has(Concept::kVehicleStatus)) {
    Decision decision{"vehicle_status"};
    if (vehicle.size() == 1) decision.arguments["about"] = vehicle.front();
    return decision;
  }
  std::vector<std::string> route;
  if (a.has(Concept::kEta)) route.push_back("eta");
  if (a.has(Concept::kTimeLeft)) route.push_back("time_left");
  if (a.has(Concept::kDistanceLeft)) route.push_back("distance_left");
  if (a.has(Concept::kNextTurn)) route.push_back("next_maneuver");
  if (!route.empty() || a.has(Concept::kRouteStatus)) {
    Decision decision{"route_info"};
    if (route.size() == 1) decision.arguments["about"] = route.front();
    return decision;
  }
  return std::nullopt;
}

// A trip change: navigate_to or add_stop with a target, a picked result or a question.
Decision decide_trip(const std::string& intent, const UtteranceAnalysis& a,
                     const ParserContext& context) {
  Json target = navigation_target(a);
  if (context.has_results && points_at_one(a) && !target.contains("destination") &&
      !target.contains("lat") && !target.contains("saved_place")) {
    return Decision{intent, {{"ref", *result_reference(a)}}};
  }
  if (target.empty() && context.has_results) {
    // "带我去", "go there" right after a list: the chosen (or first) item.
    return Decision{intent, {{"ref", {{"that", true}}}}, kLikely};
  }
  if (target.empty()) {
    if (intent == "add_stop") {
      return clarify("Where should I add the stop?", "途经点加在哪里？", "add_stop");
    }
    return clarify("Where would you like to go?", "您想去哪里？", "navigate_to");
  }
  const bool named = target.contains("destination");
  const bool from_map = a.best_name(0.75) != nullptr;
  return Decision{intent, target, named && !from_map ? kGuess : kSure};
}

std::optional<Decision> decide_place_search(const UtteranceAnalysis& a,
                                            const ParserContext& context) {
  const auto category = named_category(a);
  if (!category) return std::nullopt;
  // "How far can I go on this charge?" asks about the car, not for a charger.
  if (*category == "charging_station" && !a.has(Concept::kFind) &&
      has_any(a, {Concept::kRange, Concept::kBattery, Concept::kCurrentSpeed,
                  Concept::kVehicleStatus})) {
    return std::nullopt;
  }
  if (a.has(Concept::kAddStop)) return decide_trip("add_stop", a, context);
  const bool sure_name =
      a.best_name(0.85) != nullptr && !a.has(Concept::kNearAnchor) && !a.has(Concept::kNearby);
  if (navigation_verb(a) && (sure_name || (!a.has(Concept::kFind) && !go_to_eat(a)))) {
    Decision decision = decide_trip("navigate_to", a, context);
    if (decision.intent != "clarify" && !decision.arguments.contains("destination") &&
        !decision.arguments.contains("ref")) {
      decision.arguments = {{"category", *category}};
      for (const auto* cuisine : a.all(Concept::kCuisine)) {
        if (!cuisine->negated) decision.arguments["cuisine"] = cuisine->value;
      }
    }
    return decision;
  }
  if (*category == "fuel") return Decision{"navigate_to", {{"category", "fuel"}}, kLikely};
  Decision decision{search_intent(*category)};
  fill_search(decision.intent, a, decision.arguments);
  // "What about Japanese?" keeps the rest of the last search.
  decision.refinement = decision.intent == context.last_search_intent &&
                        (a.has(Concept::kWhatAbout) || a.has(Concept::kCorrection) ||
                         !has_any(a, {Concept::kFind, Concept::kEat, Concept::kPark,
                                      Concept::kCharge, Concept::kCategory}));
  return decision;
}

// "The second one", "tell me about the Italian one": a pick from the list on screen.
std::optional<Decision> decide_pick(const UtteranceAnalysis& a, const ParserContext& context) {
  if (!context.has_results || a.has(Concept::kFind) || navigation_verb(a) ||
      a.has(Concept::kAddStop) ||
      has_any(a, {Concept::kEta, Concept::kTimeLeft, Concept::kDistanceLeft, Concept::kNextTurn,
                  Concept::kLight, Concept::kBattery, Concept::kRange})) {
    return std::nullopt;
  }
  const bool picks = points_at_one(a) || a.has(Concept::kTellMore) ||
                     (a.has(Concept::kCorrection) && a.has(Concept::kCuisine));
  if (!picks) return std::nullopt;
  if (auto reference = result_reference(a); reference) {
    return Decision{"select", {{"ref", *reference}}};
  }
  return std::nullopt;
}

std::optional<Decision> decide_follow_up(const UtteranceAnalysis& a, const ParserContext& context) {
  if (context.has_results) {
    const bool picks = points_at_one(a) || a.has(Concept::kTellMore) ||
                       (a.has(Concept::kCorrection) && a.has(Concept::kCuisine));
    if (picks) {
      if (auto reference = result_reference(a); reference) {
        return Decision{"select", {{"ref", *reference}}};
      }
    }
  }
  if (!context.last_search_intent.empty() && has_constraint(a)) {
    Decision decision{context.last_search_intent, Json::object(), kLikely, true};
    fill_search(decision.intent, a, decision.arguments);
    return decision;
  }
  return std::nullopt;
}

std::optional<Decision> decide_social(const UtteranceAnalysis& a) {
  if (a.has(Concept::kHelp)) return Decision{"help"};
  if (a.has(Concept::kThanks)) return Decision{"thanks"};
  if (a.has(Concept::kGreeting) && a.coverage > 0.5) return Decision{"greeting"};
  // A yes that is most of what was said ("是" inside a question is not a yes).
  if (a.has(Concept::kYes) && !a.has(Concept::kNo) && a.coverage >= 0.6) {
    return Decision{"confirm", {}, kLikely};
  }
  if (a.has(Concept::kNo)) return Decision{"deny", {}, kLikely};
  return std::nullopt;
}

// "A gas station" right after "Where should I add the stop?": the trip request goes on.
std::optional<Decision> decide_answer_to_where(const UtteranceAnalysis& a,
                                               const ParserContext& context) {
  if (context.awaiting_target_for.empty()) return std::nullopt;
  Json target = navigation_target(a);
  if (target.empty()) return std::nullopt;
  return Decision{context.awaiting_target_for, target, kLikely};
}

// "Is there a McDonald's?", "帮我找一下麦当劳": a restaurant looked for by its name.
std::optional<Decision> decide_search_by_name(const UtteranceAnalysis& a) {
  if (!a.has(Concept::kFind) || navigation_verb(a)) return std::nullopt;
  if (const auto* name = a.best_name(0.75); name) {
    const bool eats = name->kind == "restaurant" || name->kind == "cafe" ||
                      name->kind == "fast_food" || name->kind == "food_court";
    if (!eats) return std::nullopt;
    Json arguments = {{"name", navigation_target(a).value("destination", name->name)}};
    return Decision{"find_restaurants", arguments, kLikely};
  }
  for (const auto& chunk : a.unexplained) {
    if (chunk.end - chunk.begin >= 3)
      return Decision{"find_restaurants", {{"name", chunk.text}}, kGuess};
  }
  return std::nullopt;
}

Decision decide(const UtteranceAnalysis& a, const ParserContext& context) {
  if (a.text.folded.empty()) return clarify("Sorry, I didn't catch that.", "抱歉，我没听清。");
  using Rule = std::optional<Decision> (*)(const UtteranceAnalysis&, const ParserContext&);
  static const Rule kRules[] = {
      decide_confirmation,
      decide_memory,
      [](const UtteranceAnalysis& x, const ParserContext&) { return decide_status(x); },
      decide_pick,
      decide_place_search,
      [](const UtteranceAnalysis& x, const ParserContext&) { return decide_vehicle_or_route(x); },
  };
  const bool asks_anew = has_any(a, {Concept::kFind, Concept::kNavigate, Concept::kAddStop,
                                     Concept::kCancel, Concept::kNo, Concept::kNegation});
  if (!asks_anew) {
    if (auto answer = decide_answer_to_where(a, context); answer) return *answer;
  }
  for (Rule rule : kRules) {
    if (auto decision = rule(a, context); decision) return *decision;
  }
  if (a.has(Concept::kAddStop)) return decide_trip("add_stop", a, context);
  if (navigation_verb(a)) return decide_trip("navigate_to", a, context);
  if (auto decision = decide_follow_up(a, context); decision) return *decision;
  if (auto decision = decide_social(a); decision) return *decision;
  if (has_any(a, {Concept::kHome, Concept::kWork}) && !a.has(Concept::kRemember)) {
    return Decision{"navigate_to", {{"saved_place", saved_label(a)}}, kLikely};  // "回家"
  }
  if (auto search = decide_search_by_name(a); search) return *search;
  // A place name alone is a destination, when it is most of what was said.
  if (const auto* name = a.best_name(0.85); name && a.coverage >= 0.6) {
    return Decision{"navigate_to", navigation_target(a), kGuess};
  }
  if (a.has(Concept::kFind)) {
    return clarify("What should I look for: a restaurant, parking or a charger?",
                   "要找什么：餐厅、停车场还是充电桩？");
  }
  if ((a.has(Concept::kThat) || !a.ordinals.empty()) && !context.has_results) {
    return clarify("Which place do you mean? Ask me to find something first.",
                   "您指的是哪个地方？请先让我搜索一下。");
  }
  return Decision{"unknown", Json::object(), 1.0 - a.coverage};
}

}  // namespace

IntentParser::IntentParser(CueLexicon lexicon, const Gazetteer* gazetteer)
    : lexicon_(std::move(lexicon)), gazetteer_(gazetteer) {}

ParseResult IntentParser::parse(std::string_view utterance, const ParserContext& context) const {
  const UtteranceAnalysis analysis = analyse_utterance(utterance, lexicon_, gazetteer_);
  Decision decision = decide(analysis, context);
  ParseResult result;
  result.language = analysis.language;
  result.intent = decision.intent;
  result.arguments = std::move(decision.arguments);
  result.refinement = decision.refinement;
  result.question_en = std::move(decision.question_en);
  result.question_zh = std::move(decision.question_zh);
  result.clarifies = std::move(decision.clarifies);
  // How much of the sentence the reading explains tempers how sure the rule was.
  result.confidence = decision.certainty * (0.55 + 0.45 * analysis.coverage);
  for (const auto& chunk : analysis.unexplained) {
    if (!result.unexplained.empty()) result.unexplained += " ";
    result.unexplained += chunk.text;
  }
  const bool acts = result.intent != "clarify" && result.intent != "unknown";
  if (acts && result.confidence < kConfidenceThreshold) {
    result.intent = "clarify";
    result.arguments = Json::object();
    result.question_en = "Sorry, I'm not sure what you mean. Could you say it another way?";
    result.question_zh = "抱歉，我不太确定您的意思，能换个说法吗？";
  }
  return result;
}

Json to_json(const ParseResult& result) {
  Json json = {{"lang", result.language == routing::Language::kChinese ? "zh" : "en"},
               {"intent", result.intent},
               {"arguments", result.arguments},
               {"confidence", result.confidence}};
  if (result.refinement) json["refinement"] = true;
  if (!result.question_en.empty()) {
    json["question"] =
        result.language == routing::Language::kChinese ? result.question_zh : result.question_en;
  }
  if (!result.unexplained.empty()) json["unexplained"] = result.unexplained;
  return json;
}

}  // namespace codriver::language
