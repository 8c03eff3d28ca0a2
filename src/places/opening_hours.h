#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "places/holiday_calendar.h"
#include "places/opening_hours_rules.h"
#include "routing/instructions.h"

// OSM opening_hours: parse a value once, then ask whether the place is open at a
// given local time, when that next changes, and for a one-line summary.
//
//   const auto parsed = OpeningHours::parse("Mo-Fr 08:00-18:00; PH off");
//   if (!parsed) { log(parsed.error().message); ... treat as unknown ... }
//   parsed->is_open({2025, 10, 1, 12, 0}, HolidayCalendar::china());   // false: 国庆节
//
// What is accepted (the specification plus a few unambiguous sloppy forms) and what
// is refused is described in opening_hours_parser.cpp. Anything refused is a
// ParseError, never a guess; callers show such a place's hours as unknown.
namespace codriver::places {

// A civil date and time in the place's own local time. There are no time zones
// inside the evaluator: the caller converts "now" into the place's local time.
struct LocalDateTime {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  int hour = 0;   // 0..23
  int minute = 0;

  friend auto operator<=>(const LocalDateTime&, const LocalDateTime&) = default;
};

bool is_valid(const LocalDateTime& time);  // a real date (years 1000..9999), 00:00..23:59

enum class OpeningState : std::uint8_t { kOpen, kClosed, kUnknown };

struct StateAt {
  OpeningState state = OpeningState::kUnknown;
  // The rule's comment ("by appointment"), else the name of the public holiday that
  // made the rule apply, else why the state is unknown when we can say, else empty.
  std::string comment;
};

// One language type for every bilingual answer (shared with routing's instructions).
using routing::Language;

struct ParseError {
  std::string message;
  std::size_t offset = 0;  // byte offset into the value where the problem is
};

class ParseResult;

class OpeningHours {
 public:
  // Never throws for bad input: an unparseable value is a ParseResult holding an error.
  static ParseResult parse(std::string_view value);

  // `holidays` answers PH/SH; with the default empty calendar a rule that depends
  // on a public holiday makes the affected times unknown.
  StateAt state_at(const LocalDateTime& time,
                   const HolidayCalendar& holidays = HolidayCalendar::none()) const;
  // nullopt when the state is unknown (or `time` is invalid).
  std::optional<bool> is_open(const LocalDateTime& time,
                              const HolidayCalendar& holidays = HolidayCalendar::none()) const;
  // The first minute after `time` at which the state (open/closed/unknown) differs
  // from the state at `time`. Searches kNextChangeHorizonDays ahead; nullopt when the
  // state does not change in that time (e.g. "24/7") or `time` is invalid.
  std::optional<LocalDateTime> next_change(
      const LocalDateTime& time, const HolidayCalendar& holidays = HolidayCalendar::none()) const;

  // One line for people, rule by rule:
  //   "Mon–Fri 08:00–18:00; Sat 10:00–14:00; closed on public holidays"
  //   "周一至周五 08:00–18:00；周六 10:00–14:00；法定节假日休息"
  std::string summary(Language language) const;

  const std::vector<hours::Rule>& rules() const { return rules_; }

  static constexpr int kNextChangeHorizonDays = 400;

 private:
  friend class ParseResult;
  explicit OpeningHours(std::vector<hours::Rule> rules) : rules_(std::move(rules)) {}

  std::vector<hours::Rule> rules_;
};

// Either the parsed hours or the reason they could not be parsed.
class ParseResult {
 public:
  static ParseResult success(std::vector<hours::Rule> rules) {
    return ParseResult(OpeningHours(std::move(rules)));
  }
  static ParseResult failure(ParseError error) { return ParseResult(std::move(error)); }

  bool ok() const { return hours_.has_value(); }
  explicit operator bool() const { return ok(); }

  // Preconditions: ok() for value(), !ok() for error().
  const OpeningHours& value() const { return *hours_; }
  const OpeningHours& operator*() const { return *hours_; }
  const OpeningHours* operator->() const { return &*hours_; }
  const ParseError& error() const { return error_; }

 private:
  explicit ParseResult(OpeningHours hours) : hours_(std::move(hours)) {}
  explicit ParseResult(ParseError error) : error_(std::move(error)) {}

  std::optional<OpeningHours> hours_;
  ParseError error_;
};

}  // namespace codriver::places
