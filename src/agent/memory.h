#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "places/ranking.h"

namespace codriver::map {
class SqliteDb;
}

// What the assistant remembers about its driver: cuisine likes, saved places, parking
// wishes, places to avoid, settings and a bounded history. One SQLite file that
// survives a crash or power cut after every committed change and that can be wiped
// so that nothing deleted stays readable in it.
namespace codriver::agent {

struct SavedPlace {
  std::string label;  // "home", "work"
  std::string name;
  double lat = 0, lon = 0;
  std::optional<std::int64_t> place_id;
};

struct HistoryEntry {
  std::int64_t at_unix_s = 0;
  std::string kind;  // "destination", "search"
  std::string text;
  std::optional<std::int64_t> place_id;
  double lat = 0, lon = 0;
};

class MemoryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Memory {
 public:
  static constexpr int kHistoryLimit = 1000;               // older entries are trimmed
  static constexpr std::size_t kMaxKeyBytes = 64;          // labels, cuisine/setting keys, kinds
  static constexpr std::size_t kMaxTextBytes = 16 * 1024;  // names, texts, setting values

  // Opens or creates the file; its parent directory must exist. ":memory:" gives a
  // private in-memory store for tests. Throws MemoryError naming the path for a file
  // that is not a database, a database of something else or of a newer version, or a
  // place that cannot be written.
  static Memory open(const std::filesystem::path& path);

  Memory(Memory&&) noexcept;
  Memory& operator=(Memory&&) noexcept;
  ~Memory();

  // Idempotent; liking a cuisine drops a dislike of it and vice versa.
  void like_cuisine(std::string_view key);
  void dislike_cuisine(std::string_view key);

  // Replaces the place stored under the same label.
  void set_saved_place(const SavedPlace& place);
  std::optional<SavedPlace> saved_place(std::string_view label) const;

  // Keys: "covered", "cheap", "underground", "free"; anything else is a MemoryError.
  void set_parking_preference(std::string_view key, bool on);

  void avoid_place(std::int64_t place_id, std::string_view name);
  bool is_avoided(std::int64_t place_id) const;
  std::vector<std::int64_t> avoided_places() const;  // ascending ids

  void set_setting(std::string_view key, std::string_view value);  // e.g. "language"
  std::optional<std::string> setting(std::string_view key) const;

  // Keeps the newest kHistoryLimit entries.
  void record(const HistoryEntry& entry);
  std::vector<HistoryEntry> recent_history(int limit) const;  // newest first

  // Cuisine likes and dislikes; "covered" or "underground" parking means covered,
  // "cheap" or "free" means prefer cheap. Weights stay at their defaults.
  places::Preferences preferences() const;

  // Everything stored, for "/state" and "what do you know about me".
  nlohmann::json summary() const;

  // Deletes every row in one transaction, then rewrites the file and empties the
  // write-ahead log, so deleted text cannot be read from either. Stays usable.
  void forget_everything();

 private:
  Memory(std::unique_ptr<map::SqliteDb> db, std::string path);

  std::unique_ptr<map::SqliteDb> db_;
  std::string path_;  // for error messages
};

}  // namespace codriver::agent
