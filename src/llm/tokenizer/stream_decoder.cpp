#include "llm/tokenizer/stream_decoder.h"

#include "llm/tokenizer/utf8.h"

namespace codriver::llm::tokenizer {

std::string StreamDecoder::push(TokenId id) {
  pending_ += tokenizer_->token_bytes(id);
  const std::size_t held = incomplete_utf8_tail(pending_);
  const std::string_view ready = std::string_view(pending_).substr(0, pending_.size() - held);
  std::string out = is_valid_utf8(ready) ? std::string(ready) : sanitize_utf8(ready);
  pending_.erase(0, pending_.size() - held);
  return out;
}

std::string StreamDecoder::finish() {
  std::string out = sanitize_utf8(pending_);
  pending_.clear();
  return out;
}

}  // namespace codriver::llm::tokenizer
