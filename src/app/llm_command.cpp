#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/llm_commands.h"

// `codriver llm ...`: running Qwen models on the car's own CPU, and the tools around it.
namespace codriver::app {

void add_llm_command(CLI::App& app) {
  CLI::App* llm = app.add_subcommand("llm", "On-device Qwen language models (GGUF files)");
  llm->require_subcommand(1);
  add_llm_run_command(*llm);
  add_llm_tokenize_command(*llm);
  add_llm_bench_command(*llm);
  add_llm_serve_command(*llm);
  add_llm_make_test_model_command(*llm);
}

}  // namespace codriver::app
