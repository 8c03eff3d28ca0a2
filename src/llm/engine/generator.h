#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llm/engine/inference_session.h"
#include "llm/engine/json_constraint.h"
#include "llm/engine/sampler.h"
#include "llm/tokenizer/tokenizer.h"

// Text generation on a session: prompt in, tokens out until end of turn, a stop string,
// the token budget, the deadline, a completed constrained value, or the caller's cancel.
namespace codriver::llm::engine {

struct GenerationOptions {
  int max_tokens = 256;
  SamplingOptions sampling;
  std::vector<std::string> stop;  // text that ends generation (not included in the result)
  // When set, the output must be a JSON value valid for this schema; generation ends
  // when the value is complete.
  const JsonSchemaConstraint* constraint = nullptr;
  // Called with each new piece of text as it is decoded (never half a UTF-8 character);
  // return false to cancel.
  std::function<bool(std::string_view piece)> on_text;
  std::optional<std::chrono::steady_clock::time_point> deadline;
};

enum class StopReason {
  kEndOfTurn,
  kStopString,
  kMaxTokens,
  kConstraintComplete,
  kCancelled,
  kDeadline,
  kContextFull
};
std::string_view stop_reason_name(StopReason reason);  // "stop", "length", ... as OpenAI says

struct GenerationResult {
  std::string text;
  std::vector<TokenId> tokens;  // generated ids (the prompt excluded)
  StopReason stop = StopReason::kEndOfTurn;
  std::int64_t prompt_tokens = 0;
  std::int64_t reused_prompt_tokens = 0;  // found already in the session's cache
  double prefill_seconds = 0, decode_seconds = 0;
};

class Generator {
 public:
  // `model` and `tokenizer` must outlive the generator.
  Generator(const QwenModel& model, const tokenizer::Tokenizer& tokenizer, int threads);

  // Feeds the prompt (reusing the longest cached prefix of the previous call's tokens)
  // and generates. Not thread safe: one generation at a time per Generator.
  GenerationResult generate(std::span<const TokenId> prompt, const GenerationOptions& options);
  // The prompt as text; control tokens in it ("<|im_start|>") are recognised.
  GenerationResult generate(std::string_view prompt, const GenerationOptions& options);

  const tokenizer::Tokenizer& tokenizer() const { return *tokenizer_; }
  const QwenModel& model() const { return *model_; }
  int threads() const { return pool_.size(); }

 private:
  const QwenModel* model_;
  const tokenizer::Tokenizer* tokenizer_;
  ThreadPool pool_;
  InferenceSession session_;
  std::vector<TokenId> cached_;  // the tokens the session holds, in order
};

}  // namespace codriver::llm::engine
