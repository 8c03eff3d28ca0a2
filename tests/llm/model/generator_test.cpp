#include "llm/engine/generator.h"

#include <gtest/gtest.h>

#include <thread>

#include "llm/engine/engine_error.h"
#include "test_models.h"

namespace codriver::llm::engine {
namespace {

struct Loaded {
  QwenModel model;
  tokenizer::Tokenizer tokenizer;
  explicit Loaded(const std::filesystem::path& path)
      : model(QwenModel::open(path)), tokenizer(tokenizer::Tokenizer::from_gguf(model.file())) {}
};

const Loaded& tiny() {
  static const Loaded loaded(testing::test_model("tiny", "Q8_0"));
  return loaded;
}

constexpr const char* kPrompt =
    "<|im_start|>user\nFind a restaurant near the casino<|im_end|>\n<|im_start|>assistant\n";

GenerationOptions greedy(int max_tokens) {
  GenerationOptions options;
  options.max_tokens = max_tokens;
  return options;
}

TEST(Generator, GreedyIsIdenticalOnOneAndSeveralThreads) {
  Generator one(tiny().model, tiny().tokenizer, 1);
  Generator two(tiny().model, tiny().tokenizer, 2);
  Generator three(tiny().model, tiny().tokenizer, 3);
  const auto a = one.generate(kPrompt, greedy(40));
  const auto b = two.generate(kPrompt, greedy(40));
  const auto c = three.generate(kPrompt, greedy(40));
  EXPECT_FALSE(a.tokens.empty());
  EXPECT_EQ(a.tokens, b.tokens);
  EXPECT_EQ(a.tokens, c.tokens);
  EXPECT_EQ(a.text, b.text);
}

TEST(Generator, SeededSamplingRepeats) {
  Generator generator(tiny().model, tiny().tokenizer, 2);
  GenerationOptions options = greedy(30);
  options.sampling.temperature = 0.9f;
  options.sampling.top_p = 0.95f;
  options.sampling.seed = 1234;
  const auto first = generator.generate(kPrompt, options);
  const auto second = generator.generate(kPrompt, options);
  EXPECT_EQ(first.tokens, second.tokens);
  options.sampling.seed = 99;
  EXPECT_NE(generator.generate(kPrompt, options).tokens, first.tokens);
}

TEST(Generator, StreamsWholeCharactersThatAddUpToTheText) {
  Generator generator(tiny().model, tiny().tokenizer, 2);
  GenerationOptions options = greedy(60);
  options.sampling.temperature = 1.5f;  // wander over the vocabulary, byte tokens included
  std::string streamed;
  options.on_text = [&](std::string_view piece) {
    streamed += piece;
    return true;
  };
  const auto result = generator.generate(kPrompt, options);
  EXPECT_EQ(streamed, result.text);
  EXPECT_EQ(result.stop, StopReason::kMaxTokens);
  EXPECT_EQ(result.tokens.size(), 60u);
}

TEST(Generator, StopsAtAStopStringWithoutStreamingIt) {
  Generator generator(tiny().model, tiny().tokenizer, 2);
  const auto free_run = generator.generate(kPrompt, greedy(40));
  ASSERT_GE(free_run.text.size(), 6u);
  GenerationOptions options = greedy(40);
  const std::string stop = free_run.text.substr(3, 3);
  options.stop = {stop};
  std::string streamed;
  options.on_text = [&](std::string_view piece) {
    streamed += piece;
    return true;
  };
  const auto result = generator.generate(kPrompt, options);
  EXPECT_EQ(result.stop, StopReason::kStopString);
  EXPECT_EQ(result.text, free_run.text.substr(0, free_run.text.find(stop)));
  EXPECT_EQ(streamed, result.text);
}

TEST(Generator, CancelAndDeadlineEndGenerationPromptly) {
  Generator generator(tiny().model, tiny().tokenizer, 2);
  GenerationOptions options = greedy(200);
  options.sampling.temperature = 1.0f;
  int pieces = 0;
  options.on_text = [&](std::string_view) { return ++pieces < 3; };
  const auto cancelled = generator.generate(kPrompt, options);
  EXPECT_EQ(cancelled.stop, StopReason::kCancelled);
  EXPECT_LT(cancelled.tokens.size(), 200u);
  options.on_text = {};
  options.deadline = std::chrono::steady_clock::now();
  const auto late = generator.generate(kPrompt, options);
  EXPECT_EQ(late.stop, StopReason::kDeadline);
  EXPECT_TRUE(late.tokens.empty());
}

// A follow-up turn re-reads only what is new, and gives what a fresh generator gives.
TEST(Generator, ReusesTheCachedPromptPrefix) {
  Generator chat(tiny().model, tiny().tokenizer, 2);
  const auto first = chat.generate(kPrompt, greedy(10));
  const std::string follow_up =
      std::string(kPrompt) + first.text +
      "<|im_end|>\n<|im_start|>user\nAnd parking?<|im_end|>\n<|im_start|>assistant\n";
  const auto second = chat.generate(follow_up, greedy(10));
  EXPECT_GE(second.reused_prompt_tokens, first.prompt_tokens);
  Generator fresh(tiny().model, tiny().tokenizer, 2);
  const auto expected = fresh.generate(follow_up, greedy(10));
  EXPECT_EQ(second.tokens, expected.tokens);
  EXPECT_EQ(expected.reused_prompt_tokens, 0);
}

TEST(Generator, ConstrainedOutputIsValidJsonForTheSchema) {
  const auto constraint = JsonSchemaConstraint::from_schema(
      R"({"type":"object","properties":{"kind":{"type":"string","enum":["parking","restaurant"]},)"
      R"("radius_m":{"type":"integer"}},"required":["kind","radius_m"],"additionalProperties":false})");
  Generator generator(tiny().model, tiny().tokenizer, 2);
  for (const std::uint64_t seed : {1u, 2u, 3u, 4u, 5u}) {
    GenerationOptions options = greedy(400);
    options.sampling.temperature = 1.0f;
    options.sampling.seed = seed;
    options.constraint = &constraint;
    const auto result = generator.generate(kPrompt, options);
    EXPECT_TRUE(result.stop == StopReason::kConstraintComplete ||
                result.stop == StopReason::kEndOfTurn)
        << stop_reason_name(result.stop) << ": " << result.text;
    auto check = constraint;
    ASSERT_TRUE(check.accepts(result.text)) << result.text;
    check.advance(result.text);
    EXPECT_TRUE(check.complete()) << result.text;
    EXPECT_EQ(result.text.front(), '{');
    EXPECT_NE(result.text.find("\"radius_m\""), std::string::npos) << result.text;
  }
}

TEST(Generator, BadRequestsAreClearErrors) {
  Generator generator(tiny().model, tiny().tokenizer, 1);
  EXPECT_THROW(generator.generate(std::string_view{}, greedy(5)), EngineError);
  GenerationOptions options = greedy(-1);
  EXPECT_THROW(generator.generate(kPrompt, options), EngineError);
}

}  // namespace
}  // namespace codriver::llm::engine
