#include "language/gazetteer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "language/typo_index.h"
#include "language/utf8.h"

namespace codriver::language {
namespace {

constexpr std::int64_t kCasino = 1;
constexpr std::int64_t kCafeDeParis = 2;
constexpr std::int64_t kLouisXv = 3;
constexpr std::int64_t kParkingPecheurs = 4;
constexpr std::int64_t kBoulevardCharlotte = 5;
constexpr std::int64_t kHotelDeParis = 6;
constexpr std::int64_t kParkingSaintAntoine = 10;
constexpr std::int64_t kMonteCarlo = 50;
constexpr std::int64_t kTaipeiStation = 30;
constexpr std::int64_t kTaiwanMuseum = 31;
constexpr std::int64_t kEslite = 32;
constexpr std::int64_t kStationParking = 40;

struct Name {
  std::int64_t id;
  const char* name;
  const char* kind;
};

// Monaco and Taipei as an OSM import would hand them over: several names per thing, many
// generic restaurants and car parks, Traditional and Simplified spellings.
const std::vector<Name>& map_names() {
  static const std::vector<Name> names = {
      {kCasino, "Casino de Monte-Carlo", "place"},
      {kCasino, "蒙特卡洛赌场", "place"},
      {kCasino, "蒙地卡羅賭場", "place"},
      {kCafeDeParis, "Café de Paris", "place"},
      {kLouisXv, "Le Louis XV - Alain Ducasse", "place"},
      {kParkingPecheurs, "Parking des Pêcheurs", "parking"},
      {kBoulevardCharlotte, "Boulevard Princesse Charlotte", "street"},
      {kHotelDeParis, "Hôtel de Paris", "place"},
      {7, "Monte-Carlo Bay Hotel & Resort", "place"},
      {8, "Port Hercule", "place"},
      {kParkingSaintAntoine, "Parking Saint-Antoine", "parking"},
      {11, "Parking de la Condamine", "parking"},
      {12, "Parking du Jardin Exotique", "parking"},
      {13, "Parking des Moulins", "parking"},
      {14, "Restaurant Le Vistamar", "place"},
      {15, "Restaurant La Note Bleue", "place"},
      {16, "Restaurant Quai des Artistes", "place"},
      {17, "Restaurant Le Grill", "place"},
      {18, "Restaurant Pulcinella", "place"},
      {19, "Jardin Exotique de Monaco", "place"},
      {20, "Musée Océanographique de Monaco", "place"},
      {21, "Avenue de Monte-Carlo", "street"},
      {22, "Avenue Princesse Grace", "street"},
      {23, "Rue Grimaldi", "street"},
      {24, "Stade Louis II", "place"},
      {25, "Gare de Monaco", "place"},
      {25, "摩纳哥火车站", "place"},
      {kMonteCarlo, "Monte-Carlo", "place"},
      {kMonteCarlo, "蒙特卡洛", "place"},
      {kTaipeiStation, "台北車站", "place"},
      {kTaipeiStation, "Taipei Main Station", "place"},
      {kTaiwanMuseum, "國立臺灣博物館", "place"},
      {kTaiwanMuseum, "National Taiwan Museum", "place"},
      {kEslite, "誠品書店", "place"},
      {33, "台北101", "place"},
      {34, "台北市立動物園", "place"},
      {35, "國立故宮博物院", "place"},
      {36, "士林夜市", "place"},
      {37, "西門町", "place"},
      {38, "信義區停車場", "parking"},
      {39, "市府轉運站停車場", "parking"},
      {kStationParking, "台北車站地下停車場", "parking"},
      {41, "松山機場停車場", "parking"},
      {42, "大安森林公園停車場", "parking"},
      {43, "華山1914文化創意產業園區", "place"},
      {44, "欣葉台菜餐廳", "place"},
      {45, "點水樓餐廳", "place"},
      {46, "鼎泰豐餐廳", "place"},
      {47, "中山北路", "street"},
      {48, "忠孝東路", "street"},
  };
  return names;
}

Gazetteer map_gazetteer() {
  Gazetteer gazetteer;
  for (const Name& name : map_names())
    gazetteer.add(name.id, name.name, name.kind);
  return gazetteer;
}

class GazetteerTest : public testing::Test {
 protected:
  static const Gazetteer& gazetteer() {
    static const Gazetteer built = map_gazetteer();
    return built;
  }

  // The best match for a phrase, or a match with id -1 and score 0.
  static GazetteerMatch best(std::string_view phrase) {
    const auto matches = gazetteer().lookup(phrase);
    return matches.empty() ? GazetteerMatch{-1, "", "", 0.0} : matches.front();
  }

  static std::string span(std::string_view sentence, const GazetteerMatch& match) {
    return std::string(sentence.substr(match.begin, match.end - match.begin));
  }
};

TEST_F(GazetteerTest, CountsEveryNameAdded) {
  EXPECT_EQ(gazetteer().size(), map_names().size());
  Gazetteer empty;
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_TRUE(empty.lookup("casino").empty());
  empty.add(1, " ,;!? 🚗", "place");  // nothing to match on
  EXPECT_EQ(empty.size(), 0u);
}

TEST_F(GazetteerTest, ExactNameScoresOneAndKeepsItsSpelling) {
  const auto match = best("Casino de Monte-Carlo");
  EXPECT_EQ(match.id, kCasino);
  EXPECT_EQ(match.name, "Casino de Monte-Carlo");
  EXPECT_EQ(match.kind, "place");
  EXPECT_DOUBLE_EQ(match.score, 1.0);
}

TEST_F(GazetteerTest, CaseAccentsAndPunctuationDoNotMatter) {
  EXPECT_EQ(best("cafe de paris").id, kCafeDeParis);
  EXPECT_DOUBLE_EQ(best("cafe de paris").score, 1.0);
  EXPECT_EQ(best("Cafe De Paris").name, "Café de Paris");
  EXPECT_EQ(best("HÔTEL DE PARIS").id, kHotelDeParis);
  EXPECT_DOUBLE_EQ(best("HOTEL DE PARIS").score, 1.0);
  EXPECT_EQ(best("parking des pecheurs").id, kParkingPecheurs);
  EXPECT_EQ(best("ｃａｓｉｎｏ　ｄｅ　ｍｏｎｔｅ－ｃａｒｌｏ").id, kCasino);  // full-width
}

TEST_F(GazetteerTest, SaintAndStopWordsAreIgnorable) {
  EXPECT_EQ(best("Parking St Antoine").id, kParkingSaintAntoine);
  EXPECT_DOUBLE_EQ(best("Parking St Antoine").score, 1.0);
  EXPECT_EQ(best("the casino of monte carlo").id, kCasino);
  EXPECT_DOUBLE_EQ(best("the casino of monte carlo").score, 1.0);
}

TEST_F(GazetteerTest, WordOrderIsFreeButScoresBelowExact) {
  const auto match = best("monte carlo casino");
  EXPECT_EQ(match.id, kCasino);
  EXPECT_GE(match.score, 0.9);
  EXPECT_LT(match.score, 1.0);
  EXPECT_EQ(best("charlotte princesse boulevard").id, kBoulevardCharlotte);
}

TEST_F(GazetteerTest, TyposAreTolerated) {
  const auto one_typo = best("casio de monte carlo");
  EXPECT_EQ(one_typo.id, kCasino);
  EXPECT_GE(one_typo.score, 0.8);
  EXPECT_LT(one_typo.score, 0.95);
  EXPECT_EQ(best("boulevard princess charlote").id, kBoulevardCharlotte);
  EXPECT_EQ(best("bulevard princesse charlotte").id, kBoulevardCharlotte);
  EXPECT_EQ(best("casnio").id, kCasino);  // swapped letters
  const auto alone = best("casio");
  EXPECT_EQ(alone.id, kCasino);
  EXPECT_GE(alone.score, 0.6);
}

TEST(TypoIndexTest, DistanceCountsSwapsAsOneEdit) {
  EXPECT_EQ(typo_distance("casio", "casino", 2), 1);
  EXPECT_EQ(typo_distance("casnio", "casino", 2), 1);
  EXPECT_EQ(typo_distance("charlote", "charlotte", 2), 1);
  EXPECT_EQ(typo_distance("bulevar", "boulevard", 2), 2);
  EXPECT_EQ(typo_distance("paris", "monaco", 2), 3);  // past the limit
  EXPECT_EQ(allowed_typos(3), 0);
  EXPECT_EQ(allowed_typos(4), 1);
  EXPECT_EQ(allowed_typos(8), 2);
}

TEST(TypoIndexTest, FindsWordsWithinTheTyposTheirLengthAllows) {
  TypoIndex index;
  index.add(1, "casino");
  index.add(2, "cafe");
  index.add(3, "boulevard");
  index.add(4, "rue");
  const auto casino = index.find("casnio");
  ASSERT_EQ(casino.size(), 1u);
  EXPECT_EQ(casino[0].word_id, 1u);
  EXPECT_EQ(casino[0].distance, 1);
  ASSERT_EQ(index.find("bulevardd").size(), 1u);  // two typos in a long word
  EXPECT_EQ(index.find("bulevardd")[0].distance, 2);
  EXPECT_TRUE(index.find("bulevar").empty());  // seven letters allow one
  EXPECT_TRUE(index.find("casn").empty());     // two typos in a short word
  EXPECT_TRUE(index.find("rua").empty());      // three letters: exact only
  EXPECT_TRUE(index.find("casino").empty());   // exact is not a typo
  EXPECT_EQ(index.find("care").size(), 1u);
}

TEST_F(GazetteerTest, PartOfANameFindsItWhenThePartIsRare) {
  const auto full = best("casino de monte carlo");
  const auto part = best("casino");
  EXPECT_EQ(part.id, kCasino);
  EXPECT_GE(part.score, 0.75);
  EXPECT_LT(part.score, full.score);
  EXPECT_EQ(best("louis xv").id, kLouisXv);
  EXPECT_EQ(best("alain ducasse").id, kLouisXv);
  EXPECT_EQ(best("pecheurs").id, kParkingPecheurs);
}

TEST_F(GazetteerTest, GenericWordsAloneMatchNothingStrongly) {
  EXPECT_TRUE(gazetteer().lookup("restaurant").empty());
  EXPECT_TRUE(gazetteer().lookup("parking").empty());
  EXPECT_TRUE(gazetteer().lookup("停车场").empty());
  EXPECT_TRUE(gazetteer().lookup("停車場").empty());
  EXPECT_TRUE(gazetteer().lookup("餐厅").empty());
  // They still rank below a real name when asked for anything at all.
  for (const auto& match : gazetteer().lookup("restaurant", 5, 0.0))
    EXPECT_LT(match.score, 0.6);
}

TEST(GazetteerSmallMapTest, WordsForKindsOfPlacesStayGenericOnASmallMap) {
  // On four names "parking" occurs once, yet it still does not say which parking.
  Gazetteer gazetteer;
  gazetteer.add(kCasino, "Casino de Monte-Carlo", "place");
  gazetteer.add(kCafeDeParis, "Café de Paris", "restaurant");
  gazetteer.add(kParkingPecheurs, "Parking des Pêcheurs", "parking");
  gazetteer.add(kTaipeiStation, "台北車站", "place");
  const std::string sentence = "find covered parking near the casino";
  const auto matches = gazetteer.find_in(sentence);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].id, kCasino);
  EXPECT_TRUE(gazetteer.lookup("parking").empty());
  EXPECT_TRUE(gazetteer.find_in("去车站").empty());
  EXPECT_EQ(gazetteer.lookup("pecheurs").front().id, kParkingPecheurs);
  EXPECT_EQ(gazetteer.find_in("台北车站附近的停车场").front().id, kTaipeiStation);
}

TEST_F(GazetteerTest, TraditionalAndSimplifiedFindEachOther) {
  EXPECT_EQ(best("台北车站").id, kTaipeiStation);
  EXPECT_DOUBLE_EQ(best("台北车站").score, 1.0);
  EXPECT_EQ(best("台北车站").name, "台北車站");
  EXPECT_EQ(best("国立台湾博物馆").id, kTaiwanMuseum);
  EXPECT_EQ(best("诚品书店").id, kEslite);
  EXPECT_EQ(best("蒙特卡洛賭場").id, kCasino);  // Simplified name, Traditional query
  EXPECT_EQ(best("賭場").id, kCasino);
}

TEST_F(GazetteerTest, PartOfAChineseNameFindsIt) {
  const auto museum = best("台湾博物馆");
  EXPECT_EQ(museum.id, kTaiwanMuseum);
  EXPECT_LT(museum.score, 1.0);
  // The full name beats a longer name that contains it.
  const auto matches = gazetteer().lookup("台北車站");
  ASSERT_GE(matches.size(), 2u);
  EXPECT_EQ(matches[0].id, kTaipeiStation);
  EXPECT_EQ(matches[1].id, kStationParking);
  EXPECT_GT(matches[0].score, matches[1].score);
}

TEST_F(GazetteerTest, PinyinTypedInLatinLettersFindsHanNames) {
  const auto station = best("taibei chezhan");
  EXPECT_EQ(station.id, kTaipeiStation);
  EXPECT_GE(station.score, 0.8);
  EXPECT_EQ(best("tai bei che zhan").id, kTaipeiStation);
  EXPECT_EQ(best("meng te ka luo").id, kMonteCarlo);
  EXPECT_EQ(best("chengpin shudian").id, kEslite);
}

TEST_F(GazetteerTest, HomophoneCharactersStillMatch) {
  const auto match = best("蒙特卡罗");  // 罗 for 洛
  EXPECT_EQ(match.id, kMonteCarlo);
  EXPECT_GE(match.score, 0.8);
  EXPECT_LT(match.score, 1.0);
}

TEST_F(GazetteerTest, EveryNameOfOneThingReportsThatThingOnce) {
  EXPECT_EQ(best("Taipei Main Station").id, kTaipeiStation);
  EXPECT_EQ(best("National Taiwan Museum").id, kTaiwanMuseum);
  const auto matches = gazetteer().lookup("蒙特卡洛赌场", 10, 0.0);
  int casino_reports = 0;
  for (const auto& match : matches)
    casino_reports += match.id == kCasino;
  EXPECT_EQ(casino_reports, 1);
  EXPECT_EQ(matches.front().name, "蒙特卡洛赌场");
}

TEST_F(GazetteerTest, LimitAndThresholdAreHonoured) {
  EXPECT_EQ(gazetteer().lookup("paris", 1, 0.0).size(), 1u);
  EXPECT_TRUE(gazetteer().lookup("paris", 0, 0.0).empty());
  for (const auto& match : gazetteer().lookup("monte carlo", 10, 0.5)) {
    EXPECT_GE(match.score, 0.5);
  }
}

TEST_F(GazetteerTest, FindsNamesInsideSentencesWithTheirSpans) {
  const std::string english = "please take me to the casino de monte carlo now";
  auto matches = gazetteer().find_in(english);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].id, kCasino);
  EXPECT_EQ(span(english, matches[0]), "casino de monte carlo");
  EXPECT_DOUBLE_EQ(matches[0].score, 1.0);

  const std::string mixed = "导航去 Monte Carlo Casino";
  matches = gazetteer().find_in(mixed);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].id, kCasino);
  EXPECT_EQ(span(mixed, matches[0]), "Monte Carlo Casino");

  const std::string traditional = "去蒙地卡羅賭場";
  matches = gazetteer().find_in(traditional);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].id, kCasino);
  EXPECT_EQ(span(traditional, matches[0]), "蒙地卡羅賭場");

  const std::string pinyin = "带我去 meng te ka luo";
  matches = gazetteer().find_in(pinyin);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].id, kMonteCarlo);
  EXPECT_EQ(span(pinyin, matches[0]), "meng te ka luo");
}

TEST_F(GazetteerTest, FindsSeveralNamesWithoutOverlap) {
  const std::string sentence =
      "from the Café de Paris to 台北车站, then the boulevard princesse charlotte";
  const auto matches = gazetteer().find_in(sentence);
  ASSERT_EQ(matches.size(), 3u);
  std::vector<std::int64_t> ids;
  for (const auto& match : matches)
    ids.push_back(match.id);
  EXPECT_NE(std::find(ids.begin(), ids.end(), kCafeDeParis), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), kTaipeiStation), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), kBoulevardCharlotte), ids.end());
  const std::map<std::int64_t, std::string> expected_spans = {
      {kCafeDeParis, "Café de Paris"},
      {kTaipeiStation, "台北车站"},
      {kBoulevardCharlotte, "boulevard princesse charlotte"}};
  for (const auto& match : matches)
    EXPECT_EQ(span(sentence, match), expected_spans.at(match.id));
  for (std::size_t i = 1; i < matches.size(); ++i)
    EXPECT_LE(matches[i].score, matches[i - 1].score);
}

TEST_F(GazetteerTest, UnrelatedSentencesFindNothing) {
  for (const char* sentence : {"what's the weather", "我饿了", "turn up the volume please",
                               "今天天气怎么样", "find me a restaurant", "附近有停车场吗",
                               "how long until the light turns green", "take me home"}) {
    const auto matches = gazetteer().find_in(sentence);
    EXPECT_TRUE(matches.empty()) << sentence << " -> " << matches.front().name << " "
                                 << matches.front().score;
  }
  EXPECT_TRUE(gazetteer().lookup("what's the weather").empty());
  EXPECT_TRUE(gazetteer().lookup("我饿了").empty());
}

TEST_F(GazetteerTest, ConcurrentSearchesAgree) {
  std::vector<std::thread> threads;
  std::vector<int> right(4, 0);
  for (std::size_t t = 0; t < right.size(); ++t) {
    threads.emplace_back([&right, t] {
      for (int i = 0; i < 200; ++i) {
        const auto casino = gazetteer().lookup(i % 2 ? "casio" : "蒙特卡洛賭場");
        const auto station = gazetteer().find_in("带我去台北车站");
        right[t] += !casino.empty() && casino[0].id == kCasino && !station.empty() &&
                    station[0].id == kTaipeiStation;
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  for (int count : right)
    EXPECT_EQ(count, 200);
}

TEST_F(GazetteerTest, HostileInputIsSafe) {
  std::mt19937 random(7);
  std::string noise(10 * 1024, '\0');
  for (char& byte : noise)
    byte = static_cast<char>(random() & 0xFF);
  EXPECT_NO_THROW(gazetteer().lookup(noise));
  EXPECT_NO_THROW(gazetteer().find_in(noise));

  std::string repeated;
  while (repeated.size() < 10 * 1024)
    repeated += "casino de monte carlo 台北車站 ";
  const auto matches = gazetteer().find_in(repeated);
  EXPECT_LE(matches.size(), 5u);
  for (const auto& match : matches)
    EXPECT_LE(match.end, repeated.size());
  EXPECT_NO_THROW(gazetteer().lookup(repeated));

  const std::string broken = "casino\xFF\xFE de \xC3 monte\xE6\x88 carlo 🎰🎲 \xF0\x9F";
  EXPECT_EQ(best(broken).id, kCasino);
  for (const auto& match : gazetteer().find_in(broken))
    EXPECT_LE(match.end, broken.size());
  EXPECT_TRUE(gazetteer().lookup("").empty());
  EXPECT_TRUE(gazetteer().find_in("").empty());
  EXPECT_TRUE(gazetteer().lookup("🚗🚕🚙").empty());
  EXPECT_TRUE(gazetteer().find_in(std::string(4096, ' ')).empty());
}

// Synthetic but map-shaped names: generic heads ("Restaurant", "停车场") with rarer words.
std::vector<std::string> synthetic_names(std::size_t count) {
  const std::vector<std::string> heads = {"Restaurant",  "Parking",   "Hotel", "Rue",  "Avenue",
                                          "Boulangerie", "Pharmacie", "Bar",   "Cafe", "Garage"};
  const std::vector<std::string> han_tails = {"餐厅", "停车场", "酒店", "路", "公园", "药店"};
  const std::vector<std::string> syllables = {"ma", "ri", "po", "len", "ta", "vi",  "do", "sa",
                                              "lo", "ne", "ca", "mi",  "ro", "bel", "tor"};
  const std::u32string han_pool = U"山水明月清风松竹梅兰金银玉龙凤华安平福寿星海天宁";
  std::mt19937 random(42);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < count; ++i) {
    std::string name;
    if (i % 3 == 0) {
      const std::size_t length = 2 + random() % 3;
      for (std::size_t k = 0; k < length; ++k) {
        append_utf8(name, han_pool[random() % han_pool.size()]);
      }
      name += han_tails[random() % han_tails.size()];
    } else {
      name = heads[random() % heads.size()];
      for (int word = 0; word < 2; ++word) {
        std::string made_up;
        for (std::size_t k = 0; k < 2 + random() % 2; ++k)
          made_up += syllables[random() % syllables.size()];
        made_up[0] = static_cast<char>(made_up[0] - 'a' + 'A');
        name += " " + made_up;
      }
    }
    names.push_back(name);
  }
  return names;
}

double microseconds_per_call(int calls, const std::function<void()>& call) {
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < calls; ++i)
    call();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  return std::chrono::duration<double, std::micro>(elapsed).count() / calls;
}

// Reports timings only: the machine running the tests may be busy.
TEST(GazetteerScaleTest, TwentyThousandNamesStayFastAndCorrect) {
  Gazetteer gazetteer;
  const auto build_start = std::chrono::steady_clock::now();
  const auto names = synthetic_names(20000);
  for (std::size_t i = 0; i < names.size(); ++i) {
    gazetteer.add(static_cast<std::int64_t>(1000 + i), names[i], "place");
  }
  for (const Name& name : map_names())
    gazetteer.add(name.id, name.name, name.kind);
  const double build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - build_start)
          .count();

  ASSERT_FALSE(gazetteer.lookup("casino de monte carlo").empty());
  EXPECT_EQ(gazetteer.lookup("casino de monte carlo").front().id, kCasino);
  EXPECT_EQ(gazetteer.lookup("casio de monte carlo").front().id, kCasino);
  EXPECT_EQ(gazetteer.lookup("台北车站").front().id, kTaipeiStation);
  EXPECT_EQ(gazetteer.lookup("taibei chezhan").front().id, kTaipeiStation);
  EXPECT_TRUE(gazetteer.lookup("restaurant").empty());
  EXPECT_TRUE(gazetteer.lookup("停车场").empty());
  const std::string sentence =
      "hey could you please take me to the casino de monte carlo and then find parking nearby";
  ASSERT_FALSE(gazetteer.find_in(sentence).empty());
  EXPECT_EQ(gazetteer.find_in(sentence).front().id, kCasino);

  const std::vector<std::string> phrases = {
      "casino de monte carlo", "casio",  "monte carlo casino", "restaurant", "台北车站",
      "taibei chezhan",        "停车场", "hotel de paris",     names[4],     names[9]};
  double lookup_total = 0;
  for (const auto& phrase : phrases) {
    const double us = microseconds_per_call(200, [&] { gazetteer.lookup(phrase); });
    lookup_total += us;
    std::printf("[ gazetteer ] lookup %-40s %7.1f us\n", ("\"" + phrase + "\"").c_str(), us);
  }
  const std::vector<std::string> sentences = {
      sentence, "导航去蒙特卡洛赌场然后找一个附近的停车场，最好是地下停车场，谢谢",
      "is there a restaurant or a cafe near the hotel de paris with parking for tonight"};
  double find_total = 0;
  for (const auto& text : sentences) {
    const double us = microseconds_per_call(50, [&] { gazetteer.find_in(text); });
    find_total += us;
    std::printf("[ gazetteer ] find_in %-60.60s %7.1f us\n", text.c_str(), us);
  }
  std::string hostile;
  while (hostile.size() < 10 * 1024)
    hostile += "停车场 restaurant parking 餐厅 hotel ";
  const double hostile_us = microseconds_per_call(5, [&] { gazetteer.find_in(hostile); });
  std::printf("[ gazetteer ] find_in of 10 kB of generic words %.1f us\n", hostile_us);
  std::printf(
      "[ gazetteer ] %zu names built in %.0f ms; lookup %.1f us/call on average; "
      "find_in (15-word sentence) %.1f us/call on average\n",
      gazetteer.size(), build_ms, lookup_total / phrases.size(), find_total / sentences.size());
}

}  // namespace
}  // namespace codriver::language
