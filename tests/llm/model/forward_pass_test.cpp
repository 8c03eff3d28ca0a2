#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "llm/engine/engine_error.h"
#include "llm/engine/inference_session.h"
#include "llm/engine/kernels.h"
#include "llm/engine/qwen_model.h"
#include "llm/reference/reference_model.h"
#include "test_models.h"

namespace codriver::llm {
namespace {

using engine::InferenceSession;
using engine::QwenModel;
using engine::ThreadPool;
using testmodel::Arch;

// A prompt of several dozen tokens spread over the vocabulary, repeats included.
std::vector<tokenizer::TokenId> prompt_for(std::int64_t n_vocab, int length = 40) {
  std::vector<tokenizer::TokenId> ids;
  for (int i = 0; i < length; ++i)
    ids.push_back(static_cast<tokenizer::TokenId>((i * 7919 + 13 * (i % 5)) % n_vocab));
  return ids;
}

struct Agreement {
  double relative_error = 0;   // ||engine - reference|| / ||reference|| over all logits
  double top_token_share = 0;  // positions where both pick the same most likely token
};

Agreement compare(const std::vector<float>& engine_logits,
                  const std::vector<std::vector<double>>& reference, std::int64_t n_vocab) {
  double difference = 0, norm = 0;
  int same_top = 0;
  for (std::size_t t = 0; t < reference.size(); ++t) {
    std::size_t engine_top = 0, reference_top = 0;
    for (std::int64_t v = 0; v < n_vocab; ++v) {
      const double e = engine_logits[t * n_vocab + v], r = reference[t][v];
      difference += (e - r) * (e - r);
      norm += r * r;
      if (e > engine_logits[t * n_vocab + engine_top]) engine_top = v;
      if (r > reference[t][reference_top]) reference_top = v;
    }
    same_top += engine_top == reference_top;
  }
  return {std::sqrt(difference / norm), static_cast<double>(same_top) / reference.size()};
}

struct Case {
  Arch arch;
  const char* shape;
  const char* type;
  double max_relative_error;
};

class ForwardPass : public ::testing::TestWithParam<Case> {};

// The engine's logits for every position of a 40-token prompt, fed in one prefill, against
// the double-precision reference reading the same file. The tolerance is the activation
// rounding the kernels do on purpose (8 bits per block of 32 for quantised weights), not
// the weights' quantisation, which both sides see identically.
TEST_P(ForwardPass, MatchesTheDoublePrecisionReference) {
  const Case& c = GetParam();
  const auto& path = testing::test_model(c.shape, c.type, c.arch);
  const QwenModel model = QwenModel::open(path);
  const reference::ReferenceModel reference(gguf::GgufFile::open(path));
  const auto prompt = prompt_for(model.config().n_vocab);
  ThreadPool pool(2);
  InferenceSession session(model, pool);
  const auto logits = session.feed_all_logits(prompt);
  const Agreement agreement = compare(logits, reference.logits(prompt), model.config().n_vocab);
  std::cout << "  " << c.shape << " " << c.type << ": relative error " << agreement.relative_error
            << ", same top token at " << 100 * agreement.top_token_share << "% of positions\n";
  EXPECT_LT(agreement.relative_error, c.max_relative_error);
  EXPECT_GE(agreement.top_token_share, 0.9);
}

INSTANTIATE_TEST_SUITE_P(
    EveryWeightType, ForwardPass,
    ::testing::Values(
        Case{Arch::kQwen2, "tiny", "F32", 1e-5}, Case{Arch::kQwen2, "tiny", "F16", 1e-5},
        Case{Arch::kQwen2, "tiny", "BF16", 1e-5}, Case{Arch::kQwen2, "tiny", "Q8_0", 0.03},
        Case{Arch::kQwen2, "tiny", "Q4_0", 0.03}, Case{Arch::kQwen2, "tiny", "Q5_0", 0.03},
        Case{Arch::kQwen2, "tiny", "Q4_K", 0.03}, Case{Arch::kQwen2, "tiny", "Q5_K", 0.03},
        Case{Arch::kQwen2, "tiny", "Q6_K", 0.03}, Case{Arch::kQwen2, "tiny-odd", "Q4_K_M", 0.03},
        Case{Arch::kQwen3, "qwen3-tiny", "F32", 1e-5},
        Case{Arch::kQwen3, "qwen3-tiny", "Q8_0", 0.03},
        Case{Arch::kQwen3, "qwen3-tiny", "Q4_K_M", 0.03}),
    [](const auto& info) {
      return std::string(info.param.shape == std::string("qwen3-tiny") ? "qwen3_" : "qwen2_") +
             (std::string(info.param.shape) == "tiny-odd" ? "odd_" : "") + info.param.type;
    });

// Decoding token by token must give what one prefill gives: the same kernels per row and
// the same attention per position, so the logits are bitwise equal.
TEST(ForwardPass, TokenByTokenEqualsPrefill) {
  const QwenModel model = QwenModel::open(testing::test_model("tiny", "Q4_K_M"));
  const auto prompt = prompt_for(model.config().n_vocab, 24);
  ThreadPool pool(2);
  InferenceSession batch(model, pool), incremental(model, pool);
  const auto all = batch.feed_all_logits(prompt);
  const auto n_vocab = static_cast<std::size_t>(model.config().n_vocab);
  for (std::size_t t = 0; t < prompt.size(); ++t) {
    const auto logits = incremental.feed(std::span(&prompt[t], 1));
    ASSERT_EQ(logits.size(), n_vocab);
    for (std::size_t v = 0; v < n_vocab; ++v)
      ASSERT_EQ(logits[v], all[t * n_vocab + v]) << "position " << t << " token " << v;
  }
}

TEST(ForwardPass, ThreadCountDoesNotChangeTheLogits) {
  const QwenModel model = QwenModel::open(testing::test_model("tiny", "Q8_0"));
  const auto prompt = prompt_for(model.config().n_vocab, 32);
  std::vector<float> first;
  for (const int threads : {1, 2, 3}) {
    ThreadPool pool(threads);
    InferenceSession session(model, pool);
    const auto logits = session.feed_all_logits(prompt);
    if (first.empty()) first = logits;
    EXPECT_EQ(logits, first) << threads << " threads";
  }
}

TEST(ForwardPass, TruncatingKeepsThePrefix) {
  const QwenModel model = QwenModel::open(testing::test_model("tiny", "Q8_0"));
  const auto prompt = prompt_for(model.config().n_vocab, 20);
  ThreadPool pool(1);
  InferenceSession session(model, pool);
  const auto whole = session.feed_all_logits(prompt);
  session.truncate(12);
  const auto again = session.feed_all_logits(std::span(prompt).subspan(12));
  const auto n_vocab = static_cast<std::size_t>(model.config().n_vocab);
  EXPECT_TRUE(std::equal(again.begin(), again.end(), whole.begin() + 12 * n_vocab));
  EXPECT_THROW(session.truncate(21), engine::EngineError);
}

TEST(ForwardPass, BadTokensAndAFullContextAreClearErrors) {
  testmodel::TestModelOptions options;
  options.shape = "tiny";
  options.type = "Q8_0";
  options.context_length = 16;
  codriver::testing::TempDir scratch;
  testmodel::write_test_model(options, scratch / "short.gguf");
  const QwenModel model = QwenModel::open(scratch / "short.gguf");
  ThreadPool pool(1);
  InferenceSession session(model, pool);
  const std::vector<tokenizer::TokenId> outside{static_cast<int>(model.config().n_vocab)};
  EXPECT_THROW(session.feed(outside), engine::EngineError);
  const std::vector<tokenizer::TokenId> negative{-1};
  EXPECT_THROW(session.feed(negative), engine::EngineError);
  EXPECT_EQ(session.position(), 0);
  const auto prompt = prompt_for(model.config().n_vocab, 16);
  session.feed(prompt);
  try {
    session.feed(std::span(prompt).first(1));
    FAIL() << "fed past the context length";
  } catch (const engine::EngineError& error) {
    EXPECT_NE(std::string(error.what()).find("context"), std::string::npos) << error.what();
  }
  EXPECT_LE(session.cache_floats(), 16u * 2 * 2 * 64 * 2);
}

}  // namespace
}  // namespace codriver::llm
