// Our parser on opening_hours values from real OSM data:
// - shared/data/opening_hours/osm_real_opening_hours.tsv (73 values from several
//   extracts, messy ones included), each with the outcome we decided on;
// - every place the bundle importer finds in the extracts under shared/data/osm
//   (what codriver actually stores in places.sqlite and evaluates).
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "map/osm_importer.h"
#include "opening_hours_helpers.h"
#include "places/opening_hours.h"
#include "support/test_support.h"

namespace codriver::places {
namespace {

using testing::at;
using testing::hours;

// The real values we refuse, and why: each needs a guess.
const std::set<std::string> kRefusedRealValues = {
    "Open Daily from 11 to 7 (closed Tuesday)",           // free text
    "Weekdays 7-3, Saturdays 7-6, Sundays 7-4",           // free text, 12-hour clock
    "8-6:30",                                             // 08:00-06:30 or 8 am-6:30 pm?
    "Mon-Tue Closed; Wed-Thurs, Sun 11-8; Fri-Sat 11-9",  // "11-8": 12-hour clock
    "Mo-Fr 05:30-22:30; Sa-Su, PH 06:00-:22:30",          // typo ":22:30"
};

struct TsvRow {
  std::string source;
  std::string osm_id;
  std::string value;
};

std::vector<TsvRow> load_tsv() {
  std::istringstream tsv(codriver::testing::read_file(
      codriver::testing::shared_data("opening_hours/osm_real_opening_hours.tsv")));
  std::vector<TsvRow> rows;
  std::string line;
  while (std::getline(tsv, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::istringstream split(line);
    for (std::string field; std::getline(split, field, '\t');)
      fields.push_back(field);
    if (fields.size() == 5) rows.push_back({fields[0], fields[1], fields[4]});
  }
  return rows;
}

TEST(OpeningHoursRealDataTest, EveryTsvValueHasTheDecidedOutcome) {
  const std::vector<TsvRow> rows = load_tsv();
  ASSERT_EQ(rows.size(), 73u);
  int parsed = 0;
  for (const TsvRow& row : rows) {
    const ParseResult result = OpeningHours::parse(row.value);
    const bool refuse = kRefusedRealValues.contains(row.value);
    EXPECT_EQ(result.ok(), !refuse) << row.osm_id << " \"" << row.value << "\""
                                    << (result ? "" : ": " + result.error().message);
    if (result) ++parsed;
  }
  std::cout << "[ real data ] parsed " << parsed << " of " << rows.size()
            << " values in osm_real_opening_hours.tsv\n";
  RecordProperty("tsv_values", static_cast<int>(rows.size()));
  RecordProperty("tsv_parsed", parsed);
}

TEST(OpeningHoursRealDataTest, RealValuesEvaluateAsTheyRead) {
  // Lavo, Singapore: every night until 02:00.
  EXPECT_EQ(hours("Mo-Su 17:00-02:00").is_open(at(2025, 11, 25, 1, 30)), true);
  // Fat Cat, New York: Friday to Sunday from midnight, Monday to Thursday from 14:00.
  const OpeningHours fat_cat = hours("Mo-Th 14:00-05:00; Fr-Su 00:00-05:00");
  EXPECT_EQ(fat_cat.is_open(at(2025, 11, 28, 3, 0)), true);    // Fri, Thursday night
  EXPECT_EQ(fat_cat.is_open(at(2025, 11, 29, 12, 0)), false);  // Sat noon
  EXPECT_EQ(fat_cat.next_change(at(2025, 11, 30, 6, 0)), at(2025, 12, 1, 14, 0));
  // El Rodeo, Harrisburg: am/pm on both ends of each range.
  const OpeningHours el_rodeo = hours(
      "Mon - Thur, 11:00 AM - 10:00 PM; Fri - Sat, 11:00 AM - 10:30 PM; Sun, 11:00 AM - 9:00 PM");
  EXPECT_EQ(el_rodeo.is_open(at(2025, 11, 29, 22, 15)), true);   // Sat
  EXPECT_EQ(el_rodeo.is_open(at(2025, 11, 30, 21, 15)), false);  // Sun
  // DAISO, Taipei: "PH,Mo-Su" opens every day whatever the holidays.
  EXPECT_EQ(hours("PH,Mo-Su 09:30-23:30").is_open(at(2025, 10, 1, 10, 0)), true);
  // PSB Academy, Singapore: public holidays unknown without Singapore's calendar.
  const OpeningHours academy = hours("Mo-Fr 08:30-22:00; Sa-Su 09:00-18:00; PH closed");
  EXPECT_EQ(academy.is_open(at(2025, 11, 24, 12, 0)), std::nullopt);
  EXPECT_EQ(academy.is_open(at(2025, 11, 24, 23, 0)), false);
}

// Every opening_hours value of every place the importer keeps, per extract.
std::map<std::string, std::vector<std::string>> imported_values() {
  std::map<std::string, std::vector<std::string>> values;
  const std::filesystem::path directory = codriver::testing::shared_data("osm");
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    const std::string name = entry.path().filename().string();
    std::vector<std::string>& file_values = values[name];
    map::import_osm(entry.path(), [&](const map::Place& place) {
      if (!place.opening_hours.empty()) file_values.push_back(place.opening_hours);
    });
  }
  return values;
}

TEST(OpeningHoursRealDataTest, EveryImportedPlace) {
  int total = 0;
  int parsed = 0;
  for (const auto& [file, values] : imported_values()) {
    int file_parsed = 0;
    for (const std::string& value : values) {
      const ParseResult result = OpeningHours::parse(value);
      EXPECT_EQ(result.ok(), !kRefusedRealValues.contains(value))
          << file << ": \"" << value << "\"";
      if (result) ++file_parsed;
    }
    std::cout << "[ real data ] " << file << ": parsed " << file_parsed << " of " << values.size()
              << " imported places' opening_hours\n";
    total += static_cast<int>(values.size());
    parsed += file_parsed;
  }
  std::cout << "[ real data ] all extracts: parsed " << parsed << " of " << total << "\n";
  RecordProperty("imported_values", total);
  RecordProperty("imported_parsed", parsed);
  EXPECT_GE(total, 28);
}

}  // namespace
}  // namespace codriver::places
