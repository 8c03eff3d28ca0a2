#include "app/place_output.h"

#include <cstdio>
#include <iostream>
#include <stdexcept>

#include "places/cuisine.h"
#include "places/parking_availability.h"
#include "places/place_filter.h"
#include "places/place_names.h"

namespace codriver::app {

using nlohmann::json;
using routing::Language;

void print_places(const std::vector<places::RankedPlace>& found, bool as_json, Language language,
                  const std::string& key, json extra, const std::string& nothing_found) {
  if (as_json) {
    json list = json::array();
    for (const auto& place : found) list.push_back(place_json(place, language));
    extra[key] = list;
    std::cout << extra.dump() << "\n";
    return;
  }
  if (found.empty()) std::cout << nothing_found << "\n";
  for (std::size_t i = 0; i < found.size(); ++i)
    std::cout << i + 1 << ". " << place_line(found[i], language) << "\n";
}

Language parse_language(const std::string& code) {
  if (code == "en") return Language::kEnglish;
  if (code == "zh" || code == "zh-CN" || code == "zh_CN") return Language::kChinese;
  throw std::invalid_argument("unknown language '" + code + "': use en or zh");
}

}  // namespace codriver::app
