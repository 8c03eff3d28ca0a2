#include "map/places_db.h"

#include <charconv>

#include "map/errors.h"
#include "map/name_index_text.h"

namespace codriver::map {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places(
  id INTEGER PRIMARY KEY,
  osm_type TEXT NOT NULL CHECK (osm_type IN ('n', 'w', 'r')),
  osm_id INTEGER NOT NULL,
  category TEXT NOT NULL,
  lat REAL NOT NULL, lon REAL NOT NULL,
  entrance_lat REAL, entrance_lon REAL,
  name TEXT, name_zh TEXT, name_en TEXT, brand TEXT, operator TEXT,
  cuisine TEXT, opening_hours TEXT, phone TEXT, website TEXT, address TEXT,
  parking_type TEXT, fee INTEGER, covered INTEGER, capacity INTEGER, access TEXT,
  maxheight_m REAL,
  sockets TEXT, max_power_kw REAL,
  tags TEXT NOT NULL,
  UNIQUE (osm_type, osm_id));
CREATE INDEX places_by_category ON places(category);
CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
CREATE VIRTUAL TABLE places_fts USING fts5(names, tokenize = 'unicode61 remove_diacritics 2');
)sql";

constexpr const char* kInsertPlace = R"sql(
INSERT INTO places(osm_type, osm_id, category, lat, lon, entrance_lat, entrance_lon,
  name, name_zh, name_en, brand, operator, cuisine, opening_hours, phone, website, address,
  parking_type, fee, covered, capacity, access, maxheight_m, sockets, max_power_kw, tags)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
  ?20, ?21, ?22, ?23, ?24, ?25, ?26)
)sql";

std::string index_text(const Place& place) {
  std::string names;
  for (const std::string* text : {&place.name, &place.name_zh, &place.name_en, &place.brand}) {
    if (!text->empty()) names += name_index_text(*text) + " ";
  }
  return names;
}

void bind_place(SqliteStatement& s, const Place& p) {
  const std::optional<double> entrance_lat =
      p.entrance ? std::optional<double>(p.entrance->lat) : std::nullopt;
  const std::optional<double> entrance_lon =
      p.entrance ? std::optional<double>(p.entrance->lon) : std::nullopt;
  s.bind(1, std::string_view(&p.osm_type, 1)).bind(2, p.osm_id).bind(3, category_name(p.category));
  s.bind(4, p.position.lat).bind(5, p.position.lon).bind(6, entrance_lat).bind(7, entrance_lon);
  s.bind(8, p.name).bind(9, p.name_zh).bind(10, p.name_en).bind(11, p.brand);
  s.bind(12, p.operator_name).bind(13, p.cuisine).bind(14, p.opening_hours).bind(15, p.phone);
  s.bind(16, p.website).bind(17, p.address).bind(18, p.parking_type).bind(19, p.fee);
  s.bind(20, p.covered).bind(21, p.capacity).bind(22, p.access).bind(23, p.maxheight_m);
  s.bind(24, p.category == PlaceCategory::kChargingStation ? p.sockets_json : std::string());
  s.bind(25, p.max_power_kw).bind(26, p.tags_json);
}

constexpr const char* kPlaceColumns =
    "p.id, p.osm_type, p.osm_id, p.category, p.lat, p.lon, p.entrance_lat, p.entrance_lon, "
    "p.name, p.name_zh, p.name_en, p.brand, p.operator, p.cuisine, p.opening_hours, p.phone, "
    "p.website, p.address, p.parking_type, p.fee, p.covered, p.capacity, p.access, "
    "p.maxheight_m, p.sockets, p.max_power_kw, p.tags";

std::optional<double> optional_double(const SqliteStatement& s, int column) {
  return s.column_is_null(column) ? std::nullopt : std::optional<double>(s.column_double(column));
}

std::optional<int> optional_int(const SqliteStatement& s, int column) {
  if (s.column_is_null(column)) return std::nullopt;
  return static_cast<int>(s.column_int(column));
}

std::optional<bool> optional_bool(const SqliteStatement& s, int column) {
  return s.column_is_null(column) ? std::nullopt : std::optional<bool>(s.column_int(column) != 0);
}

// One row selected with kPlaceColumns; the column order is that list's.
StoredPlace read_place(const SqliteStatement& s) {
  StoredPlace stored;
  stored.id = s.column_int(0);
  Place& p = stored.place;
  const std::string osm_type = s.column_text(1);
  p.osm_type = osm_type.empty() ? 'n' : osm_type[0];
  p.osm_id = s.column_int(2);
  p.category = category_from_name(s.column_text(3)).value_or(PlaceCategory::kRestaurant);
  p.position = {s.column_double(4), s.column_double(5)};
  if (!s.column_is_null(6) && !s.column_is_null(7)) {
    p.entrance = geo::LatLon{s.column_double(6), s.column_double(7)};
  }
  std::string* texts[] = {&p.name,    &p.name_zh,       &p.name_en, &p.brand,
                          &p.operator_name, &p.cuisine, &p.opening_hours, &p.phone,
                          &p.website, &p.address,       &p.parking_type};
  for (int i = 0; i < 11; ++i) *texts[i] = s.column_text(8 + i);
  p.fee = optional_bool(s, 19);
  p.covered = optional_bool(s, 20);
  p.capacity = optional_int(s, 21);
  p.access = s.column_text(22);
  p.maxheight_m = optional_double(s, 23);
  p.sockets_json = s.column_text(24);
  p.max_power_kw = optional_double(s, 25);
  p.tags_json = s.column_text(26);
  return stored;
}

}  // namespace

PlacesWriter::PlacesWriter(const std::filesystem::path& path)
    : db_(std::make_unique<SqliteDb>(path, SqliteDb::Mode::kCreate)) {
  db_->exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
  db_->exec(kSchema);
  db_->exec("INSERT INTO meta VALUES ('schema_version', '" + std::to_string(kPlacesSchemaVersion) +
            "'); BEGIN;");
  insert_place_ = std::make_unique<SqliteStatement>(db_->prepare(kInsertPlace));
  insert_rtree_ = std::make_unique<SqliteStatement>(
      db_->prepare("INSERT INTO places_rtree VALUES (?1, ?2, ?2, ?3, ?3)"));
  insert_fts_ = std::make_unique<SqliteStatement>(
      db_->prepare("INSERT INTO places_fts(rowid, names) VALUES (?1, ?2)"));
}

PlacesWriter::~PlacesWriter() = default;

void PlacesWriter::add(const Place& place) {
  bind_place(*insert_place_, place);
  insert_place_->run();
  const std::int64_t id = db_->last_insert_rowid();
  insert_rtree_->bind(1, id).bind(2, place.position.lon).bind(3, place.position.lat).run();
  insert_fts_->bind(1, id).bind(2, index_text(place)).run();
  ++count_;
}

void PlacesWriter::finish() {
  db_->exec("COMMIT; INSERT INTO places_fts(places_fts) VALUES ('optimize'); VACUUM;");
}

PlacesReader::PlacesReader(const std::filesystem::path& path)
    : db_(path, SqliteDb::Mode::kReadOnly) {
  try {
    auto statement = db_.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    const std::string text = statement.step() ? statement.column_text(0) : "0";
    int version = 0;
    std::from_chars(text.data(), text.data() + text.size(), version);
    if (version != kPlacesSchemaVersion) {
      throw BundleError(path.string() + " has places schema version " + std::to_string(version) +
                        ", this codriver reads " + std::to_string(kPlacesSchemaVersion) +
                        "; re-import the map");
    }
  } catch (const SqliteError& error) {
    throw BundleError(path.string() + " is not a codriver places database (" + error.what() + ")");
  }
}

std::map<std::string, std::int64_t> PlacesReader::count_by_category() {
  std::map<std::string, std::int64_t> counts;
  auto statement = db_.prepare("SELECT category, COUNT(*) FROM places GROUP BY category");
  while (statement.step())
    counts[statement.column_text(0)] = statement.column_int(1);
  return counts;
}

std::vector<PlaceHit> PlacesReader::collect(SqliteStatement& statement) {
  std::vector<PlaceHit> hits;
  while (statement.step()) {
    hits.push_back({statement.column_int(0),
                    statement.column_text(1),
                    statement.column_text(2),
                    statement.column_text(3),
                    statement.column_text(4),
                    {statement.column_double(5), statement.column_double(6)}});
  }
  return hits;
}

std::vector<PlaceHit> PlacesReader::find_by_name(std::string_view text, int limit) {
  const std::string query = name_match_query(text);
  if (query.empty()) return {};
  auto statement = db_.prepare(
      "SELECT p.id, p.category, p.name, p.name_zh, p.name_en, p.lat, p.lon FROM places_fts f "
      "JOIN places p ON p.id = f.rowid WHERE places_fts MATCH ?1 ORDER BY rank LIMIT ?2");
  statement.bind(1, query).bind(2, static_cast<std::int64_t>(limit));
  return collect(statement);
}

std::vector<PlaceHit> PlacesReader::find_in_box(double min_lon, double min_lat, double max_lon,
                                                double max_lat) {
  auto statement = db_.prepare(
      "SELECT p.id, p.category, p.name, p.name_zh, p.name_en, p.lat, p.lon FROM places_rtree r "
      "JOIN places p ON p.id = r.id WHERE r.min_lon >= ?1 AND r.max_lon <= ?3 "
      "AND r.min_lat >= ?2 AND r.max_lat <= ?4 ORDER BY p.id");
  statement.bind(1, min_lon).bind(2, min_lat).bind(3, max_lon).bind(4, max_lat);
  return collect(statement);
}

SqliteStatement& PlacesReader::cached(const std::string& sql) {
  auto& statement = statements_[sql];
  if (!statement) statement = std::make_unique<SqliteStatement>(db_.prepare(sql));
  statement->reset();
  return *statement;
}

std::vector<StoredPlace> PlacesReader::collect_places(SqliteStatement& statement) {
  std::vector<StoredPlace> places;
  while (statement.step())
    places.push_back(read_place(statement));
  return places;
}

std::vector<StoredPlace> PlacesReader::places_in_box(const geo::BoundingBox& box,
                                                     std::optional<PlaceCategory> category) {
  if (box.empty) return {};
  // The R*Tree stores 32-bit floats rounded outwards (about a metre at these longitudes),
  // so a point is selected when its stored box overlaps the query box, never lost at an edge.
  auto& statement = cached(std::string("SELECT ") + kPlaceColumns +
                           " FROM places_rtree r JOIN places p ON p.id = r.id "
                           "WHERE r.max_lon >= ?1 AND r.min_lon <= ?3 AND r.max_lat >= ?2 "
                           "AND r.min_lat <= ?4 AND (?5 IS NULL OR p.category = ?5) "
                           "ORDER BY p.id");
  statement.bind(1, box.min_lon).bind(2, box.min_lat).bind(3, box.max_lon).bind(4, box.max_lat);
  statement.bind(5, category ? category_name(*category) : std::string_view());
  return collect_places(statement);
}

std::vector<StoredPlace> PlacesReader::all_places(std::optional<PlaceCategory> category) {
  auto& statement = cached(std::string("SELECT ") + kPlaceColumns +
                           " FROM places p WHERE ?1 IS NULL OR p.category = ?1 ORDER BY p.id");
  statement.bind(1, category ? category_name(*category) : std::string_view());
  return collect_places(statement);
}

std::optional<StoredPlace> PlacesReader::place(std::int64_t id) {
  auto& statement = cached(std::string("SELECT ") + kPlaceColumns + " FROM places p WHERE p.id = ?1");
  statement.bind(1, id);
  if (!statement.step()) return std::nullopt;
  return read_place(statement);
}

std::vector<std::int64_t> PlacesReader::ids_matching(const std::string& fts_query, int limit) {
  auto& statement =
      cached("SELECT rowid FROM places_fts WHERE places_fts MATCH ?1 ORDER BY rank LIMIT ?2");
  statement.bind(1, fts_query).bind(2, static_cast<std::int64_t>(limit));
  std::vector<std::int64_t> ids;
  while (statement.step())
    ids.push_back(statement.column_int(0));
  return ids;
}

std::vector<std::int64_t> PlacesReader::ids_by_name(std::string_view text, int limit) {
  const std::string query = name_match_query(text);
  if (query.empty()) return {};
  return ids_matching(query, limit);
}

const std::vector<std::string>& PlacesReader::name_terms() {
  if (!name_terms_) {
    name_terms_.emplace();
    db_.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.places_terms "
             "USING fts5vocab(main, places_fts, 'row')");
    auto statement = db_.prepare("SELECT term FROM temp.places_terms");
    while (statement.step())
      name_terms_->push_back(statement.column_text(0));
  }
  return *name_terms_;
}

std::vector<std::int64_t> PlacesReader::ids_by_terms(
    const std::vector<std::vector<std::string>>& groups, int limit) {
  const auto quoted = [](const std::string& term) {
    std::string out = "\"";
    for (char c : term)
      out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string query;
  for (const auto& group : groups) {
    if (group.empty()) return {};
    if (!query.empty()) query += " AND ";
    query += "(";
    for (std::size_t i = 0; i < group.size(); ++i)
      query += (i ? " OR " : "") + quoted(group[i]);
    query += ")";
  }
  if (query.empty()) return {};
  return ids_matching(query, limit);
}

}  // namespace codriver::map
