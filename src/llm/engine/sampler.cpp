#include "llm/engine/sampler.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_set>
#include <vector>

#include "llm/engine/engine_error.h"

namespace codriver::llm::engine {
namespace {

void validate(const SamplingOptions& o) {
  if (!(o.temperature >= 0) || !std::isfinite(o.temperature))
    throw EngineError("temperature must be 0 (greedy) or positive");
  if (o.top_k < 0) throw EngineError("top_k must be 0 (off) or positive");
  if (!(o.top_p > 0 && o.top_p <= 1)) throw EngineError("top_p must be in (0, 1]");
  if (!(o.min_p >= 0 && o.min_p <= 1)) throw EngineError("min_p must be in [0, 1]");
  if (!(o.repetition_penalty > 0) || !std::isfinite(o.repetition_penalty))
    throw EngineError("repetition_penalty must be positive (1 is off)");
  if (o.repetition_window < 0) throw EngineError("repetition_window must not be negative");
}

// CTRL's penalty: a token seen recently becomes less likely whatever the sign of its logit.
void penalise_repeats(std::span<float> logits, std::span<const TokenId> history,
                      const SamplingOptions& o) {
  if (o.repetition_penalty == 1.0f || o.repetition_window == 0) return;
  const std::size_t window = std::min<std::size_t>(history.size(), o.repetition_window);
  std::unordered_set<TokenId> seen(history.end() - static_cast<std::ptrdiff_t>(window),
                                   history.end());
  for (const TokenId id : seen) {
    if (id < 0 || static_cast<std::size_t>(id) >= logits.size()) continue;
    float& logit = logits[id];
    logit = logit > 0 ? logit / o.repetition_penalty : logit * o.repetition_penalty;
  }
}

// Tokens less likely than this relative to the best are never drawn: together they weigh
// at most vocabulary size x 1e-9, and skipping them spares sorting the whole vocabulary.
constexpr double kNegligible = 1e-9;

struct Candidate {
  TokenId id;
  float logit;
};

// Ids by decreasing logit (ties: lower id first), produced lazily in chunks so a greedy or
// top-k pick over 150 000 tokens does not sort them all.
class RankedIds {
 public:
  explicit RankedIds(std::span<const float> logits) : logits_(logits), ids_(logits.size()) {
    std::iota(ids_.begin(), ids_.end(), 0);
  }
  std::size_t size() const { return ids_.size(); }
  TokenId at(std::size_t rank) {
    while (rank >= sorted_)
      sort_more();
    return ids_[rank];
  }

 private:
  void sort_more() {
    const std::size_t until = std::min(ids_.size(), std::max<std::size_t>(64, sorted_ * 4));
    const auto better = [&](TokenId a, TokenId b) {
      return logits_[a] > logits_[b] || (logits_[a] == logits_[b] && a < b);
    };
    std::partial_sort(ids_.begin() + static_cast<std::ptrdiff_t>(sorted_),
                      ids_.begin() + static_cast<std::ptrdiff_t>(until), ids_.end(), better);
    sorted_ = until;
  }
  std::span<const float> logits_;
  std::vector<TokenId> ids_;
  std::size_t sorted_ = 0;
};

}  // namespace

Sampler::Sampler(const SamplingOptions& options) : options_(options), random_(options.seed) {
  validate(options_);
}

TokenId Sampler::sample(std::span<float> logits, std::span<const TokenId> history,
                        const std::function<bool(TokenId)>& allowed) {
  if (logits.empty()) throw EngineError("cannot sample from an empty vocabulary");
  penalise_repeats(logits, history, options_);
  RankedIds ranked(logits);
  const bool greedy = options_.temperature == 0.0f;
  // How many allowed candidates the truncations can keep at most.
  const std::size_t wanted =
      greedy ? 1 : (options_.top_k > 0 ? static_cast<std::size_t>(options_.top_k) : logits.size());
  std::vector<Candidate> kept;
  double mass = 0, top_probability = 1;
  float top_logit = 0;
  for (std::size_t rank = 0; rank < ranked.size() && kept.size() < wanted; ++rank) {
    const TokenId id = ranked.at(rank);
    if (!std::isfinite(logits[id])) continue;
    if (allowed && !allowed(id)) continue;
    if (kept.empty()) top_logit = logits[id];
    if (!greedy) {
      // Probabilities relative to the best allowed token; min-p cuts the tail, and so does
      // top-p once the kept mass is top_p of everything the rest could still add.
      const double p = std::exp((logits[id] - top_logit) / options_.temperature);
      if (kept.empty()) top_probability = p;
      if (p < std::max<double>(options_.min_p, kNegligible) * top_probability) break;
      const double rest_bound = p * static_cast<double>(ranked.size() - rank);
      if (options_.top_p < 1.0f && mass >= options_.top_p * (mass + rest_bound)) break;
      mass += p;
    }
    kept.push_back({id, logits[id]});
  }
  if (kept.empty()) throw EngineError("no token is allowed here: the constraint admits nothing");
  if (greedy || kept.size() == 1) return kept.front().id;

  std::vector<double> weights(kept.size());
  double total = 0;
  for (std::size_t i = 0; i < kept.size(); ++i)
    total += weights[i] = std::exp((kept[i].logit - top_logit) / options_.temperature);
  if (options_.top_p < 1.0f) {
    double cumulative = 0;
    std::size_t keep = kept.size();
    for (std::size_t i = 0; i < kept.size(); ++i) {
      cumulative += weights[i] / total;
      if (cumulative >= options_.top_p) {
        keep = i + 1;
        break;
      }
    }
    weights.resize(keep);
  }
  std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
  return kept[pick(random_)].id;
}

}  // namespace codriver::llm::engine
