#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <span>

#include "llm/tokenizer/vocabulary.h"

// Picking the next token from the logits: greedy, or temperature with top-k, top-p and
// min-p truncation, a repetition penalty over the recent tokens, seeded for repeatability.
namespace codriver::llm::engine {

using tokenizer::TokenId;

struct SamplingOptions {
  float temperature = 0.0f;         // 0: greedy (the most likely token, ties to the lowest id)
  int top_k = 0;                    // 0: off
  float top_p = 1.0f;               // 1: off
  float min_p = 0.0f;               // 0: off; keeps tokens with p >= min_p * p_max
  float repetition_penalty = 1.0f;  // 1: off; CTRL-style: logit / p if > 0 else logit * p
  int repetition_window = 64;       // how many recent tokens the penalty looks at
  std::uint64_t seed = 0;
};

// Validates the options (EngineError for negative temperature, top_p outside (0,1], ...).
class Sampler {
 public:
  explicit Sampler(const SamplingOptions& options);

  // `logits` are modified (penalty, temperature). `allowed`, when set, says which ids may
  // be chosen (constrained decoding); the sampler asks it about candidates in order of
  // decreasing logit and needs only as many answers as it uses. Throws EngineError when no
  // id is allowed.
  TokenId sample(std::span<float> logits, std::span<const TokenId> history,
                 const std::function<bool(TokenId)>& allowed = {});

 private:
  SamplingOptions options_;
  std::mt19937_64 random_;
};

}  // namespace codriver::llm::engine
