// Reading a Hugging Face tokenizer.json into the GGUF tokenizer metadata, the way llama.cpp's
// converter does for byte-level BPE models (Qwen2/Qwen3): ids kept, gaps padded, added
// tokens typed control or user-defined.
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "llm/testmodel/vocabulary.h"

namespace codriver::llm::testmodel {
namespace {

using nlohmann::json;

class JsonVocabularyReader {
 public:
  explicit JsonVocabularyReader(std::filesystem::path path) : path_(std::move(path)) {}

  Vocabulary read() {
    const json document = load();
    const json& model = member(document, "model");
    if (model.contains("type") && model["type"] != "BPE") {
      fail("model.type is " + model["type"].dump() + ", only BPE tokenizers are supported");
    }
    for (const auto& [token, id] : member(model, "vocab").items())
      place(token, id, kNormal);
    if (document.contains("added_tokens")) read_added(document["added_tokens"]);
    Vocabulary vocabulary = assemble();
    read_merges(member(model, "merges"), vocabulary);
    pick_special_ids(vocabulary);
    return vocabulary;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw std::runtime_error(path_.string() + ": " + message);
  }

  json load() const {
    std::ifstream in(path_);
    if (!in) fail("cannot read the tokenizer file");
    try {
      return json::parse(in);
    } catch (const json::exception& error) {
      fail(std::string("not valid JSON: ") + error.what());
    }
  }

  const json& member(const json& object, const char* key) const {
    if (!object.is_object() || !object.contains(key)) {
      fail(std::string("missing \"") + key + "\"");
    }
    return object[key];
  }

  void place(const std::string& token, const json& id_value, TokenType type) {
    if (!id_value.is_number_unsigned()) {
      fail("token " + json(token).dump() + " has id " + id_value.dump() +
           ", not a non-negative integer");
    }
    const auto id = id_value.get<std::uint64_t>();
    if (id >= (std::uint64_t{1} << 24))
      fail("token id " + std::to_string(id) + " is absurdly large");
    const auto [found, added] = by_id_.emplace(id, Entry{token, type});
    if (!added) {
      if (found->second.text != token) {
        fail("id " + std::to_string(id) + " is used by both " + json(found->second.text).dump() +
             " and " + json(token).dump());
      }
      found->second.type = type;  // an added token redefines the type of its vocab entry
    }
  }

  static bool looks_special(const std::string& token) {
    return token.size() >= 4 && token.starts_with("<|") && token.ends_with("|>");
  }

  void read_added(const json& added) {
    if (!added.is_array()) fail("\"added_tokens\" is not an array");
    for (const json& entry : added) {
      const json& content = member(entry, "content");
      if (!content.is_string()) fail("an added token's content is not a string");
      const std::string text = content.get<std::string>();
      const bool special = entry.value("special", false) || looks_special(text);
      place(text, member(entry, "id"), special ? kControl : kUserDefined);
    }
  }

  Vocabulary assemble() const {
    if (by_id_.empty()) fail("the vocabulary is empty");
    Vocabulary vocabulary;
    const std::uint64_t size = by_id_.rbegin()->first + 1;
    vocabulary.tokens.reserve(size);
    vocabulary.token_types.reserve(size);
    for (std::uint64_t id = 0; id < size; ++id) {
      const auto found = by_id_.find(id);
      vocabulary.tokens.push_back(found != by_id_.end() ? found->second.text
                                                        : "[PAD" + std::to_string(id) + "]");
      vocabulary.token_types.push_back(found != by_id_.end() ? found->second.type : kUnused);
    }
    return vocabulary;
  }

  void read_merges(const json& merges, Vocabulary& vocabulary) const {
    if (!merges.is_array()) fail("model.merges is not an array");
    vocabulary.merges.reserve(merges.size());
    for (const json& merge : merges) {
      if (merge.is_string()) {
        vocabulary.merges.push_back(merge.get<std::string>());
      } else if (merge.is_array() && merge.size() == 2 && merge[0].is_string() &&
                 merge[1].is_string()) {
        vocabulary.merges.push_back(merge[0].get<std::string>() + " " +
                                    merge[1].get<std::string>());
      } else {
        fail("merge " + merge.dump() + " is neither \"a b\" nor [\"a\", \"b\"]");
      }
    }
  }

  std::optional<std::uint32_t> id_of(const std::string& token) const {
    for (const auto& [id, entry] : by_id_) {
      if (entry.text == token) return static_cast<std::uint32_t>(id);
    }
    return std::nullopt;
  }

  void pick_special_ids(Vocabulary& vocabulary) const {
    const auto end_of_text = id_of("<|endoftext|>");
    const auto im_end = id_of("<|im_end|>");
    if (!end_of_text && !im_end)
      fail("no <|endoftext|> or <|im_end|> token: not a Qwen vocabulary");
    vocabulary.eos_id = im_end ? *im_end : *end_of_text;
    vocabulary.bos_id = end_of_text ? *end_of_text : *im_end;
    vocabulary.padding_id = vocabulary.bos_id;
  }

  struct Entry {
    std::string text;
    TokenType type;
  };
  std::filesystem::path path_;
  std::map<std::uint64_t, Entry> by_id_;
};

}  // namespace

Vocabulary vocabulary_from_tokenizer_json(const std::filesystem::path& path) {
  return JsonVocabularyReader(path).read();
}

}  // namespace codriver::llm::testmodel
