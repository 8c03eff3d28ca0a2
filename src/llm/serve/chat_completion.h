#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "llm/chat/tool_call_parser.h"
#include "llm/engine/chat_prompt.h"
#include "llm/engine/generator.h"
#include "llm/engine/json_constraint.h"
#include "llm/serve/chat_request.h"

// One chat completion on the engine: the request becomes a ChatML prompt (token ids, with
// message contents kept as text), generation runs with the request's sampling, stop
// strings and constraints, and the output is read back as content, reasoning and tool
// calls, streamed as OpenAI deltas as it comes.
namespace codriver::llm::serve {

struct ServedModel {
  std::string id;                   // what /v1/models lists
  std::int64_t created = 0;         // unix seconds (the file's time)
  std::int64_t context_length = 0;  // prompt + completion tokens at most
  engine::ChatTemplateStyle style = engine::ChatTemplateStyle::kQwen25;
  bool enable_thinking = false;  // Qwen3's default when the request does not say
};

// What generation needs, made before the generator is taken (it is shared).
struct CompletionPlan {
  enum class Mode {
    kChat,      // text, reasoning and <tool_call> blocks read from the output
    kToolCall,  // "<tool_call>\n" written into the prompt; output constrained to a call
    kJson,      // output constrained to response_format's schema
  };
  Mode mode = Mode::kChat;
  std::vector<tokenizer::TokenId> prompt;
  engine::GenerationOptions options;  // on_text and constraint are set when it runs
  std::optional<engine::JsonSchemaConstraint> constraint;
  chat::ToolCallParserOptions parser;
  std::vector<std::string> tool_names;
};

// Throws ApiError: 400 for a prompt that leaves no room in the context
// (code context_length_exceeded), a schema the constraint cannot use, a message the
// template cannot write.
CompletionPlan plan_completion(const ChatRequest& request, const tokenizer::Tokenizer& tokenizer,
                               const ServedModel& model);

struct CompletionResult {
  std::string content;
  std::string reasoning;
  std::vector<chat::ToolCall> tool_calls;
  std::vector<std::string> tool_call_ids;  // "call_..." one per call
  std::string finish_reason;               // stop, length, tool_calls
  bool cancelled = false;                  // a callback said stop: nothing more to send
  std::int64_t prompt_tokens = 0;
  std::int64_t completion_tokens = 0;
};

struct CompletionCallbacks {
  // Each streamed delta ({"content": ...}, {"reasoning_content": ...}, {"tool_calls": [...]});
  // false cancels. May be empty (no streaming).
  std::function<bool(const nlohmann::ordered_json& delta)> on_delta;
  // After a token that gave nothing to send (text held back, a call being written);
  // false cancels. Lets the server notice a client that went away.
  std::function<bool()> on_idle;
};

// The output of one completion as it arrives: parser events (or constrained text) are
// added to the result and, through the callbacks, sent as deltas.
class CompletionOutput {
 public:
  CompletionOutput(CompletionResult& result, CompletionCallbacks callbacks);

  // Each returns false when a callback asked to stop.
  bool content(const std::string& text);
  bool reasoning(const std::string& text);
  bool call(const chat::ToolCall& call);  // gets an id "call_..."
  // Text, reasoning and calls as above; a call the parser could not use becomes content,
  // the "<tool_call>...</tool_call>" the model wrote.
  bool events(const std::vector<chat::ChatEvent>& events);
  bool idle();

 private:
  bool send(const nlohmann::ordered_json& delta);

  CompletionResult& result_;
  CompletionCallbacks callbacks_;
};

// Throws engine::EngineError when the engine fails.
CompletionResult run_completion(engine::Generator& generator, CompletionPlan& plan,
                                const CompletionCallbacks& callbacks);

// A random id with a prefix: "chatcmpl-...", "call_...".
std::string random_id(const std::string& prefix);

}  // namespace codriver::llm::serve
