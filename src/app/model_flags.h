#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "agent/agent.h"

namespace CLI {
class App;
}

// The chat models behind the embedded parser, as the assistant commands and `serve` take
// them: an on-device GGUF, an OpenAI-compatible server, both or neither.
namespace codriver::app {

struct ModelFlags {
  std::filesystem::path model;  // on-device GGUF
  int threads = 0;
  std::string llm_url, llm_model;  // OpenAI-compatible server
  std::optional<std::filesystem::path> llm_config;
  bool model_first = false;
  double model_timeout_s = 10;
};

void add_model_flags(CLI::App* command, ModelFlags& flags);

// The models the flags name (a --llm-config file or the CODRIVER_LLM_* environment may
// name the cloud one); none of them is required.
agent::ModelOptions models_of(const ModelFlags& flags);

}  // namespace codriver::app
