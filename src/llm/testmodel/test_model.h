#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "llm/testmodel/model_shape.h"
#include "llm/testmodel/weight_mix.h"

// `make-test-model`: writes a random-weight Qwen2 or Qwen3 GGUF file of a given shape and
// weight type, with a synthetic or a real (tokenizer.json) vocabulary, or only the
// vocabulary. It shares no code with the engine; only the GGUF reader's type table.
namespace codriver::llm::testmodel {

struct TestModelOptions {
  Arch arch = Arch::kQwen2;
  std::string shape = "tiny";  // see shape_names()
  std::string type = "Q8_0";   // see mix_names(): F32 ... Q6_K, Q4_K_M, Q5_K_M
  std::uint64_t seed = 1;
  std::filesystem::path vocab_path;             // a tokenizer.json; empty: the synthetic vocabulary
  bool vocab_only = false;                      // tokenizer metadata only, no tensors
  std::optional<std::uint32_t> context_length;  // overrides the shape's
  unsigned threads = 0;                         // 0: the hardware's
};

struct TestModelSummary {
  std::uint64_t file_bytes = 0;
  std::size_t tensor_count = 0;
  std::size_t token_count = 0;
  std::uint64_t n_vocab = 0;                       // embedding rows
  std::map<std::string, std::size_t> type_counts;  // tensors per type name
};

// Writes to a temporary name beside `out`, then renames. Throws std::invalid_argument for
// bad options (unknown shape or type, a shape of the other architecture) and
// std::runtime_error for I/O or vocabulary problems.
TestModelSummary write_test_model(const TestModelOptions& options,
                                  const std::filesystem::path& out);

}  // namespace codriver::llm::testmodel
