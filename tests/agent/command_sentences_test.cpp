#include "agent/command_sentences.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace codriver::agent {
namespace {

using Sentences = std::vector<speech::TrainingSentence>;

const speech::TrainingSentence* find(const Sentences& sentences, const std::string& text) {
  const auto found = std::find_if(sentences.begin(), sentences.end(),
                                  [&](const auto& sentence) { return sentence.text == text; });
  return found == sentences.end() ? nullptr : &*found;
}

bool contains(const Sentences& sentences, const std::string& text) {
  return find(sentences, text) != nullptr;
}

long total_weight(const Sentences& sentences, std::string_view prefix) {
  long total = 0;
  for (const auto& sentence : sentences)
    if (sentence.text.starts_with(prefix)) total += sentence.weight;
  return total;
}

TEST(CommandSentences, CombinesTemplatesWithMapNames) {
  const auto sentences =
      command_sentences({"Monte-Carlo", "Casino"},
                        {"Boulevard Princesse-Charlotte", "Rue des Spélugues"}, {"Italian"});
  for (const std::string expected : {"navigate to boulevard princesse charlotte",
                                     "take me to casino",
                                     "drive to rue des spélugues",
                                     "set home to monte carlo",
                                     "find a restaurant near monte carlo",
                                     "is there a cheap restaurant nearby",
                                     "any covered parking on the way",
                                     "find a charger within five kilometres",
                                     "i like italian food",
                                     "cancel",
                                     "how long",
                                     "when does the light turn green",
                                     "how fast should i go",
                                     "what's my range",
                                     "forget me",
                                     "the second one",
                                     "take me there",
                                     "half an hour",
                                     "twenty",
                                     "in twelve minutes"}) {
    EXPECT_TRUE(contains(sentences, expected)) << expected;
  }
  EXPECT_TRUE(contains(sentences, "find an italian restaurant nearby"));
  EXPECT_FALSE(contains(sentences, "find a italian restaurant nearby"));
}

TEST(CommandSentences, NoDuplicatesAndStaysSmall) {
  std::vector<std::string> places, streets;
  for (int i = 0; i < 50; ++i) {
    places.push_back("Place " + std::to_string(i));
    streets.push_back("Street " + std::to_string(i));
  }
  const auto sentences = command_sentences(places, streets, {"italian", "thai"});
  std::set<std::string> unique;
  for (const auto& sentence : sentences)
    unique.insert(sentence.text);
  EXPECT_EQ(unique.size(), sentences.size());
  EXPECT_LT(sentences.size(), 5000u);
  std::cout << "  50 places + 50 streets: " << sentences.size() << " sentences\n";
}

// A phrase that names nothing must not be drowned by the map's names: "navigate to <any
// of the names>" as a whole weighs about as much as "cancel the route" alone, however
// many names the map has.
TEST(CommandSentences, EveryTemplateWeighsTheSameWhateverTheNumberOfNames) {
  for (const int names : {10, 600, 5000}) {
    std::vector<std::string> places;
    for (int i = 0; i < names; ++i)
      places.push_back("Place " + std::to_string(i));
    const auto sentences = command_sentences(places, {}, {"italian", "thai"});
    const long cancel = find(sentences, "cancel the route")->weight;
    const long navigate = total_weight(sentences, "navigate to place ");
    EXPECT_GE(cancel, 1000);
    EXPECT_NEAR(static_cast<double>(navigate) / cancel, 1.0, 0.35) << names << " names";
    const long cheap_parking = total_weight(sentences, "find a cheap parking nearby");
    EXPECT_GE(cheap_parking, 1);
    EXPECT_LT(cheap_parking, cancel);
    EXPECT_EQ(find(sentences, "i like thai food")->weight, cancel / 2);
  }
}

TEST(CommandSentences, SkipsEmptyNamesAndIsStable) {
  const auto with_blank = command_sentences({"", "  -- "}, {}, {""});
  const auto without = command_sentences({}, {}, {});
  EXPECT_EQ(with_blank, without);
  EXPECT_EQ(command_sentences({"Casino"}, {}, {}), command_sentences({"Casino"}, {}, {}));
  EXPECT_FALSE(contains(without, "navigate to "));
}

}  // namespace
}  // namespace codriver::agent
