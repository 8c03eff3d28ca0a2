#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/bounding_box.h"
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

// A place with its row id in places.sqlite (stable within one bundle).
struct StoredPlace {
  std::int64_t id = 0;
  Place place;
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

  // Whole places: in a box (R*Tree), optionally of one category, in id order.
  std::vector<StoredPlace> places_in_box(const geo::BoundingBox& box,
                                         std::optional<PlaceCategory> category);
  // Every place, optionally of one category (for small maps and brute-force checks).
  std::vector<StoredPlace> all_places(std::optional<PlaceCategory> category);
  std::optional<StoredPlace> place(std::int64_t id);
  // Ids of places whose names match `text` (see name_match_query), best first.
  std::vector<std::int64_t> ids_by_name(std::string_view text, int limit);
  // Every term in the name index (lower case, accents folded), for spelling-tolerant search.
  const std::vector<std::string>& name_terms();
  // Ids of places whose names hold, for every group, at least one of its terms.
  std::vector<std::int64_t> ids_by_terms(const std::vector<std::vector<std::string>>& groups,
                                         int limit);

 private:
  std::vector<PlaceHit> collect(SqliteStatement& statement);
  std::vector<StoredPlace> collect_places(SqliteStatement& statement);
  // The statement for `sql`, prepared once per reader and reset for new bindings:
  // parsing SQL costs more than a small R*Tree query.
  SqliteStatement& cached(const std::string& sql);
  std::vector<std::int64_t> ids_matching(const std::string& fts_query, int limit);

  SqliteDb db_;
  std::optional<std::vector<std::string>> name_terms_;
  std::map<std::string, std::unique_ptr<SqliteStatement>> statements_;
};

}  // namespace codriver::map
