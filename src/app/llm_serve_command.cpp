#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include "app/llm_commands.h"
#include "llm/engine/generator.h"
#include "llm/engine/qwen_model.h"
#include "llm/serve/llm_server.h"
#include "llm/serve/stop_on_signals.h"
#include "llm/tokenizer/tokenizer.h"

// `codriver llm serve`: an OpenAI-compatible chat server for a Qwen GGUF model on this CPU
// (see src/llm/serve/llm_server.h for what it answers).
namespace codriver::app {
namespace {

struct ServeCommandOptions {
  std::filesystem::path model;
  llm::serve::ServeOptions serve;
  int threads = 0;
  double busy_wait_seconds = 30;
};

std::int64_t file_time(const std::filesystem::path& path) {
  const auto written = std::filesystem::last_write_time(path);
  const auto system = std::chrono::file_clock::to_sys(written);
  return std::chrono::duration_cast<std::chrono::seconds>(system.time_since_epoch()).count();
}

std::string url(const std::string& host, int port) {
  const bool ipv6 = host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

void run_serve(ServeCommandOptions o) {
  llm::serve::check_serve_options(o.serve);  // before the model is loaded: fail fast
  const auto model = llm::engine::QwenModel::open(o.model);
  const auto tokenizer = llm::tokenizer::Tokenizer::from_gguf(model.file());
  const int threads = o.threads > 0
                          ? o.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  llm::engine::Generator generator(model, tokenizer, threads);
  const auto context = model.config().context_length;
  if (o.serve.context_length > context) {
    throw CLI::ValidationError("--ctx", std::to_string(o.serve.context_length) +
                                            " is more than the model's context length " +
                                            std::to_string(context));
  }
  o.serve.model_id = o.model.stem().string();
  o.serve.model_created = file_time(o.model);
  o.serve.busy_wait =
      std::chrono::milliseconds(static_cast<std::int64_t>(o.busy_wait_seconds * 1000));
  o.serve.log_requests = true;

  llm::serve::LlmServer server(generator, o.serve);
  const int port = server.bind();
  llm::serve::StopOnSignals stop_on_signals([&server] { server.stop(); });
  std::cerr << "codriver: serving " << o.model.filename().string() << " ("
            << model.config().architecture_name << ", context "
            << (o.serve.context_length > 0 ? o.serve.context_length : context) << ", " << threads
            << " threads)" << (o.serve.token.empty() ? "" : ", token required") << "\n";
  // Scripts and tests read the port from this line.
  std::cout << "listening on " << url(o.serve.host, port) << std::endl;
  server.run();
  std::cerr << "codriver: stopped\n";
}

}  // namespace

void add_llm_serve_command(CLI::App& llm) {
  auto o = std::make_shared<ServeCommandOptions>();
  CLI::App* command = llm.add_subcommand(
      "serve", "Serve a Qwen GGUF model over an OpenAI-compatible HTTP API (/v1/chat/completions)");
  command->add_option("--model", o->model, "the .gguf model file")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--port", o->serve.port, "TCP port; 0 picks a free one (default 8080)");
  command->add_option("--host", o->serve.host,
                      "address to listen on (default 127.0.0.1; another needs --token)");
  command
      ->add_option("--token", o->serve.token,
                   "require \"Authorization: Bearer TOKEN\" on every request")
      ->envname("CODRIVER_LLM_TOKEN");
  command->add_option("--threads", o->threads, "compute threads (default: all cores)");
  command->add_option(
      "--ctx", o->serve.context_length,
      "context length in tokens, prompt and answer together (default: the model's)");
  command->add_flag("--think", o->serve.enable_thinking,
                    "Qwen3: think before answering unless a request says otherwise");
  command->add_option("--busy-wait", o->busy_wait_seconds,
                      "seconds a request waits while another generates, then 429 (default 30)");
  command->callback([o] { run_serve(*o); });
}

}  // namespace codriver::app
