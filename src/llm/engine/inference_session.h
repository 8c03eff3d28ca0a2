#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "llm/engine/qwen_model.h"
#include "llm/engine/thread_pool.h"
#include "llm/tokenizer/vocabulary.h"

// One conversation's state on a model: the KV cache and the scratch buffers. Tokens are
// fed in order; the cache grows on demand up to the model's context length.
namespace codriver::llm::engine {

using tokenizer::TokenId;

class InferenceSession {
 public:
  // `pool` and `model` must outlive the session.
  InferenceSession(const QwenModel& model, ThreadPool& pool);

  // Appends `tokens` after the current position (several at once: prefill with matrix-
  // matrix products) and returns the logits (n_vocab floats) after the last one, valid
  // until the next call. Throws EngineError for an id outside the vocabulary or when the
  // context would exceed the model's length.
  std::span<const float> feed(std::span<const TokenId> tokens);
  // The same, with the logits after every token (n_tokens x n_vocab) — for tests.
  std::vector<float> feed_all_logits(std::span<const TokenId> tokens);

  std::int64_t position() const { return position_; }
  // Forgets everything after `position` (<= position()): a shared prompt prefix is kept.
  void truncate(std::int64_t position);
  void reset() { truncate(0); }
  // Floats held by the KV cache now (it grows in steps as the context does).
  std::size_t cache_floats() const;

 private:
  void ensure_capacity(std::int64_t positions);
  void forward(std::span<const TokenId> tokens, bool all_logits, std::vector<float>& logits);

  const QwenModel* model_;
  ThreadPool* pool_;
  std::int64_t position_ = 0;
  std::int64_t capacity_ = 0;
  std::vector<std::vector<float>> keys_, values_;  // per layer: [position][n_head_kv*head_dim]
  std::vector<float> last_logits_;
};

}  // namespace codriver::llm::engine
