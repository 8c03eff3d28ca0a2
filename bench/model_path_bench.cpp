// The agent's model path, timed: (1) the loop around the model with an instant scripted
// model, so what is measured is ours (prompt, tools array, validation, tool execution,
// fencing, history); (2) with --model F.gguf, the time from a request to the first word
// the on-device engine streams, cold and with the rules and tools already in its cache.
//
// usage: model_path_bench [--model F.gguf] [--requests N]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "agent/agent.h"
#include "agent/model_prompt.h"
#include "latency_stats.h"
#include "llm/chat_model/local_chat_model.h"
#include "map/osm_importer.h"
#include "support/test_support.h"

namespace {

using namespace codriver;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Answers at once: a tool call first when `call_tool`, then a short sentence.
class InstantModel : public llm::ChatModel {
 public:
  explicit InstantModel(bool call_tool) : call_tool_(call_tool) {}
  std::string describe() const override { return "instant"; }
  llm::ChatReply complete(const llm::ChatRequest& request) override {
    llm::ChatReply reply;
    if (call_tool_ && request.messages.back().role != "tool") {
      reply.tool_calls.push_back({"call_1", "find_parking", R"({"radius_m": 800})"});
    } else {
      reply.content = "Parking is on the screen.";
    }
    return reply;
  }

 private:
  bool call_tool_;
};

void time_loop(agent::Agent& agent, bool call_tool, int requests) {
  agent::ModelOptions models;
  models.on_device = std::make_shared<InstantModel>(call_tool);
  models.model_first = true;
  agent.set_models(models);
  std::vector<double> us;
  for (int i = 0; i < requests; ++i) {
    agent.reset();
    const auto start = Clock::now();
    agent.ask("somewhere to leave the car please");
    us.push_back(ms_since(start) * 1000);
  }
  const auto stats = bench::stats_of(us);
  std::printf("  %-34s %6zu %10.3f %10.3f\n",
              call_tool ? "one tool call, then the answer" : "answer, no tool", stats.count,
              stats.median / 1000, stats.p99 / 1000);
}

void time_first_word(const agent::Agent& agent, const std::filesystem::path& model_path,
                     int requests) {
  llm::LocalChatModel model({model_path, 0});
  agent::DialogState dialog;
  const std::vector<std::string> said = {"what is there to do around here tonight",
                                         "is it far to walk from the casino to the port",
                                         "tell me something about monaco"};
  std::printf("\n  %s, the agent's rules and %zu tools: request -> first streamed text\n",
              model.describe().c_str(), agent.tools().names().size());
  std::printf("  %-10s %12s %12s %14s\n", "request", "first word", "prompt", "cached prefix");
  for (int i = 0; i < requests; ++i) {
    llm::ChatRequest request;
    request.messages.push_back({"system", agent::system_prompt(), {}, {}});
    request.messages.push_back(
        {"user",
         agent::user_message(dialog, routing::Language::kEnglish, said[i % said.size()]),
         {},
         {}});
    for (const auto& tool : agent.tools().openai_tools(routing::Language::kEnglish))
      request.tools.push_back(tool.dump());
    request.max_tokens = 8;
    const auto start = Clock::now();
    double first = -1;
    request.on_text = [&](std::string_view) {
      if (first < 0) first = ms_since(start);
      return true;
    };
    const llm::ChatReply reply = model.complete(request);
    if (first < 0) first = ms_since(start);  // nothing speakable: the end of the reply
    std::printf("  %-10s %9.0f ms %9lld tok %14s\n", i == 0 ? "cold" : "warm", first,
                static_cast<long long>(reply.prompt_tokens), i == 0 ? "no" : "rules+tools");
  }
  // What a car does at start-up: prepare() reads the rules and tools before any request.
  llm::LocalChatModel fresh({model_path, 0});
  llm::ChatRequest prefix;
  prefix.messages.push_back({"system", agent::system_prompt(), {}, {}});
  for (const auto& tool : agent.tools().openai_tools(routing::Language::kEnglish))
    prefix.tools.push_back(tool.dump());
  auto start = Clock::now();
  fresh.prepare(prefix);
  const double prepare_ms = ms_since(start);
  llm::ChatRequest request = prefix;
  request.messages.push_back(
      {"user", agent::user_message(dialog, routing::Language::kEnglish, said[0]), {}, {}});
  request.max_tokens = 8;
  double first = -1;
  start = Clock::now();
  request.on_text = [&](std::string_view) {
    if (first < 0) first = ms_since(start);
    return true;
  };
  fresh.complete(request);
  if (first < 0) first = ms_since(start);
  std::printf("  prepare() at start-up %.0f ms, then the first request's first word %.0f ms\n",
              prepare_ms, first);
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path model;
  int requests = 200;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--model") == 0) model = argv[i + 1];
    if (std::strcmp(argv[i], "--requests") == 0) requests = std::atoi(argv[i + 1]);
  }
  try {
    testing::TempDir scratch;
    map::import_bundle(testing::shared_data("osm/monaco.osm.pbf"), scratch / "monaco");
    agent::Agent agent({scratch / "monaco", ":memory:"});
    std::printf("agent loop around an instant model (Monaco), per request\n");
    std::printf("  %-34s %6s %10s %10s\n", "", "count", "median ms", "p99 ms");
    time_loop(agent, false, requests);
    time_loop(agent, true, requests);
    if (!model.empty()) time_first_word(agent, model, 3);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "model_path_bench: %s\n", error.what());
    return 1;
  }
  return 0;
}
