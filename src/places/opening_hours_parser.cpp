// OpeningHours::parse: a recursive-descent parser for the OSM opening_hours syntax,
// https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification
//
// Accepted, as the specification has it: 24/7; years and year ranges with steps
// and "+"; months, month ranges, dates and date ranges ("Dec 24-26", "Nov 01-Dec 15",
// "Jan 01-31/8", "Sep 15+", "easter -2 days"), also with years; ISO week numbers;
// weekdays, ranges, lists, "Su[-1]", "Mo[1,3]", "Sa[1] +2 days"; PH and SH (with
// "+1 day"/"-1 day"); time ranges and lists, past midnight up to 48:00, open ends
// ("10:00+", "13:00-17:00+"); open/closed/off/unknown with comments; ";", "," and
// "||" between rules.
//
// Accepted sloppy forms, because each has exactly one reading: any case ("mo-fr",
// "OFF"); missing, extra or odd spacing; fullwidth characters and Unicode dashes;
// "~" and "to"/"till"/"until"/"through" as range dashes; one-digit hours ("8:30");
// hours without minutes in a range ("Mo-Fr 8-18"); "10.00" for 10:00; am/pm on both
// ends of a range ("11:00 AM - 10:00 PM", "10am-12pm"); English weekday and month
// names and abbreviations (Mon, Tues, Thurs, Monday, Sept, January) and the German
// two-letter weekdays (Di, Mi, Do, So); a ':' or ',' between the weekdays and the
// times ("Mo: 10:00-12:00", "Mon - Thur, 11:00 AM - 10:00 PM"); time spans separated
// by spaces only ("12:00-14:00 16:00-18:00"); "24/7" as the times of a rule
// ("Mo,We 24/7" = "Mo,We 00:00-24:00"); empty rules and trailing separators.
//
// Refused with a message, because they need a guess: a range that ends before it
// starts written without minutes or with one-digit hours and a start at or before
// 12:00 ("8-6:30", "11-8", "9:00-6:00": a 12-hour clock without am/pm?); am/pm on
// one end only ("4-10 pm"); one-letter weekdays ("F-Sa"); free text outside quotes
// ("daily", "Weekdays", "closed Tuesday"). Refused because we cannot evaluate them:
// sunrise/sunset/dawn/dusk, points in time and "/" periods (collection_times
// syntax), weekday-relative dates ("Mar Su[-1]-Oct Su[-1]", "Dec 25-Su-28 days").
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "places/civil_date.h"
#include "places/opening_hours.h"
#include "places/opening_hours_lexer.h"

namespace codriver::places {

namespace hours {

namespace {

// Thrown inside the parser only; parse() turns it into a ParseError.
struct SyntaxError {
  std::string message;
  std::size_t offset = 0;
};

constexpr int kMaxDateOffsetDays = 200;
constexpr int kMaxHolidayOffsetDays = 1;
constexpr int kMaxDayStep = 366;
constexpr int kMaxYearStep = 1000;
constexpr int kMaxWeekNumber = 53;
constexpr int kMaxNth = 5;

struct NamedNumber {
  std::string_view name;
  int value;
};

// Weekdays are 0 = Monday ... 6 = Sunday.
constexpr std::array kWeekdayNames = {
    NamedNumber{"mo", 0},
    NamedNumber{"tu", 1},
    NamedNumber{"we", 2},
    NamedNumber{"th", 3},
    NamedNumber{"fr", 4},
    NamedNumber{"sa", 5},
    NamedNumber{"su", 6},
    NamedNumber{"mon", 0},
    NamedNumber{"tue", 1},
    NamedNumber{"tues", 1},
    NamedNumber{"wed", 2},
    NamedNumber{"thu", 3},
    NamedNumber{"thur", 3},
    NamedNumber{"thurs", 3},
    NamedNumber{"fri", 4},
    NamedNumber{"sat", 5},
    NamedNumber{"sun", 6},
    NamedNumber{"monday", 0},
    NamedNumber{"tuesday", 1},
    NamedNumber{"wednesday", 2},
    NamedNumber{"thursday", 3},
    NamedNumber{"friday", 4},
    NamedNumber{"saturday", 5},
    NamedNumber{"sunday", 6},
    // German two-letter abbreviations, common in OSM (Mo, Fr and Sa are shared).
    NamedNumber{"di", 1},
    NamedNumber{"mi", 2},
    NamedNumber{"do", 3},
    NamedNumber{"so", 6},
};

constexpr std::array kMonthNames = {
    NamedNumber{"jan", 1},      NamedNumber{"feb", 2},       NamedNumber{"mar", 3},
    NamedNumber{"apr", 4},      NamedNumber{"may", 5},       NamedNumber{"jun", 6},
    NamedNumber{"jul", 7},      NamedNumber{"aug", 8},       NamedNumber{"sep", 9},
    NamedNumber{"oct", 10},     NamedNumber{"nov", 11},      NamedNumber{"dec", 12},
    NamedNumber{"january", 1},  NamedNumber{"february", 2},  NamedNumber{"march", 3},
    NamedNumber{"april", 4},    NamedNumber{"june", 6},      NamedNumber{"july", 7},
    NamedNumber{"august", 8},   NamedNumber{"sept", 9},      NamedNumber{"september", 9},
    NamedNumber{"october", 10}, NamedNumber{"november", 11}, NamedNumber{"december", 12},
};

// Words that mean '-' between two times or two weekdays.
constexpr std::array<std::string_view, 6> kRangeWords = {"to",    "till", "til",
                                                         "until", "thru", "through"};
constexpr std::array<std::string_view, 4> kVariableTimes = {"sunrise", "sunset", "dawn", "dusk"};

template <std::size_t N>
std::optional<int> lookup(const std::array<NamedNumber, N>& names, std::string_view word) {
  for (const NamedNumber& entry : names) {
    if (entry.name == word) return entry.value;
  }
  return std::nullopt;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

enum class Meridiem : std::uint8_t { kNone, kAm, kPm };

// A time of day as written, before it becomes part of a span.
struct Clock {
  int minutes = 0;
  bool sloppy = false;  // one-digit hour, no minutes, or '.' as separator
  Meridiem meridiem = Meridiem::kNone;
  std::size_t offset = 0;
};

// A date that starts a monthday range, and whether it named a day ("Dec 24") or
// only a month ("Dec").
struct DateStart {
  DateSpec spec;
  bool has_day = false;
};

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  std::vector<Rule> parse_value() {
    std::vector<Rule> rules;
    RuleSeparator separator = RuleSeparator::kNormal;
    while (true) {
      if (at_rule_separator() || at(TokenKind::kEnd)) {
        check_empty_rule_allowed(separator);
      } else {
        if (rules.empty() && separator != RuleSeparator::kNormal) {
          fail("a ',' or '||' needs a rule before it", peek());
        }
        rules.push_back(parse_rule(separator));
      }
      if (at(TokenKind::kEnd)) break;
      separator = parse_rule_separator();
    }
    if (rules.empty()) fail("the value is empty", peek());
    return rules;
  }

 private:
  // ---- tokens ----

  const Token& peek(std::size_t ahead = 0) const {
    return tokens_[std::min(index_ + ahead, tokens_.size() - 1)];
  }
  const Token& advance() {
    const Token& token = peek();
    if (index_ + 1 < tokens_.size()) ++index_;
    return token;
  }
  bool at(TokenKind kind, std::size_t ahead = 0) const { return peek(ahead).kind == kind; }
  bool at_word(std::string_view word, std::size_t ahead = 0) const {
    return at(TokenKind::kWord, ahead) && peek(ahead).text == word;
  }
  void skip(std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      advance();
    }
  }
  bool accept(TokenKind kind) {
    if (!at(kind)) return false;
    advance();
    return true;
  }
  const Token& expect(TokenKind kind, std::string_view what) {
    if (!at(kind)) fail("expected " + std::string(what) + ", found " + describe(peek()), peek());
    return advance();
  }
  [[noreturn]] void fail(std::string message, const Token& where) const {
    throw SyntaxError{std::move(message), where.offset};
  }

  // ---- what comes next ----

  bool at_rule_separator() const {
    return at(TokenKind::kSemicolon) || at(TokenKind::kComma) || at(TokenKind::kFallback);
  }
  bool at_weekday(std::size_t ahead = 0) const {
    return at(TokenKind::kWord, ahead) && lookup(kWeekdayNames, peek(ahead).text).has_value();
  }
  bool at_holiday(std::size_t ahead = 0) const {
    return at_word("ph", ahead) || at_word("sh", ahead);
  }
  bool at_month(std::size_t ahead = 0) const {
    return at(TokenKind::kWord, ahead) && lookup(kMonthNames, peek(ahead).text).has_value();
  }
  bool at_year(std::size_t ahead = 0) const {
    const Token& token = peek(ahead);
    return token.kind == TokenKind::kNumber && token.text.size() == 4 && token.number >= kMinYear;
  }
  // A year that belongs to a date ("2024 Dec 24", "2024 easter"), not a year selector.
  bool at_dated_year(std::size_t ahead = 0) const {
    return at_year(ahead) && (at_month(ahead + 1) || at_word("easter", ahead + 1));
  }
  bool at_monthday(std::size_t ahead = 0) const {
    return at_month(ahead) || at_word("easter", ahead) || at_dated_year(ahead);
  }
  // The ':' of "HH:MM" (not the ':' that ends the date selectors in "Dec 24: 10:00-12:00").
  bool at_clock_colon(std::size_t ahead) const {
    return at(TokenKind::kColon, ahead) && at(TokenKind::kNumber, ahead + 1) &&
           !peek(ahead + 1).space_before;
  }
  // A day of the month: a number of at most two digits that is not the hour of a time.
  bool at_daynum(std::size_t ahead = 0) const {
    const Token& token = peek(ahead);
    return token.kind == TokenKind::kNumber && token.text.size() <= 2 &&
           !at_clock_colon(ahead + 1) && !at_word("am", ahead + 1) && !at_word("pm", ahead + 1);
  }
  bool at_time_start(std::size_t ahead = 0) const {
    const Token& token = peek(ahead);
    return token.kind == TokenKind::kNumber && token.text.size() <= 2;
  }
  // "HH:MM": what may follow a time span after a space only.
  bool at_full_clock() const {
    return at_time_start() && at(TokenKind::kColon, 1) && at(TokenKind::kNumber, 2);
  }
  bool at_range_dash(std::size_t ahead = 0) const {
    return at(TokenKind::kDash, ahead) || at(TokenKind::kTilde, ahead) ||
           (at(TokenKind::kWord, ahead) && contains(kRangeWords, peek(ahead).text));
  }
  bool at_always() const {
    return at(TokenKind::kNumber) && peek().text == "24" && at(TokenKind::kSlash, 1) &&
           at(TokenKind::kNumber, 2) && peek(2).text == "7";
  }
  bool at_day_offset() const {
    return (at(TokenKind::kPlus) || at(TokenKind::kDash)) && at(TokenKind::kNumber, 1) &&
           (at_word("day", 2) || at_word("days", 2));
  }

  // ---- rules ----

  void check_empty_rule_allowed(RuleSeparator separator) const {
    // ";;" and a trailing separator are harmless; ", ;" or "|| ;" lose a rule.
    if (separator != RuleSeparator::kNormal && !at(TokenKind::kEnd)) {
      fail("an empty rule after ',' or '||'", peek());
    }
  }

  RuleSeparator parse_rule_separator() {
    const Token& token = advance();
    switch (token.kind) {
      case TokenKind::kSemicolon:
        return RuleSeparator::kNormal;
      case TokenKind::kComma:
        return RuleSeparator::kAdditional;
      case TokenKind::kFallback:
        return RuleSeparator::kFallback;
      default:
        fail(explain_unexpected(token), token);
    }
  }

  Rule parse_rule(RuleSeparator separator) {
    Rule rule;
    rule.separator = separator;
    rule.offset = peek().offset;
    if (at_always()) {
      skip(3);  // "24", "/", "7"
      rule.always = true;
      accept(TokenKind::kColon);
    } else {
      parse_selectors(rule);
    }
    parse_modifier(rule);
    if (!at_rule_separator() && !at(TokenKind::kEnd)) fail(explain_unexpected(peek()), peek());
    return rule;
  }

  void parse_selectors(Rule& rule) {
    if (at(TokenKind::kComment) && at(TokenKind::kColon, 1)) {
      // A comment used as a label for the selectors ("\"on school days\": Mo-Fr ...").
      rule.comment = advance().text;
      advance();
    }
    parse_wide_range_selectors(rule);
    if (at_weekday() || at_holiday()) {
      parse_weekday_selector(rule);
      if (at(TokenKind::kColon) || (at(TokenKind::kComma) && at_time_start(1))) advance();
    }
    if (at_time_start()) parse_time_selector(rule);
  }

  void parse_wide_range_selectors(Rule& rule) {
    if (at_year() && !at_dated_year()) parse_year_selector(rule);
    if (at_monthday()) parse_monthday_selector(rule);
    if (at_word("week")) parse_week_selector(rule);
    const bool any = !rule.years.empty() || !rule.monthdays.empty() || !rule.weeks.empty();
    if (any) accept(TokenKind::kColon);
  }

  void parse_modifier(Rule& rule) {
    const bool comment_first = at(TokenKind::kComment);
    if (comment_first) rule.comment = advance().text;
    if (at_word("open") || at_word("closed") || at_word("off") || at_word("unknown")) {
      const std::string& word = advance().text;
      rule.state = word == "open"      ? RuleState::kOpen
                   : word == "unknown" ? RuleState::kUnknown
                                       : RuleState::kClosed;
      rule.state_written = true;
      if (!comment_first && at(TokenKind::kComment)) rule.comment = advance().text;
    }
    // A comment without a state word ("Mo 10:00-12:00 \"call us\"") leaves the
    // times uncertain: the comment is all we know.
    if (!rule.state_written && !rule.comment.empty()) rule.state = RuleState::kUnknown;
  }

  // ---- years ----

  int parse_year() {
    const Token& token = advance();
    if (token.number > kMaxYear) fail("years go up to " + std::to_string(kMaxYear), token);
    return token.number;
  }

  int parse_step(int max_step, std::string_view what) {
    const Token& token = expect(TokenKind::kNumber, "a number after '/'");
    if (token.number < 1 || token.number > max_step) {
      fail(std::string(what) + " step must be 1 to " + std::to_string(max_step), token);
    }
    return token.number;
  }

  void parse_year_selector(Rule& rule) {
    while (true) {
      const Token& first = peek();
      YearRange range;
      range.first = range.last = parse_year();
      if (accept(TokenKind::kPlus)) {
        range.last = YearRange::kNoLastYear;
      } else if (at_range_dash() && at_year(1)) {
        advance();
        range.last = parse_year();
        if (range.last < range.first) fail("the year range ends before it starts", first);
      }
      if (accept(TokenKind::kSlash)) {
        range.step = parse_step(kMaxYearStep, "a year");
        // "2013/10": every tenth year from 2013 on.
        if (range.last == range.first) range.last = YearRange::kNoLastYear;
      }
      rule.years.push_back(range);
      if (!(at(TokenKind::kComma) && at_year(1) && !at_dated_year(1))) return;
      advance();
    }
  }

  // ---- months and dates ----

  void parse_monthday_selector(Rule& rule) {
    rule.monthdays.push_back(parse_monthday_range(nullptr));
    while (at(TokenKind::kComma) &&
           (at_monthday(1) || (at_daynum(1) && !rule.monthdays.back().whole_months &&
                               rule.monthdays.back().to.kind == DateSpec::Kind::kMonthDay))) {
      advance();
      rule.monthdays.push_back(parse_monthday_range(&rule.monthdays.back()));
    }
  }

  // `previous`: the range before a ',' whose month a bare day inherits ("Dec 24,26").
  MonthdayRange parse_monthday_range(const MonthdayRange* previous) {
    MonthdayRange range;
    if (previous != nullptr && at_daynum()) {
      range.from = previous->to;
      range.from.day = parse_day_of(range.from.month);
      range.from.day_offset = parse_day_offset(kMaxDateOffsetDays);
      parse_date_range_end(range);
      return range;
    }
    const DateStart start = parse_date_start();
    range.from = start.spec;
    if (start.has_day) {
      parse_date_range_end(range);
    } else {
      parse_month_range_end(range);
    }
    return range;
  }

  DateStart parse_date_start() {
    DateStart start;
    if (at_year()) start.spec.year = parse_year();
    if (at_word("easter")) {
      advance();
      start.spec.kind = DateSpec::Kind::kEaster;
      start.spec.day_offset = parse_day_offset(kMaxDateOffsetDays);
      start.has_day = true;
      return start;
    }
    if (!at_month()) fail("expected a month, found " + describe(peek()), peek());
    start.spec.month = *lookup(kMonthNames, advance().text);
    if (at_daynum()) {
      start.spec.day = parse_day_of(start.spec.month);
      start.spec.day_offset = parse_day_offset(kMaxDateOffsetDays);
      start.has_day = true;
    }
    return start;
  }

  int parse_day_of(int month) {
    const Token& token = advance();
    // February counts 29 days: "Feb 29" is valid and simply absent in common years.
    const int max_day = month == 2 ? 29 : days_in_month(2001, month);
    if (token.number < 1 || token.number > max_day) {
      fail("that month has days 1 to " + std::to_string(max_day), token);
    }
    return token.number;
  }

  // After a month without a day: optionally "-Month" ("Jan-Mar").
  void parse_month_range_end(MonthdayRange& range) {
    range.whole_months = true;
    range.from.day = 1;
    range.to = range.from;
    range.to.day = DateSpec::kLastDay;
    if (!at_range_dash() || !(at_month(1) || (at_year(1) && at_month(2)))) return;
    const Token& dash = advance();
    const DateStart end = parse_date_start();
    if (end.has_day) fail("a range of whole months must end with a month", dash);
    range.to = end.spec;
    range.to.day = DateSpec::kLastDay;
    if (range.from.year && range.to.year &&
        std::pair(*range.to.year, range.to.month) < std::pair(*range.from.year, range.from.month)) {
      fail("the month range ends before it starts", dash);
    }
  }

  // After a date: "+", "-26", "-Jan 02", "-easter", each optionally "/step".
  void parse_date_range_end(MonthdayRange& range) {
    range.to = range.from;
    if (accept(TokenKind::kPlus)) {
      range.open_end = true;
      return;
    }
    if (!at_range_dash()) return;
    const Token& dash = advance();
    if (at_daynum() && range.from.kind == DateSpec::Kind::kMonthDay) {
      range.to.day = parse_day_of(range.to.month);
      range.to.day_offset = parse_day_offset(kMaxDateOffsetDays);
      if (range.to.day < range.from.day) fail("the day range ends before it starts", dash);
    } else {
      const DateStart end = parse_date_start();
      if (!end.has_day) fail("a date range must end with a day, e.g. \"Dec 24-Jan 02\"", dash);
      range.to = end.spec;
    }
    check_dated_range_order(range, dash);
    if (accept(TokenKind::kSlash)) range.step = parse_step(kMaxDayStep, "a day");
  }

  void check_dated_range_order(const MonthdayRange& range, const Token& where) const {
    const DateSpec& from = range.from;
    const DateSpec& to = range.to;
    if (!from.year || !to.year || from.kind != DateSpec::Kind::kMonthDay ||
        to.kind != DateSpec::Kind::kMonthDay) {
      return;
    }
    if (std::tuple(*to.year, to.month, to.day) < std::tuple(*from.year, from.month, from.day)) {
      fail("the date range ends before it starts", where);
    }
  }

  // "+2 days", "-1 day"; 0 when there is none.
  int parse_day_offset(int max_days) {
    if (!at_day_offset()) return 0;
    const bool negative = advance().kind == TokenKind::kDash;
    const Token& days = advance();
    advance();  // "day" or "days"
    if (days.number > max_days) {
      fail("a day offset of at most " + std::to_string(max_days) + " days is supported", days);
    }
    return negative ? -days.number : days.number;
  }

  // ---- weeks ----

  int parse_week_number() {
    const Token& token = expect(TokenKind::kNumber, "a week number");
    if (token.number < 1 || token.number > kMaxWeekNumber)
      fail("weeks are numbered 1 to 53", token);
    return token.number;
  }

  void parse_week_selector(Rule& rule) {
    advance();  // "week"
    while (true) {
      WeekRange range;
      const Token& first = peek();
      range.first = range.last = parse_week_number();
      if (at_range_dash() && at(TokenKind::kNumber, 1)) {
        advance();
        range.last = parse_week_number();
        if (range.last < range.first) fail("the week range ends before it starts", first);
      }
      if (accept(TokenKind::kSlash)) range.step = parse_step(kMaxWeekNumber, "a week");
      rule.weeks.push_back(range);
      if (!(at(TokenKind::kComma) && at(TokenKind::kNumber, 1) && !at_clock_colon(2))) return;
      advance();
    }
  }

  // ---- weekdays and holidays ----

  void parse_weekday_selector(Rule& rule) {
    while (true) {
      if (at_holiday()) {
        rule.holidays.push_back(parse_holiday());
      } else {
        rule.weekdays.push_back(parse_weekday_range());
      }
      if (at(TokenKind::kComma) && (at_weekday(1) || at_holiday(1))) {
        advance();
        continue;
      }
      // "SH Mo-Fr": holidays, a space, then weekdays select holidays on those weekdays.
      if (!rule.holidays.empty() && rule.weekdays.empty() && at_weekday()) {
        rule.holidays_and_weekdays = true;
        continue;
      }
      return;
    }
  }

  HolidaySelector parse_holiday() {
    HolidaySelector holiday;
    holiday.kind = advance().text == "ph" ? HolidayKind::kPublic : HolidayKind::kSchool;
    holiday.day_offset = parse_day_offset(kMaxHolidayOffsetDays);
    return holiday;
  }

  WeekdayRange parse_weekday_range() {
    WeekdayRange range;
    range.first = range.last = *lookup(kWeekdayNames, advance().text);
    if (at_range_dash() && at_weekday(1)) {
      advance();
      range.last = *lookup(kWeekdayNames, advance().text);
    } else if (at(TokenKind::kOpenBracket)) {
      range.nth = parse_nth_list();
      range.day_offset = parse_day_offset(kMaxDateOffsetDays);
    }
    return range;
  }

  std::vector<NthRange> parse_nth_list() {
    advance();  // '['
    std::vector<NthRange> list;
    do {
      const Token& start = peek();
      NthRange nth;
      nth.first = nth.last = parse_nth();
      if (at(TokenKind::kDash) && (at(TokenKind::kNumber, 1) || at(TokenKind::kDash, 1))) {
        advance();
        nth.last = parse_nth();
        if ((nth.first < 0) != (nth.last < 0) || nth.last < nth.first) {
          fail("a weekday occurrence range must be like [1-3] or [-3--1]", start);
        }
      }
      list.push_back(nth);
    } while (accept(TokenKind::kComma));
    expect(TokenKind::kCloseBracket, "']'");
    return list;
  }

  int parse_nth() {
    const bool negative = accept(TokenKind::kDash);
    const Token& token = expect(TokenKind::kNumber, "a weekday occurrence (1 to 5 or -1 to -5)");
    if (token.number < 1 || token.number > kMaxNth) {
      fail("a weekday occurrence is 1 to 5 or -1 to -5", token);
    }
    return negative ? -token.number : token.number;
  }

  // ---- times ----

  void parse_time_selector(Rule& rule) {
    rule.times.push_back(parse_timespan_or_all_day());
    while (true) {
      if (at(TokenKind::kComma) && at_time_start(1)) {
        advance();
      } else if (!(at_full_clock() && peek().space_before)) {
        return;
      }
      rule.times.push_back(parse_timespan_or_all_day());
    }
  }

  // "Mo,We 24/7" is read as "Mo,We 00:00-24:00".
  TimeSpan parse_timespan_or_all_day() {
    if (!at_always()) return parse_timespan();
    skip(3);
    return TimeSpan{0, kMinutesPerDay, false};
  }

  TimeSpan parse_timespan() {
    const Clock begin = parse_clock();
    if (begin.minutes >= kMinutesPerDay)
      fail_at("a time range must start before 24:00", begin.offset);
    if (accept(TokenKind::kPlus)) return TimeSpan{begin.minutes, begin.minutes, true};
    if (!at_range_dash()) {
      if (at(TokenKind::kSlash)) fail(kPeriodsUnsupported, peek());
      fail("a time needs an end: write HH:MM-HH:MM, or HH:MM+ for an open end", peek());
    }
    advance();
    const Clock end = parse_clock();
    TimeSpan span = make_span(begin, end);
    if (accept(TokenKind::kPlus)) span.open_end = true;
    if (at(TokenKind::kSlash)) fail(kPeriodsUnsupported, peek());
    return span;
  }

  static constexpr const char* kPeriodsUnsupported =
      "repeating times ('/') belong to collection_times, not to opening hours";

  Clock parse_clock() {
    check_not_variable_time();
    const Token& hour = peek();
    if (!at_time_start()) fail("expected a time, found " + describe(hour), hour);
    advance();
    Clock clock;
    clock.offset = hour.offset;
    clock.sloppy = hour.text.size() == 1;
    int hours = hour.number;
    int minutes = 0;
    if (at_minutes_after(TokenKind::kColon) || at_minutes_after(TokenKind::kDot)) {
      clock.sloppy = clock.sloppy || at(TokenKind::kDot);
      advance();
      const Token& minute = advance();
      if (minute.text.size() != 2) fail("minutes are written with two digits", minute);
      minutes = minute.number;
    } else if (at(TokenKind::kColon)) {
      fail("expected two digits of minutes after ':'", peek(1));
    } else {
      clock.sloppy = true;  // "8-18": hours only
    }
    if (minutes >= 60) fail("minutes must be below 60", hour);
    clock.meridiem = parse_meridiem();
    hours = apply_meridiem(hours, clock.meridiem, hour);
    clock.minutes = hours * 60 + minutes;
    if (clock.minutes > kMaxExtendedMinute) fail("times go up to 48:00", hour);
    return clock;
  }

  bool at_minutes_after(TokenKind separator) const {
    return at(separator) && at(TokenKind::kNumber, 1) && !peek(1).space_before &&
           (separator == TokenKind::kColon || !peek().space_before);
  }

  void check_not_variable_time() const {
    if ((at(TokenKind::kWord) && contains(kVariableTimes, peek().text)) ||
        at(TokenKind::kOpenParen)) {
      fail("sunrise, sunset, dawn and dusk are not supported (they need the place's position)",
           peek());
    }
  }

  Meridiem parse_meridiem() {
    if (!at_word("am") && !at_word("pm")) return Meridiem::kNone;
    return advance().text == "am" ? Meridiem::kAm : Meridiem::kPm;
  }

  int apply_meridiem(int hours, Meridiem meridiem, const Token& hour) const {
    if (meridiem == Meridiem::kNone) return hours;
    if (hours < 1 || hours > 12) fail("with am/pm the hour must be 1 to 12", hour);
    return hours % 12 + (meridiem == Meridiem::kPm ? 12 : 0);
  }

  TimeSpan make_span(const Clock& begin, Clock end) const {
    const bool begin_meridiem = begin.meridiem != Meridiem::kNone;
    if (begin_meridiem != (end.meridiem != Meridiem::kNone)) {
      fail_at("am/pm on one end of a range only is ambiguous (\"4-10 pm\": 4 am or 4 pm?)",
              begin.offset);
    }
    if (begin_meridiem && end.minutes == 0) end.minutes = kMinutesPerDay;  // "-12am": midnight
    const bool twelve_hour_look = !begin_meridiem && (begin.sloppy || end.sloppy) &&
                                  end.minutes <= begin.minutes && begin.minutes <= 12 * 60;
    if (twelve_hour_look) {
      fail_at("the range ends before it starts and looks like a 12-hour clock without am/pm",
              begin.offset);
    }
    // An end at or before the start is on the next day; "12:00-12:00" is 24 hours.
    const int end_minutes =
        end.minutes <= begin.minutes ? end.minutes + kMinutesPerDay : end.minutes;
    if (end_minutes > kMaxExtendedMinute)
      fail_at("a time range ends at 48:00 at the latest", end.offset);
    return TimeSpan{begin.minutes, end_minutes, false};
  }

  [[noreturn]] void fail_at(std::string message, std::size_t offset) const {
    throw SyntaxError{std::move(message), offset};
  }

  std::string explain_unexpected(const Token& token) const {
    if (token.kind == TokenKind::kWord && contains(kVariableTimes, token.text)) {
      return "sunrise, sunset, dawn and dusk are not supported (they need the place's position)";
    }
    if (token.kind == TokenKind::kWord) return "unknown word " + describe(token);
    return "unexpected " + describe(token);
  }

  std::vector<Token> tokens_;
  std::size_t index_ = 0;
};

}  // namespace

}  // namespace hours

ParseResult OpeningHours::parse(std::string_view value) {
  hours::LexResult lexed = hours::tokenize(value);
  if (lexed.error) return ParseResult::failure(*std::move(lexed.error));
  try {
    return ParseResult::success(hours::Parser(std::move(lexed.tokens)).parse_value());
  } catch (const hours::SyntaxError& error) {
    return ParseResult::failure({error.message, error.offset});
  }
}

}  // namespace codriver::places
