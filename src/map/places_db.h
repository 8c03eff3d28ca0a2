#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "map/place.h"
#include "map/sqlite_db.h"

// places.sqlite: the bundle's points of interest, with an R*Tree on position and an
// FTS5 index on every name (name, name:zh, name:en, brand; see name_index_text.h).
namespace codriver::map {

inline constexpr int kPlacesSchemaVersion = 1;

class PlacesWriter {
 public:
  // Creates a new database; the file must not exist.
  explicit PlacesWriter(const std::filesystem::path& path);
  ~PlacesWriter();

  void add(const Place& place);
  // Commits and leaves a compact, read-only-ready file.
  void finish();
  std::int64_t count() const { return count_; }

 private:
  std::unique_ptr<SqliteDb> db_;
  std::unique_ptr<SqliteStatement> insert_place_;
  std::unique_ptr<SqliteStatement> insert_rtree_;
  std::unique_ptr<SqliteStatement> insert_fts_;
  std::int64_t count_ = 0;
};

struct PlaceHit {
  std::int64_t id = 0;
  std::string category;
  std::string name;
  std::string name_zh;
  std::string name_en;
  geo::LatLon position;
};

class PlacesReader {
 public:
  // Throws BundleError when the file is not a places database of a version we read.
  explicit PlacesReader(const std::filesystem::path& path);

  std::map<std::string, std::int64_t> count_by_category();
  // Name search through FTS5, best match first.
  std::vector<PlaceHit> find_by_name(std::string_view text, int limit);
  // Places whose position falls inside the box (R*Tree).
  std::vector<PlaceHit> find_in_box(double min_lon, double min_lat, double max_lon, double max_lat);

 private:
  std::vector<PlaceHit> collect(SqliteStatement& statement);

  SqliteDb db_;
};

}  // namespace codriver::map
