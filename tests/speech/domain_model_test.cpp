#include "speech/domain_model.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "speech/asr.h"
#include "support/test_support.h"

namespace codriver::speech {
namespace {

using codriver::testing::read_file;
using codriver::testing::TempDir;

const std::vector<std::string> kSentences = {"Navigate to Boulevard Princesse-Charlotte",
                                             "Take me to Place du Casino",
                                             "Find a cheap restaurant near Monte-Carlo",
                                             "Drive to Avenue de Grimaldi",
                                             "Is there parking near Larvotto?",
                                             "Go to Rue des Spélugues",
                                             "Go forward ten meters",
                                             "Cancel"};

// Words of the ARPA unigram section, without the sentence markers.
std::set<std::string> lm_words(const std::filesystem::path& lm) {
  std::istringstream lines(read_file(lm));
  std::set<std::string> words;
  bool unigrams = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("\\")) unigrams = line == "\\1-grams:";
    if (!unigrams || line.empty() || line.starts_with("\\")) continue;
    std::istringstream fields(line);
    std::string log_prob, word;
    fields >> log_prob >> word;
    if (word != "<s>" && word != "</s>") words.insert(word);
  }
  return words;
}

// Headwords of the dictionary with "(2)" variant markers removed.
std::map<std::string, int> dictionary_entries(const std::filesystem::path& dict) {
  std::istringstream lines(read_file(dict));
  std::map<std::string, int> entries;
  for (std::string line; std::getline(lines, line);) {
    std::string headword = line.substr(0, line.find(' '));
    ++entries[headword.substr(0, headword.find('('))];
  }
  return entries;
}

TEST(DomainModel, DictionaryCoversEveryLanguageModelWord) {
  const TempDir cache;
  const DomainModel model = build_domain_model(kSentences, cache.path());
  const auto words = lm_words(model.lm_path);
  const auto entries = dictionary_entries(model.dict_path);
  EXPECT_EQ(words.size(), model.vocabulary);
  EXPECT_EQ(entries.size(), model.vocabulary);
  for (const auto& word : words)
    EXPECT_TRUE(entries.contains(word)) << word;
  for (const auto* word : {"princesse", "charlotte", "monte", "carlo", "spelugues", "larvotto"}) {
    EXPECT_TRUE(words.contains(word)) << word;
  }
  // princesse, spelugues and larvotto are not in cmudict; "grimaldi", "du", "rue" are.
  EXPECT_EQ(model.oov_words, 3u);
  EXPECT_EQ(entries.at("larvotto"), 1);
  EXPECT_EQ(entries.at("to"), 3);  // every cmudict variant is kept: T UW, T IH, T AH
  const std::string dict = read_file(model.dict_path);
  EXPECT_NE(dict.find("\nlarvotto L AA R V AA T OW\n"), std::string::npos);
  EXPECT_NE(dict.find("\nto(3) T AH\n"), std::string::npos);
}

TEST(DomainModel, ReusesTheCacheAndRebuildsWhenSentencesChange) {
  const TempDir cache;
  const DomainModel first = build_domain_model(kSentences, cache.path());
  const auto first_written = std::filesystem::last_write_time(first.lm_path);
  std::filesystem::last_write_time(first.lm_path, first_written - std::chrono::hours(1));
  const auto marked = std::filesystem::last_write_time(first.lm_path);

  const DomainModel again = build_domain_model(kSentences, cache.path());
  EXPECT_EQ(again.lm_path, first.lm_path);
  EXPECT_EQ(again.dict_path, first.dict_path);
  EXPECT_EQ(again.vocabulary, first.vocabulary);
  EXPECT_EQ(again.oov_words, first.oov_words);
  EXPECT_EQ(std::filesystem::last_write_time(again.lm_path), marked) << "cache was rewritten";

  auto changed = kSentences;
  changed.push_back("Navigate to Avenue de la Costa");
  const DomainModel rebuilt = build_domain_model(changed, cache.path());
  EXPECT_NE(rebuilt.lm_path, first.lm_path);
  EXPECT_EQ(rebuilt.vocabulary, first.vocabulary + 2);  // "la" and "costa" are new
  EXPECT_TRUE(lm_words(rebuilt.lm_path).contains("costa"));
  // No temporary files are left behind.
  for (const auto& entry : std::filesystem::directory_iterator(cache.path())) {
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

TEST(DomainModel, RejectsSentencesWithoutWords) {
  const TempDir cache;
  EXPECT_THROW(build_domain_model(std::vector<std::string>{}, cache.path()), AsrError);
  EXPECT_THROW(build_domain_model({"", "?!", "北京"}, cache.path()), AsrError);
}

TEST(DomainModel, UnwritableCacheIsAnError) {
  const TempDir scratch;
  codriver::testing::write_file(scratch / "file", "not a directory");
  EXPECT_THROW(build_domain_model(kSentences, scratch / "file" / "cache"), AsrError);
}

}  // namespace
}  // namespace codriver::speech
