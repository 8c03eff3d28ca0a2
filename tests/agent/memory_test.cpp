#include "agent/memory.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string>

#include "map/sqlite_db.h"

namespace codriver::agent {
namespace {

namespace fs = std::filesystem;

// A fresh directory per test, readable by everyone so a child without privileges can
// reach a subdirectory of it.
class MemoryFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "codriver_memory_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
  }
  void TearDown() override {
    std::error_code ignored;
    for (const auto& entry : fs::recursive_directory_iterator(dir_, ignored)) {
      fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add, ignored);
    }
    fs::remove_all(dir_, ignored);
  }
  fs::path db_path() const { return dir_ / "memory.db"; }
  fs::path wal_path() const { return dir_ / "memory.db-wal"; }

  fs::path dir_;
};

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool file_contains(const fs::path& path, std::string_view needle) {
  return file_bytes(path).find(needle) != std::string::npos;
}

template <typename Action>
std::string memory_error_of(Action&& action) {
  try {
    action();
  } catch (const MemoryError& error) {
    return error.what();
  }
  return "<no MemoryError>";
}

TEST(MemoryTest, CuisineLikesAndDislikesAreExclusiveAndIdempotent) {
  auto memory = Memory::open(":memory:");
  memory.like_cuisine("sichuan");
  memory.like_cuisine("sichuan");
  memory.dislike_cuisine("hunan");
  memory.dislike_cuisine("cantonese");
  memory.like_cuisine("hunan");       // drops the dislike
  memory.dislike_cuisine("sichuan");  // drops the like

  const auto preferences = memory.preferences();
  EXPECT_EQ(preferences.liked_cuisines, (std::vector<std::string>{"hunan"}));
  EXPECT_EQ(preferences.disliked_cuisines, (std::vector<std::string>{"cantonese", "sichuan"}));
  EXPECT_TRUE(preferences.liked_brands.empty());
}

TEST(MemoryTest, SavedPlaceRoundTripsAndIsReplacedByLabel) {
  auto memory = Memory::open(":memory:");
  EXPECT_FALSE(memory.saved_place("home").has_value());

  memory.set_saved_place({"home", "Lindenstraße 5", 52.5163, 13.3777, 123456789012LL});
  memory.set_saved_place({"work", "望京SOHO", 39.9962, 116.4806, std::nullopt});
  memory.set_saved_place({"home", "Neue Straße 1", 48.1374, 11.5755, std::nullopt});

  const auto home = memory.saved_place("home");
  ASSERT_TRUE(home.has_value());
  EXPECT_EQ(home->name, "Neue Straße 1");
  EXPECT_DOUBLE_EQ(home->lat, 48.1374);
  EXPECT_DOUBLE_EQ(home->lon, 11.5755);
  EXPECT_FALSE(home->place_id.has_value());

  const auto work = memory.saved_place("work");
  ASSERT_TRUE(work.has_value());
  EXPECT_EQ(work->label, "work");
  EXPECT_EQ(work->name, "望京SOHO");
  EXPECT_DOUBLE_EQ(work->lon, 116.4806);

  memory.set_saved_place({"gym", "Gym", 1, 2, 123456789012LL});
  EXPECT_EQ(memory.saved_place("gym")->place_id, std::optional<std::int64_t>(123456789012LL));
  EXPECT_FALSE(memory.saved_place("HOME").has_value());
}

TEST(MemoryTest, ParkingPreferencesShapeRankingPreferences) {
  auto memory = Memory::open(":memory:");
  EXPECT_FALSE(memory.preferences().prefer_covered_parking);
  EXPECT_FALSE(memory.preferences().prefer_cheap);

  memory.set_parking_preference("covered", true);
  EXPECT_TRUE(memory.preferences().prefer_covered_parking);
  EXPECT_FALSE(memory.preferences().prefer_cheap);

  memory.set_parking_preference("covered", false);
  EXPECT_FALSE(memory.preferences().prefer_covered_parking);
  memory.set_parking_preference("underground", true);
  EXPECT_TRUE(memory.preferences().prefer_covered_parking);

  memory.set_parking_preference("free", true);
  EXPECT_TRUE(memory.preferences().prefer_cheap);
  memory.set_parking_preference("free", false);
  memory.set_parking_preference("cheap", true);
  EXPECT_TRUE(memory.preferences().prefer_cheap);

  EXPECT_NE(memory_error_of([&] {
              memory.set_parking_preference("valet", true);
            }).find("unknown parking preference \"valet\""),
            std::string::npos);
}

TEST(MemoryTest, AvoidedPlacesAreListedOnceInIdOrder) {
  auto memory = Memory::open(":memory:");
  memory.avoid_place(42, "Bad Burger");
  memory.avoid_place(7, "Slow Garage");
  memory.avoid_place(42, "Bad Burger (renamed)");
  memory.avoid_place(-3, "");

  EXPECT_TRUE(memory.is_avoided(42));
  EXPECT_TRUE(memory.is_avoided(7));
  EXPECT_TRUE(memory.is_avoided(-3));
  EXPECT_FALSE(memory.is_avoided(8));
  EXPECT_EQ(memory.avoided_places(), (std::vector<std::int64_t>{-3, 7, 42}));
  EXPECT_EQ(memory.summary()["avoided_places"][2]["name"], "Bad Burger (renamed)");
}

TEST(MemoryTest, SettingsRoundTripAndOverwrite) {
  auto memory = Memory::open(":memory:");
  EXPECT_FALSE(memory.setting("language").has_value());
  memory.set_setting("language", "en");
  memory.set_setting("language", "zh-CN");
  memory.set_setting("voice", "");
  EXPECT_EQ(memory.setting("language"), std::optional<std::string>("zh-CN"));
  EXPECT_EQ(memory.setting("voice"), std::optional<std::string>(""));
}

TEST(MemoryTest, HistoryIsNewestFirstWithEveryField) {
  auto memory = Memory::open(":memory:");
  memory.record({1700000000, "destination", "Airport T3", 555, 40.0799, 116.6031});
  memory.record({1700000100, "search", "火锅", std::nullopt, 39.9, 116.4});
  memory.record({1700000200, "search", "", std::nullopt, 0, 0});

  const auto history = memory.recent_history(10);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].at_unix_s, 1700000200);
  EXPECT_EQ(history[0].text, "");
  EXPECT_EQ(history[1].kind, "search");
  EXPECT_EQ(history[1].text, "火锅");
  EXPECT_FALSE(history[1].place_id.has_value());
  EXPECT_EQ(history[2].kind, "destination");
  EXPECT_EQ(history[2].place_id, std::optional<std::int64_t>(555));
  EXPECT_DOUBLE_EQ(history[2].lat, 40.0799);
  EXPECT_DOUBLE_EQ(history[2].lon, 116.6031);

  EXPECT_EQ(memory.recent_history(2).size(), 2u);
  EXPECT_EQ(memory.recent_history(2)[1].text, "火锅");
  EXPECT_TRUE(memory.recent_history(0).empty());
  EXPECT_TRUE(memory.recent_history(-5).empty());
}

TEST(MemoryTest, HistoryKeepsTheNewestThousand) {
  auto memory = Memory::open(":memory:");
  for (int i = 0; i < Memory::kHistoryLimit + 5; ++i) {
    memory.record({i, "search", "query " + std::to_string(i), std::nullopt, 0, 0});
  }
  const auto history = memory.recent_history(5000);
  ASSERT_EQ(history.size(), 1000u);
  EXPECT_EQ(history.front().text, "query 1004");
  EXPECT_EQ(history.back().text, "query 5");
  EXPECT_EQ(memory.summary()["history"].size(), 1000u);
}

TEST(MemoryTest, HostileTextIsStoredVerbatimNeverExecuted) {
  auto memory = Memory::open(":memory:");
  const std::string injection = "'; DROP TABLE saved_places; --";
  const std::string quotes = R"(Joe's "Best" \ Diner `x`)";
  const std::string long_name(10 * 1024, 'x');
  std::string control_junk;  // valid UTF-8, but every byte from 0x01 to 0x7F
  for (int byte = 1; byte < 0x80; ++byte)
    control_junk.push_back(static_cast<char>(byte));

  memory.set_saved_place({"home", injection, 1, 2, std::nullopt});
  memory.set_saved_place({injection, quotes, 3, 4, std::nullopt});
  memory.set_saved_place({"long", long_name, 5, 6, std::nullopt});
  memory.set_saved_place({"junk", control_junk, 7, 8, std::nullopt});
  memory.set_setting(injection, quotes);
  memory.set_setting("note", long_name);
  memory.like_cuisine(injection);
  memory.avoid_place(1, control_junk);
  memory.record({1, injection, quotes, std::nullopt, 0, 0});

  EXPECT_EQ(memory.saved_place("home")->name, injection);
  EXPECT_EQ(memory.saved_place(injection)->name, quotes);
  EXPECT_EQ(memory.saved_place("long")->name, long_name);
  EXPECT_EQ(memory.saved_place("junk")->name, control_junk);
  EXPECT_EQ(memory.setting(injection), std::optional<std::string>(quotes));
  EXPECT_EQ(memory.setting("note")->size(), 10u * 1024u);
  EXPECT_EQ(memory.preferences().liked_cuisines, (std::vector<std::string>{injection}));
  EXPECT_EQ(memory.summary()["avoided_places"][0]["name"], control_junk);
  EXPECT_EQ(memory.recent_history(1)[0].kind, injection);
  EXPECT_EQ(memory.recent_history(1)[0].text, quotes);
  EXPECT_FALSE(memory.summary().dump().empty());
}

TEST(MemoryTest, TextThatCannotBeStoredFaithfullyIsRejected) {
  auto memory = Memory::open(":memory:");
  const std::string invalid_utf8 = "caf\xC3 \xFF\xFE\x80 bytes";
  const std::string with_nul("a\0b", 3);
  const std::string too_long(Memory::kMaxTextBytes + 1, 'y');

  EXPECT_NE(memory_error_of([&] {
              memory.set_saved_place({"home", invalid_utf8, 1, 2, {}});
            }).find("not valid UTF-8"),
            std::string::npos);
  EXPECT_NE(memory_error_of([&] { memory.avoid_place(1, with_nul); }).find("NUL"),
            std::string::npos);
  EXPECT_NE(memory_error_of([&] { memory.set_setting("note", too_long); }).find("at most 16384"),
            std::string::npos);
  EXPECT_NE(memory_error_of([&] { memory.like_cuisine(""); }).find("must not be empty"),
            std::string::npos);
  EXPECT_NE(memory_error_of([&] { memory.like_cuisine(std::string(65, 'k')); }).find("at most 64"),
            std::string::npos);
  EXPECT_NE(memory_error_of([&] {
              memory.set_saved_place({"x", "x", NAN, 2, {}});
            }).find("outside the earth"),
            std::string::npos);
  EXPECT_NE(memory_error_of([&] {
              memory.record({1, "search", "q", {}, 91, 0});
            }).find("outside the earth"),
            std::string::npos);
  EXPECT_NE(memory_error_of([&] {
              memory.record({1, "", "q", {}, 0, 0});
            }).find("history kind"),
            std::string::npos);

  const auto summary = memory.summary();
  EXPECT_TRUE(summary["saved_places"].empty());
  EXPECT_TRUE(summary["avoided_places"].empty());
  EXPECT_TRUE(summary["settings"].empty());
  EXPECT_TRUE(summary["history"].empty());
}

TEST(MemoryTest, SummaryHoldsEverythingStored) {
  auto memory = Memory::open(":memory:");
  memory.like_cuisine("sichuan");
  memory.dislike_cuisine("fast_food");
  memory.set_saved_place({"home", "Home Street 1", 31.23, 121.47, 99});
  memory.set_parking_preference("covered", true);
  memory.set_parking_preference("cheap", false);
  memory.avoid_place(5, "Noisy Bar");
  memory.set_setting("language", "zh-CN");
  memory.record({1700000000, "destination", "Home Street 1", 99, 31.23, 121.47});

  const nlohmann::json expected = nlohmann::json::parse(R"({
    "cuisines": {"liked": ["sichuan"], "disliked": ["fast_food"]},
    "saved_places": [{"label": "home", "name": "Home Street 1", "lat": 31.23, "lon": 121.47,
                      "place_id": 99}],
    "parking": {"cheap": false, "covered": true},
    "avoided_places": [{"place_id": 5, "name": "Noisy Bar"}],
    "settings": {"language": "zh-CN"},
    "history": [{"at_unix_s": 1700000000, "kind": "destination", "text": "Home Street 1",
                 "place_id": 99, "lat": 31.23, "lon": 121.47}]
  })");
  EXPECT_EQ(memory.summary(), expected);
}

TEST_F(MemoryFileTest, EverythingSurvivesReopening) {
  {
    auto memory = Memory::open(db_path());
    memory.like_cuisine("yunnan");
    memory.set_saved_place({"work", "Office", 22.54, 114.06, 17});
    memory.set_parking_preference("underground", true);
    memory.avoid_place(9, "Toll Plaza Cafe");
    memory.set_setting("language", "en");
    memory.record({1700000000, "search", "charging station", std::nullopt, 22.5, 114.0});
  }
  auto memory = Memory::open(db_path());
  EXPECT_EQ(memory.preferences().liked_cuisines, (std::vector<std::string>{"yunnan"}));
  EXPECT_TRUE(memory.preferences().prefer_covered_parking);
  EXPECT_EQ(memory.saved_place("work")->place_id, std::optional<std::int64_t>(17));
  EXPECT_TRUE(memory.is_avoided(9));
  EXPECT_EQ(memory.setting("language"), std::optional<std::string>("en"));
  ASSERT_EQ(memory.recent_history(5).size(), 1u);
  EXPECT_EQ(memory.recent_history(5)[0].text, "charging station");

  map::SqliteDb raw(db_path(), map::SqliteDb::Mode::kReadOnly);
  auto journal = raw.prepare("PRAGMA journal_mode");
  ASSERT_TRUE(journal.step());
  EXPECT_EQ(journal.column_text(0), "wal");
}

TEST_F(MemoryFileTest, ForgetEverythingLeavesNoTraceInTheFileOrItsLog) {
  const std::string secret = "ZZ-home-street-42";
  const auto remember_secret = [&](Memory& memory, int first_entry) {
    memory.set_saved_place({"home", secret, 30.1, 120.2, 1});
    memory.set_setting("address", secret);
    memory.avoid_place(first_entry, secret);
    // Enough history to fill many pages, so deleting it frees pages, not just cells.
    const std::string padding(300, '.');
    for (int i = first_entry; i < first_entry + 60; ++i) {
      memory.record({i, "destination", secret + padding + std::to_string(i), 1, 30.1, 120.2});
    }
  };
  {
    auto memory = Memory::open(db_path());
    remember_secret(memory, 0);
  }  // closing checkpoints: the secret is in the database file now
  auto memory = Memory::open(db_path());
  remember_secret(memory, 1000);  // and in the log
  memory.like_cuisine("sichuan");
  memory.set_parking_preference("cheap", true);
  // The checks below must be able to fail: the secret is on disk in both files now.
  ASSERT_TRUE(file_contains(db_path(), secret));
  ASSERT_TRUE(file_contains(wal_path(), secret));

  memory.forget_everything();

  EXPECT_FALSE(file_contains(db_path(), secret));
  EXPECT_FALSE(file_contains(wal_path(), secret));
  EXPECT_EQ(fs::file_size(wal_path()), 0u);
  EXPECT_FALSE(memory.saved_place("home").has_value());
  EXPECT_TRUE(memory.recent_history(10).empty());

  memory.set_setting("language", "en");  // still usable
  EXPECT_EQ(memory.setting("language"), std::optional<std::string>("en"));
  memory.forget_everything();
  memory = Memory::open(":memory:");  // closes the file

  EXPECT_FALSE(file_contains(db_path(), secret));
  auto reopened = Memory::open(db_path());
  const nlohmann::json empty = nlohmann::json::parse(R"({
    "cuisines": {"liked": [], "disliked": []}, "saved_places": [], "parking": {},
    "avoided_places": [], "settings": {}, "history": []})");
  EXPECT_EQ(reopened.summary(), empty);
  EXPECT_FALSE(reopened.preferences().prefer_cheap);
}

bool read_full(int fd, void* buffer, std::size_t size) {
  auto* bytes = static_cast<char*>(buffer);
  while (size > 0) {
    const ssize_t got = read(fd, bytes, size);
    if (got <= 0) return false;
    bytes += got;
    size -= static_cast<std::size_t>(got);
  }
  return true;
}

// Runs in the forked child: records as fast as it can and reports each sequence number
// on the pipe only after its transaction committed. Never returns.
[[noreturn]] void record_until_killed(const fs::path& path, int round, int ack_fd) {
  try {
    auto memory = Memory::open(path);
    for (std::int64_t seq = 0;; ++seq) {
      memory.record({round * 1000000LL + seq, "search",
                     "round-" + std::to_string(round) + "-seq-" + std::to_string(seq), std::nullopt,
                     0, 0});
      if (write(ack_fd, &seq, sizeof seq) != static_cast<ssize_t>(sizeof seq)) _exit(3);
    }
  } catch (...) {
    _exit(2);
  }
}

TEST_F(MemoryFileTest, KilledWriterLosesNothingAcknowledged) {
  int round = 0;
  for (const int kill_after : {150, 333, 517, 702}) {
    ++round;
    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    const auto started = std::chrono::steady_clock::now();
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(pipe_fds[0]);
      record_until_killed(db_path(), round, pipe_fds[1]);
    }
    close(pipe_fds[1]);

    std::set<std::int64_t> acknowledged;
    std::int64_t seq = 0;
    while (static_cast<int>(acknowledged.size()) < kill_after &&
           read_full(pipe_fds[0], &seq, sizeof seq)) {
      acknowledged.insert(seq);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    // Whatever the child acknowledged before it died counts too.
    while (read_full(pipe_fds[0], &seq, sizeof seq))
      acknowledged.insert(seq);
    close(pipe_fds[0]);
    ASSERT_GE(static_cast<int>(acknowledged.size()), kill_after)
        << "the writer stopped on its own, status " << status;
    ASSERT_TRUE(WIFSIGNALED(status));
    std::cout << "round " << round << ": " << kill_after << " commits in " << seconds << " s ("
              << kill_after / seconds << " commits/s)\n";

    {
      map::SqliteDb raw(db_path(), map::SqliteDb::Mode::kCreate);
      auto check = raw.prepare("PRAGMA integrity_check");
      ASSERT_TRUE(check.step());
      EXPECT_EQ(check.column_text(0), "ok");
    }
    auto memory = Memory::open(db_path());
    std::set<std::int64_t> stored;
    const std::string prefix = "round-" + std::to_string(round) + "-seq-";
    for (const auto& entry : memory.recent_history(Memory::kHistoryLimit)) {
      if (entry.text.rfind(prefix, 0) != 0) continue;
      const std::int64_t stored_seq = std::stoll(entry.text.substr(prefix.size()));
      EXPECT_EQ(entry.at_unix_s, round * 1000000LL + stored_seq);
      stored.insert(stored_seq);
    }
    for (const std::int64_t acked : acknowledged) {
      EXPECT_TRUE(stored.count(acked)) << "round " << round << " lost acknowledged write " << acked;
    }
    // At most the one write that committed but was not yet acknowledged is extra.
    ASSERT_FALSE(stored.empty());
    EXPECT_LE(*stored.rbegin(), *acknowledged.rbegin() + 1);
    EXPECT_EQ(static_cast<std::int64_t>(stored.size()), *stored.rbegin() + 1);  // no gaps
  }
}

TEST_F(MemoryFileTest, AFileThatIsNotADatabaseIsRefusedUntouched) {
  const fs::path notes = dir_ / "notes.txt";
  std::string text;
  for (int i = 0; i < 40; ++i)
    text += "shopping list: rice, tea, batteries\n";
  std::ofstream(notes, std::ios::binary) << text;

  const std::string message = memory_error_of([&] { Memory::open(notes); });
  EXPECT_NE(message.find(notes.string()), std::string::npos) << message;
  EXPECT_NE(message.find("not a SQLite database"), std::string::npos) << message;
  EXPECT_EQ(file_bytes(notes), text);
}

TEST_F(MemoryFileTest, AnotherProgramsDatabaseIsRefused) {
  {
    map::SqliteDb other(db_path(), map::SqliteDb::Mode::kCreate);
    other.exec("CREATE TABLE contacts (name TEXT)");
  }
  const std::string message = memory_error_of([&] { Memory::open(db_path()); });
  EXPECT_NE(message.find(db_path().string()), std::string::npos) << message;
  EXPECT_NE(message.find("another program"), std::string::npos) << message;
}

TEST_F(MemoryFileTest, ANewerSchemaIsRefused) {
  Memory::open(db_path()).like_cuisine("sichuan");
  {
    map::SqliteDb raw(db_path(), map::SqliteDb::Mode::kCreate);
    raw.exec("PRAGMA user_version = 7");
  }
  const std::string message = memory_error_of([&] { Memory::open(db_path()); });
  EXPECT_NE(message.find("schema version 7"), std::string::npos) << message;
  EXPECT_NE(message.find(db_path().string()), std::string::npos) << message;
}

TEST_F(MemoryFileTest, AMissingDirectoryIsRefused) {
  const fs::path path = dir_ / "no_such_dir" / "memory.db";
  const std::string message = memory_error_of([&] { Memory::open(path); });
  EXPECT_NE(message.find("does not exist"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(path.parent_path()));
}

// Outcome of opening a memory in a read-only directory, as a child's exit status.
enum ReadOnlyOutcome { kRefusedNamingPath = 0, kOpened = 10, kOtherError = 11, kNoPrivilegeDrop };

[[noreturn]] void open_in_read_only_dir(const fs::path& path) {
  // root writes anywhere; drop to "nobody" so the permissions mean something.
  if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(kNoPrivilegeDrop);
  try {
    Memory::open(path);
    _exit(kOpened);
  } catch (const MemoryError& error) {
    _exit(std::string(error.what()).find(path.string()) != std::string::npos ? kRefusedNamingPath
                                                                             : kOtherError);
  } catch (...) {
    _exit(kOtherError);
  }
}

TEST_F(MemoryFileTest, AReadOnlyDirectoryIsRefused) {
  const fs::path locked = dir_ / "locked";
  fs::create_directory(locked);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read |
                              fs::perms::others_exec);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) open_in_read_only_dir(locked / "memory.db");
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), kRefusedNamingPath);
  EXPECT_FALSE(fs::exists(locked / "memory.db"));
}

}  // namespace
}  // namespace codriver::agent
