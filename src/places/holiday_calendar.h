#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "places/civil_date.h"

// The dates behind opening_hours' `PH` (public holiday) and `SH` (school holiday).
//
// A calendar knows a holiday kind year by year: for a year it was given, every
// day is definitely a holiday or definitely not; for any other year the answer is
// "not known", and the evaluator then reports `unknown` rather than guess. Holidays
// are regional, so callers pick (or build) the calendar for the place's region.
namespace codriver::places {

enum class HolidayKind : std::uint8_t { kPublic, kSchool };

struct Holiday {
  CivilDate date;
  std::string name;  // as people there call it, e.g. "春节"
};

struct HolidayAnswer {
  std::optional<bool> is_holiday;  // nullopt: the calendar does not cover that year
  std::string_view name;           // the holiday's name when is_holiday is true
};

class HolidayCalendar {
 public:
  // A calendar that covers no year at all: every PH/SH question is answered "not known".
  HolidayCalendar() = default;

  // The empty calendar, as a shared instance (the evaluator's default).
  static const HolidayCalendar& none();

  // Mainland China's public holidays for 2024, 2025 and 2026, as announced by the
  // State Council General Office (国务院办公厅关于20xx年部分节假日安排的通知, issued
  // 2023-10-25, 2024-11-12 and 2025-11-04). `PH` covers every day of each announced
  // break (放假调休), weekends folded into the break included, because that is when
  // people are off. School holidays are not covered (they differ by province).
  //
  // 调休: the announcements also move working days onto weekends (e.g. Sunday
  // 2024-02-04). Those are recorded as make-up working days, but the evaluator does
  // not turn such a Sunday into a weekday: OSM hours say what a place does on a
  // "Su", and a shop open "Mo-Fr" does not usually open on a 调休 Sunday. Callers
  // that care (offices, banks) can ask is_makeup_workday().
  static const HolidayCalendar& china();

  // Declares the complete list of `kind` holidays for `year`: afterwards each day
  // of that year is a holiday exactly when it is listed. Replaces an earlier list
  // for the same year. Dates outside `year` or invalid dates are ignored.
  void set_year(HolidayKind kind, int year, const std::vector<Holiday>& holidays);

  // A weekend day that is a working day by decree (China's 调休).
  void add_makeup_workday(CivilDate date);
  bool is_makeup_workday(CivilDate date) const;

  HolidayAnswer lookup(HolidayKind kind, CivilDate date) const;
  bool covers(HolidayKind kind, int year) const;

 private:
  std::set<std::pair<HolidayKind, int>> covered_years_;
  std::map<std::pair<HolidayKind, int>, std::string> names_by_day_;  // (kind, day number)
  std::set<int> makeup_workdays_;                                    // day numbers
};

}  // namespace codriver::places
