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
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "agent/corpus_runner.h"
#include "latency_stats.h"
#include "map/bundle.h"
#include "support/test_support.h"

namespace {

using namespace codriver;

struct Options {
  std::filesystem::path corpus = CODRIVER_AGENT_CORPUS;
  std::size_t failures = 40;
};

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--corpus") == 0) {
      options.corpus = argv[i + 1];
    } else if (std::strcmp(argv[i], "--failures") == 0) {
      options.failures = static_cast<std::size_t>(std::strtoul(argv[i + 1], nullptr, 10));
    } else {
      std::fprintf(stderr, "usage: agent_eval [--corpus DIR] [--failures N]\n");
      std::exit(2);
    }
  }
  return options;
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
    agent::eval::AgentConversation conversation(agent_options);
    const auto report = agent::eval::run_corpus(corpus, conversation);
    std::printf("%s\n", agent::eval::format_report(report, options.failures).c_str());

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
