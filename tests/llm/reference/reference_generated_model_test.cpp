// The reference on the generator's random Qwen2/Qwen3 files: it reads them, its logits are
// finite and causal, and the same seed written in each weight type gives logits close to
// the F32 file's — which checks the generator's quantisers and the reference's own
// dequantisation against each other (the two share no code).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "llm/gguf/gguf_file.h"
#include "llm/reference/reference_dequantize.h"
#include "llm/reference/reference_model.h"
#include "llm/testmodel/test_model.h"

namespace codriver::llm::reference {
namespace {

namespace fs = std::filesystem;
using testmodel::Arch;

class ReferenceOnGeneratedModels : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = fs::temp_directory_path() /
                 ("codriver-reference-test-" + std::to_string(static_cast<long>(::getpid())));
    fs::create_directories(directory_);
  }
  static void TearDownTestSuite() { fs::remove_all(directory_); }

  // The generator's file for a shape and type, seed 7 (same weights before quantisation).
  static fs::path write(Arch arch, const std::string& shape, const std::string& type) {
    testmodel::TestModelOptions options;
    options.arch = arch;
    options.shape = shape;
    options.type = type;
    options.seed = 7;
    options.threads = 1;
    const fs::path path = directory_ / (shape + "-" + type + ".gguf");
    testmodel::write_test_model(options, path);
    return path;
  }

  static ReferenceModel generated(Arch arch, const std::string& shape, const std::string& type) {
    const fs::path path = write(arch, shape, type);
    const ReferenceModel model(gguf::GgufFile::open(path));
    fs::remove(path);
    return model;
  }

  static inline fs::path directory_;
};

// A prompt of 24 ids spread over a vocabulary of `n_vocab`.
std::vector<std::int32_t> prompt(std::int64_t n_vocab) {
  std::vector<std::int32_t> tokens;
  for (std::int64_t i = 0; i < 24; ++i) {
    tokens.push_back(static_cast<std::int32_t>((i * 7919 + 13) % n_vocab));
  }
  return tokens;
}

// sqrt(sum (a - b)^2 / sum b^2).
double relative_error(const std::vector<double>& a, const std::vector<double>& b) {
  double difference = 0.0;
  double norm = 0.0;
  for (std::size_t i = 0; i < b.size(); ++i) {
    difference += (a[i] - b[i]) * (a[i] - b[i]);
    norm += b[i] * b[i];
  }
  return std::sqrt(difference / norm);
}

// The same over all positions and vocabulary entries.
double relative_error(const std::vector<std::vector<double>>& a,
                      const std::vector<std::vector<double>>& b) {
  std::vector<double> flat_a, flat_b;
  for (std::size_t t = 0; t < b.size(); ++t) {
    flat_a.insert(flat_a.end(), a[t].begin(), a[t].end());
    flat_b.insert(flat_b.end(), b[t].begin(), b[t].end());
  }
  return relative_error(flat_a, flat_b);
}

TEST_F(ReferenceOnGeneratedModels, FiniteCausalLogitsForBothArchitectures) {
  struct Case {
    Arch arch;
    const char* shape;
    std::int64_t head_dim;
    bool tied;
  };
  for (const Case& c :
       {Case{Arch::kQwen2, "tiny", 64, false}, Case{Arch::kQwen3, "qwen3-tiny", 128, true}}) {
    SCOPED_TRACE(c.shape);
    const ReferenceModel model = generated(c.arch, c.shape, "F32");
    const ReferenceConfig& config = model.config();
    EXPECT_EQ(config.head_dim, c.head_dim);
    EXPECT_EQ(config.tied_output, c.tied);
    EXPECT_EQ(config.n_layer, 2);

    const std::vector<std::int32_t> tokens = prompt(config.n_vocab);
    const auto logits = model.logits(tokens);
    ASSERT_EQ(logits.size(), tokens.size());
    for (const auto& position : logits) {
      ASSERT_EQ(static_cast<std::int64_t>(position.size()), config.n_vocab);
      for (const double v : position)
        ASSERT_TRUE(std::isfinite(v));
    }
    // Position i sees tokens 0..i only: a shorter prompt, or a different next token, leaves
    // it unchanged; and the positions do differ from one another.
    const std::vector<std::int32_t> head(tokens.begin(), tokens.begin() + 10);
    std::vector<std::int32_t> changed = head;
    changed.push_back((tokens[10] + 1) % static_cast<std::int32_t>(config.n_vocab));
    const auto head_logits = model.logits(head);
    const auto changed_logits = model.logits(changed);
    for (std::size_t i = 0; i < head.size(); ++i) {
      EXPECT_EQ(head_logits[i], logits[i]) << "position " << i;
      EXPECT_EQ(changed_logits[i], logits[i]) << "position " << i;
    }
    EXPECT_NE(changed_logits[10], logits[10]);
    EXPECT_NE(logits[3], logits[4]);
  }
}

TEST_F(ReferenceOnGeneratedModels, EveryTensorReadsCloseToItsF32Weights) {
  struct Case {
    const char* type;
    gguf::GgmlType expected_type;  // of blk.0.ffn_up.weight
    // The largest relative error of a tensor allowed, about 1.3x the measured one (Q8_0
    // 0.0051, Q6_K 0.018, Q5 0.04, Q4 0.08: rounding noise); a misread layout gives ~1.4.
    double bound;
  };
  const fs::path exact_path = write(Arch::kQwen2, "tiny", "F32");
  const gguf::GgufFile exact = gguf::GgufFile::open(exact_path);
  for (const Case& c :
       {Case{"F16", gguf::GgmlType::kF16, 0.0003}, Case{"BF16", gguf::GgmlType::kBF16, 0.0025},
        Case{"Q8_0", gguf::GgmlType::kQ8_0, 0.007}, Case{"Q6_K", gguf::GgmlType::kQ6_K, 0.025},
        Case{"Q5_K", gguf::GgmlType::kQ5_K, 0.05}, Case{"Q5_0", gguf::GgmlType::kQ5_0, 0.055},
        Case{"Q4_K", gguf::GgmlType::kQ4_K, 0.1}, Case{"Q4_0", gguf::GgmlType::kQ4_0, 0.11}}) {
    SCOPED_TRACE(c.type);
    const fs::path path = write(Arch::kQwen2, "tiny", c.type);
    const gguf::GgufFile file = gguf::GgufFile::open(path);
    EXPECT_EQ(file.tensor("blk.0.ffn_up.weight").type, c.expected_type);
    double worst = 0.0;
    for (const gguf::TensorInfo& tensor : file.tensors()) {
      const double error =
          relative_error(dequantize_tensor(tensor), dequantize_tensor(exact.tensor(tensor.name)));
      ASSERT_TRUE(std::isfinite(error)) << tensor.name;
      worst = std::max(worst, error);
    }
    std::printf("  %-5s worst relative weight error %.5f\n", c.type, worst);
    EXPECT_LT(worst, c.bound);
    fs::remove(path);
  }
  fs::remove(exact_path);
}

TEST_F(ReferenceOnGeneratedModels, EveryWeightTypeTracksTheF32File) {
  struct Case {
    Arch arch;
    const char* shape;
    const char* type;
    // Relative logit error allowed, about 1.5x the measured one: quantisation noise grows
    // with the step (each bit fewer doubles it); a misread block layout gives 1 or more.
    double bound;
  };
  const std::vector<Case> cases = {
      {Arch::kQwen2, "tiny", "F16", 0.0015},      {Arch::kQwen2, "tiny", "BF16", 0.012},
      {Arch::kQwen2, "tiny", "Q8_0", 0.035},      {Arch::kQwen2, "tiny", "Q6_K", 0.12},
      {Arch::kQwen2, "tiny", "Q5_K", 0.25},       {Arch::kQwen2, "tiny", "Q5_0", 0.25},
      {Arch::kQwen2, "tiny", "Q4_K", 0.45},       {Arch::kQwen2, "tiny", "Q4_0", 0.5},
      {Arch::kQwen2, "tiny-odd", "Q4_K_M", 0.22}, {Arch::kQwen3, "qwen3-tiny", "Q4_K_M", 0.37},
  };
  std::map<std::string, std::vector<std::vector<double>>> exact_logits;  // per shape
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.shape) + " " + c.type);
    const ReferenceModel model = generated(c.arch, c.shape, c.type);
    const std::vector<std::int32_t> tokens = prompt(model.config().n_vocab);
    if (exact_logits.count(c.shape) == 0) {
      exact_logits[c.shape] = generated(c.arch, c.shape, "F32").logits(tokens);
    }
    const double error = relative_error(model.logits(tokens), exact_logits[c.shape]);
    std::printf("  %-10s %-7s relative logit error %.5f\n", c.shape, c.type, error);
    EXPECT_LT(error, c.bound);
  }
}

}  // namespace
}  // namespace codriver::llm::reference
