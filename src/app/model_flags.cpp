#include "app/model_flags.h"

#include <CLI/CLI.hpp>
#include <stdexcept>

#include "llm/chat_model/chat_model_config.h"
#include "llm/chat_model/local_chat_model.h"
#include "llm/chat_model/openai_chat_model.h"

namespace codriver::app {

void add_model_flags(CLI::App* command, ModelFlags& o) {
  command
      ->add_option("--model", o.model, "on-device Qwen GGUF model for what the parser is unsure of")
      ->check(CLI::ExistingFile);
  command->add_option("--threads", o.threads, "threads for the on-device model (default: all)")
      ->check(CLI::Range(1, 256));
  command->add_option(
      "--llm-url", o.llm_url,
      "OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1 (key: CODRIVER_LLM_API_KEY)");
  command->add_option("--llm-model", o.llm_model, "the server's model name, e.g. qwen-plus");
  command
      ->add_option("--llm-config", o.llm_config, "JSON file with base_url, model, api_key_env, ...")
      ->check(CLI::ExistingFile);
  command->add_flag("--model-first", o.model_first, "send every request to a model (no fast path)");
  command
      ->add_option("--model-timeout", o.model_timeout_s, "seconds each model may take (default 10)")
      ->check(CLI::Range(0.1, 600.0));
}

agent::ModelOptions models_of(const ModelFlags& o) {
  agent::ModelOptions models;
  models.model_first = o.model_first;
  const auto budget = std::chrono::milliseconds(static_cast<long>(o.model_timeout_s * 1000));
  models.on_device_deadline = models.cloud_deadline = budget;
  if (!o.model.empty()) {
    models.on_device =
        std::make_shared<llm::LocalChatModel>(llm::LocalModelOptions{o.model, o.threads});
  }
  llm::OpenAiConfig cloud = llm::load_openai_config(o.llm_config);
  if (!o.llm_url.empty()) cloud.base_url = o.llm_url;
  if (!o.llm_model.empty()) cloud.model = o.llm_model;
  if (!cloud.base_url.empty() || !cloud.model.empty())
    models.cloud = std::make_shared<llm::OpenAiChatModel>(cloud);
  if (o.model_first && !models.on_device && !models.cloud)
    throw std::runtime_error("--model-first needs --model or --llm-url/--llm-model");
  return models;
}

}  // namespace codriver::app
