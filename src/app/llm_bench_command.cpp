#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/llm_commands.h"
#include "llm/engine/inference_session.h"
#include "llm/engine/kernels.h"
#include "llm/engine/memory_bandwidth.h"
#include "llm/engine/qwen_model.h"

// `codriver llm bench`: prefill and decode speed of a model on this CPU, beside the bound
// memory bandwidth sets for decoding (every weight read once per token).
namespace codriver::app {
namespace {

using Clock = std::chrono::steady_clock;

struct BenchOptions {
  std::filesystem::path model;
  std::vector<int> threads{1, 2};
  int prompt_tokens = 128;
  int decode_tokens = 32;
  bool json = false;
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Measurement {
  int threads = 0;
  double prefill_tokens_per_second = 0, decode_tokens_per_second = 0;
  double read_bandwidth = 0, copy_bandwidth = 0;
  double decode_bound = 0;  // tokens/s if decoding only read the weights at read bandwidth
};

std::int32_t argmax(std::span<const float> logits) {
  return static_cast<std::int32_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
}

Measurement measure(const llm::engine::QwenModel& model, int threads, const BenchOptions& o) {
  Measurement m;
  m.threads = threads;
  llm::engine::ThreadPool pool(threads);
  llm::engine::InferenceSession session(model, pool);
  std::vector<llm::tokenizer::TokenId> prompt;
  const auto n_vocab = model.config().n_vocab;
  for (int i = 0; i < o.prompt_tokens; ++i)
    prompt.push_back(static_cast<llm::tokenizer::TokenId>((i * 7919 + 11) %
                                                          std::min<std::int64_t>(n_vocab, 100000)));
  session.feed(std::span(prompt).first(1));  // touches every weight page once
  session.reset();
  auto start = Clock::now();
  auto logits = session.feed(prompt);
  m.prefill_tokens_per_second = o.prompt_tokens / seconds_since(start);
  std::int32_t next = argmax(logits);
  start = Clock::now();
  for (int i = 0; i < o.decode_tokens; ++i)
    next = argmax(session.feed(std::span(&next, 1)));
  m.decode_tokens_per_second = o.decode_tokens / seconds_since(start);
  const auto bandwidth = llm::engine::measure_memory_bandwidth(threads);
  m.read_bandwidth = bandwidth.read_bytes_per_second;
  m.copy_bandwidth = bandwidth.copy_bytes_per_second;
  m.decode_bound = m.read_bandwidth / static_cast<double>(model.weight_bytes_per_token());
  return m;
}

void run_bench(const BenchOptions& o) {
  const auto model = llm::engine::QwenModel::open(o.model);
  const auto& c = model.config();
  const double weight_mb = model.weight_bytes_per_token() / 1e6;
  nlohmann::json rows = nlohmann::json::array();
  if (!o.json) {
    std::printf(
        "%s: %s, %lld layers, n_embd %lld, vocab %lld; %.1f MB of weights read per token; kernels "
        "%s\n",
        o.model.filename().c_str(), c.architecture_name.c_str(), static_cast<long long>(c.n_layer),
        static_cast<long long>(c.n_embd), static_cast<long long>(c.n_vocab), weight_mb,
        std::string(llm::engine::isa_name(llm::engine::current_isa())).c_str());
    std::printf("%7s %14s %13s %12s %12s %13s %9s\n", "threads", "prefill tok/s", "decode tok/s",
                "read GB/s", "copy GB/s", "bound tok/s", "of bound");
  }
  for (const int threads : o.threads) {
    const Measurement m = measure(model, threads, o);
    rows.push_back({{"threads", threads},
                    {"prefill_tokens_per_second", m.prefill_tokens_per_second},
                    {"decode_tokens_per_second", m.decode_tokens_per_second},
                    {"read_bytes_per_second", m.read_bandwidth},
                    {"copy_bytes_per_second", m.copy_bandwidth},
                    {"decode_bound_tokens_per_second", m.decode_bound}});
    if (!o.json) {
      std::printf("%7d %14.1f %13.2f %12.2f %12.2f %13.2f %8.0f%%\n", threads,
                  m.prefill_tokens_per_second, m.decode_tokens_per_second, m.read_bandwidth / 1e9,
                  m.copy_bandwidth / 1e9, m.decode_bound,
                  100 * m.decode_tokens_per_second / m.decode_bound);
    }
  }
  if (o.json) {
    std::cout << nlohmann::json{{"model", o.model.filename().string()},
                                {"architecture", c.architecture_name},
                                {"weight_bytes_per_token", model.weight_bytes_per_token()},
                                {"kernels",
                                 std::string(llm::engine::isa_name(llm::engine::current_isa()))},
                                {"prompt_tokens", o.prompt_tokens},
                                {"decode_tokens", o.decode_tokens},
                                {"runs", rows}}
                     .dump()
              << "\n";
  }
}

}  // namespace

void add_llm_bench_command(CLI::App& llm) {
  auto o = std::make_shared<BenchOptions>();
  CLI::App* command = llm.add_subcommand(
      "bench", "Prefill and decode tokens/s on this CPU, beside the memory-bandwidth bound");
  command->add_option("--model", o->model, "GGUF model")->required()->check(CLI::ExistingFile);
  command->add_option("--threads", o->threads, "Thread counts to measure (default 1 2)")
      ->delimiter(',')
      ->check(CLI::Range(1, 256));
  command->add_option("--prompt-tokens", o->prompt_tokens, "Prefill length")
      ->check(CLI::Range(1, 8192));
  command->add_option("--decode-tokens", o->decode_tokens, "Tokens decoded")
      ->check(CLI::Range(1, 4096));
  command->add_flag("--json", o->json, "One JSON document");
  command->callback([o] { run_bench(*o); });
}

}  // namespace codriver::app
