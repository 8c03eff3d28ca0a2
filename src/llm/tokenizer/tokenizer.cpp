#include "llm/tokenizer/tokenizer.h"

#include <unordered_map>

#include "llm/tokenizer/bpe.h"
#include "llm/tokenizer/byte_level.h"
#include "llm/tokenizer/nfc.h"
#include "llm/tokenizer/pre_tokenizer.h"
#include "llm/tokenizer/special_tokens.h"
#include "llm/tokenizer/utf8.h"

namespace codriver::llm::tokenizer {
namespace {

bool is_special(TokenType type) {
  return type == TokenType::kControl || type == TokenType::kUserDefined;
}

// Control, user-defined and unused tokens are plain text in the vocabulary; the others
// are written in the byte-level alphabet.
bool is_plain_text(TokenType type) {
  return is_special(type) || type == TokenType::kUnused;
}

void check_types(const Vocabulary& vocabulary) {
  if (vocabulary.tokens.empty()) throw TokenizerError("the vocabulary has no tokens");
  if (!vocabulary.types.empty() && vocabulary.types.size() != vocabulary.tokens.size()) {
    throw TokenizerError("the vocabulary has " + std::to_string(vocabulary.tokens.size()) +
                         " tokens but " + std::to_string(vocabulary.types.size()) + " token types");
  }
  for (std::size_t id = 0; id < vocabulary.types.size(); ++id) {
    const auto type = static_cast<std::int32_t>(vocabulary.types[id]);
    if (type < 1 || type > 6) {
      throw TokenizerError("token " + std::to_string(id) + " has type " + std::to_string(type) +
                           ", not one of 1 (normal) to 6 (byte)");
    }
  }
}

std::optional<TokenId> checked_role(std::optional<TokenId> id, std::size_t size,
                                    std::string_view role) {
  if (id && (*id < 0 || static_cast<std::size_t>(*id) >= size)) {
    throw TokenizerError("the " + std::string(role) + " token id " + std::to_string(*id) +
                         " is outside the vocabulary of " + std::to_string(size) + " tokens");
  }
  return id;
}

}  // namespace

struct Tokenizer::Tables {
  std::vector<std::string> texts;
  std::vector<TokenType> types;
  std::string bytes;                   // every token's raw bytes, back to back
  std::vector<std::size_t> bytes_end;  // token i's bytes end here
  std::unordered_map<std::string_view, TokenId> ids_by_text;  // first id of each text
  std::unique_ptr<BytePairEncoder> bpe;
  Qwen2PreTokenizer pre_tokenizer;
  SpecialTokenMatcher special_tokens;
  std::optional<TokenId> eos;
  std::optional<TokenId> bos;
  std::optional<TokenId> padding;
};

Tokenizer::Tokenizer(Vocabulary vocabulary) {
  check_types(vocabulary);
  auto tables = std::make_shared<Tables>();
  const std::size_t size = vocabulary.tokens.size();
  tables->texts = std::move(vocabulary.tokens);
  tables->types = vocabulary.types.empty() ? std::vector<TokenType>(size, TokenType::kNormal)
                                           : std::move(vocabulary.types);
  tables->eos = checked_role(vocabulary.eos_id, size, "end-of-sequence");
  tables->bos = checked_role(vocabulary.bos_id, size, "beginning-of-sequence");
  tables->padding = checked_role(vocabulary.padding_id, size, "padding");

  tables->ids_by_text.reserve(size);
  tables->bytes_end.reserve(size);
  for (std::size_t id = 0; id < size; ++id) {
    const std::string& text = tables->texts[id];
    const TokenType type = tables->types[id];
    tables->ids_by_text.emplace(text, static_cast<TokenId>(id));
    tables->bytes += is_plain_text(type) ? sanitize_utf8(text) : from_byte_level(text);
    tables->bytes_end.push_back(tables->bytes.size());
    if (is_special(type)) tables->special_tokens.add(text, static_cast<TokenId>(id));
  }
  tables->bpe = std::make_unique<BytePairEncoder>(tables->ids_by_text, vocabulary.merges);
  tables_ = std::move(tables);
}

std::vector<TokenId> Tokenizer::encode(std::string_view text, SpecialTokens special) const {
  std::string sanitized;
  if (!is_valid_utf8(text)) {
    sanitized = sanitize_utf8(text);
    text = sanitized;
  }
  std::vector<TokenId> out;
  out.reserve(text.size() / 3 + 1);
  std::size_t from = 0;
  if (special == SpecialTokens::kRecognize) {
    // Special tokens are found in the raw text, before NFC, as Hugging Face does with
    // added tokens that are not "normalized".
    while (const auto match = tables_->special_tokens.find(text, from)) {
      encode_ordinary(text.substr(from, match->position - from), out);
      out.push_back(match->id);
      from = match->position + match->length;
    }
  }
  encode_ordinary(text.substr(from), out);
  return out;
}

void Tokenizer::encode_ordinary(std::string_view text, std::vector<TokenId>& out) const {
  if (text.empty()) return;
  std::string normalized;
  if (!is_nfc_quick(text)) {
    normalized = to_nfc(text);
    text = normalized;
  }
  BpeScratch scratch;
  tables_->pre_tokenizer.split(
      text, [&](std::string_view piece) { tables_->bpe->encode(piece, scratch, out); });
}

std::string Tokenizer::decode(std::span<const TokenId> ids) const {
  std::string bytes;
  for (const TokenId id : ids)
    bytes += token_bytes(id);
  return is_valid_utf8(bytes) ? bytes : sanitize_utf8(bytes);
}

void Tokenizer::check_id(TokenId id) const {
  if (id < 0 || static_cast<std::size_t>(id) >= tables_->texts.size()) {
    throw TokenizerError("token id " + std::to_string(id) + " is outside the vocabulary of " +
                         std::to_string(tables_->texts.size()) + " tokens");
  }
}

std::string_view Tokenizer::token_bytes(TokenId id) const {
  check_id(id);
  const std::size_t begin = id == 0 ? 0 : tables_->bytes_end[id - 1];
  return std::string_view(tables_->bytes).substr(begin, tables_->bytes_end[id] - begin);
}

std::string_view Tokenizer::token_text(TokenId id) const {
  check_id(id);
  return tables_->texts[id];
}

TokenType Tokenizer::token_type(TokenId id) const {
  check_id(id);
  return tables_->types[id];
}

std::optional<TokenId> Tokenizer::find_token(std::string_view text) const {
  const auto found = tables_->ids_by_text.find(text);
  if (found == tables_->ids_by_text.end()) return std::nullopt;
  return found->second;
}

std::size_t Tokenizer::size() const {
  return tables_->texts.size();
}
std::optional<TokenId> Tokenizer::eos_id() const {
  return tables_->eos;
}
std::optional<TokenId> Tokenizer::bos_id() const {
  return tables_->bos;
}
std::optional<TokenId> Tokenizer::padding_id() const {
  return tables_->padding;
}

}  // namespace codriver::llm::tokenizer
