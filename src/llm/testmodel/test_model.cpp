#include "llm/testmodel/test_model.h"

#include <unistd.h>

#include <algorithm>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "llm/testmodel/chat_template.h"
#include "llm/testmodel/gguf_writer.h"
#include "llm/testmodel/model_tensors.h"
#include "llm/testmodel/quantize.h"
#include "llm/testmodel/random_weights.h"
#include "llm/testmodel/vocabulary.h"

namespace codriver::llm::testmodel {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{8} << 20;
// Below this many weights a chunk is encoded on the calling thread.
constexpr std::uint64_t kParallelWeights = std::uint64_t{1} << 16;

struct ModelSpec {
  Arch arch;
  const ModelShape& shape;
  const WeightMix& mix;
  const Vocabulary& vocabulary;
  std::uint64_t n_vocab;
  std::uint32_t context_length;
};

std::uint64_t embedding_rows(const ModelShape& shape, const Vocabulary& vocabulary) {
  const std::uint64_t tokens = vocabulary.tokens.size();
  if (shape.n_vocab == 0) return tokens;
  if (shape.n_vocab < tokens) {
    throw std::invalid_argument("the vocabulary has " + std::to_string(tokens) +
                                " tokens, more than the " + std::to_string(shape.n_vocab) +
                                " embedding rows of shape '" + shape.name + "'");
  }
  return shape.n_vocab;  // rows past the vocabulary are padding, as in the real models
}

void add_model_metadata(GgufWriter& writer, const ModelSpec& spec, std::uint64_t seed) {
  const std::string arch(arch_name(spec.arch));
  const ModelShape& shape = spec.shape;
  writer.add_string("general.architecture", arch);
  writer.add_string("general.name", "codriver test model (" + arch + ", " + shape.name + ", " +
                                        spec.mix.name + ", seed " + std::to_string(seed) + ")");
  writer.add_uint32("general.file_type", spec.mix.file_type);
  writer.add_uint32("general.quantization_version", 2);
  writer.add_string("codriver.test_model.shape", shape.name);
  writer.add_uint64("codriver.test_model.seed", seed);
  writer.add_uint32(arch + ".context_length", spec.context_length);
  writer.add_uint32(arch + ".embedding_length", shape.n_embd);
  writer.add_uint32(arch + ".block_count", shape.n_layer);
  writer.add_uint32(arch + ".feed_forward_length", shape.n_ff);
  writer.add_uint32(arch + ".attention.head_count", shape.n_head);
  writer.add_uint32(arch + ".attention.head_count_kv", shape.n_head_kv);
  writer.add_float32(arch + ".rope.freq_base", shape.rope_theta);
  writer.add_float32(arch + ".attention.layer_norm_rms_epsilon", shape.rms_epsilon);
  if (spec.arch == Arch::kQwen3) {
    writer.add_uint32(arch + ".attention.key_length", shape.head_dim);
    writer.add_uint32(arch + ".attention.value_length", shape.head_dim);
  }
}

void add_tokenizer_metadata(GgufWriter& writer, const Vocabulary& vocabulary) {
  writer.add_string("tokenizer.ggml.model", "gpt2");
  writer.add_string("tokenizer.ggml.pre", "qwen2");
  writer.add_string_array("tokenizer.ggml.tokens", vocabulary.tokens);
  writer.add_int32_array("tokenizer.ggml.token_type", vocabulary.token_types);
  writer.add_string_array("tokenizer.ggml.merges", vocabulary.merges);
  writer.add_uint32("tokenizer.ggml.eos_token_id", vocabulary.eos_id);
  writer.add_uint32("tokenizer.ggml.padding_token_id", vocabulary.padding_id);
  writer.add_uint32("tokenizer.ggml.bos_token_id", vocabulary.bos_id);
  writer.add_bool("tokenizer.ggml.add_bos_token", false);
  writer.add_string("tokenizer.chat_template", qwen_chat_template());
}

// Generates and encodes rows [first, end) of `plan` into `out`, one row after another.
void encode_rows(const TensorPlan& plan, std::uint64_t seed, std::uint64_t first, std::uint64_t end,
                 std::byte* out) {
  const std::uint64_t length = plan.dims[0];
  const std::uint64_t bytes = gguf::row_bytes(plan.type, length);
  std::vector<float> row(length);
  for (std::uint64_t r = first; r < end; ++r) {
    fill_row(row.data(), row.size(), seed, r, plan.mean, plan.std);
    quantize_row(plan.type, row, {out + (r - first) * bytes, bytes});
  }
}

// The same split over `threads` threads (each row depends only on its index).
void encode_rows_parallel(const TensorPlan& plan, std::uint64_t seed, std::uint64_t first,
                          std::uint64_t end, std::byte* out, unsigned threads) {
  const std::uint64_t rows = end - first;
  if (threads <= 1 || rows * plan.dims[0] < kParallelWeights || rows < 2) {
    encode_rows(plan, seed, first, end, out);
    return;
  }
  const std::uint64_t bytes = gguf::row_bytes(plan.type, plan.dims[0]);
  const std::uint64_t parts = std::min<std::uint64_t>(threads, rows);
  std::vector<std::thread> workers;
  std::vector<std::exception_ptr> errors(parts);
  for (std::uint64_t p = 0; p < parts; ++p) {
    const std::uint64_t begin = first + rows * p / parts;
    const std::uint64_t stop = first + rows * (p + 1) / parts;
    workers.emplace_back([&, p, begin, stop] {
      try {
        encode_rows(plan, seed, begin, stop, out + (begin - first) * bytes);
      } catch (...) {
        errors[p] = std::current_exception();
      }
    });
  }
  for (std::thread& worker : workers)
    worker.join();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

void write_tensor(std::ostream& out, GgufWriter& writer, const TensorPlan& plan,
                  std::uint64_t model_seed, unsigned threads) {
  const std::uint64_t seed = tensor_seed(model_seed, plan.name);
  const std::uint64_t bytes = gguf::row_bytes(plan.type, plan.dims[0]);
  std::uint64_t rows = 1;
  for (std::size_t i = 1; i < plan.dims.size(); ++i)
    rows *= plan.dims[i];
  const std::uint64_t rows_per_chunk = std::max<std::uint64_t>(1, kChunkBytes / bytes);
  std::vector<std::byte> chunk(std::min(rows, rows_per_chunk) * bytes);
  for (std::uint64_t first = 0; first < rows; first += rows_per_chunk) {
    const std::uint64_t end = std::min(rows, first + rows_per_chunk);
    encode_rows_parallel(plan, seed, first, end, chunk.data(), threads);
    writer.write_data(out, {chunk.data(), (end - first) * bytes});
  }
  writer.end_tensor(out);
}

Vocabulary load_vocabulary(const TestModelOptions& options) {
  if (options.vocab_path.empty()) return synthetic_vocabulary();
  return vocabulary_from_tokenizer_json(options.vocab_path);
}

TestModelSummary write_model(const TestModelOptions& options, const ModelSpec& spec,
                             const std::filesystem::path& path) {
  GgufWriter writer;
  add_model_metadata(writer, spec, options.seed);
  add_tokenizer_metadata(writer, spec.vocabulary);
  TestModelSummary summary;
  summary.token_count = spec.vocabulary.tokens.size();
  summary.n_vocab = spec.n_vocab;
  std::vector<TensorPlan> plans;
  if (!options.vocab_only) plans = plan_tensors(spec.arch, spec.shape, spec.n_vocab, spec.mix);
  for (const TensorPlan& plan : plans) {
    writer.add_tensor(plan.name, plan.dims, plan.type);
    ++summary.type_counts[std::string(gguf::type_traits(plan.type).name)];
  }
  summary.tensor_count = plans.size();

  std::vector<char> buffer(std::size_t{1} << 20);
  std::ofstream out;
  out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.open(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot create " + path.string());
  const unsigned threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  writer.write_header(out);
  for (const TensorPlan& plan : plans)
    write_tensor(out, writer, plan, options.seed, threads);
  writer.finish();
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
  summary.file_bytes = std::filesystem::file_size(path);
  return summary;
}

}  // namespace

TestModelSummary write_test_model(const TestModelOptions& options,
                                  const std::filesystem::path& out) {
  const ModelShape& shape = shape_by_name(options.shape);
  check_shape_fits(shape, options.arch);
  const WeightMix& mix = mix_by_name(options.type);
  const Vocabulary vocabulary = load_vocabulary(options);
  const ModelSpec spec{options.arch,
                       shape,
                       mix,
                       vocabulary,
                       embedding_rows(shape, vocabulary),
                       options.context_length.value_or(shape.context_length)};
  if (spec.context_length == 0) throw std::invalid_argument("the context length must be positive");

  const std::filesystem::path temporary =
      out.string() + ".tmp-" + std::to_string(static_cast<long>(::getpid()));
  try {
    TestModelSummary summary = write_model(options, spec, temporary);
    std::filesystem::rename(temporary, out);
    return summary;
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

}  // namespace codriver::llm::testmodel
