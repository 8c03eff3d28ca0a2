// The synthetic vocabulary: byte-level BPE merges learned from bpe_training_text().
//
// Training is the textbook algorithm: split the text into pre-token chunks (a simplified
// form of Qwen2's pre-tokenizer: letter runs with one leading space or symbol, single
// digits, symbol runs, whitespace runs), start from byte tokens, and repeatedly merge the
// most frequent adjacent pair (ties: the pair of smaller ids) until every chunk is one
// token or kMaxMerges is reached; so the text's words and frequent pieces all exist.
#include <map>
#include <unordered_map>
#include <utility>

#include "llm/testmodel/training_text.h"
#include "llm/testmodel/vocabulary.h"

namespace codriver::llm::testmodel {
namespace {

constexpr std::size_t kMaxMerges = 3000;

enum class CharClass { kLetter, kDigit, kNewline, kSpace, kOther };

struct Char {
  std::size_t begin = 0;
  std::size_t length = 1;
  CharClass kind = CharClass::kOther;
};

bool is_symbol_code_point(unsigned cp) {
  return (cp >= 0x80 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || cp >= 0x1F000;
}

CharClass classify(unsigned cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::kLetter;
  if (cp >= '0' && cp <= '9') return CharClass::kDigit;
  if (cp == '\n' || cp == '\r') return CharClass::kNewline;
  if (cp == ' ' || cp == '\t') return CharClass::kSpace;
  if (cp < 0x80 || is_symbol_code_point(cp)) return CharClass::kOther;
  return CharClass::kLetter;
}

std::vector<Char> decode(std::string_view text) {
  std::vector<Char> chars;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    unsigned cp = length == 1 ? lead : lead & (0x7Fu >> length);
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    }
    const std::size_t taken = std::min(length, text.size() - i);
    chars.push_back({i, taken, classify(cp)});
    i += taken;
  }
  return chars;
}

// The end (exclusive, in chars) of the chunk starting at chars[i].
std::size_t chunk_end(const std::vector<Char>& chars, std::size_t i) {
  const auto kind = [&](std::size_t k) {
    return k < chars.size() ? chars[k].kind : CharClass::kNewline;
  };
  std::size_t j = i;
  const bool leads_letters = (kind(i) == CharClass::kSpace || kind(i) == CharClass::kOther) &&
                             kind(i + 1) == CharClass::kLetter;
  if (kind(i) == CharClass::kLetter || leads_letters) {
    j = leads_letters ? i + 1 : i;
    while (j < chars.size() && kind(j) == CharClass::kLetter)
      ++j;
  } else if (kind(i) == CharClass::kDigit) {
    j = i + 1;
  } else if (kind(i) == CharClass::kOther ||
             (kind(i) == CharClass::kSpace && kind(i + 1) == CharClass::kOther)) {
    j = kind(i) == CharClass::kSpace ? i + 1 : i;
    while (j < chars.size() && kind(j) == CharClass::kOther)
      ++j;
    while (j < chars.size() && kind(j) == CharClass::kNewline)
      ++j;
  } else {
    while (j < chars.size() && (kind(j) == CharClass::kSpace || kind(j) == CharClass::kNewline))
      ++j;
  }
  return std::max(j, i + 1);
}

std::map<std::string, long> chunk_counts(std::string_view text) {
  const std::vector<Char> chars = decode(text);
  std::map<std::string, long> counts;
  for (std::size_t i = 0; i < chars.size();) {
    const std::size_t j = chunk_end(chars, i);
    const std::size_t begin = chars[i].begin;
    const std::size_t end = chars[j - 1].begin + chars[j - 1].length;
    ++counts[std::string(text.substr(begin, end - begin))];
    i = j;
  }
  return counts;
}

struct Word {
  std::vector<int> symbols;
  long count = 0;
};

class Trainer {
 public:
  Trainer() {
    for (std::uint8_t byte : byte_token_order())
      add_token(byte_token(byte));
    for (unsigned b = 0; b < 256; ++b)
      byte_id_[b] = index_.at(byte_token(static_cast<std::uint8_t>(b)));
  }

  void add_text(std::string_view text) {
    for (const auto& [chunk, count] : chunk_counts(text)) {
      Word word;
      for (char c : chunk)
        word.symbols.push_back(byte_id_[static_cast<unsigned char>(c)]);
      word.count = count;
      words_.push_back(std::move(word));
    }
  }

  void train(std::size_t max_merges) {
    while (merges_.size() < max_merges) {
      const auto [pair, count] = best_pair();
      if (count < 1) break;
      merge(pair.first, pair.second);
    }
  }

  Vocabulary take() {
    Vocabulary vocabulary;
    vocabulary.tokens = std::move(tokens_);
    vocabulary.token_types.assign(vocabulary.tokens.size(), kNormal);
    vocabulary.merges = std::move(merges_);
    return vocabulary;
  }

 private:
  int add_token(const std::string& token) {
    const auto [found, added] = index_.emplace(token, static_cast<int>(tokens_.size()));
    if (added) tokens_.push_back(token);
    return found->second;
  }

  std::pair<std::pair<int, int>, long> best_pair() const {
    std::unordered_map<std::uint64_t, long> counts;
    for (const Word& word : words_) {
      for (std::size_t i = 0; i + 1 < word.symbols.size(); ++i) {
        counts[(static_cast<std::uint64_t>(word.symbols[i]) << 32) |
               static_cast<std::uint32_t>(word.symbols[i + 1])] += word.count;
      }
    }
    std::uint64_t best_key = 0;
    long best_count = 0;
    for (const auto& [key, count] : counts) {
      if (count > best_count || (count == best_count && key < best_key)) {
        best_key = key;
        best_count = count;
      }
    }
    return {{static_cast<int>(best_key >> 32), static_cast<int>(best_key & 0xFFFFFFFFu)},
            best_count};
  }

  void merge(int left, int right) {
    const int merged = add_token(tokens_[left] + tokens_[right]);
    merges_.push_back(tokens_[left] + " " + tokens_[right]);
    for (Word& word : words_) {
      std::vector<int> out;
      out.reserve(word.symbols.size());
      for (std::size_t i = 0; i < word.symbols.size(); ++i) {
        if (i + 1 < word.symbols.size() && word.symbols[i] == left &&
            word.symbols[i + 1] == right) {
          out.push_back(merged);
          ++i;
        } else {
          out.push_back(word.symbols[i]);
        }
      }
      word.symbols = std::move(out);
    }
  }

  std::vector<std::string> tokens_;
  std::unordered_map<std::string, int> index_;
  int byte_id_[256] = {};
  std::vector<Word> words_;
  std::vector<std::string> merges_;
};

Vocabulary build_synthetic_vocabulary() {
  Trainer trainer;
  trainer.add_text(bpe_training_text());
  trainer.train(kMaxMerges);
  Vocabulary vocabulary = trainer.take();
  const auto add_special = [&](const char* text, TokenType type) {
    vocabulary.tokens.emplace_back(text);
    vocabulary.token_types.push_back(type);
    return static_cast<std::uint32_t>(vocabulary.tokens.size() - 1);
  };
  const std::uint32_t end_of_text = add_special("<|endoftext|>", kControl);
  add_special("<|im_start|>", kControl);
  const std::uint32_t im_end = add_special("<|im_end|>", kControl);
  for (const char* tag : {"<tool_call>", "</tool_call>", "<think>", "</think>"}) {
    add_special(tag, kUserDefined);
  }
  vocabulary.bos_id = end_of_text;
  vocabulary.padding_id = end_of_text;
  vocabulary.eos_id = im_end;
  return vocabulary;
}

}  // namespace

const Vocabulary& synthetic_vocabulary() {
  static const Vocabulary vocabulary = build_synthetic_vocabulary();
  return vocabulary;
}

}  // namespace codriver::llm::testmodel
