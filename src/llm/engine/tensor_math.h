#pragma once

#include <cstdint>

// The small element-wise steps of the transformer between the matrix products.
namespace codriver::llm::engine {

// out = x / sqrt(mean(x^2) + epsilon) * weight, over n values (out may be x).
void rms_norm(const float* x, const float* weight, float* out, std::int64_t n, double epsilon);

// In place: x[i] = silu(gate[i]) * up[i], silu(g) = g / (1 + e^-g).
void swiglu(float* gate, const float* up, std::int64_t n);

// Rotates one head in place, NeoX style: the pairs (x[i], x[i + d/2]) by angles whose
// cosines and sines are given (d/2 of each).
void rotate_half_pairs(float* head, const float* cosines, const float* sines,
                       std::int64_t head_dim);

// The attention's inner products: eight partial sums side by side (one vector register
// where the CPU has one, two halves otherwise), not one chain of dependent adds.
float dot(const float* a, const float* b, std::int64_t n);
// y += alpha * x over n values.
void add_scaled(float* y, const float* x, float alpha, std::int64_t n);

// In place softmax over n scores; returns nothing, the scores become probabilities.
void softmax(float* scores, std::int64_t n);

}  // namespace codriver::llm::engine
