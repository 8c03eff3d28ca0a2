#include "speech/arpa_trigram.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>

#include "speech/asr.h"

namespace codriver::speech {
namespace {

constexpr int kOrder = 3;
constexpr const char* kSentenceStart = "<s>";
constexpr const char* kSentenceEnd = "</s>";

using Gram = std::vector<std::string>;
using GramCounts = std::map<Gram, long>;

struct ContextStats {
  long total = 0;  // c(h): how often h was followed by anything
  long types = 0;  // how many different words followed h
};

struct Counts {
  std::array<GramCounts, kOrder> grams;  // grams[n - 1] holds the n-grams
  std::map<Gram, ContextStats> contexts;
};

Counts count_grams(const std::vector<WeightedWords>& sentences) {
  Counts counts;
  for (const auto& [words, weight] : sentences) {
    if (words.empty() || weight <= 0) continue;
    Gram padded{kSentenceStart};
    padded.insert(padded.end(), words.begin(), words.end());
    padded.emplace_back(kSentenceEnd);
    for (std::size_t end = 1; end < padded.size(); ++end) {
      for (int n = 1; n <= kOrder && static_cast<int>(end) + 1 >= n; ++n) {
        const Gram gram(padded.begin() + static_cast<long>(end) + 1 - n,
                        padded.begin() + static_cast<long>(end) + 1);
        long& count = counts.grams[n - 1][gram];
        auto& context = counts.contexts[Gram(gram.begin(), gram.end() - 1)];
        if (count == 0) ++context.types;
        count += weight;
        context.total += weight;
      }
    }
  }
  return counts;
}

// Ney's estimate from the count-of-counts, kept away from 0 and 1 so that every seen
// n-gram keeps some mass and every context leaves some for its back-off.
double discount(const GramCounts& grams) {
  long once = 0, twice = 0;
  for (const auto& [gram, count] : grams) {
    once += count == 1;
    twice += count == 2;
  }
  const double estimate = once > 0 ? static_cast<double>(once) / (once + 2.0 * twice) : 0.5;
  return std::clamp(estimate, 0.1, 0.9);
}

class Estimator {
 public:
  explicit Estimator(Counts counts) : counts_(std::move(counts)) {
    for (int n = 0; n < kOrder; ++n)
      discounts_[n] = discount(counts_.grams[n]);
  }

  // The model's p(w | h) for a listed n-gram h + w, interpolated down to the uniform.
  double probability(const Gram& gram) const {
    const Gram context(gram.begin(), gram.end() - 1);
    const auto stats = counts_.contexts.at(context);
    const double d = discounts_[context.size()];
    const double lower =
        context.empty() ? 1.0 / vocabulary_size() : probability(Gram(gram.begin() + 1, gram.end()));
    const auto seen = counts_.grams[context.size()].find(gram);
    const double count = seen == counts_.grams[context.size()].end() ? 0.0 : seen->second;
    return std::max(count - d, 0.0) / stats.total + backoff(context) * lower;
  }

  // gamma(h): the mass h leaves for the lower order. Zero for a word never seen as a
  // context (</s>), which the ARPA file then simply omits.
  double backoff(const Gram& context) const {
    const auto found = counts_.contexts.find(context);
    if (found == counts_.contexts.end()) return 0.0;
    return discounts_[context.size()] * found->second.types / found->second.total;
  }

  bool is_context(const Gram& gram) const { return counts_.contexts.contains(gram); }
  const GramCounts& grams(int n) const { return counts_.grams[n - 1]; }
  // Every predictable word: the words plus </s>, not <s>.
  std::size_t vocabulary_size() const { return counts_.grams[0].size(); }

 private:
  Counts counts_;
  std::array<double, kOrder> discounts_{};
};

std::string format_line(double log10_prob, const Gram& gram, const double* log10_backoff) {
  std::string line;
  char number[32];
  std::snprintf(number, sizeof number, "%.6f", log10_prob);
  line += number;
  for (std::size_t i = 0; i < gram.size(); ++i) {
    line += i == 0 ? '\t' : ' ';
    line += gram[i];
  }
  if (log10_backoff != nullptr) {
    std::snprintf(number, sizeof number, "\t%.6f", *log10_backoff);
    line += number;
  }
  line += '\n';
  return line;
}

void write_order(const Estimator& model, int n, std::string& arpa) {
  arpa += '\\';
  arpa += std::to_string(n);
  arpa += "-grams:\n";
  // <s> starts every sentence but is never predicted; ARPA lists it with -99.
  if (n == 1) {
    const double backoff = std::log10(model.backoff({kSentenceStart}));
    arpa += format_line(-99.0, {kSentenceStart}, &backoff);
  }
  for (const auto& [gram, count] : model.grams(n)) {
    const double log_prob = std::log10(model.probability(gram));
    const bool has_backoff = n < kOrder && model.is_context(gram);
    const double log_backoff = has_backoff ? std::log10(model.backoff(gram)) : 0.0;
    arpa += format_line(log_prob, gram, has_backoff ? &log_backoff : nullptr);
  }
  arpa += "\n";
}

}  // namespace

std::string arpa_trigram_model(const std::vector<std::vector<std::string>>& sentences) {
  std::vector<WeightedWords> weighted;
  weighted.reserve(sentences.size());
  for (const auto& words : sentences)
    weighted.push_back({words, 1});
  return arpa_trigram_model(weighted);
}

std::string arpa_trigram_model(const std::vector<WeightedWords>& sentences) {
  Counts counts = count_grams(sentences);
  if (counts.grams[0].size() <= 1) {
    throw AsrError("cannot build a language model: the sentences contain no words");
  }
  const Estimator model(std::move(counts));
  std::string arpa = "\\data\\\n";
  for (int n = 1; n <= kOrder; ++n) {
    const std::size_t listed = model.grams(n).size() + (n == 1 ? 1 : 0);
    arpa += "ngram " + std::to_string(n) + "=" + std::to_string(listed) + "\n";
  }
  arpa += "\n";
  for (int n = 1; n <= kOrder; ++n)
    write_order(model, n, arpa);
  return arpa + "\\end\\\n";
}

}  // namespace codriver::speech
