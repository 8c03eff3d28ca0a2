#pragma once

#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

namespace codriver::map {

// The tags of one OSM object as views. The importer fills it from libosmium's
// buffer (valid during one callback); tests fill it from literals.
class OsmTags {
 public:
  OsmTags() = default;
  OsmTags(std::initializer_list<std::pair<std::string_view, std::string_view>> tags)
      : tags_(tags) {}

  void add(std::string_view key, std::string_view value) { tags_.emplace_back(key, value); }
  // "" when the key is absent.
  std::string_view get(std::string_view key) const;
  bool has(std::string_view key) const;
  bool has(std::string_view key, std::string_view value) const { return get(key) == value; }
  // The value of the first key present, or "".
  std::string_view first_of(std::initializer_list<std::string_view> keys) const;

  auto begin() const { return tags_.begin(); }
  auto end() const { return tags_.end(); }

 private:
  std::vector<std::pair<std::string_view, std::string_view>> tags_;
};

// The Chinese name: name:zh, else its script or region variants (Simplified first).
std::string_view chinese_name(const OsmTags& tags);

// OSM's boolean-ish values: yes/true/1 and no/false/0.
bool is_yes(std::string_view value);
bool is_no(std::string_view value);

}  // namespace codriver::map
