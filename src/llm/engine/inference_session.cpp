#include "llm/engine/inference_session.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "llm/engine/engine_error.h"
#include "llm/engine/kernels.h"
#include "llm/engine/tensor_math.h"

namespace codriver::llm::engine {
namespace {

// The cache grows in steps of at least this many positions, doubling, so a long chat
// reallocates a handful of times rather than per token.
constexpr std::int64_t kCacheStep = 256;

// y = W x for each of n tokens: one matrix-vector product per token for a single token,
// the blocked matrix-matrix product for prefill.
void project(const WeightMatrix& w, const float* x, std::int64_t n, float* y, ThreadPool& pool) {
  if (n == 1) {
    matvec(w, x, y, pool);
  } else {
    matmul(w, x, n, y, pool);
  }
}

void add_bias(float* rows, const float* bias, std::int64_t n, std::int64_t width) {
  if (bias == nullptr) return;
  for (std::int64_t t = 0; t < n; ++t)
    for (std::int64_t i = 0; i < width; ++i)
      rows[t * width + i] += bias[i];
}

// Cosines and sines of the rotary angles pos * theta^(-2i/d) for each token's position.
struct RotaryTable {
  std::vector<float> cosines, sines;  // [token][head_dim / 2]
};

RotaryTable rotary_table(std::int64_t first_position, std::int64_t n, std::int64_t head_dim,
                         double theta) {
  const std::int64_t half = head_dim / 2;
  RotaryTable table;
  table.cosines.resize(static_cast<std::size_t>(n * half));
  table.sines.resize(table.cosines.size());
  for (std::int64_t t = 0; t < n; ++t) {
    for (std::int64_t i = 0; i < half; ++i) {
      const double angle = static_cast<double>(first_position + t) *
                           std::pow(theta, -2.0 * static_cast<double>(i) / head_dim);
      table.cosines[t * half + i] = static_cast<float>(std::cos(angle));
      table.sines[t * half + i] = static_cast<float>(std::sin(angle));
    }
  }
  return table;
}

// Per-head RMSNorm (Qwen3) and rotation of the heads of n tokens' q or k rows.
void position_heads(float* rows, std::int64_t n, std::int64_t heads, std::int64_t head_dim,
                    const float* head_norm, double epsilon, const RotaryTable& rotary) {
  const std::int64_t half = head_dim / 2;
  for (std::int64_t t = 0; t < n; ++t) {
    for (std::int64_t h = 0; h < heads; ++h) {
      float* head = rows + (t * heads + h) * head_dim;
      if (head_norm != nullptr) rms_norm(head, head_norm, head, head_dim, epsilon);
      rotate_half_pairs(head, &rotary.cosines[t * half], &rotary.sines[t * half], head_dim);
    }
  }
}

struct AttentionShape {
  std::int64_t n_head, n_head_kv, head_dim, first_position;
};

// Causal grouped-query attention of n new tokens over the cache (which already holds
// their keys and values). One (token, head) pair per work item, each computed wholly by
// one thread, so the result does not depend on the number of threads.
void attend(const float* q, const float* keys, const float* values, std::int64_t n,
            const AttentionShape& s, float* out, ThreadPool& pool) {
  const std::int64_t kv_width = s.n_head_kv * s.head_dim;
  const std::int64_t group = s.n_head / s.n_head_kv;
  const float scale = 1.0f / std::sqrt(static_cast<float>(s.head_dim));
  pool.parallel_for(n * s.n_head, [&](std::int64_t begin, std::int64_t end) {
    std::vector<float> scores;
    for (std::int64_t item = begin; item < end; ++item) {
      const std::int64_t t = item / s.n_head, h = item % s.n_head;
      const std::int64_t visible = s.first_position + t + 1;
      const float* query = q + (t * s.n_head + h) * s.head_dim;
      const std::int64_t kv_offset = (h / group) * s.head_dim;
      scores.resize(static_cast<std::size_t>(visible));
      for (std::int64_t p = 0; p < visible; ++p)
        scores[p] = dot(query, keys + p * kv_width + kv_offset, s.head_dim) * scale;
      softmax(scores.data(), visible);
      float* result = out + (t * s.n_head + h) * s.head_dim;
      std::fill(result, result + s.head_dim, 0.0f);
      for (std::int64_t p = 0; p < visible; ++p)
        add_scaled(result, values + p * kv_width + kv_offset, scores[p], s.head_dim);
    }
  });
}

}  // namespace

InferenceSession::InferenceSession(const QwenModel& model, ThreadPool& pool)
    : model_(&model), pool_(&pool) {
  keys_.resize(static_cast<std::size_t>(model.config().n_layer));
  values_.resize(keys_.size());
}

std::size_t InferenceSession::cache_floats() const {
  std::size_t floats = 0;
  for (std::size_t layer = 0; layer < keys_.size(); ++layer)
    floats += keys_[layer].size() + values_[layer].size();
  return floats;
}

void InferenceSession::truncate(std::int64_t position) {
  if (position < 0 || position > position_) {
    throw EngineError("cannot truncate the session to position " + std::to_string(position) +
                      ": it holds " + std::to_string(position_) + " tokens");
  }
  position_ = position;
}

void InferenceSession::ensure_capacity(std::int64_t positions) {
  const ModelConfig& c = model_->config();
  if (positions > c.context_length) {
    throw EngineError("the conversation needs " + std::to_string(positions) +
                      " tokens of context; the model allows " + std::to_string(c.context_length));
  }
  if (positions <= capacity_) return;
  const std::int64_t grown =
      std::min(c.context_length, std::max({positions, capacity_ * 2, kCacheStep}));
  const auto floats = static_cast<std::size_t>(grown * c.n_head_kv * c.head_dim);
  for (std::size_t layer = 0; layer < keys_.size(); ++layer) {
    keys_[layer].resize(floats);
    values_[layer].resize(floats);
  }
  capacity_ = grown;
}

std::span<const float> InferenceSession::feed(std::span<const TokenId> tokens) {
  forward(tokens, false, last_logits_);
  return last_logits_;
}

std::vector<float> InferenceSession::feed_all_logits(std::span<const TokenId> tokens) {
  std::vector<float> logits;
  forward(tokens, true, logits);
  if (!tokens.empty()) {
    const auto n_vocab = static_cast<std::size_t>(model_->config().n_vocab);
    last_logits_.assign(logits.end() - static_cast<std::ptrdiff_t>(n_vocab), logits.end());
  }
  return logits;
}

void InferenceSession::forward(std::span<const TokenId> tokens, bool all_logits,
                               std::vector<float>& logits) {
  if (tokens.empty()) throw EngineError("nothing to feed: the token list is empty");
  const ModelConfig& c = model_->config();
  for (const TokenId id : tokens) {
    if (id < 0 || id >= c.n_vocab) {
      throw EngineError("token id " + std::to_string(id) + " is outside the model's vocabulary (" +
                        std::to_string(c.n_vocab) + ")");
    }
  }
  const auto n = static_cast<std::int64_t>(tokens.size());
  ensure_capacity(position_ + n);
  ThreadPool& pool = *pool_;
  const std::int64_t q_width = c.n_head * c.head_dim, kv_width = c.n_head_kv * c.head_dim;

  std::vector<float> x(static_cast<std::size_t>(n * c.n_embd));
  for (std::int64_t t = 0; t < n; ++t)
    dequantize_row(model_->token_embedding().type, model_->token_embedding().row(tokens[t]),
                   &x[t * c.n_embd], c.n_embd);
  std::vector<float> normed(x.size()), q(static_cast<std::size_t>(n * q_width)),
      attention(q.size()), projected(x.size()), gate(static_cast<std::size_t>(n * c.n_ff)),
      up(gate.size());
  const RotaryTable rotary = rotary_table(position_, n, c.head_dim, c.rope_theta);
  const AttentionShape shape{c.n_head, c.n_head_kv, c.head_dim, position_};

  for (std::size_t layer = 0; layer < model_->layers().size(); ++layer) {
    const LayerWeights& w = model_->layers()[layer];
    for (std::int64_t t = 0; t < n; ++t)
      rms_norm(&x[t * c.n_embd], w.attn_norm, &normed[t * c.n_embd], c.n_embd, c.rms_epsilon);
    float* keys = keys_[layer].data() + position_ * kv_width;
    float* values = values_[layer].data() + position_ * kv_width;
    project(w.attn_q, normed.data(), n, q.data(), pool);
    project(w.attn_k, normed.data(), n, keys, pool);
    project(w.attn_v, normed.data(), n, values, pool);
    add_bias(q.data(), w.q_bias, n, q_width);
    add_bias(keys, w.k_bias, n, kv_width);
    add_bias(values, w.v_bias, n, kv_width);
    position_heads(q.data(), n, c.n_head, c.head_dim, w.q_norm, c.rms_epsilon, rotary);
    position_heads(keys, n, c.n_head_kv, c.head_dim, w.k_norm, c.rms_epsilon, rotary);
    attend(q.data(), keys_[layer].data(), values_[layer].data(), n, shape, attention.data(), pool);
    project(w.attn_output, attention.data(), n, projected.data(), pool);
    for (std::size_t i = 0; i < x.size(); ++i)
      x[i] += projected[i];

    for (std::int64_t t = 0; t < n; ++t)
      rms_norm(&x[t * c.n_embd], w.ffn_norm, &normed[t * c.n_embd], c.n_embd, c.rms_epsilon);
    project(w.ffn_gate, normed.data(), n, gate.data(), pool);
    project(w.ffn_up, normed.data(), n, up.data(), pool);
    swiglu(gate.data(), up.data(), static_cast<std::int64_t>(gate.size()));
    project(w.ffn_down, gate.data(), n, projected.data(), pool);
    for (std::size_t i = 0; i < x.size(); ++i)
      x[i] += projected[i];
  }
  position_ += n;

  // The LM head: for every token when asked, else only for the last one.
  const std::int64_t first = all_logits ? 0 : n - 1;
  const std::int64_t count = n - first;
  for (std::int64_t t = first; t < n; ++t)
    rms_norm(&x[t * c.n_embd], model_->output_norm(), &normed[(t - first) * c.n_embd], c.n_embd,
             c.rms_epsilon);
  logits.resize(static_cast<std::size_t>(count * c.n_vocab));
  project(model_->output(), normed.data(), count, logits.data(), pool);
}

}  // namespace codriver::llm::engine
