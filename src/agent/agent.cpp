#include "agent/agent.h"

#include <algorithm>

#include "agent/spoken.h"
#include "agent/tools.h"
#include "places/cuisine.h"

namespace codriver::agent {
namespace {

using nlohmann::json;
using routing::Language;

bool is_search(const std::string& intent) {
  return intent == "find_restaurants" || intent == "find_parking" || intent == "find_chargers";
}

// "What about Japanese?" replaces the cuisine and keeps the rest of the last search.
json merged_search(const json& last, const json& update) {
  json merged = last;
  for (const auto& [key, value] : update.items())
    merged[key] = value;
  if (update.contains("cuisine") && merged.contains("exclude_cuisines")) {
    json& excluded = merged["exclude_cuisines"];
    excluded.erase(std::remove(excluded.begin(), excluded.end(), update["cuisine"]),
                   excluded.end());
    if (excluded.empty()) merged.erase("exclude_cuisines");
  }
  return merged;
}

// Which item of the list a reference means, or nullopt.
std::optional<std::size_t> pick(const DialogState& dialog, const json& reference) {
  const auto& results = dialog.results;
  if (results.empty()) return std::nullopt;
  if (reference.contains("ordinal")) {
    const int ordinal = reference["ordinal"];
    if (ordinal == -1) return results.size() - 1;
    if (ordinal >= 1 && static_cast<std::size_t>(ordinal) <= results.size()) return ordinal - 1;
    return std::nullopt;
  }
  if (reference.contains("compare")) {
    const std::string compare = reference["compare"];
    auto best = results.begin();
    for (auto it = results.begin(); it != results.end(); ++it) {
      if (compare == "closer" && it->distance_m < best->distance_m) best = it;
      if (compare == "cheaper" && it->price_level.value_or(5) < best->price_level.value_or(5))
        best = it;
    }
    return static_cast<std::size_t>(best - results.begin());
  }
  if (reference.contains("cuisine")) {
    const auto* cuisine = places::find_cuisine(reference["cuisine"].get<std::string>());
    for (std::size_t i = 0; i < results.size() && cuisine; ++i) {
      if (places::serves(results[i].cuisine, results[i].card.value("tags", json::object()).dump(),
                         *cuisine))
        return i;
    }
    return std::nullopt;
  }
  return dialog.selected.value_or(0);
}

std::string describe(const ResultItem& item, Language language) {
  return say(language, item.name + ", " + spoken_distance(item.distance_m, language) + " away.",
             item.name + "，距离" + spoken_distance(item.distance_m, language) + "。");
}

}  // namespace

Agent::Agent(const AgentOptions& options)
    : world_(options),
      registry_(make_tool_registry(world_)),
      parser_(world_.lexicon(), &world_.gazetteer()) {}

bool Agent::resolve_reference(json& arguments, Answer& answer) {
  if (!arguments.contains("ref")) return true;
  const auto index = pick(world_.dialog, arguments["ref"]);
  arguments.erase("ref");
  if (!index) {
    answer.intent = "clarify";
    answer.speech = say(answer.lang, "Which one do you mean?", "您指的是哪一个？");
    return false;
  }
  world_.dialog.selected = *index;
  arguments["place_id"] = world_.dialog.results[*index].id;
  return true;
}

Answer Agent::ask(std::string_view text, std::optional<Language> language) {
  DialogState& dialog = world_.dialog;
  const language::ParserContext context{dialog.pending.has_value(), !dialog.results.empty(),
                                        dialog.last_search_intent, dialog.awaiting_target_for};
  const language::ParseResult parse = parser_.parse(text, context);
  dialog.awaiting_target_for = parse.intent == "clarify" ? parse.clarifies : "";
  Answer answer;
  answer.lang = language.value_or(parse.language);
  if (!language) {
    if (auto setting = world_.memory().setting("language");
        setting && (*setting == "zh" || *setting == "en")) {
      answer.lang = *setting == "zh" ? Language::kChinese : Language::kEnglish;
    }
  }
  dialog.last_language = answer.lang;
  answer.intent = parse.intent;
  answer.confidence = parse.confidence;
  if (wants_model(parse, text)) return ask_models(text, parse, std::move(answer));
  return answer_embedded(parse, std::move(answer));
}

Answer Agent::answer_embedded(const language::ParseResult& parse, Answer answer) {
  DialogState& dialog = world_.dialog;
  if (registry_.find(parse.intent) == nullptr)
    return answer_dialog_intent(parse, std::move(answer));

  ToolCall call{parse.intent, parse.arguments, CallStatus::kDone};
  if (parse.refinement && is_search(parse.intent) && parse.intent == dialog.last_search_intent) {
    call.arguments = merged_search(dialog.last_search_arguments, parse.arguments);
  }
  if (!resolve_reference(call.arguments, answer)) return answer;
  if (call.name == "set_preference" && call.arguments.contains("place_id") &&
      !call.arguments.contains("value")) {
    call.arguments["value"] = world_.dialog.results[*world_.dialog.selected].name;
  }
  return run_tool(std::move(call), std::move(answer));
}

ToolResult Agent::execute(ToolCall call, Answer& answer) {
  ToolResult result = registry_.call(call);
  call.status = result.ok ? CallStatus::kDone : CallStatus::kFailed;
  answer.tool_calls.push_back(call);
  answer.speech = result.ok ? say(answer.lang, result.speech_en, result.speech_zh)
                            : say(answer.lang, result.error_en, result.error_zh);
  if (result.data.contains("places")) {
    answer.cards = result.data["places"];
  } else if (result.ok && !result.data.empty()) {
    answer.cards.push_back(result.data);
  }
  return result;
}

bool Agent::needs_confirmation(const ToolCall& call) const {
  const Tool* tool = registry_.find(call.name);
  return tool != nullptr &&
         (tool->destructive || (tool->changes_navigation && world_.dialog.car.moving()));
}

Answer Agent::ask_for_confirmation(ToolCall call, Answer answer) {
  call.status = CallStatus::kPendingConfirmation;
  world_.dialog.pending = call;
  answer.tool_calls.push_back(call);
  if (call.name == "forget_me") {
    answer.speech = say(answer.lang, "Delete everything I know about you? Say yes to confirm.",
                        "确定删除关于您的全部数据吗？请说“确定”。");
  } else if (call.name == "cancel_navigation") {
    answer.speech = say(answer.lang, "Cancel the navigation?", "要取消导航吗？");
  } else {
    answer.speech = say(answer.lang, "You're driving: shall I change the route?",
                        "您正在行驶，确定要更改路线吗？");
  }
  return answer;
}

Answer Agent::run_tool(ToolCall call, Answer answer) {
  if (needs_confirmation(call)) return ask_for_confirmation(std::move(call), std::move(answer));
  execute(std::move(call), answer);
  return answer;
}

Answer Agent::answer_dialog_intent(const language::ParseResult& parse, Answer answer) {
  DialogState& dialog = world_.dialog;
  const Language lang = answer.lang;
  if (parse.intent == "confirm" || parse.intent == "deny") {
    if (!dialog.pending) {
      answer.speech = say(lang, "There's nothing to confirm right now.", "现在没有需要确认的事。");
      return answer;
    }
    ToolCall call = *dialog.pending;
    dialog.pending.reset();
    if (parse.intent == "deny") {
      answer.speech = say(lang, "OK, I won't.", "好的，已取消。");
      return answer;
    }
    execute(std::move(call), answer);
    return answer;
  }
  if (parse.intent == "select") {
    json arguments = parse.arguments;
    // "No, I meant Italian" with no Italian place in the list: search again with it.
    if (arguments["ref"].contains("cuisine") && !pick(dialog, arguments["ref"]) &&
        !dialog.last_search_intent.empty()) {
      ToolCall call{
          dialog.last_search_intent,
          merged_search(dialog.last_search_arguments, {{"cuisine", arguments["ref"]["cuisine"]}})};
      answer.intent = call.name;
      return run_tool(std::move(call), std::move(answer));
    }
    if (!resolve_reference(arguments, answer)) return answer;
    const ResultItem& item = dialog.results[*dialog.selected];
    answer.cards.push_back(item.card);
    answer.speech = describe(item, lang) + say(lang, " Shall I take you there?", "要导航过去吗？");
    return answer;
  }
  if (parse.intent == "clarify") {
    answer.speech = lang == Language::kChinese ? parse.question_zh : parse.question_en;
  } else if (parse.intent == "greeting") {
    answer.speech = say(lang, "Hello! Where are we going?", "您好！我们去哪里？");
  } else if (parse.intent == "thanks") {
    answer.speech = say(lang, "You're welcome.", "不客气。");
  } else {
    answer.speech = say(lang,
                        "I can navigate, find restaurants, parking and chargers, plan charging and "
                        "tell you about the lights ahead.",
                        "我可以导航，找餐厅、停车场和充电桩，规划充电，还能告诉您前方红绿灯。");
  }
  return answer;
}

}  // namespace codriver::agent
