#include "llm/chat_model/openai_request.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace codriver::llm {
namespace {

using Json = nlohmann::ordered_json;

ChatModelError bad_request(const std::string& message) {
  return ChatModelError(ChatModelError::Kind::kBadRequest, message);
}

// 0.7f sent as 0.699999988079071 would look odd in a server's logs: the float's shortest
// decimal form is sent instead.
double shortest_decimal(float value) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof(text), value).ptr;
  double result = value;
  std::from_chars(text, end, result);
  return result;
}

Json tool_call_json(const ToolCall& call) {
  return Json{{"id", call.id},
              {"type", "function"},
              {"function",
               {{"name", call.name},
                {"arguments", call.arguments_json.empty() ? "{}" : call.arguments_json}}}};
}

Json message_json(const ChatTurn& turn, std::size_t index) {
  const std::string& role = turn.role;
  if (role != "system" && role != "user" && role != "assistant" && role != "tool") {
    throw bad_request("message " + std::to_string(index) + " has role \"" + role +
                      "\"; use system, user, assistant or tool");
  }
  Json message{{"role", role}};
  if (role == "assistant" && !turn.tool_calls.empty()) {
    // OpenAI's shape for a turn that only called tools: content null.
    message["content"] = turn.content.empty() ? Json(nullptr) : Json(turn.content);
    Json calls = Json::array();
    for (const ToolCall& call : turn.tool_calls)
      calls.push_back(tool_call_json(call));
    message["tool_calls"] = std::move(calls);
  } else {
    message["content"] = turn.content;
  }
  if (role == "tool") message["tool_call_id"] = turn.tool_call_id;
  return message;
}

Json parsed_tool(const std::string& text, std::size_t index) {
  Json tool = Json::parse(text, nullptr, false);
  if (tool.is_discarded() || !tool.is_object()) {
    throw bad_request("tool " + std::to_string(index) +
                      " is not a JSON object; give {\"type\":\"function\",\"function\":{...}}");
  }
  return tool;
}

Json tool_choice_json(const std::string& choice) {
  if (choice.empty() || choice == "auto" || choice == "none" || choice == "required") {
    return choice.empty() ? Json("auto") : Json(choice);
  }
  return Json{{"type", "function"}, {"function", {{"name", choice}}}};
}

}  // namespace

std::string openai_request_body(const ChatRequest& request, const OpenAiBodyOptions& options) {
  Json body{{"model", options.model}};
  Json messages = Json::array();
  for (std::size_t i = 0; i < request.messages.size(); ++i)
    messages.push_back(message_json(request.messages[i], i));
  body["messages"] = std::move(messages);
  // tool_choice without tools is an error on OpenAI's API: both or neither.
  if (!request.tools.empty()) {
    Json tools = Json::array();
    for (std::size_t i = 0; i < request.tools.size(); ++i)
      tools.push_back(parsed_tool(request.tools[i], i));
    body["tools"] = std::move(tools);
    body["tool_choice"] = tool_choice_json(request.tool_choice);
  }
  body["max_tokens"] = request.max_tokens;
  body["temperature"] = shortest_decimal(request.temperature);
  if (request.seed) body["seed"] = *request.seed;
  body["stream"] = options.stream;
  if (options.stream && options.stream_usage) {
    body["stream_options"] = Json{{"include_usage", true}};
  }
  // Invalid UTF-8 in a message is replaced rather than refused: the text came from speech
  // recognition or a feed, and one bad byte must not lose the question.
  return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::vector<std::string> tool_names(const std::vector<std::string>& tools) {
  std::vector<std::string> names;
  for (const std::string& text : tools) {
    const Json tool = Json::parse(text, nullptr, false);
    if (tool.is_discarded() || !tool.is_object()) continue;
    const auto function = tool.find("function");
    if (function == tool.end() || !function->is_object()) continue;
    const auto name = function->find("name");
    if (name != function->end() && name->is_string()) names.push_back(name->get<std::string>());
  }
  return names;
}

}  // namespace codriver::llm
