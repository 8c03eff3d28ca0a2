#include "places/cuisine.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace codriver::places {

namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// One word as the vocabulary stores it: lower case, spaces and hyphens as underscores.
std::string normalise(std::string_view word) {
  std::string out = lower_ascii(trim(word));
  std::replace(out.begin(), out.end(), ' ', '_');
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

bool names(const Cuisine& cuisine, std::string_view word) {
  if (cuisine.key == word) return true;
  const auto has = [&](const std::vector<std::string_view>& list) {
    return std::find(list.begin(), list.end(), word) != list.end();
  };
  return has(cuisine.osm_values) || has(cuisine.words);
}

// "noodles" -> "noodle", "dumplings" -> "dumpling", "sandwiches" -> "sandwich".
std::string singular(const std::string& word) {
  if (word.size() > 4 && word.ends_with("ches")) return word.substr(0, word.size() - 2);
  if (word.size() > 3 && word.ends_with('s') && !word.ends_with("ss")) {
    return word.substr(0, word.size() - 1);
  }
  return word;
}

}  // namespace

const std::vector<Cuisine>& cuisine_vocabulary() {
  static const std::vector<Cuisine> vocabulary = {
      {"chinese", {"chinese", "cantonese", "sichuan", "hunan", "shanghai", "beijing", "dim_sum",
                   "hot_pot", "dumpling", "taiwanese", "noodle", "lamian"},
       {"chinese", "中餐", "中国菜", "中式", "中菜", "中华料理"}, "Chinese", "中餐"},
      {"sichuan", {"sichuan", "szechuan", "chongqing"}, {"sichuan", "szechuan", "川菜", "四川菜"},
       "Sichuan", "川菜"},
      {"cantonese", {"cantonese", "dim_sum", "guangdong"},
       {"cantonese", "粤菜", "广东菜", "廣東菜", "港式", "早茶", "dim_sum", "点心", "點心"},
       "Cantonese", "粤菜"},
      {"hunan", {"hunan"}, {"hunan", "湘菜", "湖南菜"}, "Hunan", "湘菜"},
      {"hot_pot", {"hot_pot", "hotpot", "fondue_chinoise"}, {"hot_pot", "hotpot", "火锅", "火鍋"},
       "Hot pot", "火锅"},
      {"noodles", {"noodle", "noodles", "ramen", "lamian", "udon", "soba", "pho", "beef_noodle"},
       {"noodle", "面", "面条", "面馆", "麵", "麵館", "拉面", "拉麵", "米粉", "米线"},
       "Noodles", "面食"},
      {"dumplings", {"dumpling", "dumplings", "jiaozi", "baozi"},
       {"dumpling", "饺子", "餃子", "包子", "小笼包", "小籠包"}, "Dumplings", "饺子"},
      {"barbecue", {"barbecue", "bbq", "grill", "korean_barbecue", "yakiniku"},
       {"barbecue", "bbq", "grill", "烧烤", "燒烤", "烤肉"}, "Barbecue", "烧烤"},
      {"japanese", {"japanese", "sushi", "ramen", "udon", "soba", "izakaya", "yakiniku"},
       {"japanese", "日料", "日本料理", "日本菜", "日式", "日本"}, "Japanese", "日料"},
      {"sushi", {"sushi"}, {"sushi", "寿司", "壽司"}, "Sushi", "寿司"},
      {"korean", {"korean", "korean_barbecue"}, {"korean", "韩餐", "韩国菜", "韓國料理", "韩式", "韩国"},
       "Korean", "韩餐"},
      {"thai", {"thai"}, {"thai", "泰国菜", "泰餐", "泰式", "泰国"}, "Thai", "泰国菜"},
      {"vietnamese", {"vietnamese", "pho"}, {"vietnamese", "越南菜", "越南粉", "越南"}, "Vietnamese",
       "越南菜"},
      {"indian", {"indian", "curry"}, {"indian", "印度菜", "咖喱", "curry", "印度"}, "Indian", "印度菜"},
      {"italian", {"italian", "pasta", "pizza", "italian_pizza"},
       {"italian", "意大利菜", "意餐", "义大利菜", "意大利", "意式", "italy"}, "Italian", "意大利菜"},
      {"pizza", {"pizza", "italian_pizza"}, {"pizza", "披萨", "比萨", "披薩"}, "Pizza", "披萨"},
      {"pasta", {"pasta"}, {"pasta", "意面", "意大利面", "義大利麵"}, "Pasta", "意面"},
      {"french", {"french", "crepe", "brasserie"}, {"french", "法餐", "法国菜", "法式", "法国", "法式"}, "French",
       "法餐"},
      {"mediterranean", {"mediterranean", "greek", "lebanese", "turkish", "middle_eastern"},
       {"mediterranean", "地中海菜"}, "Mediterranean", "地中海菜"},
      {"mexican", {"mexican", "tex-mex", "tacos", "burrito"}, {"mexican", "墨西哥菜", "墨西哥"}, "Mexican",
       "墨西哥菜"},
      {"burger", {"burger", "burgers"}, {"burger", "hamburger", "汉堡", "漢堡"}, "Burgers",
       "汉堡"},
      {"chicken", {"chicken", "fried_chicken"}, {"chicken", "fried_chicken", "炸鸡", "炸雞"},
       "Chicken", "炸鸡"},
      {"sandwich", {"sandwich", "sandwiches", "bagel", "deli"}, {"sandwich", "三明治"},
       "Sandwiches", "三明治"},
      {"seafood", {"seafood", "fish", "fish_and_chips", "oyster"},
       {"seafood", "fish", "海鲜", "海鮮", "鱼", "魚"}, "Seafood", "海鲜"},
      {"steak", {"steak_house", "steak", "steakhouse"}, {"steak", "steak_house", "牛排"},
       "Steak", "牛排"},
      {"vegetarian", {"vegetarian", "vegan"},
       {"vegetarian", "veggie", "素食", "素菜", "吃素"}, "Vegetarian", "素食",
       "diet:vegetarian"},
      {"vegan", {"vegan"}, {"vegan", "纯素", "純素"}, "Vegan", "纯素", "diet:vegan"},
      {"halal", {"halal"}, {"halal", "清真"}, "Halal", "清真", "diet:halal"},
      {"coffee", {"coffee_shop", "coffee"}, {"coffee", "咖啡"}, "Coffee", "咖啡"},
      {"tea", {"tea", "bubble_tea"}, {"tea", "茶", "奶茶", "bubble_tea"}, "Tea", "茶饮"},
      {"dessert", {"dessert", "ice_cream", "cake", "crepe", "frozen_yogurt"},
       {"dessert", "甜品", "甜点", "冰淇淋", "ice_cream"}, "Desserts", "甜品"},
      {"breakfast", {"breakfast", "brunch"}, {"breakfast", "brunch", "早餐", "早点"},
       "Breakfast", "早餐"},
      {"regional", {"regional", "local", "regional_home_made"},
       {"regional", "local", "地方菜", "本地菜", "当地菜"}, "Local food", "本地菜"},
  };
  return vocabulary;
}

// A word can belong to several entries ("ramen" is noodles and Japanese): the entry
// whose key it is wins, then one that lists it as a spoken word, then as an OSM value.
const Cuisine* find_cuisine(std::string_view word) {
  const std::string normal = normalise(word);
  if (normal.empty()) return nullptr;
  const auto in = [](const std::vector<std::string_view>& list, const std::string& w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  for (const std::string& candidate : {normal, singular(normal)}) {
    for (const Cuisine& cuisine : cuisine_vocabulary()) {
      if (cuisine.key == candidate) return &cuisine;
    }
    for (const Cuisine& cuisine : cuisine_vocabulary()) {
      if (in(cuisine.words, candidate)) return &cuisine;
    }
    for (const Cuisine& cuisine : cuisine_vocabulary()) {
      if (in(cuisine.osm_values, candidate)) return &cuisine;
    }
  }
  return nullptr;
}

namespace {

template <typename Visit>
void for_each_value(std::string_view cuisine_tag, Visit visit) {
  while (!cuisine_tag.empty()) {
    const std::size_t semicolon = cuisine_tag.find(';');
    const std::string value = normalise(cuisine_tag.substr(0, semicolon));
    if (!value.empty()) visit(value);
    if (semicolon == std::string_view::npos) break;
    cuisine_tag.remove_prefix(semicolon + 1);
  }
}

bool has_diet(std::string_view tags_json, std::string_view diet_key) {
  if (diet_key.empty() || tags_json.find(diet_key) == std::string_view::npos) return false;
  const auto tags = nlohmann::json::parse(tags_json, nullptr, /*allow_exceptions=*/false);
  if (!tags.is_object()) return false;
  const auto found = tags.find(std::string(diet_key));
  if (found == tags.end() || !found->is_string()) return false;
  const std::string value = found->get<std::string>();
  return value == "yes" || value == "only";
}

const Cuisine* cuisine_of_value(const std::string& value) {
  for (const Cuisine& cuisine : cuisine_vocabulary()) {
    if (cuisine.key == value || (cuisine.osm_values.size() == 1 && cuisine.osm_values[0] == value)) {
      return &cuisine;
    }
  }
  return find_cuisine(value);
}

}  // namespace

bool serves(std::string_view cuisine_tag, std::string_view tags_json, const Cuisine& cuisine) {
  bool found = false;
  for_each_value(cuisine_tag, [&](const std::string& value) {
    found = found || names(cuisine, value) || names(cuisine, singular(value));
  });
  return found || has_diet(tags_json, cuisine.diet_key);
}

std::string cuisine_label(std::string_view cuisine_tag, Language language) {
  std::string label;
  const char* separator = language == Language::kChinese ? "、" : ", ";
  for_each_value(cuisine_tag, [&](const std::string& value) {
    if (!label.empty()) label += separator;
    const Cuisine* cuisine = cuisine_of_value(value);
    if (cuisine != nullptr) {
      label += language == Language::kChinese ? cuisine->label_zh : cuisine->label_en;
    } else {
      std::string shown = value;
      std::replace(shown.begin(), shown.end(), '_', ' ');
      label += shown;
    }
  });
  return label;
}

}  // namespace codriver::places
