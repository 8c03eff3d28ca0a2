// The agent's understanding on its evaluation corpus (tests/agent/corpus), with the time
// each utterance takes, on the real Monaco map.
//
//   build-bench/bench/agent_eval                      # report, latency, 40 failures
//   build-bench/bench/agent_eval --failures 1000      # every failure
//   build-bench/bench/agent_eval --corpus DIR         # another corpus folder
//
// Latency is one ask() as the driver waits for it: parsing, the tools (place search,
// routing) and the answer, in one process with a warm page cache. Each dialogue starts on a
// new agent; building it is not counted.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "agent/corpus_runner.h"
#include "latency_stats.h"
#include "llm/chat_model/chat_model_config.h"
#include "llm/chat_model/local_chat_model.h"
#include "llm/chat_model/openai_chat_model.h"
#include "map/bundle.h"
#include "support/test_support.h"

namespace {

using namespace codriver;

struct Options {
  std::filesystem::path corpus = CODRIVER_AGENT_CORPUS;
  std::size_t failures = 40;
  // The model path: an on-device GGUF and/or an OpenAI-compatible server (the key from
  // CODRIVER_LLM_API_KEY), every utterance sent to a model with --model-first.
  std::filesystem::path model;
  std::string llm_url, llm_model;
  bool model_first = false;
  double model_timeout_s = 30;
};

const char* kUsage =
    "usage: agent_eval [--corpus DIR] [--failures N] [--model F.gguf] [--llm-url URL "
    "--llm-model NAME] [--model-first] [--model-timeout S]\n";

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--model-first") {
      options.model_first = true;
      continue;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "%s", kUsage);
      std::exit(2);
    }
    const char* value = argv[++i];
    if (flag == "--corpus") {
      options.corpus = value;
    } else if (flag == "--failures") {
      options.failures = static_cast<std::size_t>(std::strtoul(value, nullptr, 10));
    } else if (flag == "--model") {
      options.model = value;
    } else if (flag == "--llm-url") {
      options.llm_url = value;
    } else if (flag == "--llm-model") {
      options.llm_model = value;
    } else if (flag == "--model-timeout") {
      options.model_timeout_s = std::strtod(value, nullptr);
    } else {
      std::fprintf(stderr, "%s", kUsage);
      std::exit(2);
    }
  }
  return options;
}

agent::ModelOptions models_of(const Options& o) {
  agent::ModelOptions models;
  models.model_first = o.model_first;
  models.on_device_deadline = models.cloud_deadline =
      std::chrono::milliseconds(static_cast<long>(o.model_timeout_s * 1000));
  if (!o.model.empty())
    models.on_device = std::make_shared<llm::LocalChatModel>(llm::LocalModelOptions{o.model, 0});
  if (!o.llm_url.empty()) {
    llm::OpenAiConfig config = llm::load_openai_config(std::nullopt);
    config.base_url = o.llm_url;
    config.model = o.llm_model;
    models.cloud = std::make_shared<llm::OpenAiChatModel>(config);
  }
  return models;
}

void print_latency(const char* label, const std::vector<double>& latencies_us) {
  const auto stats = bench::stats_of(latencies_us);
  std::printf("  %-22s %5zu   %9.3f   %9.3f   %9.3f\n", label, stats.count, stats.median / 1000,
              stats.p99 / 1000, stats.mean / 1000);
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_options(argc, argv);
  try {
    const auto corpus = agent::eval::load_corpus(options.corpus);
    testing::TempDir scratch;
    map::import_bundle(testing::shared_data("osm/monaco.osm.pbf"), scratch / "monaco");
    agent::AgentOptions agent_options;
    agent_options.bundle = scratch / "monaco";
    agent_options.memory_path = ":memory:";
    agent::eval::AgentConversation conversation(agent_options, models_of(options));
    const auto report = agent::eval::run_corpus(corpus, conversation);
    std::printf("%s\n", agent::eval::format_report(report, options.failures).c_str());
    std::map<std::string, int> by_path;
    for (const auto& turn : report.turns)
      ++by_path[turn.answer.value("path", "embedded")];
    std::printf("  answered by:");
    for (const auto& [path, count] : by_path)
      std::printf(" %s %d", path.c_str(), count);
    std::printf("\n");

    std::map<std::string, std::vector<double>> by_language, by_intent;
    for (const auto& turn : report.turns) {
      by_language[turn.language].push_back(turn.latency_us);
      by_intent[turn.expected->intent].push_back(turn.latency_us);
    }
    std::printf("  latency per utterance  count   median ms      p99 ms     mean ms\n");
    print_latency("all", report.latencies_us());
    for (const auto& [language, latencies] : by_language)
      print_latency(language.c_str(), latencies);
    for (const auto& [intent, latencies] : by_intent)
      print_latency(intent.c_str(), latencies);
    std::printf("  peak memory %.1f MiB\n",
                static_cast<double>(bench::peak_rss_bytes()) / (1024.0 * 1024.0));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "agent_eval: %s\n", error.what());
    return 1;
  }
  return 0;
}
