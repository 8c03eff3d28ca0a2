// Whole generated files, read back with the shared GGUF reader: metadata, tensor names,
// dims and types as src/llm/README.md lists them, the weights round-tripping through the
// tests' own decoder, determinism, vocabulary-only files and bad options.
#include "llm/testmodel/test_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <map>

#include "block_decoder.h"
#include "llm/gguf/gguf_file.h"
#include "llm/testmodel/model_tensors.h"
#include "llm/testmodel/random_weights.h"
#include "llm/testmodel/vocabulary.h"
#include "temp_dir.h"

namespace codriver::llm::testmodel {
namespace {

using gguf::GgmlType;
using gguf::GgufFile;
using Dims = std::vector<std::uint64_t>;

// The tensors a Qwen GGUF holds, per the README's table.
std::map<std::string, Dims> expected_tensors(Arch arch, const ModelShape& s, std::uint64_t vocab) {
  const std::uint64_t q = std::uint64_t{s.n_head} * s.head_dim;
  const std::uint64_t kv = std::uint64_t{s.n_head_kv} * s.head_dim;
  std::map<std::string, Dims> t;
  t["token_embd.weight"] = {s.n_embd, vocab};
  t["output_norm.weight"] = {s.n_embd};
  if (!s.tied_embeddings) t["output.weight"] = {s.n_embd, vocab};
  for (std::uint32_t i = 0; i < s.n_layer; ++i) {
    const std::string b = "blk." + std::to_string(i) + ".";
    t[b + "attn_norm.weight"] = {s.n_embd};
    t[b + "attn_q.weight"] = {s.n_embd, q};
    t[b + "attn_k.weight"] = {s.n_embd, kv};
    t[b + "attn_v.weight"] = {s.n_embd, kv};
    if (arch == Arch::kQwen2) {
      t[b + "attn_q.bias"] = {q};
      t[b + "attn_k.bias"] = {kv};
      t[b + "attn_v.bias"] = {kv};
    } else {
      t[b + "attn_q_norm.weight"] = {s.head_dim};
      t[b + "attn_k_norm.weight"] = {s.head_dim};
    }
    t[b + "attn_output.weight"] = {q, s.n_embd};
    t[b + "ffn_norm.weight"] = {s.n_embd};
    t[b + "ffn_gate.weight"] = {s.n_embd, s.n_ff};
    t[b + "ffn_up.weight"] = {s.n_embd, s.n_ff};
    t[b + "ffn_down.weight"] = {s.n_ff, s.n_embd};
  }
  return t;
}

void check_model_metadata(const GgufFile& file, Arch arch, const ModelShape& shape,
                          const TestModelOptions& options) {
  const std::string a(arch_name(arch));
  EXPECT_EQ(file.get_string("general.architecture"), a);
  EXPECT_NE(file.get_string("general.name").find(options.type), std::string_view::npos);
  EXPECT_EQ(file.get_uint("general.alignment"), 32u);
  EXPECT_EQ(file.get_uint("general.file_type"), mix_by_name(options.type).file_type);
  EXPECT_EQ(file.get_uint(a + ".context_length"),
            options.context_length.value_or(shape.context_length));
  EXPECT_EQ(file.get_uint(a + ".embedding_length"), shape.n_embd);
  EXPECT_EQ(file.get_uint(a + ".block_count"), shape.n_layer);
  EXPECT_EQ(file.get_uint(a + ".feed_forward_length"), shape.n_ff);
  EXPECT_EQ(file.get_uint(a + ".attention.head_count"), shape.n_head);
  EXPECT_EQ(file.get_uint(a + ".attention.head_count_kv"), shape.n_head_kv);
  EXPECT_EQ(file.find(a + ".rope.freq_base")->type, gguf::ValueType::kFloat32);
  EXPECT_EQ(file.get_float(a + ".rope.freq_base"), 1e6);
  EXPECT_FLOAT_EQ(static_cast<float>(file.get_float(a + ".attention.layer_norm_rms_epsilon")),
                  1e-6f);
  EXPECT_EQ(file.contains(a + ".attention.key_length"), arch == Arch::kQwen3);
  if (arch == Arch::kQwen3) {
    EXPECT_EQ(file.get_uint(a + ".attention.key_length"), shape.head_dim);
    EXPECT_EQ(file.get_uint(a + ".attention.value_length"), shape.head_dim);
  }
}

void check_tokenizer_metadata(const GgufFile& file, const Vocabulary& vocabulary) {
  EXPECT_EQ(file.get_string("tokenizer.ggml.model"), "gpt2");
  EXPECT_EQ(file.get_string("tokenizer.ggml.pre"), "qwen2");
  const auto tokens = file.get_string_array("tokenizer.ggml.tokens");
  ASSERT_EQ(tokens.size(), vocabulary.tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i)
    ASSERT_EQ(tokens[i], vocabulary.tokens[i]);
  const auto types = file.get_int_array("tokenizer.ggml.token_type");
  EXPECT_EQ(types, std::vector<std::int64_t>(vocabulary.token_types.begin(),
                                             vocabulary.token_types.end()));
  EXPECT_EQ(file.find("tokenizer.ggml.token_type")->type, gguf::ValueType::kArray);
  const auto merges = file.get_string_array("tokenizer.ggml.merges");
  EXPECT_EQ(std::vector<std::string>(merges.begin(), merges.end()), vocabulary.merges);
  EXPECT_EQ(tokens[file.get_uint("tokenizer.ggml.eos_token_id")], "<|im_end|>");
  EXPECT_EQ(tokens[file.get_uint("tokenizer.ggml.bos_token_id")], "<|endoftext|>");
  EXPECT_EQ(file.get_uint("tokenizer.ggml.padding_token_id"),
            file.get_uint("tokenizer.ggml.bos_token_id"));
  EXPECT_FALSE(file.get_bool("tokenizer.ggml.add_bos_token"));
  const std::string_view chat = file.get_string("tokenizer.chat_template");
  EXPECT_NE(chat.find("<tool_call>"), std::string_view::npos);
  EXPECT_NE(chat.find("<|im_start|>assistant"), std::string_view::npos);
}

// Rows 0, 1 and the last of a tensor decode to the generated weights within the type's step.
void check_weights(const gguf::TensorInfo& tensor, const TensorPlan& plan, std::uint64_t seed) {
  const std::uint64_t length = tensor.row_length();
  const std::uint64_t bytes = gguf::row_bytes(tensor.type, length);
  const std::uint64_t rows = tensor.rows();
  for (std::uint64_t r : {std::uint64_t{0}, std::min<std::uint64_t>(1, rows - 1), rows - 1}) {
    std::vector<float> original(length);
    fill_row(original.data(), length, tensor_seed(seed, tensor.name), r, plan.mean, plan.std);
    const std::vector<float> decoded =
        testing::decode_row(tensor.type, tensor.data + r * bytes, length);
    const std::vector<float> bounds = testing::error_bounds(tensor.type, original);
    for (std::uint64_t i = 0; i < length; ++i) {
      ASSERT_LE(std::fabs(decoded[i] - original[i]), bounds[i])
          << tensor.name << " row " << r << " weight " << i;
    }
  }
}

struct Written {
  testing::TempDir dir;
  TestModelSummary summary;
  std::filesystem::path path;
};

std::unique_ptr<Written> write(const TestModelOptions& options) {
  auto written = std::make_unique<Written>();
  written->path = written->dir / "model.gguf";
  written->summary = write_test_model(options, written->path);
  return written;
}

void check_whole_model(Arch arch, const std::string& shape_name, const std::string& type) {
  SCOPED_TRACE(std::string(arch_name(arch)) + " " + shape_name + " " + type);
  TestModelOptions options;
  options.arch = arch;
  options.shape = shape_name;
  options.type = type;
  options.seed = 42;
  const auto written = write(options);
  const GgufFile file = GgufFile::open(written->path);
  const ModelShape& shape = shape_by_name(shape_name);
  const Vocabulary& vocabulary = synthetic_vocabulary();
  check_model_metadata(file, arch, shape, options);
  check_tokenizer_metadata(file, vocabulary);

  const auto expected = expected_tensors(arch, shape, vocabulary.tokens.size());
  ASSERT_EQ(file.tensors().size(), expected.size());
  EXPECT_EQ(written->summary.tensor_count, expected.size());
  EXPECT_EQ(written->summary.file_bytes, file.file_size());
  const auto plans = plan_tensors(arch, shape, vocabulary.tokens.size(), mix_by_name(type));
  std::map<std::string, const TensorPlan*> plan_of;
  for (const TensorPlan& plan : plans)
    plan_of[plan.name] = &plan;
  for (const gguf::TensorInfo& tensor : file.tensors()) {
    ASSERT_TRUE(expected.count(tensor.name)) << tensor.name;
    EXPECT_EQ(tensor.dims, expected.at(tensor.name)) << tensor.name;
    EXPECT_EQ(tensor.type, tensor_type(mix_by_name(type), tensor.name, tensor.row_length(),
                                       shape.n_layer, !shape.tied_embeddings))
        << tensor.name;
    check_weights(tensor, *plan_of.at(tensor.name), options.seed);
  }
}

TEST(TestModel, EveryTypeBothArchitectures) {
  for (const std::string& type : mix_names()) {
    check_whole_model(Arch::kQwen2, "tiny", type);
    check_whole_model(Arch::kQwen3, "qwen3-tiny", type);
  }
}

TEST(TestModel, TiedAndOddShapes) {
  check_whole_model(Arch::kQwen2, "tiny-tied", "Q4_K_M");
  check_whole_model(Arch::kQwen2, "tiny-odd", "Q4_K_M");
  check_whole_model(Arch::kQwen3, "tiny-odd", "Q5_K_M");
}

TEST(TestModel, OddShapeGetsTheHalfBillionMix) {
  TestModelOptions options;
  options.shape = "tiny-odd";
  options.type = "Q4_K_M";
  const auto written = write(options);
  const GgufFile file = GgufFile::open(written->path);
  EXPECT_EQ(file.tensor("token_embd.weight").type, GgmlType::kQ8_0);
  EXPECT_EQ(file.tensor("blk.0.attn_q.weight").type, GgmlType::kQ5_0);
  EXPECT_EQ(file.tensor("blk.0.attn_v.weight").type, GgmlType::kQ5_0);
  EXPECT_EQ(file.tensor("blk.2.attn_v.weight").type, GgmlType::kQ8_0);
  EXPECT_EQ(file.tensor("blk.0.ffn_down.weight").type, GgmlType::kQ4_K);
  EXPECT_EQ(file.tensor("blk.2.ffn_down.weight").type, GgmlType::kQ6_K);
  EXPECT_EQ(written->summary.type_counts.at("Q5_0"), 3u * 5 + 2);
}

TEST(TestModel, Qwen3HeadDimFromKeyLength) {
  TestModelOptions options;
  options.arch = Arch::kQwen3;
  options.shape = "qwen3-tiny";
  options.context_length = 1234;
  const auto written = write(options);
  const GgufFile file = GgufFile::open(written->path);
  EXPECT_EQ(file.get_uint("qwen3.attention.key_length"), 128u);
  EXPECT_EQ(file.get_uint("qwen3.embedding_length") / file.get_uint("qwen3.attention.head_count"),
            64u);
  EXPECT_EQ(file.tensor("blk.1.attn_q.weight").dims, (Dims{256, 512}));
  EXPECT_EQ(file.tensor("blk.1.attn_k_norm.weight").dims, (Dims{128}));
  EXPECT_EQ(file.get_uint("qwen3.context_length"), 1234u);
}

std::string contents(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(TestModel, DeterministicForASeedWhateverTheThreads) {
  TestModelOptions options;
  options.type = "Q4_K_M";
  options.seed = 7;
  options.threads = 1;
  const auto first = write(options);
  options.threads = 3;
  const auto second = write(options);
  options.seed = 8;
  const auto other = write(options);
  EXPECT_EQ(contents(first->path), contents(second->path));
  EXPECT_EQ(contents(first->path).size(), contents(other->path).size());
  EXPECT_NE(contents(first->path), contents(other->path));
  // Only the finished file is left: the temporary was renamed.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(first->dir.path()),
                          std::filesystem::directory_iterator()),
            1);
}

constexpr const char* kTokenizerJson = R"({
  "added_tokens": [
    {"id": 6, "content": "<|endoftext|>", "special": true},
    {"id": 7, "content": "<|im_start|>", "special": true},
    {"id": 8, "content": "<|im_end|>", "special": true},
    {"id": 9, "content": "<tool_call>", "special": false}
  ],
  "model": {"type": "BPE", "vocab": {"a": 0, "b": 1, "ab": 2, "\u0120": 3, "\u0120ab": 4},
            "merges": ["a b", ["\u0120", "ab"]]}
})";

TEST(TestModel, VocabularyOnlyFromATokenizerJson) {
  testing::TempDir dir;
  TestModelOptions options;
  options.arch = Arch::kQwen3;
  options.vocab_path = testing::write_in(dir, "tokenizer.json", kTokenizerJson);
  options.vocab_only = true;
  const auto summary = write_test_model(options, dir / "vocab.gguf");
  EXPECT_EQ(summary.tensor_count, 0u);
  EXPECT_EQ(summary.token_count, 10u);
  const GgufFile file = GgufFile::open(dir / "vocab.gguf");
  EXPECT_TRUE(file.tensors().empty());
  EXPECT_EQ(file.get_string("general.architecture"), "qwen3");
  EXPECT_EQ(file.get_string_array("tokenizer.ggml.tokens"),
            (std::vector<std::string_view>{"a", "b", "ab", "\xC4\xA0",
                                           "\xC4\xA0"
                                           "ab",
                                           "[PAD5]", "<|endoftext|>", "<|im_start|>", "<|im_end|>",
                                           "<tool_call>"}));
  EXPECT_EQ(file.get_int_array("tokenizer.ggml.token_type"),
            (std::vector<std::int64_t>{1, 1, 1, 1, 1, 5, 3, 3, 3, 4}));
  EXPECT_EQ(file.get_string_array("tokenizer.ggml.merges"),
            (std::vector<std::string_view>{"a b", "\xC4\xA0 ab"}));
  EXPECT_EQ(file.get_uint("tokenizer.ggml.eos_token_id"), 8u);
  EXPECT_LT(file.file_size(), 10000u);
}

TEST(TestModel, WeightsWithATokenizerJsonVocabulary) {
  testing::TempDir dir;
  TestModelOptions options;
  options.vocab_path = testing::write_in(dir, "tokenizer.json", kTokenizerJson);
  const auto summary = write_test_model(options, dir / "m.gguf");
  EXPECT_EQ(summary.n_vocab, 10u);
  EXPECT_EQ(GgufFile::open(dir / "m.gguf").tensor("output.weight").dims, (Dims{256, 10}));
}

template <typename Exception>
std::string failure(const TestModelOptions& options, const std::filesystem::path& out) {
  try {
    write_test_model(options, out);
  } catch (const Exception& error) {
    return error.what();
  }
  ADD_FAILURE() << "no error";
  return "";
}

TEST(TestModel, BadOptionsAreClearErrors) {
  testing::TempDir dir;
  const auto out = dir / "x.gguf";
  TestModelOptions options;
  options.shape = "qwen3-0.6b";
  EXPECT_NE(failure<std::invalid_argument>(options, out).find("'qwen3-0.6b' is a qwen3 shape"),
            std::string::npos);
  options.shape = "medium";
  EXPECT_NE(failure<std::invalid_argument>(options, out).find("unknown shape 'medium'"),
            std::string::npos);
  options.shape = "tiny";
  options.type = "Q2_K";
  EXPECT_NE(failure<std::invalid_argument>(options, out).find("unknown weight type 'Q2_K'"),
            std::string::npos);
  options.type = "Q8_0";
  options.vocab_path = dir / "absent.json";
  EXPECT_NE(failure<std::runtime_error>(options, out).find("cannot read"), std::string::npos);
  options.vocab_path.clear();
  EXPECT_NE(failure<std::runtime_error>(options, dir / "no/such/dir/x.gguf").find("cannot create"),
            std::string::npos);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace codriver::llm::testmodel
