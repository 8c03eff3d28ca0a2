#include "agent/memory.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "language/utf8.h"
#include "map/sqlite_db.h"

namespace codriver::agent {
namespace {

// Marks the file as ours, so a database of some other program is refused instead of
// being written into. "CDRM": codriver memory.
constexpr std::int64_t kApplicationId = 0x4344524D;
constexpr std::int64_t kSchemaVersion = 1;
constexpr int kBusyTimeoutMs = 5000;

constexpr const char* kSchema = R"sql(
CREATE TABLE cuisine_preferences (
  key TEXT PRIMARY KEY NOT NULL,
  liked INTEGER NOT NULL CHECK (liked IN (0, 1)));
CREATE TABLE saved_places (
  label TEXT PRIMARY KEY NOT NULL,
  name TEXT,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  place_id INTEGER);
CREATE TABLE parking_preferences (
  key TEXT PRIMARY KEY NOT NULL,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)));
CREATE TABLE avoided_places (
  place_id INTEGER PRIMARY KEY,
  name TEXT);
CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT);
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  at_unix_s INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT,
  place_id INTEGER,
  lat REAL NOT NULL,
  lon REAL NOT NULL);
)sql";

// Every table of kSchema: forget_everything empties each of them.
constexpr std::array<const char*, 6> kTables = {
    "cuisine_preferences", "saved_places", "parking_preferences",
    "avoided_places",      "settings",     "history"};

constexpr std::array<std::string_view, 4> kParkingKeys = {"covered", "cheap", "underground",
                                                          "free"};

// Holds a write lock from the start, so two processes never both read-then-write.
class Transaction {
 public:
  explicit Transaction(map::SqliteDb& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (committed_) return;
    try {
      db_.exec("ROLLBACK");
    } catch (const map::SqliteError&) {
      // SQLite already rolled back on its own (e.g. after an I/O error).
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit() {
    db_.exec("COMMIT");
    committed_ = true;
  }

 private:
  map::SqliteDb& db_;
  bool committed_ = false;
};

// SQLite's errors carry no path and no verb; the driver's log should say both.
template <typename Action>
auto guarded(const std::string& path, std::string_view what, Action&& action) {
  try {
    return action();
  } catch (const map::SqliteError& error) {
    throw MemoryError("driver memory " + path + ": " + std::string(what) +
                      " failed: " + error.what());
  }
}

bool is_valid_utf8(std::string_view text) {
  // The decoder turns every invalid byte into U+FFFD, so only valid text survives a
  // round trip unchanged.
  return language::encode_utf8(language::decode_utf8(text)) == text;
}

void check_text(std::string_view what, std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes) {
    throw MemoryError(std::string(what) + " is " + std::to_string(text.size()) +
                      " bytes; at most " + std::to_string(max_bytes) + " can be remembered");
  }
  if (text.find('\0') != std::string_view::npos) {
    throw MemoryError(std::string(what) + " contains a NUL byte and cannot be remembered");
  }
  if (!is_valid_utf8(text)) {
    throw MemoryError(std::string(what) + " is not valid UTF-8 and cannot be remembered");
  }
}

void check_key(std::string_view what, std::string_view key) {
  if (key.empty()) throw MemoryError(std::string(what) + " must not be empty");
  check_text(what, key, Memory::kMaxKeyBytes);
}

void check_coordinates(std::string_view what, double lat, double lon) {
  if (!std::isfinite(lat) || !std::isfinite(lon) || std::abs(lat) > 90 || std::abs(lon) > 180) {
    throw MemoryError(std::string(what) + " has coordinates outside the earth: " +
                      std::to_string(lat) + ", " + std::to_string(lon));
  }
}

void bind_optional_id(map::SqliteStatement& statement, int index,
                      const std::optional<std::int64_t>& id) {
  if (id) {
    statement.bind(index, *id);
  } else {
    statement.bind_null(index);
  }
}

std::optional<std::int64_t> optional_id(const map::SqliteStatement& statement, int index) {
  if (statement.column_is_null(index)) return std::nullopt;
  return statement.column_int(index);
}

std::int64_t pragma_int(map::SqliteDb& db, std::string_view pragma) {
  auto statement = db.prepare(pragma);
  return statement.step() ? statement.column_int(0) : 0;
}

std::string pragma_text(map::SqliteDb& db, std::string_view pragma) {
  auto statement = db.prepare(pragma);
  return statement.step() ? statement.column_text(0) : std::string();
}

bool is_empty_database(map::SqliteDb& db) {
  return pragma_int(db, "SELECT count(*) FROM sqlite_master") == 0;
}

// Refuses a file that is someone else's database or one from a newer codriver, before
// anything (even the journal mode) is written to it.
void check_identity(map::SqliteDb& db, const std::string& path) {
  const std::int64_t application_id = pragma_int(db, "PRAGMA application_id");
  const std::int64_t version = pragma_int(db, "PRAGMA user_version");
  if (application_id == 0 && version == 0 && is_empty_database(db)) return;
  if (application_id != kApplicationId) {
    throw MemoryError("cannot open driver memory " + path +
                      ": it is a SQLite database of another program; move it away or choose "
                      "another path");
  }
  if (version > kSchemaVersion) {
    throw MemoryError("cannot open driver memory " + path + ": it has schema version " +
                      std::to_string(version) + ", this codriver reads up to " +
                      std::to_string(kSchemaVersion) + "; update codriver");
  }
  if (version < 1) {
    throw MemoryError("cannot open driver memory " + path + ": it has no schema version");
  }
}

void configure(map::SqliteDb& db, const std::string& path) {
  sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
  db.exec("PRAGMA foreign_keys = ON");
  // Freed space is zeroed, so a replaced name or deleted row does not linger in the file.
  db.exec("PRAGMA secure_delete = ON");
  const std::string journal_mode = pragma_text(db, "PRAGMA journal_mode = WAL");
  if (journal_mode != "wal" && path != ":memory:") {
    throw MemoryError("cannot open driver memory " + path +
                      ": write-ahead logging is not available (journal mode stays " + journal_mode +
                      ")");
  }
  // In WAL mode FULL syncs the log on every commit: a committed change survives power loss.
  db.exec("PRAGMA synchronous = FULL");
}

void create_schema_if_new(map::SqliteDb& db) {
  Transaction transaction(db);
  // Another process may have created it between our check and taking the write lock.
  if (!is_empty_database(db)) return;
  db.exec(kSchema);
  db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  transaction.commit();
}

void check_parent_directory(const std::filesystem::path& path) {
  if (path == ":memory:" || !path.has_parent_path()) return;
  std::error_code error;
  if (!std::filesystem::is_directory(path.parent_path(), error)) {
    throw MemoryError("cannot open driver memory " + path.string() + ": the directory " +
                      path.parent_path().string() + " does not exist");
  }
}

void set_cuisine(map::SqliteDb& db, std::string_view key, bool liked) {
  Transaction transaction(db);
  db.prepare(
        "INSERT INTO cuisine_preferences (key, liked) VALUES (?1, ?2) "
        "ON CONFLICT (key) DO UPDATE SET liked = excluded.liked")
      .bind(1, key)
      .bind(2, std::int64_t{liked ? 1 : 0})
      .run();
  transaction.commit();
}

std::vector<std::string> cuisines(map::SqliteDb& db, bool liked) {
  auto statement = db.prepare("SELECT key FROM cuisine_preferences WHERE liked = ?1 ORDER BY key");
  statement.bind(1, std::int64_t{liked ? 1 : 0});
  std::vector<std::string> keys;
  while (statement.step())
    keys.push_back(statement.column_text(0));
  return keys;
}

bool parking_enabled(map::SqliteDb& db, std::string_view key) {
  auto statement = db.prepare("SELECT enabled FROM parking_preferences WHERE key = ?1");
  statement.bind(1, key);
  return statement.step() && statement.column_int(0) == 1;
}

nlohmann::json optional_id_json(const std::optional<std::int64_t>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
}

nlohmann::json saved_places_json(map::SqliteDb& db) {
  auto statement =
      db.prepare("SELECT label, name, lat, lon, place_id FROM saved_places ORDER BY label");
  auto places = nlohmann::json::array();
  while (statement.step()) {
    places.push_back({{"label", statement.column_text(0)},
                      {"name", statement.column_text(1)},
                      {"lat", statement.column_double(2)},
                      {"lon", statement.column_double(3)},
                      {"place_id", optional_id_json(optional_id(statement, 4))}});
  }
  return places;
}

nlohmann::json parking_json(map::SqliteDb& db) {
  auto statement = db.prepare("SELECT key, enabled FROM parking_preferences ORDER BY key");
  auto parking = nlohmann::json::object();
  while (statement.step())
    parking[statement.column_text(0)] = statement.column_int(1) == 1;
  return parking;
}

nlohmann::json avoided_json(map::SqliteDb& db) {
  auto statement = db.prepare("SELECT place_id, name FROM avoided_places ORDER BY place_id");
  auto avoided = nlohmann::json::array();
  while (statement.step()) {
    avoided.push_back({{"place_id", statement.column_int(0)}, {"name", statement.column_text(1)}});
  }
  return avoided;
}

nlohmann::json settings_json(map::SqliteDb& db) {
  auto statement = db.prepare("SELECT key, value FROM settings ORDER BY key");
  auto settings = nlohmann::json::object();
  while (statement.step())
    settings[statement.column_text(0)] = statement.column_text(1);
  return settings;
}

nlohmann::json history_json(const std::vector<HistoryEntry>& history) {
  auto entries = nlohmann::json::array();
  for (const auto& entry : history) {
    entries.push_back({{"at_unix_s", entry.at_unix_s},
                       {"kind", entry.kind},
                       {"text", entry.text},
                       {"place_id", optional_id_json(entry.place_id)},
                       {"lat", entry.lat},
                       {"lon", entry.lon}});
  }
  return entries;
}

// Moves every logged page into the file and cuts the log to zero bytes.
void checkpoint_truncate(map::SqliteDb& db, const std::string& path) {
  auto statement = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
  if (statement.step() && statement.column_int(0) != 0) {
    throw MemoryError("driver memory " + path +
                      ": another process is still reading it, so its log could not be wiped; "
                      "close it and forget again");
  }
}

}  // namespace

Memory::Memory(std::unique_ptr<map::SqliteDb> db, std::string path)
    : db_(std::move(db)), path_(std::move(path)) {}

Memory::Memory(Memory&&) noexcept = default;
Memory& Memory::operator=(Memory&&) noexcept = default;
Memory::~Memory() = default;

Memory Memory::open(const std::filesystem::path& path) {
  const std::string name = path.string();
  check_parent_directory(path);
  std::unique_ptr<map::SqliteDb> db;
  try {
    db = std::make_unique<map::SqliteDb>(path, map::SqliteDb::Mode::kCreate);
    check_identity(*db, name);
  } catch (const map::SqliteError& error) {
    if (db && (sqlite3_errcode(db->handle()) & 0xFF) == SQLITE_NOTADB) {
      throw MemoryError("cannot open driver memory " + name +
                        ": the file is not a SQLite database; move it away or choose another "
                        "path");
    }
    throw MemoryError("cannot open driver memory " + name + ": " + error.what());
  }
  try {
    configure(*db, name);
    create_schema_if_new(*db);
  } catch (const map::SqliteError& error) {
    throw MemoryError("cannot open driver memory " + name + ": " + error.what());
  }
  return Memory(std::move(db), name);
}

void Memory::like_cuisine(std::string_view key) {
  check_key("cuisine key", key);
  guarded(path_, "liking a cuisine", [&] { set_cuisine(*db_, key, true); });
}

void Memory::dislike_cuisine(std::string_view key) {
  check_key("cuisine key", key);
  guarded(path_, "disliking a cuisine", [&] { set_cuisine(*db_, key, false); });
}

void Memory::set_saved_place(const SavedPlace& place) {
  check_key("saved place label", place.label);
  check_text("saved place name", place.name, kMaxTextBytes);
  check_coordinates("saved place " + place.label, place.lat, place.lon);
  guarded(path_, "saving a place", [&] {
    Transaction transaction(*db_);
    auto statement = db_->prepare(
        "INSERT INTO saved_places (label, name, lat, lon, place_id) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (label) DO UPDATE SET name = excluded.name, lat = excluded.lat, "
        "lon = excluded.lon, place_id = excluded.place_id");
    statement.bind(1, place.label).bind(2, place.name).bind(3, place.lat).bind(4, place.lon);
    bind_optional_id(statement, 5, place.place_id);
    statement.run();
    transaction.commit();
  });
}

std::optional<SavedPlace> Memory::saved_place(std::string_view label) const {
  return guarded(path_, "reading a saved place", [&]() -> std::optional<SavedPlace> {
    auto statement =
        db_->prepare("SELECT label, name, lat, lon, place_id FROM saved_places WHERE label = ?1");
    statement.bind(1, label);
    if (!statement.step()) return std::nullopt;
    return SavedPlace{statement.column_text(0), statement.column_text(1),
                      statement.column_double(2), statement.column_double(3),
                      optional_id(statement, 4)};
  });
}

void Memory::set_parking_preference(std::string_view key, bool on) {
  if (std::find(kParkingKeys.begin(), kParkingKeys.end(), key) == kParkingKeys.end()) {
    throw MemoryError("unknown parking preference \"" + std::string(key.substr(0, kMaxKeyBytes)) +
                      "\"; known: covered, cheap, underground, free");
  }
  guarded(path_, "setting a parking preference", [&] {
    Transaction transaction(*db_);
    db_->prepare(
           "INSERT INTO parking_preferences (key, enabled) VALUES (?1, ?2) "
           "ON CONFLICT (key) DO UPDATE SET enabled = excluded.enabled")
        .bind(1, key)
        .bind(2, std::int64_t{on ? 1 : 0})
        .run();
    transaction.commit();
  });
}

void Memory::avoid_place(std::int64_t place_id, std::string_view name) {
  check_text("avoided place name", name, kMaxTextBytes);
  guarded(path_, "avoiding a place", [&] {
    Transaction transaction(*db_);
    db_->prepare(
           "INSERT INTO avoided_places (place_id, name) VALUES (?1, ?2) "
           "ON CONFLICT (place_id) DO UPDATE SET name = excluded.name")
        .bind(1, place_id)
        .bind(2, name)
        .run();
    transaction.commit();
  });
}

bool Memory::is_avoided(std::int64_t place_id) const {
  return guarded(path_, "reading avoided places", [&] {
    auto statement = db_->prepare("SELECT 1 FROM avoided_places WHERE place_id = ?1");
    statement.bind(1, place_id);
    return statement.step();
  });
}

std::vector<std::int64_t> Memory::avoided_places() const {
  return guarded(path_, "reading avoided places", [&] {
    auto statement = db_->prepare("SELECT place_id FROM avoided_places ORDER BY place_id");
    std::vector<std::int64_t> ids;
    while (statement.step())
      ids.push_back(statement.column_int(0));
    return ids;
  });
}

void Memory::set_setting(std::string_view key, std::string_view value) {
  check_key("setting key", key);
  check_text("setting value", value, kMaxTextBytes);
  guarded(path_, "changing a setting", [&] {
    Transaction transaction(*db_);
    db_->prepare(
           "INSERT INTO settings (key, value) VALUES (?1, ?2) "
           "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
    transaction.commit();
  });
}

std::optional<std::string> Memory::setting(std::string_view key) const {
  return guarded(path_, "reading a setting", [&]() -> std::optional<std::string> {
    auto statement = db_->prepare("SELECT value FROM settings WHERE key = ?1");
    statement.bind(1, key);
    if (!statement.step()) return std::nullopt;
    return statement.column_text(0);
  });
}

void Memory::record(const HistoryEntry& entry) {
  check_key("history kind", entry.kind);
  check_text("history text", entry.text, kMaxTextBytes);
  check_coordinates("history entry", entry.lat, entry.lon);
  guarded(path_, "recording history", [&] {
    Transaction transaction(*db_);
    auto insert = db_->prepare(
        "INSERT INTO history (at_unix_s, kind, text, place_id, lat, lon) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, entry.at_unix_s).bind(2, entry.kind).bind(3, entry.text);
    bind_optional_id(insert, 4, entry.place_id);
    insert.bind(5, entry.lat).bind(6, entry.lon).run();
    db_->prepare(
           "DELETE FROM history WHERE id <= "
           "(SELECT id FROM history ORDER BY id DESC LIMIT 1 OFFSET ?1)")
        .bind(1, std::int64_t{kHistoryLimit})
        .run();
    transaction.commit();
  });
}

std::vector<HistoryEntry> Memory::recent_history(int limit) const {
  if (limit <= 0) return {};
  return guarded(path_, "reading history", [&] {
    auto statement = db_->prepare(
        "SELECT at_unix_s, kind, text, place_id, lat, lon FROM history ORDER BY id DESC LIMIT ?1");
    statement.bind(1, std::int64_t{std::min(limit, kHistoryLimit)});
    std::vector<HistoryEntry> entries;
    while (statement.step()) {
      entries.push_back({statement.column_int(0), statement.column_text(1),
                         statement.column_text(2), optional_id(statement, 3),
                         statement.column_double(4), statement.column_double(5)});
    }
    return entries;
  });
}

places::Preferences Memory::preferences() const {
  return guarded(path_, "reading preferences", [&] {
    places::Preferences preferences;
    preferences.liked_cuisines = cuisines(*db_, true);
    preferences.disliked_cuisines = cuisines(*db_, false);
    preferences.prefer_covered_parking =
        parking_enabled(*db_, "covered") || parking_enabled(*db_, "underground");
    preferences.prefer_cheap = parking_enabled(*db_, "cheap") || parking_enabled(*db_, "free");
    return preferences;
  });
}

nlohmann::json Memory::summary() const {
  const auto history = recent_history(kHistoryLimit);
  return guarded(path_, "summarising", [&] {
    return nlohmann::json{
        {"cuisines", {{"liked", cuisines(*db_, true)}, {"disliked", cuisines(*db_, false)}}},
        {"saved_places", saved_places_json(*db_)},
        {"parking", parking_json(*db_)},
        {"avoided_places", avoided_json(*db_)},
        {"settings", settings_json(*db_)},
        {"history", history_json(history)}};
  });
}

void Memory::forget_everything() {
  guarded(path_, "forgetting everything", [&] {
    Transaction transaction(*db_);
    for (const char* table : kTables)
      db_->exec(std::string("DELETE FROM ") + table);
    transaction.commit();
    // The deleted rows still sit in the log's frames and in free pages of the file:
    // checkpoint and cut the log, rebuild the file without free pages, then move the
    // rebuilt pages out of the log too.
    checkpoint_truncate(*db_, path_);
    db_->exec("VACUUM");
    checkpoint_truncate(*db_, path_);
  });
}

}  // namespace codriver::agent
