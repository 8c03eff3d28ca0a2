#pragma once

#include <string>
#include <vector>

// A trigram language model in ARPA text form, estimated from tokenised sentences with our
// own interpolated absolute discounting written out as a back-off model:
//   p(w|h) = max(c(h,w) - D, 0) / c(h) + gamma(h) * p(w|h'),  gamma(h) = D * types(h) / c(h)
// where h' drops the oldest word, unigrams interpolate with the uniform distribution and D
// per order is Ney's n1 / (n1 + 2 n2). Listed probabilities are the interpolated ones and
// each context's back-off weight is gamma(h), which makes every context sum to exactly 1.
// Sentences are wrapped in <s> ... </s>; <s> is never predicted (log10 prob -99).
namespace codriver::speech {

// A tokenised sentence and how many times it counts. Weights let a template such as
// "navigate to <name>" share one sentence's worth of mass among all the map's names
// instead of outweighing "cancel the route" by the number of names.
struct WeightedWords {
  std::vector<std::string> words;
  long count = 1;
};

// Throws AsrError when there is no word at all to model.
std::string arpa_trigram_model(const std::vector<WeightedWords>& sentences);
std::string arpa_trigram_model(const std::vector<std::vector<std::string>>& sentences);

}  // namespace codriver::speech
