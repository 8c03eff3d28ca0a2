#include <CLI/CLI.hpp>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <stdexcept>

#include "app/llm_commands.h"
#include "llm/testmodel/test_model.h"

// `codriver llm make-test-model`: a random-weight Qwen2/Qwen3 GGUF file for tests and
// benchmarks (see src/llm/testmodel).
namespace codriver::app {
namespace {

struct MakeTestModelOptions {
  std::string arch, shape = "tiny", type = "Q8_0";
  std::filesystem::path out, vocab;
  bool vocab_only = false;
  std::uint64_t seed = 1;
  std::uint32_t context_length = 0;
  unsigned threads = 0;
};

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names)
    text += (text.empty() ? "" : "|") + name;
  return text;
}

llm::testmodel::TestModelOptions to_generator(const MakeTestModelOptions& o) {
  llm::testmodel::TestModelOptions options;
  const auto arch = llm::testmodel::arch_from_name(o.arch);
  if (!arch) throw std::invalid_argument("unknown architecture '" + o.arch + "' (qwen2 or qwen3)");
  options.arch = *arch;
  options.shape = o.shape;
  options.type = o.type;
  options.seed = o.seed;
  options.vocab_path = o.vocab;
  options.vocab_only = o.vocab_only;
  if (o.context_length != 0) options.context_length = o.context_length;
  options.threads = o.threads;
  return options;
}

void run_make_test_model(const MakeTestModelOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  const auto summary = llm::testmodel::write_test_model(to_generator(o), o.out);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string types;
  for (const auto& [type, count] : summary.type_counts) {
    types += (types.empty() ? "" : ", ") + type + " " + std::to_string(count);
  }
  std::cout << "wrote " << o.out.string() << ": " << o.arch << " " << o.shape << " "
            << (o.vocab_only ? "vocabulary only" : o.type) << ", " << summary.tensor_count
            << " tensors" << (types.empty() ? "" : " (" + types + ")") << ", "
            << summary.token_count << " tokens, " << std::fixed << std::setprecision(1)
            << static_cast<double>(summary.file_bytes) / (1024.0 * 1024.0) << " MiB in "
            << std::setprecision(2) << seconds << " s\n";
}

}  // namespace

void add_llm_make_test_model_command(CLI::App& llm) {
  auto o = std::make_shared<MakeTestModelOptions>();
  CLI::App* command = llm.add_subcommand(
      "make-test-model", "Write a random-weight Qwen2/Qwen3 GGUF model (for tests and benchmarks)");
  command->add_option("--arch", o->arch, "qwen2 or qwen3")->required();
  command->add_option("--type", o->type,
                      "weight type: " + joined(llm::testmodel::mix_names()) + " (default Q8_0)");
  command->add_option("--out", o->out, "the .gguf file to write")->required();
  command->add_option("--shape", o->shape,
                      "model shape: " + joined(llm::testmodel::shape_names()) + " (default tiny)");
  command->add_option("--vocab", o->vocab,
                      "a Hugging Face tokenizer.json to take the vocabulary from (default: a "
                      "small synthetic byte-level BPE vocabulary)");
  command->add_flag("--vocab-only", o->vocab_only, "write only the tokenizer metadata");
  command->add_option("--seed", o->seed, "random seed of the weights (default 1)");
  command->add_option("--ctx", o->context_length,
                      "context length to record (default: the shape's)");
  command->add_option("--threads", o->threads, "encoding threads (default: all cores)");
  command->callback([o] { run_make_test_model(*o); });
}

}  // namespace codriver::app
