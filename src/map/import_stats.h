#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace codriver::map {

// What the importer skipped or could not use, by kind, with a few example OSM
// objects each so that a mapper can go and fix them. Nothing is dropped silently.
class ImportStats {
 public:
  static constexpr std::size_t kExamplesPerKind = 5;

  struct Kind {
    std::int64_t count = 0;
    std::vector<std::string> examples;  // "w123", "n45", "r6"
  };

  void warn(const std::string& kind, char osm_type, std::int64_t osm_id);
  void warn(const std::string& kind);
  std::int64_t count(const std::string& kind) const;
  const std::map<std::string, Kind>& warnings() const { return warnings_; }
  std::int64_t total() const;

 private:
  std::map<std::string, Kind> warnings_;
};

}  // namespace codriver::map
