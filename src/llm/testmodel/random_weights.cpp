#include "llm/testmodel/random_weights.h"

namespace codriver::llm::testmodel {
namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t rotate_left(std::uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

// The Irwin-Hall sum of four uniforms on 0..65535 has mean 131070 and standard deviation
// 65536 / sqrt(3).
constexpr float kSumMean = 131070.0f;
constexpr float kInverseSumDeviation = 1.7320508f / 65536.0f;

}  // namespace

Rng::Rng(std::uint64_t seed) {
  std::uint64_t state = seed;
  for (std::uint64_t& word : state_)
    word = splitmix64(state);
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotate_left(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotate_left(state_[3], 45);
  return result;
}

float Rng::normal() {
  const std::uint64_t bits = next();
  const std::uint64_t sum =
      (bits & 0xFFFF) + ((bits >> 16) & 0xFFFF) + ((bits >> 32) & 0xFFFF) + (bits >> 48);
  return (static_cast<float>(sum) - kSumMean) * kInverseSumDeviation;
}

std::uint64_t tensor_seed(std::uint64_t seed, std::string_view tensor_name) {
  std::uint64_t hash = 0xCBF29CE484222325ull;  // FNV-1a
  for (char c : tensor_name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ull;
  }
  std::uint64_t state = seed ^ hash;
  return splitmix64(state);
}

void fill_row(float* row, std::size_t length, std::uint64_t tensor_seed, std::uint64_t row_index,
              float mean, float std) {
  Rng rng(tensor_seed ^ (row_index * 0xD1B54A32D192ED03ull));
  for (std::size_t i = 0; i < length; ++i)
    row[i] = mean + std * rng.normal();
}

}  // namespace codriver::llm::testmodel
