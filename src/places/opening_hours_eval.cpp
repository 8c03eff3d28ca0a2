// Rule semantics, following the specification
// (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification):
//
// - Each day gets its own schedule from the rules that select it, in order. A
//   normal rule (";") that selects the day replaces what earlier rules said about
//   that day; an additional rule (",") paints its times over them; a fallback rule
//   ("||") applies only on a day that no earlier rule selected.
// - A closed rule ("off") with times closes just those times
//   ("10:00-14:00; 12:00-14:00 off" is open 10-12); without times it closes the day.
// - A span belongs to the day it starts on: "Fr 18:00-02:00" is open on Saturday
//   until 02:00 even when a later rule says something else about Saturday, unless
//   that rule names Saturday's early hours explicitly ("Sa 00:00-03:00 off"). A
//   rule that closes a whole day ("Sa off") does not cut off Friday night.
// - "10:00+" and "10:00-18:00+" (open end): the state is unknown from the last
//   stated time until the next midnight (24:00, or 48:00 for a time past midnight).
// - Holidays: when the calendar does not cover a date, the day is evaluated twice,
//   as a holiday and as none; where the two disagree the state is unknown.
#include "places/opening_hours_eval.h"

#include <algorithm>
#include <utility>

#include "places/civil_date.h"

namespace codriver::places::hours {

namespace {

constexpr std::string_view kHolidayNotKnown = "not known whether this day is a holiday";

// Answers PH/SH for the calendar's years and, for other years, as assumed; notes
// whether an assumption was needed.
struct HolidayContext {
  const HolidayCalendar& calendar;
  bool assume_holiday = false;
  bool assumed = false;
};

struct DayMatch {
  bool matches = false;
  std::string_view holiday_name;
};

// A span of one day's own schedule, up to 48:00. `weak`: painted by a rule that
// closes the whole day, which does not hide the previous night's spans.
struct Span {
  int begin = 0;
  int end = 0;
  OpeningState state = OpeningState::kClosed;
  std::string_view comment;
  bool weak = false;
};

using Schedule = std::vector<Span>;  // sorted by begin, not overlapping

OpeningState state_of(RuleState state) {
  switch (state) {
    case RuleState::kOpen:
      return OpeningState::kOpen;
    case RuleState::kClosed:
      return OpeningState::kClosed;
    case RuleState::kUnknown:
      break;
  }
  return OpeningState::kUnknown;
}

// ---- selectors ----

bool year_matches(const YearRange& range, int year) {
  return year >= range.first && year <= range.last && (year - range.first) % range.step == 0;
}

// The day number of `spec` in `year`. A Feb 29 that does not exist starts a range
// on Mar 1 and ends one on Feb 28.
int resolve(const DateSpec& spec, int year, bool range_start) {
  if (spec.kind == DateSpec::Kind::kEaster) return easter_sunday(year) + spec.day_offset;
  const int month_days = days_in_month(year, spec.month);
  const int day = spec.day == DateSpec::kLastDay ? month_days : spec.day;
  if (day > month_days) {
    return day_number({year, spec.month, month_days}) + (range_start ? 1 : 0) + spec.day_offset;
  }
  return day_number({year, spec.month, day}) + spec.day_offset;
}

bool in_stepped_range(int day, int first, int last, int step) {
  return day >= first && day <= last && (day - first) % step == 0;
}

// Whether the range as written runs past New Year ("Dec 24-Jan 02", "Nov-Feb").
// Decided on the written dates, so that a Feb 29 missing in a common year does not
// turn "Feb 29" into a range of a whole year.
bool wraps_year(const MonthdayRange& range, int year) {
  const DateSpec& from = range.from;
  const DateSpec& to = range.to;
  if (from.kind == DateSpec::Kind::kMonthDay && to.kind == DateSpec::Kind::kMonthDay) {
    const auto position = [](const DateSpec& date) {
      return std::pair(date.month, date.day == DateSpec::kLastDay ? 32 : date.day);
    };
    return position(to) < position(from);
  }
  return resolve(to, year, false) < resolve(from, year, true);
}

bool dated_range_matches(const MonthdayRange& range, int day) {
  const int from_year = range.from.year ? *range.from.year : *range.to.year;
  const int first = resolve(range.from, from_year, true);
  if (range.open_end) return day >= first && (day - first) % range.step == 0;
  const int to_year = range.to.year.value_or(from_year);
  const bool next_year = !range.to.year && wraps_year(range, from_year);
  const int last = resolve(range.to, next_year ? to_year + 1 : to_year, false);
  return in_stepped_range(day, first, last, range.step);
}

bool monthday_matches(const MonthdayRange& range, int day, int year) {
  if (range.from.year || range.to.year) return dated_range_matches(range, day);
  // A range that wraps past New Year ("Dec 24-Jan 02") may have begun last year.
  for (const int start_year : {year - 1, year}) {
    const int first = resolve(range.from, start_year, true);
    const int end_year = wraps_year(range, start_year) ? start_year + 1 : start_year;
    const int last =
        range.open_end ? day_number({start_year, 12, 31}) : resolve(range.to, end_year, false);
    if (in_stepped_range(day, first, last, range.step)) return true;
  }
  return false;
}

bool week_matches(const WeekRange& range, int week) {
  return week >= range.first && week <= range.last && (week - range.first) % range.step == 0;
}

bool nth_matches(const std::vector<NthRange>& nth, CivilDate date) {
  const int from_start = (date.day - 1) / 7 + 1;
  const int from_end = -((days_in_month(date.year, date.month) - date.day) / 7 + 1);
  return std::any_of(nth.begin(), nth.end(), [&](const NthRange& range) {
    const int occurrence = range.first > 0 ? from_start : from_end;
    return occurrence >= range.first && occurrence <= range.last;
  });
}

bool weekday_matches(const WeekdayRange& range, int day) {
  const int selected = day - range.day_offset;
  const int weekday = iso_weekday(selected);
  const bool in_range = range.first <= range.last ? weekday >= range.first && weekday <= range.last
                                                  : weekday >= range.first || weekday <= range.last;
  if (!in_range) return false;
  return range.nth.empty() || nth_matches(range.nth, civil_date(selected));
}

DayMatch holiday_matches(const HolidaySelector& holiday, int day, HolidayContext& context) {
  const HolidayAnswer answer =
      context.calendar.lookup(holiday.kind, civil_date(day - holiday.day_offset));
  if (!answer.is_holiday) {
    context.assumed = true;
    return {context.assume_holiday, {}};
  }
  return {*answer.is_holiday, answer.name};
}

DayMatch any_holiday_matches(const Rule& rule, int day, HolidayContext& context) {
  for (const HolidaySelector& holiday : rule.holidays) {
    const DayMatch match = holiday_matches(holiday, day, context);
    if (match.matches) return match;
  }
  return {};
}

bool wide_range_matches(const Rule& rule, int day, CivilDate date) {
  const auto any = [](const auto& list, auto&& predicate) {
    return list.empty() || std::any_of(list.begin(), list.end(), predicate);
  };
  return any(rule.years, [&](const YearRange& range) { return year_matches(range, date.year); }) &&
         any(rule.monthdays,
             [&](const MonthdayRange& range) { return monthday_matches(range, day, date.year); }) &&
         any(rule.weeks,
             [&](const WeekRange& range) { return week_matches(range, iso_week(day)); });
}

DayMatch match_day(const Rule& rule, int day, CivilDate date, HolidayContext& context) {
  if (rule.always) return {true, {}};
  if (!wide_range_matches(rule, day, date)) return {};
  const bool weekday =
      rule.weekdays.empty() ||
      std::any_of(rule.weekdays.begin(), rule.weekdays.end(),
                  [&](const WeekdayRange& range) { return weekday_matches(range, day); });
  if (rule.holidays.empty()) return {weekday, {}};
  if (rule.weekdays.empty()) return any_holiday_matches(rule, day, context);
  if (rule.holidays_and_weekdays) {
    if (!weekday) return {};
    return any_holiday_matches(rule, day, context);
  }
  // "PH,Mo-Fr": either will do; a weekday match needs no holiday lookup.
  if (weekday) return {true, {}};
  return any_holiday_matches(rule, day, context);
}

// ---- one day's own schedule ----

void paint(Schedule& schedule, const Span& span) {
  Schedule painted;
  painted.reserve(schedule.size() + 2);
  for (const Span& old : schedule) {
    if (old.end <= span.begin || old.begin >= span.end) {
      painted.push_back(old);
      continue;
    }
    if (old.begin < span.begin)
      painted.push_back({old.begin, span.begin, old.state, old.comment, old.weak});
    if (old.end > span.end)
      painted.push_back({span.end, old.end, old.state, old.comment, old.weak});
  }
  painted.push_back(span);
  std::sort(painted.begin(), painted.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  schedule = std::move(painted);
}

void paint_time_span(Schedule& schedule, const TimeSpan& time, OpeningState state,
                     std::string_view comment) {
  if (time.end > time.begin) paint(schedule, {time.begin, time.end, state, comment, false});
  if (!time.open_end) return;
  const int tail_end = time.end < kMinutesPerDay ? kMinutesPerDay : kMaxExtendedMinute;
  if (tail_end <= time.end) return;
  const OpeningState tail_state = state == OpeningState::kOpen ? OpeningState::kUnknown : state;
  paint(schedule, {time.end, tail_end, tail_state, comment, false});
}

void apply_rule(Schedule& schedule, const Rule& rule, const DayMatch& match) {
  const OpeningState state = state_of(rule.state);
  const std::string_view comment = rule.comment.empty() ? match.holiday_name : rule.comment;
  const bool additional = rule.separator == RuleSeparator::kAdditional;
  const bool closes = rule.state == RuleState::kClosed;
  // A closed rule with times only closes those times; any other normal rule
  // replaces the day.
  if (!additional && !(closes && !rule.times.empty())) schedule.clear();
  if (rule.times.empty()) {
    const Span whole_day = closes ? Span{0, kMaxExtendedMinute, state, comment, true}
                                  : Span{0, kMinutesPerDay, state, comment, false};
    paint(schedule, whole_day);
    return;
  }
  for (const TimeSpan& time : rule.times)
    paint_time_span(schedule, time, state, comment);
}

Schedule schedule_of_day(const std::vector<Rule>& rules, int day, HolidayContext& context) {
  Schedule schedule;
  const CivilDate date = civil_date(day);
  bool day_selected = false;
  bool skipping_fallback = false;
  for (const Rule& rule : rules) {
    if (rule.separator == RuleSeparator::kFallback) skipping_fallback = day_selected;
    if (rule.separator == RuleSeparator::kNormal) skipping_fallback = false;
    if (skipping_fallback) continue;
    const DayMatch match = match_day(rule, day, date, context);
    if (!match.matches) continue;
    day_selected = true;
    apply_rule(schedule, rule, match);
  }
  return schedule;
}

// ---- the day as lived ----

const Span* span_at(const Schedule& schedule, int minute) {
  for (const Span& span : schedule) {
    if (minute >= span.begin && minute < span.end) return &span;
  }
  return nullptr;
}

Segment state_at(const Schedule& yesterday, const Schedule& today, int minute) {
  const Span* own = span_at(today, minute);
  const Span* carried = span_at(yesterday, minute + kMinutesPerDay);
  const Span* chosen = (own != nullptr && !own->weak)           ? own
                       : (carried != nullptr && !carried->weak) ? carried
                                                                : own;
  if (chosen == nullptr) return {minute, minute, OpeningState::kClosed, {}};
  return {minute, minute, chosen->state, chosen->comment};
}

void append_merged(std::vector<Segment>& timeline, Segment segment) {
  if (!timeline.empty() && timeline.back().state == segment.state &&
      timeline.back().comment == segment.comment) {
    timeline.back().end = segment.end;
    return;
  }
  timeline.push_back(segment);
}

void add_cut(std::vector<int>& cuts, int minute) {
  if (minute > 0 && minute < kMinutesPerDay) cuts.push_back(minute);
}

std::vector<int> sorted_cuts(std::vector<int> cuts) {
  cuts.push_back(0);
  cuts.push_back(kMinutesPerDay);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

std::vector<Segment> combine(const Schedule& yesterday, const Schedule& today) {
  std::vector<int> cuts;
  for (const Span& span : today) {
    add_cut(cuts, span.begin);
    add_cut(cuts, span.end);
  }
  for (const Span& span : yesterday) {
    add_cut(cuts, span.begin - kMinutesPerDay);
    add_cut(cuts, span.end - kMinutesPerDay);
  }
  cuts = sorted_cuts(std::move(cuts));
  std::vector<Segment> timeline;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    Segment segment = state_at(yesterday, today, cuts[i]);
    segment.end = cuts[i + 1];
    append_merged(timeline, segment);
  }
  return timeline;
}

std::vector<Segment> timeline_assuming(const std::vector<Rule>& rules, int day,
                                       HolidayContext& context) {
  const Schedule yesterday = schedule_of_day(rules, day - 1, context);
  const Schedule today = schedule_of_day(rules, day, context);
  return combine(yesterday, today);
}

const Segment& segment_at(const std::vector<Segment>& timeline, int minute) {
  for (const Segment& segment : timeline) {
    if (minute < segment.end) return segment;
  }
  return timeline.back();
}

// Where two readings of the day (holiday or not) disagree, the state is unknown.
std::vector<Segment> merge_readings(const std::vector<Segment>& no_holiday,
                                    const std::vector<Segment>& holiday) {
  std::vector<int> cuts;
  for (const Segment& segment : no_holiday)
    add_cut(cuts, segment.begin);
  for (const Segment& segment : holiday)
    add_cut(cuts, segment.begin);
  cuts = sorted_cuts(std::move(cuts));
  std::vector<Segment> timeline;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    Segment segment = segment_at(no_holiday, cuts[i]);
    if (segment.state != segment_at(holiday, cuts[i]).state) {
      segment.state = OpeningState::kUnknown;
      segment.comment = kHolidayNotKnown;
    }
    segment.begin = cuts[i];
    segment.end = cuts[i + 1];
    append_merged(timeline, segment);
  }
  return timeline;
}

}  // namespace

std::vector<Segment> timeline_of_day(const std::vector<Rule>& rules, int day_number,
                                     const HolidayCalendar& holidays) {
  HolidayContext no_holiday{holidays, false};
  std::vector<Segment> timeline = timeline_assuming(rules, day_number, no_holiday);
  if (!no_holiday.assumed) return timeline;
  HolidayContext holiday{holidays, true};
  return merge_readings(timeline, timeline_assuming(rules, day_number, holiday));
}

}  // namespace codriver::places::hours
