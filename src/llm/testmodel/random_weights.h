#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

// Seeded random weights: every row of every tensor is generated from (seed, tensor name,
// row index) alone, so a model is identical for a seed whatever the thread count and order.
namespace codriver::llm::testmodel {

// xoshiro256** seeded through splitmix64: fast and the same on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  std::uint64_t next();
  // Approximately standard normal: the sum of four 16-bit uniforms, centred and scaled to
  // unit variance (Irwin-Hall; bounded by +-3.46, which suits weights).
  float normal();

 private:
  std::uint64_t state_[4];
};

std::uint64_t tensor_seed(std::uint64_t seed, std::string_view tensor_name);

// Fills `row` with mean + std * normal() for row `row_index` of the tensor.
void fill_row(float* row, std::size_t length, std::uint64_t tensor_seed, std::uint64_t row_index,
              float mean, float std);

}  // namespace codriver::llm::testmodel
