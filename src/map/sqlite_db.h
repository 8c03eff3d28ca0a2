#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

// A thin RAII layer over SQLite: errors become exceptions carrying SQLite's message.
namespace codriver::map {

class SqliteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SqliteStatement;

class SqliteDb {
 public:
  enum class Mode { kReadOnly, kCreate };
  SqliteDb(const std::filesystem::path& path, Mode mode);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  void exec(std::string_view sql);
  SqliteStatement prepare(std::string_view sql);
  sqlite3* handle() const { return db_; }
  std::int64_t last_insert_rowid() const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Parameters are 1-based like SQLite's. Empty strings and nullopt bind NULL.
  SqliteStatement& bind(int index, std::string_view text);
  SqliteStatement& bind(int index, std::int64_t value);
  SqliteStatement& bind(int index, double value);
  SqliteStatement& bind(int index, std::optional<double> value);
  SqliteStatement& bind(int index, std::optional<int> value);
  SqliteStatement& bind(int index, std::optional<bool> value);
  SqliteStatement& bind_null(int index);

  // True while a row is available.
  bool step();
  // Runs to completion and resets for the next binding.
  void run();
  void reset();

  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  bool column_is_null(int index) const;

 private:
  void check(int code, const char* what) const;

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace codriver::map
