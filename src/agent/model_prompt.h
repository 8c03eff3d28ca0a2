#pragma once

#include <string>

#include "agent/dialog_state.h"
#include "agent/tool_registry.h"
#include "routing/instructions.h"

// What a chat model is told: the car's situation and the rules of the cockpit, and tool
// results fenced as data so that text from maps and feeds never reads as instructions.
namespace codriver::agent {

// The system message: role, answer style (short, spoken, in the driver's language) and
// safety rules (confirmation before route changes while moving, never invent a place).
// It never changes, so an on-device model keeps it (and the tools after it) in its KV
// cache from one request to the next instead of reading it again.
std::string system_prompt();

// The user's message as the model reads it: the car's situation now (position, speed,
// battery, active route) and the language to answer in, then what the driver said.
std::string user_message(const DialogState& dialog, routing::Language language,
                         std::string_view said);

// A tool's outcome as the model reads it: JSON with the result under "data" and a note
// that everything inside is data from outside sources, not instructions to follow.
std::string fenced_tool_result(const ToolResult& result);

// A rejected call as the model reads it: what was wrong, so it can correct the call once.
std::string rejected_call_message(const std::string& tool, const std::string& problem);

}  // namespace codriver::agent
