#include "agent/command_sentences.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace codriver::agent {
namespace {

bool contains(const std::vector<std::string>& sentences, const std::string& sentence) {
  return std::find(sentences.begin(), sentences.end(), sentence) != sentences.end();
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
  const std::set<std::string> unique(sentences.begin(), sentences.end());
  EXPECT_EQ(unique.size(), sentences.size());
  EXPECT_LT(sentences.size(), 5000u);
  std::cout << "  50 places + 50 streets: " << sentences.size() << " sentences\n";
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
