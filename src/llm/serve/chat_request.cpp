#include "llm/serve/chat_request.h"

#include <nlohmann/json.hpp>
#include <set>

#include "llm/serve/api_error.h"

namespace codriver::llm::serve {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxStopStrings = 16;

std::string type_name(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::number_float:
      return "a decimal number";
    default:
      return "an integer";
  }
}

[[noreturn]] void wrong_type(const std::string& field, const std::string& expected,
                             const Json& value) {
  throw invalid_request("Invalid type for '" + field + "': expected " + expected + ", but got " +
                            type_name(value) + ".",
                        field, "invalid_type");
}

[[noreturn]] void bad_value(const std::string& field, const std::string& message) {
  throw invalid_request("Invalid value for '" + field + "': " + message, field, "invalid_value");
}

// The member, or nullptr when it is absent or null (clients send null for "not set").
const Json* member(const Json& object, const std::string& key) {
  const auto found = object.find(key);
  return found == object.end() || found->is_null() ? nullptr : &*found;
}

[[noreturn]] void missing(const std::string& field) {
  throw invalid_request("Missing required parameter: '" + field + "'.", field,
                        "missing_required_parameter");
}

const Json& required(const Json& object, const std::string& key, const std::string& field) {
  const Json* value = member(object, key);
  if (value == nullptr) missing(field);
  return *value;
}

std::string string_of(const Json& value, const std::string& field) {
  if (!value.is_string()) wrong_type(field, "a string", value);
  return value.get<std::string>();
}

bool bool_of(const Json& value, const std::string& field) {
  if (!value.is_boolean()) wrong_type(field, "a boolean", value);
  return value.get<bool>();
}

double number_of(const Json& value, const std::string& field, double low, double high) {
  if (!value.is_number()) wrong_type(field, "a number", value);
  const double number = value.get<double>();
  if (!(number >= low && number <= high))
    bad_value(field, std::to_string(number) + " is outside [" + std::to_string(low) + ", " +
                         std::to_string(high) + "].");
  return number;
}

std::int64_t integer_of(const Json& value, const std::string& field, std::int64_t low,
                        std::int64_t high) {
  if (!value.is_number_integer()) wrong_type(field, "an integer", value);
  if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(high))
    bad_value(field, "it must be at most " + std::to_string(high) + ".");
  const auto number = value.get<std::int64_t>();
  if (number < low || number > high)
    bad_value(field,
              "it must be between " + std::to_string(low) + " and " + std::to_string(high) + ".");
  return number;
}

// "content": a string, or an array of {"type": "text", "text": ...} parts (joined).
std::string content_of(const Json& message, const std::string& field, bool may_be_empty) {
  const Json* content = member(message, "content");
  if (content == nullptr) {
    if (may_be_empty) return {};
    missing(field + ".content");
  }
  if (content->is_string()) return content->get<std::string>();
  if (!content->is_array()) wrong_type(field + ".content", "a string or an array", *content);
  std::string text;
  for (std::size_t i = 0; i < content->size(); ++i) {
    const Json& part = (*content)[i];
    const std::string part_field = field + ".content[" + std::to_string(i) + "]";
    if (!part.is_object()) wrong_type(part_field, "an object", part);
    const std::string type =
        string_of(required(part, "type", part_field + ".type"), part_field + ".type");
    if (type != "text") bad_value(part_field + ".type", "only \"text\" content is supported.");
    text += string_of(required(part, "text", part_field + ".text"), part_field + ".text");
  }
  return text;
}

// An OpenAI tool call {"id", "type": "function", "function": {"name", "arguments": "<JSON>"}}
// as chat_prompt takes it: {"name": ..., "arguments": <the parsed JSON>}.
std::string tool_call_of(const Json& call, const std::string& field) {
  if (!call.is_object()) wrong_type(field, "an object", call);
  if (const Json* type = member(call, "type");
      type != nullptr && string_of(*type, field + ".type") != "function")
    bad_value(field + ".type", "only \"function\" tool calls are supported.");
  const Json& function = required(call, "function", field + ".function");
  if (!function.is_object()) wrong_type(field + ".function", "an object", function);
  const std::string name =
      string_of(required(function, "name", field + ".function.name"), field + ".function.name");
  Json arguments = Json::object();
  if (const Json* given = member(function, "arguments")) {
    if (given->is_string()) {
      try {
        arguments = Json::parse(given->get<std::string>());
      } catch (const Json::parse_error&) {
        bad_value(field + ".function.arguments", "it is not valid JSON.");
      }
    } else if (given->is_object()) {
      arguments = *given;
    } else {
      wrong_type(field + ".function.arguments", "a string", *given);
    }
  }
  return Json{{"name", name}, {"arguments", arguments}}.dump();
}

engine::ChatMessage message_of(const Json& message, const std::string& field) {
  if (!message.is_object()) wrong_type(field, "an object", message);
  engine::ChatMessage out;
  out.role = string_of(required(message, "role", field + ".role"), field + ".role");
  if (out.role == "developer") out.role = "system";  // OpenAI's newer name for it
  if (out.role != "system" && out.role != "user" && out.role != "assistant" && out.role != "tool")
    bad_value(field + ".role", "'" + out.role + "' is not one of system, user, assistant, tool.");
  const bool assistant = out.role == "assistant";
  out.content = content_of(message, field, assistant);
  if (!assistant) return out;
  if (const Json* calls = member(message, "tool_calls")) {
    if (!calls->is_array()) wrong_type(field + ".tool_calls", "an array", *calls);
    for (std::size_t i = 0; i < calls->size(); ++i)
      out.tool_calls.push_back(
          tool_call_of((*calls)[i], field + ".tool_calls[" + std::to_string(i) + "]"));
  }
  if (const Json* reasoning = member(message, "reasoning_content"))
    out.reasoning_content = string_of(*reasoning, field + ".reasoning_content");
  return out;
}

bool is_tool_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

ToolSpec tool_of(const Json& tool, const std::string& field) {
  if (!tool.is_object()) wrong_type(field, "an object", tool);
  if (string_of(required(tool, "type", field + ".type"), field + ".type") != "function")
    bad_value(field + ".type", "only \"function\" tools are supported.");
  const Json& function = required(tool, "function", field + ".function");
  if (!function.is_object()) wrong_type(field + ".function", "an object", function);
  ToolSpec spec;
  spec.name =
      string_of(required(function, "name", field + ".function.name"), field + ".function.name");
  if (!is_tool_name(spec.name))
    bad_value(field + ".function.name", "tool names are 1 to 64 letters, digits, '_', '-' or '.'.");
  if (const Json* description = member(function, "description"))
    string_of(*description, field + ".function.description");
  spec.parameters_json = "{\"type\":\"object\"}";
  if (const Json* parameters = member(function, "parameters")) {
    if (!parameters->is_object())
      wrong_type(field + ".function.parameters", "an object", *parameters);
    spec.parameters_json = parameters->dump();
  }
  spec.json = tool.dump();
  return spec;
}

void read_tools(const Json& body, ChatRequest& request) {
  if (const Json* tools = member(body, "tools")) {
    if (!tools->is_array()) wrong_type("tools", "an array", *tools);
    std::set<std::string> names;
    for (std::size_t i = 0; i < tools->size(); ++i) {
      ToolSpec spec = tool_of((*tools)[i], "tools[" + std::to_string(i) + "]");
      if (!names.insert(spec.name).second)
        bad_value("tools", "the tool name '" + spec.name + "' is used twice.");
      request.tools.push_back(std::move(spec));
    }
  }
  const Json* choice = member(body, "tool_choice");
  if (choice == nullptr) return;
  if (choice->is_string()) {
    const std::string value = choice->get<std::string>();
    if (value == "auto") {
      request.tool_choice = ToolChoice::kAuto;
    } else if (value == "none") {
      request.tool_choice = ToolChoice::kNone;
    } else if (value == "required") {
      request.tool_choice = ToolChoice::kRequired;
    } else {
      bad_value("tool_choice", "'" + value + "' is not one of none, auto, required.");
    }
  } else if (choice->is_object()) {
    const Json& function = required(*choice, "function", "tool_choice.function");
    if (!function.is_object()) wrong_type("tool_choice.function", "an object", function);
    request.tool_choice = ToolChoice::kNamed;
    request.tool_choice_name = string_of(required(function, "name", "tool_choice.function.name"),
                                         "tool_choice.function.name");
    bool known = false;
    for (const ToolSpec& tool : request.tools)
      known = known || tool.name == request.tool_choice_name;
    if (!known)
      bad_value("tool_choice", "no tool named '" + request.tool_choice_name + "' is in 'tools'.");
  } else {
    wrong_type("tool_choice", "a string or an object", *choice);
  }
  if ((request.tool_choice == ToolChoice::kRequired) && request.tools.empty())
    bad_value("tool_choice", "'required' needs at least one tool in 'tools'.");
}

void read_sampling(const Json& body, ChatRequest& request) {
  engine::SamplingOptions& s = request.sampling;
  s.temperature = 0.7f;
  s.top_p = 0.8f;
  s.top_k = 20;
  if (const Json* v = member(body, "temperature"))
    s.temperature = static_cast<float>(number_of(*v, "temperature", 0, 2));
  if (const Json* v = member(body, "top_p")) {
    s.top_p = static_cast<float>(number_of(*v, "top_p", 0, 1));
    if (s.top_p <= 0) bad_value("top_p", "it must be greater than 0.");
  }
  if (const Json* v = member(body, "top_k"))
    s.top_k = static_cast<int>(integer_of(*v, "top_k", 0, 1'000'000));
  if (const Json* v = member(body, "min_p"))
    s.min_p = static_cast<float>(number_of(*v, "min_p", 0, 1));
  if (const Json* v = member(body, "repetition_penalty"))
    s.repetition_penalty = static_cast<float>(number_of(*v, "repetition_penalty", 0.01, 10));
  // Accepted for compatibility; the engine has only the repetition penalty above.
  for (const char* ignored : {"frequency_penalty", "presence_penalty"}) {
    if (const Json* v = member(body, ignored)) number_of(*v, ignored, -2, 2);
  }
  if (const Json* v = member(body, "seed")) {
    if (!v->is_number_integer()) wrong_type("seed", "an integer", *v);
    s.seed = v->is_number_unsigned() ? v->get<std::uint64_t>()
                                     : static_cast<std::uint64_t>(v->get<std::int64_t>());
    request.seed_given = true;
  }
}

void read_limits(const Json& body, ChatRequest& request) {
  for (const char* key : {"max_tokens", "max_completion_tokens"}) {
    if (const Json* v = member(body, key))
      request.max_tokens = static_cast<int>(integer_of(*v, key, 1, 1'000'000'000));
  }
  if (const Json* stop = member(body, "stop")) {
    if (stop->is_string()) {
      request.stop.push_back(stop->get<std::string>());
    } else if (stop->is_array()) {
      for (std::size_t i = 0; i < stop->size(); ++i)
        request.stop.push_back(string_of((*stop)[i], "stop[" + std::to_string(i) + "]"));
    } else {
      wrong_type("stop", "a string or an array of strings", *stop);
    }
    if (request.stop.size() > kMaxStopStrings)
      bad_value("stop", "at most " + std::to_string(kMaxStopStrings) + " stop strings.");
    for (const std::string& text : request.stop) {
      if (text.empty()) bad_value("stop", "stop strings must not be empty.");
    }
  }
  if (const Json* n = member(body, "n"); n != nullptr && integer_of(*n, "n", 1, 128) != 1)
    bad_value("n", "only one choice (n = 1) is supported.");
  if (const Json* logprobs = member(body, "logprobs");
      logprobs != nullptr && bool_of(*logprobs, "logprobs"))
    bad_value("logprobs", "log probabilities are not supported.");
}

void read_output_options(const Json& body, ChatRequest& request) {
  if (const Json* stream = member(body, "stream")) request.stream = bool_of(*stream, "stream");
  if (const Json* options = member(body, "stream_options")) {
    if (!options->is_object()) wrong_type("stream_options", "an object", *options);
    if (const Json* usage = member(*options, "include_usage"))
      request.include_usage = bool_of(*usage, "stream_options.include_usage");
  }
  if (const Json* format = member(body, "response_format")) {
    if (!format->is_object()) wrong_type("response_format", "an object", *format);
    const std::string type =
        string_of(required(*format, "type", "response_format.type"), "response_format.type");
    if (type == "json_object") {
      request.json_schema = "{\"type\":\"object\"}";
    } else if (type == "json_schema") {
      const Json& spec = required(*format, "json_schema", "response_format.json_schema");
      if (!spec.is_object()) wrong_type("response_format.json_schema", "an object", spec);
      const Json& schema = required(spec, "schema", "response_format.json_schema.schema");
      if (!schema.is_object())
        wrong_type("response_format.json_schema.schema", "an object", schema);
      request.json_schema = schema.dump();
    } else if (type != "text") {
      bad_value("response_format.type",
                "'" + type + "' is not one of text, json_object, json_schema.");
    }
  }
  if (const Json* kwargs = member(body, "chat_template_kwargs")) {
    if (!kwargs->is_object()) wrong_type("chat_template_kwargs", "an object", *kwargs);
    if (const Json* thinking = member(*kwargs, "enable_thinking"))
      request.enable_thinking = bool_of(*thinking, "chat_template_kwargs.enable_thinking");
  }
  if (const Json* model = member(body, "model")) string_of(*model, "model");
}

}  // namespace

ChatRequest parse_chat_request(std::string_view body) {
  Json json;
  try {
    json = Json::parse(body);
  } catch (const Json::parse_error& error) {
    throw invalid_request(std::string("The request body is not valid JSON: ") + error.what(), {},
                          "invalid_json");
  }
  if (!json.is_object()) throw invalid_request("The request body must be a JSON object.");
  ChatRequest request;
  const Json& messages = required(json, "messages", "messages");
  if (!messages.is_array()) wrong_type("messages", "an array", messages);
  if (messages.empty()) bad_value("messages", "at least one message is needed.");
  for (std::size_t i = 0; i < messages.size(); ++i)
    request.messages.push_back(message_of(messages[i], "messages[" + std::to_string(i) + "]"));
  read_tools(json, request);
  read_sampling(json, request);
  read_limits(json, request);
  read_output_options(json, request);
  if (request.json_schema &&
      (request.tool_choice == ToolChoice::kRequired || request.tool_choice == ToolChoice::kNamed))
    bad_value("response_format",
              "a JSON response format cannot be combined with a required tool call.");
  return request;
}

}  // namespace codriver::llm::serve
