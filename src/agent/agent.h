#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "agent/agent_world.h"
#include "agent/answer.h"
#include "agent/tool_registry.h"
#include "language/intent_parser.h"

// The co-driver: one utterance in, an answer out. Understanding by the embedded parser
// (a model plugs in later through the same registry), references and follow-ups from the
// dialog state, confirmation before a trip changes while the car moves, and a short
// spoken answer in the driver's language with the detail on cards.
namespace codriver::agent {

class Agent {
 public:
  explicit Agent(const AgentOptions& options);

  Answer ask(std::string_view text, std::optional<routing::Language> language = std::nullopt);

  void set_car(const CarState& car) { world_.dialog.car = car; }
  // Lets `seconds` of driving pass for the simulated car on the active route.
  void advance(double seconds) { world_.advance(seconds); }
  // Forgets the conversation and the trip; keeps the car and the memory.
  void reset() { world_.dialog.reset_conversation(); }

  const DialogState& state() const { return world_.dialog; }
  // The map's words for the speech recogniser (see AgentWorld).
  std::vector<std::string> place_names() { return world_.place_names(); }
  std::vector<std::string> street_names() const { return world_.street_names(); }
  std::vector<std::string> cuisine_words() const { return AgentWorld::cuisine_words(); }
  const ToolRegistry& tools() const { return registry_; }
  Memory& memory() { return world_.memory(); }

 private:
  Answer run_tool(ToolCall call, Answer answer);
  // Runs the call and puts its outcome, speech and cards into `answer`.
  void execute(ToolCall call, Answer& answer);
  Answer answer_dialog_intent(const language::ParseResult& parse, Answer answer);
  bool resolve_reference(nlohmann::json& arguments, Answer& answer);

  AgentWorld world_;
  ToolRegistry registry_;
  language::IntentParser parser_;
};

}  // namespace codriver::agent
