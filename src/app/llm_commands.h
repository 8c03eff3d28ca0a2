#pragma once

namespace CLI {
class App;
}

// The subcommands of `codriver llm` (the on-device Qwen engine), each in its own file;
// add_llm_command (commands.h) creates the group and registers them.
namespace codriver::app {

void add_llm_make_test_model_command(CLI::App& llm);
void add_llm_run_command(CLI::App& llm);
void add_llm_tokenize_command(CLI::App& llm);
void add_llm_bench_command(CLI::App& llm);
void add_llm_serve_command(CLI::App& llm);

}  // namespace codriver::app
