#include "map/osm_tags.h"

#include <algorithm>

namespace codriver::map {

std::string_view OsmTags::get(std::string_view key) const {
  const auto it =
      std::find_if(tags_.begin(), tags_.end(), [key](const auto& tag) { return tag.first == key; });
  return it == tags_.end() ? std::string_view{} : it->second;
}

bool OsmTags::has(std::string_view key) const {
  return std::any_of(tags_.begin(), tags_.end(),
                     [key](const auto& tag) { return tag.first == key; });
}

std::string_view OsmTags::first_of(std::initializer_list<std::string_view> keys) const {
  for (std::string_view key : keys) {
    if (const std::string_view value = get(key); !value.empty()) return value;
  }
  return {};
}

std::string_view chinese_name(const OsmTags& tags) {
  return tags.first_of({"name:zh", "name:zh-Hans", "name:zh-CN", "name:zh-Hant", "name:zh-TW"});
}

bool is_yes(std::string_view value) {
  return value == "yes" || value == "true" || value == "1";
}
bool is_no(std::string_view value) {
  return value == "no" || value == "false" || value == "0";
}

}  // namespace codriver::map
