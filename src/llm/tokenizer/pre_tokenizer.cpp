#include "llm/tokenizer/pre_tokenizer.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <string>

#include "llm/tokenizer/tokenizer_error.h"

namespace codriver::llm::tokenizer {
namespace {

std::string pcre2_message(int code) {
  PCRE2_UCHAR buffer[256];
  const int length = pcre2_get_error_message(code, buffer, sizeof buffer);
  return length < 0 ? "PCRE2 error " + std::to_string(code)
                    : std::string(reinterpret_cast<const char*>(buffer), length);
}

struct MatchData {
  explicit MatchData(const pcre2_code* code)
      : data(pcre2_match_data_create_from_pattern(code, nullptr)) {
    if (data == nullptr) throw TokenizerError("pre-tokenizer: out of memory for PCRE2 match data");
  }
  ~MatchData() { pcre2_match_data_free(data); }
  MatchData(const MatchData&) = delete;
  MatchData& operator=(const MatchData&) = delete;
  pcre2_match_data* data;
};

}  // namespace

struct Qwen2PreTokenizer::Compiled {
  pcre2_code* code = nullptr;
  bool jit = false;
  ~Compiled() { pcre2_code_free(code); }
};

Qwen2PreTokenizer::Qwen2PreTokenizer() : compiled_(std::make_unique<Compiled>()) {
  int error = 0;
  PCRE2_SIZE error_offset = 0;
  compiled_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(kPattern.data()), kPattern.size(),
                                  PCRE2_UTF | PCRE2_UCP, &error, &error_offset, nullptr);
  if (compiled_->code == nullptr) {
    throw TokenizerError("pre-tokenizer: PCRE2 cannot compile Qwen2's expression at offset " +
                         std::to_string(error_offset) + ": " + pcre2_message(error));
  }
  // Without JIT (a PCRE2 built without it) the interpreter gives the same matches, slower.
  compiled_->jit = pcre2_jit_compile(compiled_->code, PCRE2_JIT_COMPLETE) == 0;
}

Qwen2PreTokenizer::~Qwen2PreTokenizer() = default;
Qwen2PreTokenizer::Qwen2PreTokenizer(Qwen2PreTokenizer&&) noexcept = default;
Qwen2PreTokenizer& Qwen2PreTokenizer::operator=(Qwen2PreTokenizer&&) noexcept = default;

bool Qwen2PreTokenizer::uses_jit() const {
  return compiled_->jit;
}

void Qwen2PreTokenizer::split(std::string_view text,
                              const std::function<void(std::string_view)>& piece) const {
  MatchData match(compiled_->code);
  const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
  std::size_t offset = 0;
  while (offset < text.size()) {
    // The caller guarantees well-formed UTF-8, so PCRE2 need not check it at every match.
    const int result = pcre2_match(compiled_->code, subject, text.size(), offset,
                                   PCRE2_NO_UTF_CHECK, match.data, nullptr);
    if (result == PCRE2_ERROR_NOMATCH) break;
    if (result < 0) {
      throw TokenizerError("pre-tokenizer: PCRE2 failed at byte " + std::to_string(offset) + ": " +
                           pcre2_message(result));
    }
    const PCRE2_SIZE* bounds = pcre2_get_ovector_pointer(match.data);
    const std::size_t start = bounds[0];
    const std::size_t end = bounds[1];
    if (end <= start) break;  // the expression never matches empty; stop rather than loop
    if (start > offset) piece(text.substr(offset, start - offset));
    piece(text.substr(start, end - start));
    offset = end;
  }
  if (offset < text.size()) piece(text.substr(offset));
}

std::vector<std::string_view> Qwen2PreTokenizer::split(std::string_view text) const {
  std::vector<std::string_view> pieces;
  split(text, [&](std::string_view part) { pieces.push_back(part); });
  return pieces;
}

}  // namespace codriver::llm::tokenizer
