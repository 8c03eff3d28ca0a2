#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llm/engine/chat_prompt.h"
#include "llm/engine/sampler.h"

// A POST /v1/chat/completions body (OpenAI's Chat Completions API), read and checked.
// Unknown fields are ignored, as most OpenAI-compatible servers do; known fields of the
// wrong type or out of range are a 400 naming the field.
namespace codriver::llm::serve {

struct ToolSpec {
  std::string name;
  std::string json;             // the tool object as the client sent it (members in order)
  std::string parameters_json;  // its "parameters" schema, or {"type": "object"}
};

enum class ToolChoice { kAuto, kNone, kRequired, kNamed };

struct ChatRequest {
  std::vector<engine::ChatMessage> messages;
  std::vector<ToolSpec> tools;
  ToolChoice tool_choice = ToolChoice::kAuto;
  std::string tool_choice_name;  // kNamed
  // Qwen's recommended sampling (Qwen2.5-Instruct's generation_config.json: temperature
  // 0.7, top_p 0.8, top_k 20) for what the request leaves out.
  engine::SamplingOptions sampling;
  bool seed_given = false;
  std::optional<int> max_tokens;
  std::vector<std::string> stop;
  bool stream = false;
  bool include_usage = false;              // stream_options.include_usage
  std::optional<std::string> json_schema;  // response_format json_object / json_schema
  std::optional<bool> enable_thinking;     // chat_template_kwargs.enable_thinking (Qwen3)
};

// Throws ApiError (400) for a body that is not a JSON object, a missing or mistyped field,
// a value out of range, a tool_choice naming no given tool, an assistant tool call whose
// arguments are not JSON.
ChatRequest parse_chat_request(std::string_view body);

}  // namespace codriver::llm::serve
