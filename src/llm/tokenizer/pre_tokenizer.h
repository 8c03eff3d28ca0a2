#pragma once

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

// Qwen2's pre-tokenizer: the text is cut into the pieces that byte-level BPE then encodes
// one by one. The cut is the regular expression Qwen publishes in tokenizer.json
// (pre_tokenizer -> Split -> pattern, behaviour "Isolated"), run by PCRE2 with Unicode
// properties; every stretch the expression does not match is kept as a piece of its own,
// so the pieces always concatenate back to the text.
namespace codriver::llm::tokenizer {

class Qwen2PreTokenizer {
 public:
  // Exactly the text of Qwen2/Qwen2.5/Qwen3's tokenizer.json.
  static constexpr std::string_view kPattern =
      R"re((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)re";

  // Compiles the expression once (JIT where PCRE2 has it); throws TokenizerError if it cannot.
  Qwen2PreTokenizer();
  ~Qwen2PreTokenizer();
  Qwen2PreTokenizer(Qwen2PreTokenizer&&) noexcept;
  Qwen2PreTokenizer& operator=(Qwen2PreTokenizer&&) noexcept;

  // Calls `piece` for each piece of well-formed UTF-8 `text`, in order. Safe to call from
  // several threads at once.
  void split(std::string_view text, const std::function<void(std::string_view)>& piece) const;
  std::vector<std::string_view> split(std::string_view text) const;

  bool uses_jit() const;

 private:
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace codriver::llm::tokenizer
