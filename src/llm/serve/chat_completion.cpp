#include "llm/serve/chat_completion.h"

#include <random>

#include "llm/engine/engine_error.h"
#include "llm/serve/api_error.h"

namespace codriver::llm::serve {
namespace {

using Json = nlohmann::ordered_json;
using Mode = CompletionPlan::Mode;

// The schema of a call to `tool`: what Qwen writes between <tool_call> tags.
Json call_schema(const ToolSpec& tool) {
  return Json{
      {"type", "object"},
      {"properties",
       {{"name", {{"const", tool.name}}}, {"arguments", Json::parse(tool.parameters_json)}}},
      {"required", Json::array({"name", "arguments"})},
      {"additionalProperties", false}};
}

std::string forced_call_schema(const ChatRequest& request) {
  if (request.tool_choice == ToolChoice::kNamed) {
    for (const ToolSpec& tool : request.tools) {
      if (tool.name == request.tool_choice_name) return call_schema(tool).dump();
    }
  }
  Json any_of = Json::array();
  for (const ToolSpec& tool : request.tools)
    any_of.push_back(call_schema(tool));
  return any_of.size() == 1 ? any_of[0].dump() : Json{{"anyOf", any_of}}.dump();
}

engine::JsonSchemaConstraint compile(const std::string& schema, const std::string& what) {
  try {
    return engine::JsonSchemaConstraint::from_schema(schema);
  } catch (const engine::EngineError& error) {
    throw invalid_request(what + " cannot be used for constrained decoding: " + error.what(), {},
                          "unsupported_schema");
  }
}

std::vector<tokenizer::TokenId> prompt_tokens(const ChatRequest& request,
                                              const tokenizer::Tokenizer& tokenizer,
                                              const ServedModel& model) {
  engine::ChatPromptOptions options;
  options.style = model.style;
  options.enable_thinking = request.enable_thinking.value_or(model.enable_thinking);
  if (request.tool_choice != ToolChoice::kNone) {
    for (const ToolSpec& tool : request.tools)
      options.tools.push_back(tool.json);
  }
  try {
    return engine::chat_prompt_tokens(request.messages, options, tokenizer);
  } catch (const engine::EngineError& error) {
    throw invalid_request(error.what(), "messages");
  }
}

Json tool_call_delta(std::size_t index, const std::string& id, const chat::ToolCall& call) {
  return Json{
      {"tool_calls",
       Json::array({Json{{"index", index},
                         {"id", id},
                         {"type", "function"},
                         {"function", {{"name", call.name}, {"arguments", call.arguments}}}}})}};
}

std::string finish_reason(engine::StopReason stop, const CompletionResult& result) {
  if (!result.tool_calls.empty()) return "tool_calls";
  if (stop == engine::StopReason::kMaxTokens || stop == engine::StopReason::kContextFull ||
      stop == engine::StopReason::kDeadline)
    return "length";
  return "stop";
}

}  // namespace

std::string random_id(const std::string& prefix) {
  static constexpr char kAlphabet[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::string id = prefix;
  for (int i = 0; i < 24; ++i)
    id += kAlphabet[random() % (sizeof kAlphabet - 1)];
  return id;
}

CompletionOutput::CompletionOutput(CompletionResult& result, CompletionCallbacks callbacks)
    : result_(result), callbacks_(std::move(callbacks)) {}

bool CompletionOutput::content(const std::string& text) {
  result_.content += text;
  return send(Json{{"content", text}});
}

bool CompletionOutput::reasoning(const std::string& text) {
  result_.reasoning += text;
  return send(Json{{"reasoning_content", text}});
}

bool CompletionOutput::call(const chat::ToolCall& call) {
  result_.tool_calls.push_back(call);
  result_.tool_call_ids.push_back(random_id("call_"));
  return send(tool_call_delta(result_.tool_calls.size() - 1, result_.tool_call_ids.back(), call));
}

bool CompletionOutput::events(const std::vector<chat::ChatEvent>& events) {
  bool go_on = true;
  for (const chat::ChatEvent& event : events) {
    switch (event.kind) {
      case chat::ChatEventKind::kText:
        go_on = content(event.text) && go_on;
        break;
      case chat::ChatEventKind::kReasoning:
        go_on = reasoning(event.text) && go_on;
        break;
      case chat::ChatEventKind::kToolCall:
        go_on = call(event.call) && go_on;
        break;
      case chat::ChatEventKind::kInvalidToolCall:
        // No OpenAI field says "a call that failed": the client gets what the model wrote.
        go_on = content("<tool_call>" + event.raw + "</tool_call>") && go_on;
        break;
    }
  }
  return go_on;
}

bool CompletionOutput::idle() {
  return !callbacks_.on_idle || callbacks_.on_idle();
}

bool CompletionOutput::send(const Json& delta) {
  return !callbacks_.on_delta || callbacks_.on_delta(delta);
}

CompletionPlan plan_completion(const ChatRequest& request, const tokenizer::Tokenizer& tokenizer,
                               const ServedModel& model) {
  CompletionPlan plan;
  plan.prompt = prompt_tokens(request, tokenizer, model);
  for (const ToolSpec& tool : request.tools)
    plan.tool_names.push_back(tool.name);
  if (request.tool_choice == ToolChoice::kRequired || request.tool_choice == ToolChoice::kNamed) {
    plan.mode = Mode::kToolCall;
    const auto prefix = tokenizer.encode("<tool_call>\n", tokenizer::SpecialTokens::kRecognize);
    plan.prompt.insert(plan.prompt.end(), prefix.begin(), prefix.end());
    plan.constraint = compile(forced_call_schema(request), "a tool's parameters schema");
  } else if (request.json_schema) {
    plan.mode = Mode::kJson;
    plan.constraint = compile(*request.json_schema, "response_format's schema");
  }
  const auto prompt_size = static_cast<std::int64_t>(plan.prompt.size());
  if (prompt_size >= model.context_length) {
    throw invalid_request("This model's maximum context length is " +
                              std::to_string(model.context_length) +
                              " tokens. However, your messages resulted in " +
                              std::to_string(prompt_size) + " tokens.",
                          "messages", "context_length_exceeded");
  }
  const std::int64_t room = model.context_length - prompt_size;
  plan.options.max_tokens = static_cast<int>(
      request.max_tokens ? std::min<std::int64_t>(*request.max_tokens, room) : room);
  plan.options.sampling = request.sampling;
  if (!request.seed_given) plan.options.sampling.seed = std::random_device{}();
  if (plan.mode != Mode::kToolCall) plan.options.stop = request.stop;
  plan.parser.known_tools = plan.tool_names;
  plan.parser.parse_tool_calls = plan.mode == Mode::kChat && !request.tools.empty() &&
                                 request.tool_choice != ToolChoice::kNone;
  return plan;
}

CompletionResult run_completion(engine::Generator& generator, CompletionPlan& plan,
                                const CompletionCallbacks& callbacks) {
  CompletionResult result;
  CompletionOutput output(result, callbacks);
  chat::ToolCallParser parser(plan.parser);
  std::string constrained_text;
  bool go_on = true;
  engine::GenerationOptions options = plan.options;
  options.constraint = plan.constraint ? &*plan.constraint : nullptr;
  options.on_text = [&](std::string_view piece) {
    if (plan.mode == Mode::kToolCall) {
      constrained_text += piece;
      go_on = output.idle();
    } else if (plan.mode == Mode::kJson) {
      go_on = output.content(std::string(piece));
    } else {
      const auto events = parser.feed(piece);
      go_on = events.empty() ? output.idle() : output.events(events);
    }
    return go_on;
  };
  const engine::GenerationResult generated = generator.generate(plan.prompt, options);
  result.prompt_tokens = generated.prompt_tokens;
  result.completion_tokens = static_cast<std::int64_t>(generated.tokens.size());
  result.cancelled = generated.stop == engine::StopReason::kCancelled || !go_on;
  if (result.cancelled) return result;

  if (plan.mode == Mode::kChat) {
    go_on = output.events(parser.finish());
  } else if (plan.mode == Mode::kToolCall) {
    const chat::ChatEvent call = chat::read_tool_call(constrained_text, plan.tool_names);
    go_on = call.kind == chat::ChatEventKind::kToolCall ? output.call(call.call)
                                                        : output.content(constrained_text);
  }
  result.cancelled = !go_on;
  result.finish_reason = finish_reason(generated.stop, result);
  return result;
}

}  // namespace codriver::llm::serve
