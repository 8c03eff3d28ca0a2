#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/llm_commands.h"
#include "llm/gguf/gguf_file.h"
#include "llm/tokenizer/tokenizer.h"

// `codriver llm tokenize`: Qwen's token ids of a text, from a model or a vocabulary-only
// GGUF file.
namespace codriver::app {
namespace {

struct TokenizeOptions {
  std::filesystem::path model;
  std::string text;
  bool json = false;
  bool as_text = false;
};

void run_tokenize(const TokenizeOptions& o) {
  const auto file = llm::gguf::GgufFile::open(o.model);
  const auto tokenizer = llm::tokenizer::Tokenizer::from_gguf(file);
  const auto special = o.as_text ? llm::tokenizer::SpecialTokens::kAsText
                                 : llm::tokenizer::SpecialTokens::kRecognize;
  const auto ids = tokenizer.encode(o.text, special);
  if (o.json) {
    nlohmann::json tokens = nlohmann::json::array();
    for (const auto id : ids)
      tokens.push_back(std::string(tokenizer.token_text(id)));
    std::cout << nlohmann::json{{"ids", ids}, {"tokens", tokens}, {"count", ids.size()}}.dump(
                     -1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return;
  }
  for (std::size_t i = 0; i < ids.size(); ++i)
    std::cout << (i ? " " : "") << ids[i];
  std::cout << "\n";
}

}  // namespace

void add_llm_tokenize_command(CLI::App& llm) {
  auto options = std::make_shared<TokenizeOptions>();
  CLI::App* command = llm.add_subcommand(
      "tokenize", "Print the Qwen token ids of TEXT (one line; a vocabulary-only GGUF is enough)");
  command->add_option("--model", options->model, "GGUF model or vocabulary file")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("text", options->text, "The text to tokenize")->required();
  command->add_flag("--json", options->json, "Print {\"ids\":[...],\"tokens\":[...]}");
  command->add_flag("--as-text", options->as_text,
                    "Treat <|im_start|> and other control-token text as plain characters");
  command->callback([options] { run_tokenize(*options); });
}

}  // namespace codriver::app
