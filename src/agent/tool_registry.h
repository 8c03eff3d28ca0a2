#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "agent/json_schema.h"
#include "agent/tool_call.h"
#include "routing/instructions.h"

// The tools the co-driver can use. The embedded parser and a chat model fill the same
// argument schemas; the registry checks every call against its schema before the handler
// sees it, so handlers may trust the shape of their arguments.
namespace codriver::agent {

struct ToolResult {
  bool ok = true;
  nlohmann::json data = nlohmann::json::object();  // structured result for cards and a model
  std::string speech_en, speech_zh;                // a short spoken answer, when there is one
  std::string error_en, error_zh;                  // when !ok: what went wrong, for the driver
};

// A failed result with the two messages.
ToolResult tool_error(std::string en, std::string zh);

struct Tool {
  std::string name;  // [a-z_]{1,64}: what a model calls
  std::string description_en, description_zh;
  nlohmann::json parameters;        // JSON Schema of the arguments object ("type": "object")
  bool changes_navigation = false;  // needs confirmation while the car moves
  bool destructive = false;         // needs confirmation always (forget_me)
  std::function<ToolResult(const nlohmann::json& arguments)> handler;
};

// Filled at start-up, then only read: the const members are safe to call from many threads
// (handlers must be thread-safe themselves for that).
class ToolRegistry {
 public:
  // Throws std::invalid_argument with the tool's name and the reason: a duplicate or badly
  // formed name, an empty description, parameters that are not an object schema or use an
  // unsupported keyword, or no handler.
  void add(Tool tool);

  const Tool* find(std::string_view name) const;  // nullptr when unknown
  std::vector<std::string> names() const;         // in registration order

  // The violations of `arguments` against the tool's schema; an unknown tool is one
  // violation at the root path.
  std::vector<SchemaViolation> validate(std::string_view name,
                                        const nlohmann::json& arguments) const;

  // Validates, then runs the handler. Never throws: an unknown tool, a violation or an
  // exception from the handler becomes ok = false with errors in both languages
  // ("navigate_to: /radius_m must be at most 50000 (got 90000)" /
  // "navigate_to 的参数 /radius_m 不对：must be at most 50000 (got 90000)").
  ToolResult call(const ToolCall& tool_call) const;

  // The OpenAI-style tools array,
  // [{"type": "function", "function": {"name", "description", "parameters"}}, ...],
  // in registration order, with the description in `language`.
  nlohmann::json openai_tools(routing::Language language) const;

 private:
  std::vector<Tool> tools_;
};

}  // namespace codriver::agent
