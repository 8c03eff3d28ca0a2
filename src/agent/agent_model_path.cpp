// The model path of the agent: when the embedded parser is not sure, a chat model reads
// the request, calls the same tools through the registry, and writes the answer.
#include <algorithm>
#include <set>

#include "agent/agent.h"
#include "agent/model_prompt.h"
#include "agent/spoken.h"

namespace codriver::agent {
namespace {

using nlohmann::json;
using routing::Language;
using Clock = std::chrono::steady_clock;

// The parser is sure enough to act alone at or above this confidence.
constexpr double kFastPathConfidence = 0.7;
// Enough for a tool call with its arguments or two spoken sentences, in either language.
constexpr int kMaxReplyTokens = 256;
// A request this long probably holds several needs: the cloud model is better at those.
constexpr std::size_t kLongRequestBytes = 80;
// The model turns kept as context for follow-ups ("the second one", "and parking there?").
constexpr std::size_t kHistoryTurns = 8;
// The longest answer read out; a model that rambles is cut at a sentence end before it.
constexpr std::size_t kMaxSpokenBytes = 400;

std::string trimmed_speech(std::string text) {
  const auto first = text.find_first_not_of(" \n\t");
  text.erase(0, first == std::string::npos ? text.size() : first);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.pop_back();
  if (text.size() <= kMaxSpokenBytes) return text;
  std::size_t cut = 0;
  for (const char* end : {". ", "。", "! ", "? ", "！", "？"}) {
    const auto at = text.rfind(end, kMaxSpokenBytes);
    if (at != std::string::npos) cut = std::max(cut, at + std::string_view(end).size());
  }
  return text.substr(0, cut > 0 ? cut : kMaxSpokenBytes);
}

// The problem with a model's call, or empty when the registry would run it.
std::string call_problem(const ToolRegistry& registry, const llm::ToolCall& call, json& arguments) {
  if (registry.find(call.name) == nullptr) return "there is no tool named \"" + call.name + "\"";
  try {
    arguments = call.arguments_json.empty() ? json::object() : json::parse(call.arguments_json);
  } catch (const json::parse_error&) {
    return "the arguments are not valid JSON";
  }
  const auto violations = registry.validate(call.name, arguments);
  if (violations.empty()) return {};
  std::string problem;
  for (const auto& violation : violations)
    problem += (problem.empty() ? "" : "; ") + violation.path + " " + violation.message;
  return problem;
}

std::string failure_note(const std::string& path, const llm::ChatModelError& error) {
  return path + ": " + std::string(llm::error_kind_name(error.kind())) + " (" + error.what() + ")";
}

}  // namespace

bool Agent::wants_model(const language::ParseResult& parse, std::string_view text) const {
  if (!models_.on_device && !models_.cloud) return false;
  if (models_.model_first) return true;
  // Answers to the system's own questions stay on the fast path.
  if (parse.intent == "confirm" || parse.intent == "deny" || parse.intent == "select") return false;
  if (parse.intent == "clarify" && !parse.clarifies.empty()) return false;
  const bool unsure = parse.intent == "unknown" || parse.intent == "clarify" ||
                      parse.confidence < kFastPathConfidence;
  return unsure || text.size() > 2 * kLongRequestBytes;
}

Answer Agent::ask_models(std::string_view text, const language::ParseResult& parse, Answer answer) {
  struct Path {
    const char* name;
    llm::ChatModel* model;
    std::chrono::milliseconds budget;
  };
  std::vector<Path> paths;
  const bool needs_cloud = !models_.on_device || text.size() > kLongRequestBytes;
  if (models_.cloud && needs_cloud)
    paths.push_back({"cloud", models_.cloud.get(), models_.cloud_deadline});
  if (models_.on_device)
    paths.push_back({"on_device", models_.on_device.get(), models_.on_device_deadline});
  if (models_.cloud && !needs_cloud)
    paths.push_back({"cloud", models_.cloud.get(), models_.cloud_deadline});

  std::vector<std::string> failures;
  for (const Path& path : paths) {
    try {
      Answer attempt = answer;
      attempt.path = path.name;
      attempt.model = path.model->describe();
      attempt = model_turn(*path.model, path.budget, text, std::move(attempt));
      attempt.fallbacks = failures;
      return attempt;
    } catch (const llm::ChatModelError& error) {
      failures.push_back(failure_note(path.name, error));
    }
  }
  // Every model failed: the embedded path answers, and says the assistant is limited now.
  Answer fallback = answer_embedded(parse, std::move(answer));
  fallback.path = "embedded";
  fallback.fallbacks = failures;
  const std::string notice =
      say(fallback.lang, "I can't reach my language model right now. ", "暂时连不上语言模型。");
  fallback.speech = notice + fallback.speech;
  return fallback;
}

// The fixed beginning of every request: the rules and the tools, described in English
// whatever the driver speaks (the user turn says which language to answer in), so it is
// the same text every time and an on-device model reads it only once.
llm::ChatRequest Agent::model_request(routing::Language) const {
  llm::ChatRequest request;
  request.max_tokens = kMaxReplyTokens;
  request.messages.push_back({"system", system_prompt(), {}, {}});
  for (const auto& tool : registry_.openai_tools(routing::Language::kEnglish))
    request.tools.push_back(tool.dump());
  return request;
}

void Agent::prepare_models() {
  if (models_.on_device) models_.on_device->prepare(model_request(routing::Language::kEnglish));
}

Answer Agent::model_turn(llm::ChatModel& model, std::chrono::milliseconds budget,
                         std::string_view text, Answer answer) {
  const auto deadline = Clock::now() + budget;
  llm::ChatRequest request = model_request(answer.lang);
  request.messages.insert(request.messages.end(), model_history_.begin(), model_history_.end());
  request.messages.push_back({"user", user_message(world_.dialog, answer.lang, text), {}, {}});
  request.deadline = deadline;
  const std::size_t first_new = request.messages.size() - 1;

  bool corrected_once = false;
  std::string final_text;
  bool answered = false;
  for (int step = 0; step < models_.max_steps && !answered; ++step) {
    const llm::ChatReply reply = model.complete(request);
    if (reply.tool_calls.empty()) {
      final_text = reply.content;
      answered = true;
      break;
    }
    request.messages.push_back({"assistant", reply.content, reply.tool_calls, {}});
    for (const llm::ToolCall& model_call : reply.tool_calls) {
      json arguments;
      const std::string problem = call_problem(registry_, model_call, arguments);
      if (!problem.empty()) {
        if (corrected_once) {
          throw llm::ChatModelError(llm::ChatModelError::Kind::kBadResponse,
                                    "the model's tool call stayed invalid: " + problem);
        }
        corrected_once = true;
        request.messages.push_back(
            {"tool", rejected_call_message(model_call.name, problem), {}, model_call.id});
        continue;
      }
      ToolCall call{model_call.name, arguments, CallStatus::kDone};
      if (needs_confirmation(call)) return ask_for_confirmation(std::move(call), std::move(answer));
      const ToolResult result = execute(std::move(call), answer);
      request.messages.push_back({"tool", fenced_tool_result(result), {}, model_call.id});
    }
  }
  if (!answered && answer.tool_calls.empty()) {
    throw llm::ChatModelError(llm::ChatModelError::Kind::kBadResponse,
                              "the model kept calling tools without answering");
  }
  // The tools' own answer stands when the model gave none, or named a place no tool gave.
  const std::string spoken = trimmed_speech(final_text);
  if (answered && !spoken.empty() && !mentions_unreturned_place(spoken, answer))
    answer.speech = spoken;
  if (answer.tool_calls.empty()) answer.intent = "chat";
  for (std::size_t i = first_new; i < request.messages.size(); ++i)
    model_history_.push_back(request.messages[i]);
  if (answered) model_history_.push_back({"assistant", answer.speech, {}, {}});
  if (model_history_.size() > kHistoryTurns * 4)
    model_history_.erase(model_history_.begin(),
                         model_history_.end() - static_cast<std::ptrdiff_t>(kHistoryTurns * 4));
  return answer;
}

// Whether the answer names a place of this map that no tool returned in this
// conversation: a model must not invent or misplace places.
bool Agent::mentions_unreturned_place(const std::string& speech, const Answer& answer) const {
  std::set<std::int64_t> returned;
  for (const auto& card : answer.cards) {
    if (card.is_object() && card.contains("id") && card["id"].is_number_integer())
      returned.insert(card["id"].get<std::int64_t>());
  }
  for (const auto& item : world_.dialog.results)
    returned.insert(item.id);
  for (const auto& match : world_.gazetteer().find_in(speech, 10, 0.9)) {
    if (match.kind != "street" && !returned.contains(match.id)) return true;
  }
  return false;
}

}  // namespace codriver::agent
