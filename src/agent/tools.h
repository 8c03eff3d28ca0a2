#pragma once

#include <nlohmann/json.hpp>

#include "agent/agent_world.h"
#include "agent/tool_registry.h"

// The co-driver's tools: each a name, a bilingual description, a JSON Schema and a
// handler over the world. The embedded parser and a model fill the same schemas.
namespace codriver::agent {

void add_navigation_tools(ToolRegistry& registry, AgentWorld& world);
void add_search_tools(ToolRegistry& registry, AgentWorld& world);
void add_status_tools(ToolRegistry& registry, AgentWorld& world);
void add_memory_tools(ToolRegistry& registry, AgentWorld& world);

// All of them, in the order a model sees them.
ToolRegistry make_tool_registry(AgentWorld& world);

// What the tools share.
ToolResult spoken_result(nlohmann::json data, std::string en, std::string zh);
std::int64_t unix_now();

}  // namespace codriver::agent
