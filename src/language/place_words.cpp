#include "language/place_words.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace codriver::language {
namespace {

// Kinds of places and streets in the languages of the map's signs (folded).
constexpr std::string_view kGenericWords[] = {
    "airport",   "albergo",  "allee",     "auberge",     "av",          "avenue",      "bank",
    "banque",    "bar",      "beach",     "bistro",      "blvd",        "boulangerie", "boulevard",
    "brasserie", "bridge",   "cafe",      "car",         "carpark",     "center",      "centre",
    "charging",  "chemin",   "chiesa",    "church",      "coffee",      "corso",       "drive",
    "eglise",    "epicerie", "garage",    "garden",      "gare",        "hopital",     "hospital",
    "hotel",     "impasse",  "jardin",    "lane",        "lot",         "mall",        "market",
    "marche",    "musee",    "museum",    "park",        "parc",        "parking",     "pharmacie",
    "pharmacy",  "piazza",   "place",     "plage",       "plaza",       "pizzeria",    "pont",
    "port",      "quai",     "residence", "restaurant",  "ristorante",  "road",        "route",
    "rue",       "school",   "shop",      "square",      "stade",       "stadium",     "station",
    "stazione",  "store",    "street",    "supermarket", "supermarche", "terrace",     "tower",
    "trattoria", "via",      "viale",     "villa",       "ecole",       "parkhaus",    "strasse"};

// Chinese kinds of places, Simplified, longest first so that "火车站" wins over "车站".
constexpr std::u32string_view kGenericHanWords[] = {
    U"停车场", U"停车库", U"停车位", U"火车站",   U"地铁站", U"公交站", U"加油站", U"充电站",
    U"博物馆", U"咖啡馆", U"咖啡厅", U"购物中心", U"体育馆", U"图书馆", U"美术馆", U"游乐园",
    U"停车",   U"餐厅",   U"餐馆",   U"饭店",     U"酒店",   U"宾馆",   U"旅馆",   U"车站",
    U"大道",   U"广场",   U"商场",   U"超市",     U"公园",   U"医院",   U"学校",   U"银行",
    U"药店",   U"机场",   U"大厦",   U"中心",     U"市场",   U"夜市",   U"书店",   U"港口",
    U"码头",   U"教堂",   U"剧院",   U"影院",     U"路",     U"街",     U"站",     U"店"};

bool han_word_at(const std::vector<NameUnit>& units, std::size_t start, std::u32string_view word) {
  if (start + word.size() > units.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    const NameUnit& unit = units[start + k];
    if (unit.kind != NameUnit::Kind::kHan || unit.han != word[k]) return false;
  }
  return true;
}

}  // namespace

bool is_generic_place_word(std::string_view folded_word) {
  return std::find(std::begin(kGenericWords), std::end(kGenericWords), folded_word) !=
         std::end(kGenericWords);
}

std::vector<bool> generic_units(const std::vector<NameUnit>& units) {
  std::vector<bool> generic(units.size(), false);
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].kind == NameUnit::Kind::kWord) {
      generic[i] = is_generic_place_word(units[i].text);
      continue;
    }
    for (std::u32string_view word : kGenericHanWords) {
      if (!han_word_at(units, i, word)) continue;
      std::fill(generic.begin() + i, generic.begin() + i + word.size(), true);
      i += word.size() - 1;
      break;
    }
  }
  return generic;
}

}  // namespace codriver::language
