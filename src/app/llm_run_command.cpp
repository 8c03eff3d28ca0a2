#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>

#include "app/llm_commands.h"
#include "llm/engine/chat_prompt.h"
#include "llm/engine/generator.h"
#include "llm/engine/json_constraint.h"
#include "llm/engine/qwen_model.h"
#include "llm/tokenizer/tokenizer.h"

// `codriver llm run`: generate with a Qwen GGUF model on this CPU, once or as a chat.
namespace codriver::app {
namespace {

using llm::engine::ChatMessage;
using llm::engine::GenerationOptions;
using llm::engine::GenerationResult;

struct RunOptions {
  std::filesystem::path model;
  std::string prompt, system, schema;
  bool chat = false, raw = false, json = false, think = false;
  int max_tokens = 256, threads = 0;
  llm::engine::SamplingOptions sampling;
  std::vector<std::string> stop;
};

int default_threads() {
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// A schema given inline ("{...}") or as a file name.
std::string schema_text(const std::string& argument) {
  if (argument.empty() || argument.front() == '{') return argument;
  std::ifstream in(argument);
  if (!in) throw std::runtime_error("cannot read the JSON schema file " + argument);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The conversation in the model's own template; what the user typed stays plain text.
std::vector<llm::tokenizer::TokenId> prompt_tokens(const RunOptions& o,
                                                   const llm::engine::Generator& generator,
                                                   const std::vector<ChatMessage>& messages) {
  llm::engine::ChatPromptOptions prompt;
  prompt.enable_thinking = o.think;
  prompt.style = llm::engine::chat_template_style(generator.model().config().architecture);
  return llm::engine::chat_prompt_tokens(messages, prompt, generator.tokenizer());
}

void report(const GenerationResult& r, std::ostream& out) {
  const auto rate = [](double n, double s) { return s > 0 ? n / s : 0.0; };
  out << "codriver: prompt " << r.prompt_tokens << " tokens (" << r.reused_prompt_tokens
      << " cached) at "
      << static_cast<int>(rate(r.prompt_tokens - r.reused_prompt_tokens, r.prefill_seconds))
      << " tok/s; generated " << r.tokens.size() << " at "
      << static_cast<int>(rate(static_cast<double>(r.tokens.size()), r.decode_seconds))
      << " tok/s; stop: " << llm::engine::stop_reason_name(r.stop) << "\n";
}

nlohmann::json result_json(const GenerationResult& r) {
  return {{"text", r.text},
          {"completion_tokens", r.tokens.size()},
          {"prompt_tokens", r.prompt_tokens},
          {"finish_reason", llm::engine::stop_reason_name(r.stop)},
          {"prefill_seconds", r.prefill_seconds},
          {"decode_seconds", r.decode_seconds}};
}

void run_chat(const RunOptions& o, llm::engine::Generator& generator, GenerationOptions options) {
  std::vector<ChatMessage> messages;
  if (!o.system.empty()) messages.push_back({"system", o.system, {}, {}});
  options.on_text = [](std::string_view piece) {
    std::cout << piece << std::flush;
    return true;
  };
  std::cerr << "codriver: chat with " << o.model.filename().string()
            << " (/reset clears the conversation, /quit or end of input leaves)\n";
  for (std::string line; std::cout << "> " << std::flush, std::getline(std::cin, line);) {
    if (line == "/quit") break;
    if (line == "/reset") {
      messages.resize(o.system.empty() ? 0 : 1);
      continue;
    }
    if (line.empty()) continue;
    messages.push_back({"user", line, {}, {}});
    const GenerationResult result =
        generator.generate(prompt_tokens(o, generator, messages), options);
    std::cout << "\n";
    report(result, std::cerr);
    messages.push_back({"assistant", result.text, {}, {}});
  }
}

void run_model(const RunOptions& o) {
  const auto model = llm::engine::QwenModel::open(o.model);
  const auto tokenizer = llm::tokenizer::Tokenizer::from_gguf(model.file());
  llm::engine::Generator generator(model, tokenizer, o.threads > 0 ? o.threads : default_threads());
  GenerationOptions options;
  options.max_tokens = o.max_tokens;
  options.sampling = o.sampling;
  options.stop = o.stop;
  std::optional<llm::engine::JsonSchemaConstraint> constraint;
  if (!o.schema.empty()) {
    constraint = llm::engine::JsonSchemaConstraint::from_schema(schema_text(o.schema));
    options.constraint = &*constraint;
  }
  if (o.chat) return run_chat(o, generator, options);

  std::string prompt = o.prompt;
  if (prompt.empty()) prompt.assign(std::istreambuf_iterator<char>(std::cin), {});
  std::vector<llm::tokenizer::TokenId> ids;
  if (o.raw) {
    ids = tokenizer.encode(prompt, llm::tokenizer::SpecialTokens::kRecognize);
  } else {
    std::vector<ChatMessage> messages;
    if (!o.system.empty()) messages.push_back({"system", o.system, {}, {}});
    messages.push_back({"user", prompt, {}, {}});
    ids = prompt_tokens(o, generator, messages);
  }
  if (!o.json) {
    options.on_text = [](std::string_view piece) {
      std::cout << piece << std::flush;
      return true;
    };
  }
  const GenerationResult result = generator.generate(ids, options);
  if (o.json) {
    std::cout << result_json(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    std::cout << "\n";
    report(result, std::cerr);
  }
}

}  // namespace

void add_llm_run_command(CLI::App& llm) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* command = llm.add_subcommand("run", "Generate text with a Qwen GGUF model on this CPU");
  command->add_option("--model", o->model, "Qwen2/Qwen2.5/Qwen3 GGUF file")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--prompt", o->prompt, "The user's message (default: standard input)");
  command->add_option("--system", o->system, "A system message");
  command->add_flag("--chat", o->chat, "Converse: one user message per line of input");
  command->add_flag("--raw", o->raw, "Feed --prompt as is, without the chat template");
  command->add_flag("--think", o->think, "Qwen3: let the model think before answering");
  command->add_flag("--json", o->json, "Print the result as one JSON document");
  command->add_option("--json-schema", o->schema,
                      "Constrain the output to JSON valid for this schema (inline or a file)");
  command->add_option("--max-tokens", o->max_tokens, "Most tokens to generate")
      ->check(CLI::Range(0, 1 << 20));
  command->add_option("--threads", o->threads, "Threads (default: every core)")
      ->check(CLI::Range(1, 256));
  command->add_option("--temperature", o->sampling.temperature, "0 is greedy (default)");
  command->add_option("--top-k", o->sampling.top_k, "Keep the k most likely tokens (0: off)");
  command->add_option("--top-p", o->sampling.top_p, "Nucleus sampling mass (1: off)");
  command->add_option("--min-p", o->sampling.min_p, "Drop tokens below min-p x the best (0: off)");
  command->add_option("--repeat-penalty", o->sampling.repetition_penalty, "1 is off");
  command->add_option("--seed", o->sampling.seed, "Random seed for sampling");
  command->add_option("--stop", o->stop, "Stop at this text (repeatable)");
  command->callback([o] { run_model(*o); });
}

}  // namespace codriver::app
