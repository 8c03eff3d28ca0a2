#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "agent/tool_call.h"
#include "routing/instructions.h"

// One turn's answer: what is said (short, safe to hear while driving), what the screen
// shows (cards with the detail), and what was done.
namespace codriver::agent {

struct Answer {
  routing::Language lang = routing::Language::kEnglish;
  std::string intent;
  std::vector<ToolCall> tool_calls;
  std::string speech;
  nlohmann::json cards = nlohmann::json::array();
  double confidence = 0;
  std::string path = "embedded";       // which understanding answered: embedded, on_device, cloud
  std::string model;                   // the chat model that answered, when one did
  std::vector<std::string> fallbacks;  // paths that failed before this one, and why
};

// {"lang","intent","tool_calls","speech","cards","confidence","path"}
nlohmann::json to_json(const Answer& answer);

std::string language_code(routing::Language language);  // "en" / "zh"

}  // namespace codriver::agent
