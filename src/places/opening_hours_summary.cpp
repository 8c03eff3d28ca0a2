// OpeningHours::summary: the rules read out one by one, in English or Chinese.
// It does not merge or reorder rules: what the value says, in words.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "places/opening_hours.h"

namespace codriver::places {

namespace {

using hours::DateSpec;
using hours::HolidaySelector;
using hours::MonthdayRange;
using hours::NthRange;
using hours::Rule;
using hours::RuleSeparator;
using hours::RuleState;
using hours::TimeSpan;
using hours::WeekdayRange;
using hours::WeekRange;
using hours::YearRange;

constexpr std::string_view kDash = "–";  // en dash, as in printed timetables

constexpr std::array<std::string_view, 7> kWeekdaysEn = {"Mon", "Tue", "Wed", "Thu",
                                                         "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> kWeekdaysZh = {"周一", "周二", "周三", "周四",
                                                         "周五", "周六", "周日"};
constexpr std::array<std::string_view, 12> kMonthsEn = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string two_digits(int value) {
  return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

// Minutes as HH:MM; times past midnight show the next day's clock ("02:00").
std::string clock(int minutes) {
  if (minutes > hours::kMinutesPerDay) minutes -= hours::kMinutesPerDay;
  return two_digits(minutes / 60) + ":" + two_digits(minutes % 60);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!joined.empty()) joined += separator;
    joined += part;
  }
  return joined;
}

template <typename T, typename Describe>
std::string join_each(const std::vector<T>& items, std::string_view separator, Describe describe) {
  std::vector<std::string> parts;
  for (const T& item : items)
    parts.push_back(describe(item));
  return join(parts, separator);
}

std::string ordinal_en(int n) {
  if (n == 1) return "1st";
  if (n == 2) return "2nd";
  if (n == 3) return "3rd";
  return std::to_string(n) + "th";
}

// Wording that differs between the languages. Everything else is shared.
class Phrasebook {
 public:
  explicit Phrasebook(Language language) : zh_(language == Language::kChinese) {}

  std::string rule(const Rule& rule) const {
    const std::string scope = join({years(rule), monthdays(rule), weeks(rule), days(rule)}, " ");
    const std::string times =
        join_each(rule.times, ", ", [&](const TimeSpan& t) { return span(t); });
    std::string text = state_phrase(rule, scope, times);
    if (!rule.comment.empty() && !(rule.state == RuleState::kUnknown && !rule.state_written)) {
      text = join({text, quoted(rule.comment)}, " ");
    }
    return text;
  }

  std::string_view separator(RuleSeparator separator) const {
    switch (separator) {
      case RuleSeparator::kAdditional:
        return zh_ ? "；另外 " : "; also ";
      case RuleSeparator::kFallback:
        return zh_ ? "；其他日子 " : "; otherwise ";
      case RuleSeparator::kNormal:
        break;
    }
    return zh_ ? "；" : "; ";
  }

 private:
  std::string state_phrase(const Rule& rule, const std::string& scope,
                           const std::string& times) const {
    const std::string when = join({scope, times}, " ");
    switch (rule.state) {
      case RuleState::kOpen:
        if (!times.empty()) return when;
        if (scope.empty()) return zh_ ? "全天24小时营业" : "open 24/7";
        return scope + (zh_ ? " 全天营业" : " open all day");
      case RuleState::kClosed:
        if (!times.empty()) return when + (zh_ ? " 休息" : " closed");
        if (scope.empty()) return zh_ ? "休息" : "closed";
        return zh_ ? scope + "休息" : "closed on " + scope;
      case RuleState::kUnknown:
        break;
    }
    // Unknown: a comment written without a state word is the best description.
    const std::string why = !rule.state_written && !rule.comment.empty()
                                ? quoted(rule.comment)
                                : std::string(zh_ ? "营业时间不确定" : "hours unknown");
    return when.empty() ? why : when + (zh_ ? "：" : ": ") + why;
  }

  std::string quoted(const std::string& comment) const {
    return zh_ ? "“" + comment + "”" : "\"" + comment + "\"";
  }

  // ---- times ----

  std::string span(const TimeSpan& time) const {
    if (time.end == time.begin) return zh_ ? clock(time.begin) + "起" : "from " + clock(time.begin);
    std::string text = clock(time.begin) + std::string(kDash) + clock(time.end);
    if (time.open_end) text += zh_ ? "（之后不定）" : " (open end)";
    return text;
  }

  // ---- weekdays and holidays ----

  std::string days(const Rule& rule) const {
    const std::string weekdays = join_each(rule.weekdays, list_separator(),
                                           [&](const WeekdayRange& r) { return weekday_range(r); });
    const std::string holidays = join_each(rule.holidays, list_separator(),
                                           [&](const HolidaySelector& h) { return holiday(h); });
    if (rule.holidays_and_weekdays) {
      return zh_ ? weekdays + "的" + holidays : holidays + " on " + weekdays;
    }
    return join({holidays, weekdays}, list_separator());
  }

  std::string weekday(int day) const {
    return std::string(zh_ ? kWeekdaysZh[day] : kWeekdaysEn[day]);
  }

  std::string weekday_range(const WeekdayRange& range) const {
    std::string text = weekday(range.first);
    if (range.last != range.first) text += (zh_ ? "至" : std::string(kDash)) + weekday(range.last);
    if (!range.nth.empty()) {
      const std::string nth =
          join_each(range.nth, list_separator(), [&](const NthRange& n) { return occurrence(n); });
      text = zh_ ? "每月" + nth + "个" + text : nth + " " + text + " of the month";
    }
    return text + day_offset(range.day_offset);
  }

  std::string occurrence(const NthRange& nth) const {
    if (zh_) {
      const auto one = [](int n) {
        return n == -1 ? std::string("最后一")
               : n < 0 ? "倒数第" + std::to_string(-n)
                       : "第" + std::to_string(n);
      };
      return nth.first == nth.last ? one(nth.first) : one(nth.first) + "至" + one(nth.last);
    }
    const auto one = [](int n) {
      return n == -1 ? std::string("last") : n < 0 ? ordinal_en(-n) + "-last" : ordinal_en(n);
    };
    return nth.first == nth.last ? one(nth.first)
                                 : one(nth.first) + std::string(kDash) + one(nth.last);
  }

  std::string holiday(const HolidaySelector& holiday) const {
    const bool is_public = holiday.kind == HolidayKind::kPublic;
    if (zh_) {
      const std::string name = is_public ? "法定节假日" : "学校假期";
      if (holiday.day_offset > 0) return name + "次日";
      if (holiday.day_offset < 0) return name + "前一天";
      return name;
    }
    const std::string name = is_public ? "public holidays" : "school holidays";
    if (holiday.day_offset > 0) return "the day after " + name;
    if (holiday.day_offset < 0) return "the day before " + name;
    return name;
  }

  std::string day_offset(int days) const {
    if (days == 0) return "";
    const int count = days < 0 ? -days : days;
    if (zh_) return (days > 0 ? "后" : "前") + std::to_string(count) + "天";
    return std::string(days > 0 ? " +" : " -") + std::to_string(count) +
           (count == 1 ? " day" : " days");
  }

  // ---- months and dates ----

  std::string monthdays(const Rule& rule) const {
    return join_each(rule.monthdays, list_separator(),
                     [&](const MonthdayRange& range) { return monthday_range(range); });
  }

  std::string month(int month) const {
    return zh_ ? std::to_string(month) + "月" : std::string(kMonthsEn[month - 1]);
  }

  std::string year_prefix(const DateSpec& date) const {
    if (!date.year) return "";
    return std::to_string(*date.year) + (zh_ ? "年" : " ");
  }

  std::string date(const DateSpec& date) const {
    if (date.kind == DateSpec::Kind::kEaster) {
      return year_prefix(date) + (zh_ ? "复活节" : "Easter") + day_offset(date.day_offset);
    }
    const std::string day = zh_ ? std::to_string(date.day) + "日" : " " + std::to_string(date.day);
    return year_prefix(date) + month(date.month) + day + day_offset(date.day_offset);
  }

  std::string monthday_range(const MonthdayRange& range) const {
    const std::string to = zh_ ? "至" : std::string(kDash);
    if (range.whole_months) {
      std::string text = year_prefix(range.from) + month(range.from.month);
      if (range.to.month != range.from.month || range.to.year != range.from.year) {
        text += to + year_prefix(range.to) + month(range.to.month);
      }
      return text;
    }
    if (range.open_end) return zh_ ? date(range.from) + "起" : "from " + date(range.from);
    std::string text = date(range.from);
    if (!same_date(range.from, range.to)) text += to + end_date(range);
    if (range.step > 1) text += every(range.step, zh_ ? "天" : "day");
    return text;
  }

  static bool same_date(const DateSpec& a, const DateSpec& b) {
    return a.kind == b.kind && a.year == b.year && a.month == b.month && a.day == b.day &&
           a.day_offset == b.day_offset;
  }

  // "Dec 24–26" rather than "Dec 24–Dec 26".
  std::string end_date(const MonthdayRange& range) const {
    const DateSpec& from = range.from;
    const DateSpec& to = range.to;
    const bool same_month = from.kind == DateSpec::Kind::kMonthDay &&
                            to.kind == DateSpec::Kind::kMonthDay && from.month == to.month &&
                            from.year == to.year && to.day_offset == 0;
    if (!same_month) return date(to);
    return zh_ ? std::to_string(to.day) + "日" : std::to_string(to.day);
  }

  std::string every(int step, std::string_view unit) const {
    if (zh_) return "（每" + std::to_string(step) + std::string(unit) + "）";
    return ", every " + ordinal_en(step) + " " + std::string(unit);
  }

  // ---- weeks and years ----

  std::string weeks(const Rule& rule) const {
    return join_each(rule.weeks, list_separator(), [&](const WeekRange& range) {
      std::string text =
          zh_ ? "第" + std::to_string(range.first)
              : (range.last != range.first ? "weeks " : "week ") + std::to_string(range.first);
      if (range.last != range.first)
        text += (zh_ ? "至" : std::string(kDash)) + std::to_string(range.last);
      if (zh_) text += "周";
      if (range.step > 1) text += every(range.step, zh_ ? "周" : "week");
      return text;
    });
  }

  std::string years(const Rule& rule) const {
    return join_each(rule.years, list_separator(), [&](const YearRange& range) {
      std::string text = std::to_string(range.first);
      if (range.last == YearRange::kNoLastYear) {
        text = zh_ ? text + "年起" : "from " + text;
      } else if (range.last != range.first) {
        text += (zh_ ? "至" : std::string(kDash)) + std::to_string(range.last) + (zh_ ? "年" : "");
      } else if (zh_) {
        text += "年";
      }
      if (range.step > 1) text += every(range.step, zh_ ? "年" : "year");
      return text;
    });
  }

  std::string_view list_separator() const { return zh_ ? "、" : ", "; }

  bool zh_;
};

}  // namespace

std::string OpeningHours::summary(Language language) const {
  const Phrasebook phrases(language);
  std::string text;
  for (const Rule& rule : rules_) {
    if (!text.empty()) text += phrases.separator(rule.separator);
    text += phrases.rule(rule);
  }
  return text;
}

}  // namespace codriver::places
