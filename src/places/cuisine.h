#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "routing/instructions.h"

// The cuisine vocabulary: what drivers say ("川菜", "hot pot", "noodles") mapped to
// the OSM `cuisine=*` values that mean it, and labels to say it back in either language.
namespace codriver::places {

using routing::Language;

struct Cuisine {
  std::string_view key;                      // our id, e.g. "sichuan"
  std::vector<std::string_view> osm_values;  // cuisine=* values that belong to it
  std::vector<std::string_view> words;       // what people say, en and zh (lower case)
  std::string_view label_en, label_zh;
  std::string_view diet_key = {};  // "diet:vegetarian": places tagged yes/only also serve it
};

const std::vector<Cuisine>& cuisine_vocabulary();

// The cuisine a driver's word names: a key, an OSM value or a word in either language,
// case- and plural-insensitive ("Noodles", "面", "ramen" -> noodles). nullopt if none.
const Cuisine* find_cuisine(std::string_view word);

// Does a place serve the cuisine? By its `cuisine` tag ("pizza;burger", "Sichuan"), or
// for diets by its `diet:*` tag ("yes" or "only") from the place's tags JSON object.
bool serves(std::string_view cuisine_tag, std::string_view tags_json, const Cuisine& cuisine);

// The place's cuisine tag for the driver: "pizza;burger" -> "Pizza, Burgers" / "披萨、汉堡".
// Values outside the vocabulary are shown as tagged, with underscores as spaces.
std::string cuisine_label(std::string_view cuisine_tag, Language language);

}  // namespace codriver::places
