#include "places/cuisine.h"

#include <gtest/gtest.h>

namespace codriver::places {
namespace {

std::string_view key_of(std::string_view word) {
  const Cuisine* cuisine = find_cuisine(word);
  return cuisine != nullptr ? cuisine->key : "";
}

TEST(Cuisine, FindsWhatDriversSayInEitherLanguage) {
  EXPECT_EQ(key_of("川菜"), "sichuan");
  EXPECT_EQ(key_of("Sichuan"), "sichuan");
  EXPECT_EQ(key_of("szechuan"), "sichuan");
  EXPECT_EQ(key_of("火锅"), "hot_pot");
  EXPECT_EQ(key_of("hot pot"), "hot_pot");
  EXPECT_EQ(key_of("Hot-Pot"), "hot_pot");
  EXPECT_EQ(key_of("noodles"), "noodles");
  EXPECT_EQ(key_of("面"), "noodles");
  EXPECT_EQ(key_of("日料"), "japanese");
  EXPECT_EQ(key_of("pizza"), "pizza");
  EXPECT_EQ(key_of("素食"), "vegetarian");
  EXPECT_EQ(key_of("Dumplings"), "dumplings");
  EXPECT_EQ(key_of("sandwiches"), "sandwich");
  EXPECT_EQ(key_of("dim sum"), "cantonese");
  EXPECT_EQ(key_of("ramen"), "noodles");  // a spoken word of noodles before Japanese's OSM value
  EXPECT_EQ(key_of(""), "");
  EXPECT_EQ(key_of("carburettor"), "");
}

TEST(Cuisine, ServesByTagValuesAndDiets) {
  const Cuisine& chinese = *find_cuisine("chinese");
  const Cuisine& sichuan = *find_cuisine("sichuan");
  EXPECT_TRUE(serves("sichuan", "{}", chinese)) << "a Sichuan place is a Chinese place";
  EXPECT_FALSE(serves("chinese", "{}", sichuan)) << "not every Chinese place is Sichuan";
  EXPECT_TRUE(serves("pizza;burger", "{}", *find_cuisine("burger")));
  EXPECT_TRUE(serves(" Pizza ; Burger", "{}", *find_cuisine("pizza")));
  EXPECT_TRUE(serves("noodles", "{}", *find_cuisine("noodle")));
  EXPECT_FALSE(serves("", "{}", chinese));
  const Cuisine& vegetarian = *find_cuisine("vegetarian");
  EXPECT_TRUE(serves("italian", R"({"diet:vegetarian":"yes"})", vegetarian));
  EXPECT_TRUE(serves("", R"({"diet:vegetarian":"only"})", vegetarian));
  EXPECT_FALSE(serves("italian", R"({"diet:vegetarian":"no"})", vegetarian));
  EXPECT_FALSE(serves("italian", "not json {", vegetarian));
}

TEST(Cuisine, LabelsInBothLanguages) {
  EXPECT_EQ(cuisine_label("pizza;burger", Language::kEnglish), "Pizza, Burgers");
  EXPECT_EQ(cuisine_label("pizza;burger", Language::kChinese), "披萨、汉堡");
  EXPECT_EQ(cuisine_label("sichuan", Language::kChinese), "川菜");
  EXPECT_EQ(cuisine_label("regional_home_made", Language::kEnglish), "Local food");
  EXPECT_EQ(cuisine_label("georgian_fusion", Language::kEnglish), "georgian fusion");
  EXPECT_EQ(cuisine_label("", Language::kEnglish), "");
}

}  // namespace
}  // namespace codriver::places
