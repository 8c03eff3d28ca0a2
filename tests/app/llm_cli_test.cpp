#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/cli_runner.h"

// `codriver llm ...` as a user runs it: a generated model, then tokenize, run and bench.
namespace codriver::testing {
namespace {

using nlohmann::json;

class LlmCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new TempDir();
    const auto made = run_codriver(
        "llm make-test-model --arch qwen2 --shape tiny --type Q4_K_M --out " + model().string());
    ASSERT_EQ(made.exit_code, 0) << made.output;
  }
  static void TearDownTestSuite() { delete scratch_; }
  static std::filesystem::path model() { return *scratch_ / "tiny.gguf"; }
  static TempDir* scratch_;
};
TempDir* LlmCli::scratch_ = nullptr;

TEST_F(LlmCli, TokenizePrintsIdsOnOneLineAndAsJson) {
  const auto plain = run_codriver("llm tokenize --model " + model().string() + " 'Hello world'");
  ASSERT_EQ(plain.exit_code, 0) << plain.output;
  EXPECT_EQ(std::count(plain.stdout_only.begin(), plain.stdout_only.end(), '\n'), 1);
  const auto as_json =
      run_codriver("llm tokenize --json --model " + model().string() + " '<|im_start|>user'");
  ASSERT_EQ(as_json.exit_code, 0) << as_json.output;
  const json document = json::parse(as_json.stdout_only);
  EXPECT_EQ(document["tokens"][0], "<|im_start|>");
  EXPECT_EQ(document["count"], document["ids"].size());
  const auto as_text =
      run_codriver("llm tokenize --json --as-text --model " + model().string() + " '<|im_start|>'");
  EXPECT_GT(json::parse(as_text.stdout_only)["count"].get<int>(), 1);
}

TEST_F(LlmCli, RunGeneratesDeterministicallyAndReportsSpeed) {
  const std::string command = "llm run --json --max-tokens 12 --threads 2 --model " +
                              model().string() + " --prompt 'find parking'";
  const auto first = run_codriver(command);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  const json result = json::parse(first.stdout_only);
  EXPECT_EQ(result["completion_tokens"], 12);
  EXPECT_EQ(result["finish_reason"], "length");
  EXPECT_EQ(json::parse(run_codriver(command).stdout_only)["text"], result["text"]);
}

TEST_F(LlmCli, RunWithASchemaGivesJson) {
  const auto run = run_codriver(
      "llm run --json --temperature 1 --seed 3 --max-tokens 300 --model " + model().string() +
      " --prompt 'where to park' --json-schema "
      "'{\"type\":\"object\",\"properties\":{\"kind\":{\"enum\":[\"parking\",\"cafe\"]}},"
      "\"required\":[\"kind\"],\"additionalProperties\":false}'");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const json text = json::parse(json::parse(run.stdout_only)["text"].get<std::string>());
  EXPECT_TRUE(text["kind"] == "parking" || text["kind"] == "cafe") << text;
}

TEST_F(LlmCli, BenchReportsPrefillDecodeAndTheBandwidthBound) {
  const auto bench =
      run_codriver("llm bench --json --threads 1 --prompt-tokens 8 --decode-tokens 4 --model " +
                   model().string());
  ASSERT_EQ(bench.exit_code, 0) << bench.output;
  const json document = json::parse(bench.stdout_only);
  ASSERT_EQ(document["runs"].size(), 1u);
  const json& run = document["runs"][0];
  EXPECT_GT(run["prefill_tokens_per_second"].get<double>(), 0);
  EXPECT_GT(run["decode_tokens_per_second"].get<double>(), 0);
  EXPECT_GT(run["decode_bound_tokens_per_second"].get<double>(), 0);
  EXPECT_GT(document["weight_bytes_per_token"].get<double>(), 1e5);
}

TEST_F(LlmCli, BadFilesAndArgumentsAreClearErrors) {
  TempDir scratch;
  write_file(scratch / "not.gguf", "this is not a model");
  const auto bad =
      run_codriver("llm run --model " + (scratch / "not.gguf").string() + " --prompt hi");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("magic"), std::string::npos) << bad.output;
  const auto type = run_codriver("llm make-test-model --arch qwen2 --type Q3_X --out " +
                                 (scratch / "x.gguf").string());
  EXPECT_NE(type.exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(scratch / "x.gguf"));
  const auto schema =
      run_codriver("llm run --model " + model().string() +
                   " --prompt hi --json-schema '{\"type\":\"object\",\"pattern\":\"x\"}'");
  EXPECT_EQ(schema.exit_code, 1);
  EXPECT_NE(schema.output.find("pattern"), std::string::npos) << schema.output;
}

}  // namespace
}  // namespace codriver::testing
