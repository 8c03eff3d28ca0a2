#include "speech/arpa_trigram.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "speech/asr.h"
#include "speech/lm_tokenizer.h"

namespace codriver::speech {
namespace {

// A minimal ARPA reader with the textbook back-off rule, independent of the writer, so
// the test checks the file's meaning rather than the estimator's own arithmetic.
struct ArpaModel {
  std::map<int, std::size_t> declared;  // order -> count declared in the header
  std::map<int, std::size_t> listed;    // order -> lines found
  std::map<std::string, double> log_prob, log_backoff;
  std::set<std::string> vocabulary;  // predictable words (not <s>)

  double probability(std::vector<std::string> gram) const {
    auto key = joined(gram);
    if (const auto found = log_prob.find(key); found != log_prob.end()) {
      return std::pow(10.0, found->second);
    }
    if (gram.size() == 1) return 0.0;
    const auto context = joined({gram.begin(), gram.end() - 1});
    const auto backoff = log_backoff.find(context);
    const double weight = backoff == log_backoff.end() ? 1.0 : std::pow(10.0, backoff->second);
    return weight * probability({gram.begin() + 1, gram.end()});
  }

  static std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& word : words)
      text += (text.empty() ? "" : " ") + word;
    return text;
  }
};

ArpaModel parse_arpa(const std::string& text) {
  ArpaModel model;
  std::istringstream lines(text);
  std::string line;
  int order = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line == "\\data\\" || line == "\\end\\") continue;
    if (line.starts_with("ngram ")) {
      model.declared[std::stoi(line.substr(6))] = std::stoul(line.substr(line.find('=') + 1));
    } else if (line.starts_with("\\") && line.ends_with("-grams:")) {
      order = std::stoi(line.substr(1));
    } else {
      std::istringstream fields(line);
      double log_prob = 0;
      fields >> log_prob;
      std::vector<std::string> words(order);
      for (auto& word : words)
        fields >> word;
      const std::string key = ArpaModel::joined(words);
      model.log_prob[key] = log_prob;
      if (double backoff = 0; fields >> backoff) model.log_backoff[key] = backoff;
      if (order == 1 && key != "<s>") model.vocabulary.insert(key);
      ++model.listed[order];
    }
  }
  return model;
}

std::vector<std::vector<std::string>> tokenised(const std::vector<std::string>& sentences) {
  std::vector<std::vector<std::string>> result;
  for (const auto& sentence : sentences)
    result.push_back(lm_tokens(sentence));
  return result;
}

TEST(ArpaTrigram, TinyCorpusHasHandComputedProbabilities) {
  const ArpaModel model = parse_arpa(arpa_trigram_model({{"a", "b"}, {"a", "c"}}));
  // Unigrams a:2 b:1 c:1 </s>:2 (N = 6, 4 types); n1 = 2, n2 = 2 so D = 1/3:
  // p(a) = (2 - 1/3) / 6 + (1/3 * 4 / 6) / 4 = 1/3, p(b) = (1 - 1/3) / 6 + 1/18 = 1/6.
  EXPECT_NEAR(model.log_prob.at("a"), std::log10(1.0 / 3), 1e-6);
  EXPECT_NEAR(model.log_prob.at("b"), std::log10(1.0 / 6), 1e-6);
  EXPECT_NEAR(model.log_prob.at("</s>"), std::log10(1.0 / 3), 1e-6);
  EXPECT_DOUBLE_EQ(model.log_prob.at("<s>"), -99.0);
  // Bigrams: n1 = 4, n2 = 1 so D = 2/3; after "a": b and c once each, gamma = 2/3,
  // p(b|a) = (1 - 2/3) / 2 + 2/3 * 1/6 = 5/18.
  EXPECT_NEAR(model.log_prob.at("a b"), std::log10(5.0 / 18), 1e-6);
  EXPECT_NEAR(model.log_backoff.at("a"), std::log10(2.0 / 3), 1e-6);
  EXPECT_EQ(model.declared.at(1), 5u);  // <s> a b c </s>
  EXPECT_EQ(model.declared.at(2), 5u);  // <s> a, a b, a c, b </s>, c </s>
  EXPECT_EQ(model.declared.at(3), 4u);  // <s> a b, <s> a c, a b </s>, a c </s>
}

TEST(ArpaTrigram, HeaderCountsMatchTheListedNgrams) {
  const std::string arpa = arpa_trigram_model(
      tokenised({"go forward ten meters", "go back ten meters", "turn left", "turn left now"}));
  EXPECT_TRUE(arpa.starts_with("\\data\\\nngram 1="));
  EXPECT_TRUE(arpa.ends_with("\\end\\\n"));
  const ArpaModel model = parse_arpa(arpa);
  ASSERT_EQ(model.declared.size(), 3u);
  for (int order = 1; order <= 3; ++order) {
    EXPECT_EQ(model.declared.at(order), model.listed.at(order)) << order << "-grams";
  }
  // Words plus </s>: go forward ten meters back turn left now.
  EXPECT_EQ(model.vocabulary.size(), 9u);
}

TEST(ArpaTrigram, EveryContextSumsToOne) {
  const ArpaModel model = parse_arpa(arpa_trigram_model(
      tokenised({"navigate to boulevard princesse charlotte", "navigate to avenue de la costa",
                 "take me to avenue de la costa", "find a cheap restaurant nearby",
                 "find a restaurant near monte carlo", "find a charger nearby", "cancel",
                 "go forward ten meters", "go forward five meters", "go back ten meters"})));
  double unigram_total = 0;
  for (const auto& word : model.vocabulary)
    unigram_total += model.probability({word});
  EXPECT_NEAR(unigram_total, 1.0, 1e-4);
  // Every listed n-gram below the top order is a possible history: its continuations,
  // listed or backed off, must form a distribution.
  int contexts = 0;
  for (const auto& [key, log_prob] : model.log_prob) {
    std::vector<std::string> history;
    std::istringstream words(key);
    for (std::string word; words >> word;)
      history.push_back(word);
    if (history.size() == 3 || history.back() == "</s>") continue;
    double total = 0;
    for (const auto& word : model.vocabulary) {
      auto gram = history;
      gram.push_back(word);
      total += model.probability(gram);
    }
    EXPECT_NEAR(total, 1.0, 1e-4) << "after \"" << key << "\"";
    ++contexts;
  }
  EXPECT_GT(contexts, 40);
}

TEST(ArpaTrigram, NoWordsIsAnError) {
  using Sentences = std::vector<std::vector<std::string>>;
  EXPECT_THROW(arpa_trigram_model(Sentences{}), AsrError);
  EXPECT_THROW(arpa_trigram_model(Sentences{{}, {}}), AsrError);
  EXPECT_THROW(arpa_trigram_model(std::vector<WeightedWords>{{{"a"}, 0}}), AsrError);
}

// A weight is the same as repeating the sentence: the model cannot tell them apart.
TEST(ArpaTrigram, WeightCountsLikeRepetition) {
  const std::vector<std::string> cancel{"cancel", "the", "route"};
  const std::vector<std::string> navigate{"navigate", "to", "casino"};
  const std::string weighted =
      arpa_trigram_model(std::vector<WeightedWords>{{cancel, 3}, {navigate, 1}});
  const std::string repeated =
      arpa_trigram_model(std::vector<std::vector<std::string>>{cancel, cancel, cancel, navigate});
  EXPECT_EQ(weighted, repeated);
  const ArpaModel model = parse_arpa(weighted);
  EXPECT_GT(model.probability({"<s>", "cancel"}), model.probability({"<s>", "navigate"}));
}

}  // namespace
}  // namespace codriver::speech
