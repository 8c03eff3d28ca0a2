#include "llm/engine/tensor_math.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace codriver::llm::engine {

void rms_norm(const float* x, const float* weight, float* out, std::int64_t n, double epsilon) {
  double sum_of_squares = 0;
  for (std::int64_t i = 0; i < n; ++i)
    sum_of_squares += static_cast<double>(x[i]) * x[i];
  const auto scale = static_cast<float>(1.0 / std::sqrt(sum_of_squares / n + epsilon));
  for (std::int64_t i = 0; i < n; ++i)
    out[i] = x[i] * scale * weight[i];
}

void swiglu(float* gate, const float* up, std::int64_t n) {
  for (std::int64_t i = 0; i < n; ++i)
    gate[i] = gate[i] / (1.0f + std::exp(-gate[i])) * up[i];
}

void rotate_half_pairs(float* head, const float* cosines, const float* sines,
                       std::int64_t head_dim) {
  const std::int64_t half = head_dim / 2;
  for (std::int64_t i = 0; i < half; ++i) {
    const float a = head[i];
    const float b = head[i + half];
    head[i] = a * cosines[i] - b * sines[i];
    head[i + half] = a * sines[i] + b * cosines[i];
  }
}

namespace {

// Eight floats as one value (GCC/Clang vector extension: AVX where compiled for it, two
// SSE registers otherwise).
using Lanes = float __attribute__((vector_size(32)));
constexpr std::int64_t kLanes = 8;

Lanes load(const float* p) {
  Lanes v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace

float dot(const float* a, const float* b, std::int64_t n) {
  Lanes sums = {};
  std::int64_t i = 0;
  for (; i + kLanes <= n; i += kLanes)
    sums += load(a + i) * load(b + i);
  float total = 0;
  for (std::int64_t k = 0; k < kLanes; ++k)
    total += sums[k];
  for (; i < n; ++i)
    total += a[i] * b[i];
  return total;
}

void add_scaled(float* y, const float* x, float alpha, std::int64_t n) {
  std::int64_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    const Lanes sum = load(y + i) + alpha * load(x + i);
    std::memcpy(y + i, &sum, sizeof sum);
  }
  for (; i < n; ++i)
    y[i] += alpha * x[i];
}

void softmax(float* scores, std::int64_t n) {
  const float top = *std::max_element(scores, scores + n);
  double total = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    scores[i] = std::exp(scores[i] - top);
    total += scores[i];
  }
  const auto inverse = static_cast<float>(1.0 / total);
  for (std::int64_t i = 0; i < n; ++i)
    scores[i] *= inverse;
}

}  // namespace codriver::llm::engine
