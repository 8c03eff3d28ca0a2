#include "agent/answer.h"

namespace codriver::agent {

std::string language_code(routing::Language language) {
  return language == routing::Language::kChinese ? "zh" : "en";
}

nlohmann::json to_json(const Answer& answer) {
  nlohmann::json calls = nlohmann::json::array();
  for (const auto& call : answer.tool_calls)
    calls.push_back(to_json(call));
  nlohmann::json document = {{"lang", language_code(answer.lang)},
                             {"intent", answer.intent},
                             {"tool_calls", calls},
                             {"speech", answer.speech},
                             {"cards", answer.cards},
                             {"confidence", answer.confidence},
                             {"path", answer.path}};
  if (!answer.model.empty()) document["model"] = answer.model;
  if (!answer.fallbacks.empty()) document["fallbacks"] = answer.fallbacks;
  return document;
}

}  // namespace codriver::agent
