#include "llm/engine/generator.h"

#include <algorithm>

#include "llm/engine/engine_error.h"
#include "llm/tokenizer/stream_decoder.h"

namespace codriver::llm::engine {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The ids that end an assistant turn: the file's eos and ChatML's markers.
std::vector<TokenId> end_of_turn_ids(const tokenizer::Tokenizer& tokenizer) {
  std::vector<TokenId> ids;
  if (const auto eos = tokenizer.eos_id()) ids.push_back(*eos);
  for (const char* text : {"<|im_end|>", "<|endoftext|>"}) {
    if (const auto id = tokenizer.find_token(text)) ids.push_back(*id);
  }
  return ids;
}

// How many bytes at the end of `text` could be the start of a stop string: held back
// from the stream until the next token decides.
std::size_t pending_stop_prefix(std::string_view text, const std::vector<std::string>& stops) {
  std::size_t longest = 0;
  for (const auto& stop : stops) {
    for (std::size_t length = std::min(stop.size() - 1, text.size()); length > longest; --length) {
      if (text.substr(text.size() - length) == std::string_view(stop).substr(0, length)) {
        longest = length;
        break;
      }
    }
  }
  return longest;
}

// The earliest stop string in `text` at or after `from`, as (position, found).
std::size_t find_stop(std::string_view text, const std::vector<std::string>& stops,
                      std::size_t from) {
  std::size_t earliest = std::string_view::npos;
  for (const auto& stop : stops) {
    if (stop.empty()) continue;
    const std::size_t start = from >= stop.size() ? from - stop.size() + 1 : 0;
    earliest = std::min(earliest, text.find(stop, start));
  }
  return earliest;
}

// One generation's bookkeeping: the text so far, what was streamed, why it ended.
class Run {
 public:
  Run(const tokenizer::Tokenizer& tokenizer, const GenerationOptions& options)
      : tokenizer_(tokenizer), options_(options), decoder_(tokenizer) {
    if (options.constraint != nullptr) constraint_.emplace(*options.constraint);
  }

  bool allowed(TokenId id, const std::vector<TokenId>& end_ids) const {
    if (static_cast<std::size_t>(id) >= tokenizer_.size()) return false;  // padding rows
    const bool ends = std::find(end_ids.begin(), end_ids.end(), id) != end_ids.end();
    if (!constraint_) return true;
    if (ends) return constraint_->complete();
    if (tokenizer_.token_type(id) != tokenizer::TokenType::kNormal &&
        tokenizer_.token_type(id) != tokenizer::TokenType::kByte)
      return false;
    return constraint_->accepts(tokenizer_.token_bytes(id));
  }

  // Takes a generated (non-final) token; returns the reason to stop, if any.
  std::optional<StopReason> take(TokenId id) {
    if (constraint_) constraint_->advance(tokenizer_.token_bytes(id));
    const std::size_t before = text_.size();
    text_ += decoder_.push(id);
    if (const std::size_t stop = find_stop(text_, options_.stop, before);
        stop != std::string_view::npos) {
      text_.resize(stop);
      return stream_up_to(text_.size()) ? StopReason::kStopString : StopReason::kCancelled;
    }
    const std::size_t safe = text_.size() - pending_stop_prefix(text_, options_.stop);
    if (!stream_up_to(safe)) return StopReason::kCancelled;
    if (constraint_ && constraint_->complete() && !constraint_->can_continue())
      return StopReason::kConstraintComplete;
    return std::nullopt;
  }

  // The end: what the decoder still holds, and the held-back tail.
  void finish(StopReason reason) {
    if (reason != StopReason::kStopString && reason != StopReason::kCancelled) {
      text_ += decoder_.finish();
      stream_up_to(text_.size());
    }
  }

  std::string take_text() { return std::move(text_); }

 private:
  bool stream_up_to(std::size_t end) {
    if (end <= streamed_) return true;
    const std::string_view piece = std::string_view(text_).substr(streamed_, end - streamed_);
    streamed_ = end;
    return !options_.on_text || options_.on_text(piece);
  }

  const tokenizer::Tokenizer& tokenizer_;
  const GenerationOptions& options_;
  tokenizer::StreamDecoder decoder_;
  std::optional<JsonSchemaConstraint> constraint_;
  std::string text_;
  std::size_t streamed_ = 0;
};

}  // namespace

std::string_view stop_reason_name(StopReason reason) {
  switch (reason) {
    case StopReason::kEndOfTurn:
      return "stop";
    case StopReason::kStopString:
      return "stop";
    case StopReason::kConstraintComplete:
      return "stop";
    case StopReason::kMaxTokens:
      return "length";
    case StopReason::kContextFull:
      return "length";
    case StopReason::kCancelled:
      return "cancelled";
    case StopReason::kDeadline:
      return "deadline";
  }
  return "stop";
}

Generator::Generator(const QwenModel& model, const tokenizer::Tokenizer& tokenizer, int threads)
    : model_(&model), tokenizer_(&tokenizer), pool_(threads), session_(model, pool_) {
  if (tokenizer.size() > static_cast<std::size_t>(model.config().n_vocab)) {
    throw EngineError("the tokenizer has " + std::to_string(tokenizer.size()) +
                      " tokens but the model only " + std::to_string(model.config().n_vocab) +
                      " embedding rows: they do not belong together");
  }
}

GenerationResult Generator::generate(std::string_view prompt, const GenerationOptions& options) {
  const auto ids = tokenizer_->encode(prompt, tokenizer::SpecialTokens::kRecognize);
  return generate(ids, options);
}

GenerationResult Generator::generate(std::span<const TokenId> prompt,
                                     const GenerationOptions& options) {
  if (prompt.empty()) throw EngineError("the prompt is empty");
  if (options.max_tokens < 0) throw EngineError("max_tokens must not be negative");
  GenerationResult result;
  result.prompt_tokens = static_cast<std::int64_t>(prompt.size());
  Sampler sampler(options.sampling);

  // Reuse the cached prefix, but always feed at least the last prompt token for logits.
  const auto common = static_cast<std::int64_t>(
      std::mismatch(cached_.begin(), cached_.end(), prompt.begin(), prompt.end()).first -
      cached_.begin());
  const std::int64_t reused = std::min(common, result.prompt_tokens - 1);
  session_.truncate(std::min(reused, session_.position()));
  cached_.assign(prompt.begin(), prompt.begin() + session_.position());
  result.reused_prompt_tokens = session_.position();

  const auto prefill_start = Clock::now();
  const auto rest = prompt.subspan(static_cast<std::size_t>(session_.position()));
  cached_.insert(cached_.end(), rest.begin(), rest.end());
  std::vector<float> logits;
  {
    const auto fed = session_.feed(rest);
    logits.assign(fed.begin(), fed.end());
  }
  result.prefill_seconds = seconds_since(prefill_start);

  const auto decode_start = Clock::now();
  const std::vector<TokenId> end_ids = end_of_turn_ids(*tokenizer_);
  Run run(*tokenizer_, options);
  std::optional<StopReason> stop;
  std::vector<TokenId> history(prompt.begin(), prompt.end());
  while (!stop) {
    if (static_cast<int>(result.tokens.size()) >= options.max_tokens) {
      stop = StopReason::kMaxTokens;
      break;
    }
    if (options.deadline && Clock::now() >= *options.deadline) {
      stop = StopReason::kDeadline;
      break;
    }
    const TokenId next =
        sampler.sample(logits, history, [&](TokenId id) { return run.allowed(id, end_ids); });
    if (std::find(end_ids.begin(), end_ids.end(), next) != end_ids.end()) {
      stop = StopReason::kEndOfTurn;
      break;
    }
    result.tokens.push_back(next);
    history.push_back(next);
    stop = run.take(next);
    if (stop) break;
    if (session_.position() >= model_->config().context_length) {
      stop = StopReason::kContextFull;
      break;
    }
    const auto fed = session_.feed(std::span<const TokenId>(&next, 1));
    cached_.push_back(next);
    logits.assign(fed.begin(), fed.end());
  }
  run.finish(*stop);
  result.stop = *stop;
  result.text = run.take_text();
  result.decode_seconds = seconds_since(decode_start);
  return result;
}

}  // namespace codriver::llm::engine
