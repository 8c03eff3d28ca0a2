#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "agent/agent_world.h"
#include "agent/answer.h"
#include "agent/tool_registry.h"
#include "language/intent_parser.h"
#include "llm/chat_model/chat_model.h"

// The co-driver: one utterance in, an answer out. Understanding by the embedded parser
// (a model plugs in later through the same registry), references and follow-ups from the
// dialog state, confirmation before a trip changes while the car moves, and a short
// spoken answer in the driver's language with the detail on cards.
namespace codriver::agent {

// The chat models behind the embedded parser (issue 8's hybrid policy): the parser answers
// what it is sure of; the rest goes to the on-device model, or to the cloud model when one
// is configured and the request needs it (long, several needs, or the car's model failed).
// Every model call has a deadline; a failure falls through to the next path and, last, to
// an honest answer from the embedded path.
struct ModelOptions {
  std::shared_ptr<llm::ChatModel> on_device;  // null: none on this car
  std::shared_ptr<llm::ChatModel> cloud;      // null: not configured
  std::chrono::milliseconds on_device_deadline{10000};
  std::chrono::milliseconds cloud_deadline{8000};
  int max_steps = 4;         // model calls per request (tool rounds + the answer)
  bool model_first = false;  // skip the fast path: every request goes to a model (evaluation)
};

class Agent {
 public:
  explicit Agent(const AgentOptions& options);

  Answer ask(std::string_view text, std::optional<routing::Language> language = std::nullopt);

  void set_car(const CarState& car) { world_.dialog.car = car; }
  void set_models(ModelOptions models) { models_ = std::move(models); }
  // Lets the on-device model read the rules and tools now (seconds on a car's CPU), so the
  // driver's first request to it does not wait for them. Safe to run on another thread
  // while the driver speaks: the model serves one request at a time.
  void prepare_models();
  // Lets `seconds` of driving pass for the simulated car on the active route.
  void advance(double seconds) { world_.advance(seconds); }
  // Forgets the conversation and the trip (a simulated car parks); keeps the car and the memory.
  void reset() {
    world_.dialog.reset_conversation();
    world_.stop_drive();
  }

  const DialogState& state() const { return world_.dialog; }
  // What the tools act on, for screens that show it (the cockpit server).
  AgentWorld& world() { return world_; }
  // The map's words for the speech recogniser (see AgentWorld).
  std::vector<std::string> place_names() { return world_.place_names(); }
  std::vector<std::string> street_names() const { return world_.street_names(); }
  std::vector<std::string> cuisine_words() const { return AgentWorld::cuisine_words(); }
  const ToolRegistry& tools() const { return registry_; }
  Memory& memory() { return world_.memory(); }

 private:
  Answer run_tool(ToolCall call, Answer answer);
  // Runs the call and puts its outcome, speech and cards into `answer`.
  ToolResult execute(ToolCall call, Answer& answer);
  bool needs_confirmation(const ToolCall& call) const;
  Answer ask_for_confirmation(ToolCall call, Answer answer);

  // The model path (agent_model_path.cpp).
  bool wants_model(const language::ParseResult& parse, std::string_view text) const;
  Answer ask_models(std::string_view text, const language::ParseResult& parse, Answer answer);
  llm::ChatRequest model_request(routing::Language language) const;
  Answer model_turn(llm::ChatModel& model, std::chrono::milliseconds budget, std::string_view text,
                    Answer answer);
  bool mentions_unreturned_place(const std::string& speech, const Answer& answer) const;
  Answer answer_embedded(const language::ParseResult& parse, Answer answer);
  Answer answer_dialog_intent(const language::ParseResult& parse, Answer answer);
  bool resolve_reference(nlohmann::json& arguments, Answer& answer);

  AgentWorld world_;
  ToolRegistry registry_;
  language::IntentParser parser_;
  ModelOptions models_;
  std::vector<llm::ChatTurn> model_history_;  // the last turns the models saw
};

}  // namespace codriver::agent
