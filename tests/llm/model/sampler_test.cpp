#include "llm/engine/sampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <vector>

#include "llm/engine/engine_error.h"

namespace codriver::llm::engine {
namespace {

std::vector<float> logits_of(std::vector<double> probabilities) {
  std::vector<float> logits;
  for (double p : probabilities)
    logits.push_back(static_cast<float>(std::log(p)));
  return logits;
}

std::map<TokenId, int> draw(const SamplingOptions& options, const std::vector<float>& logits,
                            int times) {
  Sampler sampler(options);
  std::map<TokenId, int> counts;
  for (int i = 0; i < times; ++i) {
    auto copy = logits;
    ++counts[sampler.sample(copy, {})];
  }
  return counts;
}

TEST(Sampler, GreedyTakesTheMostLikelyAndTiesGoToTheLowerId) {
  Sampler sampler({});
  std::vector<float> logits{0.1f, 2.0f, -1.0f, 2.0f};
  EXPECT_EQ(sampler.sample(logits, {}), 1);
}

TEST(Sampler, TemperatureSamplingFollowsTheDistribution) {
  SamplingOptions options;
  options.temperature = 1.0f;
  options.seed = 42;
  const auto counts = draw(options, logits_of({0.5, 0.3, 0.2}), 20000);
  EXPECT_NEAR(counts.at(0) / 20000.0, 0.5, 0.02);
  EXPECT_NEAR(counts.at(1) / 20000.0, 0.3, 0.02);
  EXPECT_NEAR(counts.at(2) / 20000.0, 0.2, 0.02);
}

TEST(Sampler, SameSeedSameDraws) {
  SamplingOptions options;
  options.temperature = 0.8f;
  options.seed = 7;
  EXPECT_EQ(draw(options, logits_of({0.4, 0.3, 0.2, 0.1}), 500),
            draw(options, logits_of({0.4, 0.3, 0.2, 0.1}), 500));
}

TEST(Sampler, TopKTopPAndMinPCutTheTail) {
  SamplingOptions options;
  options.temperature = 1.0f;
  const auto logits = logits_of({0.5, 0.3, 0.15, 0.05});
  options.top_k = 2;
  auto counts = draw(options, logits, 3000);
  EXPECT_EQ(counts.count(2) + counts.count(3), 0u);
  options.top_k = 0;
  options.top_p = 0.75f;  // 0.5 + 0.3 reaches it
  counts = draw(options, logits, 3000);
  EXPECT_EQ(counts.count(2) + counts.count(3), 0u);
  EXPECT_GT(counts[1], 0);
  options.top_p = 1.0f;
  options.min_p = 0.2f;  // keeps p >= 0.1
  counts = draw(options, logits, 3000);
  EXPECT_EQ(counts.count(3), 0u);
  EXPECT_GT(counts[2], 0);
}

TEST(Sampler, RepetitionPenaltyLowersRecentTokens) {
  SamplingOptions options;
  options.repetition_penalty = 2.0f;
  Sampler sampler(options);
  std::vector<float> logits{1.0f, 0.8f, -0.5f};
  const std::vector<TokenId> history{0};
  EXPECT_EQ(sampler.sample(logits, history), 1);  // 1.0 / 2 < 0.8
  std::vector<float> negative{-1.0f, -1.5f};
  const std::vector<TokenId> seen_first{0};
  EXPECT_EQ(sampler.sample(negative, seen_first), 1);  // -1 * 2 < -1.5
}

TEST(Sampler, OnlyAllowedTokensAreChosen) {
  SamplingOptions options;
  options.temperature = 1.0f;
  Sampler sampler(options);
  for (int i = 0; i < 200; ++i) {
    auto logits = logits_of({0.7, 0.2, 0.05, 0.05});
    const TokenId id = sampler.sample(logits, {}, [](TokenId id) { return id >= 2; });
    EXPECT_GE(id, 2);
  }
  auto logits = logits_of({0.5, 0.5});
  EXPECT_THROW(sampler.sample(logits, {}, [](TokenId) { return false; }), EngineError);
}

TEST(Sampler, BadOptionsAreRejected) {
  SamplingOptions options;
  options.temperature = -1;
  EXPECT_THROW(Sampler{options}, EngineError);
  options = {};
  options.top_p = 0;
  EXPECT_THROW(Sampler{options}, EngineError);
  options = {};
  options.min_p = 2;
  EXPECT_THROW(Sampler{options}, EngineError);
  options = {};
  options.repetition_penalty = 0;
  EXPECT_THROW(Sampler{options}, EngineError);
  options = {};
  options.top_k = -3;
  EXPECT_THROW(Sampler{options}, EngineError);
}

}  // namespace
}  // namespace codriver::llm::engine
