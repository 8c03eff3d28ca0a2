#include "llm/engine/kernels.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "kernel_test_support.h"
#include "llm/engine/engine_error.h"
#include "llm/engine/thread_pool.h"

namespace codriver::llm::engine {
namespace {

using gguf::GgmlType;

// Double-precision dot products of the naively dequantised weights with x, and the scale
// sum(|w| |x|) the tolerances are relative to.
struct Reference {
  double value = 0;
  double magnitude = 0;
};

Reference reference_dot(const std::vector<double>& w, const double* x) {
  Reference r;
  for (std::size_t i = 0; i < w.size(); ++i) {
    r.value += w[i] * x[i];
    r.magnitude += std::fabs(w[i] * x[i]);
  }
  return r;
}

// The most the 8-bit activations can move a dot product: each activation is off by at
// most half its block's step (max|x| / 127).
double activation_rounding_bound(const std::vector<double>& w, const float* x) {
  double bound = 0;
  for (std::size_t b = 0; b < w.size(); b += 32) {
    double amax = 0;
    for (std::size_t i = b; i < b + 32; ++i)
      amax = std::max(amax, std::fabs(double{x[i]}));
    for (std::size_t i = b; i < b + 32; ++i)
      bound += std::fabs(w[i]) * amax / 254.0;
  }
  return bound;
}

// Checks y (n_tokens x rows) against the references. Float weights: within 1e-5 of the
// double dot product (float rounding only). Quantised weights: within the bound of the
// activation rounding of the dot with x itself, and within 1e-4 of the dot with the
// activations as the kernels quantise them (float rounding only, so a wrong block
// anywhere in the row shows).
void expect_matches_reference(const testing::RandomMatrix& m, const std::vector<float>& x,
                              std::int64_t n_tokens, const std::vector<float>& y) {
  const WeightMatrix& w = m.matrix;
  const bool quantized = testing::is_quantized(w.type);
  for (std::int64_t r = 0; r < w.rows; ++r) {
    const std::vector<double> row = testing::naive_dequantize(w.type, w.row(r), w.cols);
    for (std::int64_t t = 0; t < n_tokens; ++t) {
      const float* xt = x.data() + t * w.cols;
      std::vector<double> exact(xt, xt + w.cols);
      const Reference ref = reference_dot(row, exact.data());
      const double got = y[t * w.rows + r];
      const double rounding = quantized ? activation_rounding_bound(row, xt) : 0.0;
      ASSERT_NEAR(got, ref.value, rounding + 1e-5 * ref.magnitude + 1e-30)
          << "row " << r << " token " << t;
      if (quantized) {
        const std::vector<double> xq = testing::quantized_activations(xt, w.cols);
        const Reference ref_q = reference_dot(row, xq.data());
        ASSERT_NEAR(got, ref_q.value, 1e-4 * ref_q.magnitude + 1e-30)
            << "row " << r << " token " << t << " (against quantised activations)";
      }
    }
  }
}

std::vector<std::int64_t> test_widths(GgmlType type) {
  switch (type) {
    case GgmlType::kF32:
    case GgmlType::kF16:
    case GgmlType::kBF16:
      return {1, 7, 32, 45, 896};
    case GgmlType::kQ8_0:
    case GgmlType::kQ4_0:
    case GgmlType::kQ5_0:
      return {32, 96, 896};
    default:
      return {256, 4864};
  }
}

std::string case_name(GgmlType type, std::int64_t rows, std::int64_t cols) {
  return std::string(testing::type_name(type)) + " " + std::to_string(rows) + "x" +
         std::to_string(cols);
}

// Every test runs once per instruction set; those the CPU lacks are skipped.
class KernelsOnIsa : public ::testing::TestWithParam<Isa> {
 protected:
  void SetUp() override {
    if (GetParam() > best_isa()) GTEST_SKIP() << "CPU lacks " << isa_name(GetParam());
    ASSERT_EQ(set_isa(GetParam()), GetParam());
  }
  void TearDown() override { set_isa(best_isa()); }
};

TEST_P(KernelsOnIsa, MatvecMatchesDoublePrecisionReference) {
  ThreadPool pool(3);
  std::uint32_t seed = 100;
  for (GgmlType type : testing::supported_types()) {
    for (std::int64_t cols : test_widths(type)) {
      for (std::int64_t rows : {1, 5, 37}) {
        SCOPED_TRACE(case_name(type, rows, cols));
        const auto m = testing::random_matrix(type, rows, cols, ++seed);
        const auto x = testing::random_vector(static_cast<std::size_t>(cols), ++seed);
        std::vector<float> y(static_cast<std::size_t>(rows), NAN);
        matvec(m.matrix, x.data(), y.data(), pool);
        expect_matches_reference(m, x, 1, y);
      }
    }
  }
}

TEST_P(KernelsOnIsa, MatmulGivesEachTokenWhatMatvecGives) {
  ThreadPool pool(2);
  std::uint32_t seed = 500;
  for (GgmlType type : testing::supported_types()) {
    const std::int64_t cols = testing::is_quantized(type) ? 256 : 45;
    const std::int64_t rows = 19;
    const auto m = testing::random_matrix(type, rows, cols, ++seed);
    for (std::int64_t n_tokens = 1; n_tokens <= 9; ++n_tokens) {
      SCOPED_TRACE(case_name(type, rows, cols) + " tokens " + std::to_string(n_tokens));
      const auto x = testing::random_vector(static_cast<std::size_t>(cols * n_tokens), ++seed);
      std::vector<float> y(static_cast<std::size_t>(rows * n_tokens), NAN);
      matmul(m.matrix, x.data(), n_tokens, y.data(), pool);
      expect_matches_reference(m, x, n_tokens, y);
      for (std::int64_t t = 0; t < n_tokens; ++t) {
        std::vector<float> single(static_cast<std::size_t>(rows));
        matvec(m.matrix, x.data() + t * cols, single.data(), pool);
        ASSERT_EQ(0, std::memcmp(single.data(), y.data() + t * rows, rows * sizeof(float)))
            << "token " << t << " differs between matmul and matvec";
      }
    }
  }
}

// Q8_0 rows that pick one activation each (weight 1 at column r) return the quantised
// activation itself: checks the 8-bit quantisation, the same on every ISA. (Kernels may
// compute sum((q + 128) x) - 128 sum(x), so allow float rounding of those terms: far
// below one quantisation step.)
TEST_P(KernelsOnIsa, ActivationQuantisationIsRoundHalfToEvenOfMaxScaled) {
  const std::int64_t cols = 64;
  std::vector<std::byte> bytes(static_cast<std::size_t>(cols / 32 * 34 * cols));
  for (std::int64_t r = 0; r < cols; ++r) {
    std::byte* block = bytes.data() + r * (cols / 32 * 34) + (r / 32) * 34;
    block[0] = std::byte{0x00};
    block[1] = std::byte{0x3C};  // d = 1
    block[2 + r % 32] = std::byte{1};
  }
  const WeightMatrix w = weight_matrix(GgmlType::kQ8_0, bytes.data(), cols, cols);
  std::vector<float> x(static_cast<std::size_t>(cols));
  for (std::int64_t i = 0; i < cols; ++i)
    x[i] = 0.37f * static_cast<float>(i % 32) - 5.0f;
  // Block 0: max 127, so q = x rounded half to even.
  x[0] = 127.0f;
  x[3] = 0.5f;
  x[5] = 2.5f;
  x[6] = -1.5f;
  x[40] = -3.0e-9f;  // tiny
  std::vector<float> y(static_cast<std::size_t>(cols));
  ThreadPool pool(1);
  matvec(w, x.data(), y.data(), pool);
  for (std::int64_t b = 0; b < cols / 32; ++b) {
    float amax = 0;
    for (int i = 0; i < 32; ++i)
      amax = std::max(amax, std::fabs(x[32 * b + i]));
    const float step = amax / 127.0f;
    for (int i = 0; i < 32; ++i) {
      const float q = std::nearbyint(x[32 * b + i] * (127.0f / amax));
      EXPECT_NEAR(y[32 * b + i], step * q, 0.02 * step) << "element " << 32 * b + i;
    }
  }
  EXPECT_NEAR(y[3], 0.0f, 0.02f);
  EXPECT_NEAR(y[5], 2.0f, 0.02f);
  EXPECT_NEAR(y[6], -2.0f, 0.02f);
}

TEST_P(KernelsOnIsa, ZeroActivationsGiveZero) {
  ThreadPool pool(2);
  for (GgmlType type : testing::supported_types()) {
    SCOPED_TRACE(testing::type_name(type));
    const auto m = testing::random_matrix(type, 3, 256, 7);
    const std::vector<float> x(256, 0.0f);
    std::vector<float> y(3, NAN);
    matvec(m.matrix, x.data(), y.data(), pool);
    for (float v : y)
      EXPECT_EQ(v, 0.0f);
  }
}

INSTANTIATE_TEST_SUITE_P(AllIsas, KernelsOnIsa,
                         ::testing::Values(Isa::kScalar, Isa::kAvx2, Isa::kAvx512,
                                           Isa::kAvx512Vnni),
                         [](const ::testing::TestParamInfo<Isa>& info) {
                           std::string name(isa_name(info.param));
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

TEST(Kernels, ResultsDoNotDependOnTheThreadCount) {
  std::uint32_t seed = 900;
  for (GgmlType type : testing::supported_types()) {
    const std::int64_t cols = testing::is_quantized(type) ? 512 : 96;
    const std::int64_t rows = 97;
    const std::int64_t n_tokens = 5;
    SCOPED_TRACE(case_name(type, rows, cols));
    const auto m = testing::random_matrix(type, rows, cols, ++seed);
    const auto x = testing::random_vector(static_cast<std::size_t>(cols * n_tokens), ++seed);
    std::vector<float> first_vec, first_mat;
    for (int threads : {1, 2, 3, 7}) {
      ThreadPool pool(threads);
      std::vector<float> vec(static_cast<std::size_t>(rows));
      std::vector<float> mat(static_cast<std::size_t>(rows * n_tokens));
      matvec(m.matrix, x.data(), vec.data(), pool);
      matmul(m.matrix, x.data(), n_tokens, mat.data(), pool);
      if (threads == 1) {
        first_vec = vec;
        first_mat = mat;
        continue;
      }
      EXPECT_EQ(0, std::memcmp(vec.data(), first_vec.data(), vec.size() * sizeof(float)))
          << threads << " threads: matvec differs from 1 thread";
      EXPECT_EQ(0, std::memcmp(mat.data(), first_mat.data(), mat.size() * sizeof(float)))
          << threads << " threads: matmul differs from 1 thread";
    }
  }
}

TEST(Kernels, SetIsaClampsToTheCpu) {
  const Isa best = best_isa();
  EXPECT_EQ(set_isa(Isa::kAvx512Vnni), best);
  EXPECT_EQ(current_isa(), best);
  EXPECT_EQ(set_isa(Isa::kScalar), Isa::kScalar);
  EXPECT_EQ(current_isa(), Isa::kScalar);
  set_isa(best);
}

TEST(Kernels, RejectsInconsistentMatrices) {
  std::vector<std::byte> bytes(34 * 4);
  WeightMatrix w = weight_matrix(GgmlType::kQ8_0, bytes.data(), 4, 32);
  std::vector<float> x(32), y(4);
  ThreadPool pool(1);
  w.row_bytes = 33;
  EXPECT_THROW(matvec(w, x.data(), y.data(), pool), EngineError);
  w.row_bytes = 34;
  w.type = GgmlType::kQ4_1;
  EXPECT_THROW(matvec(w, x.data(), y.data(), pool), EngineError);
}

}  // namespace
}  // namespace codriver::llm::engine
