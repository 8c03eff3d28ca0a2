#include "places/open_state.h"

#include <cstdio>
#include <ctime>

#include "geo/china_datum.h"
#include "places/opening_hours.h"

namespace codriver::places {

namespace {

LocalDateTime local_time(const feeds::CivilTime& t) {
  return {t.year, t.month, t.day, t.hour, t.minute};
}

// PH means the holidays of the place's own country; we ship mainland China's.
const HolidayCalendar& calendar_for(const map::Place& place) {
  return geo::outside_mainland_china(place.position) ? HolidayCalendar::none()
                                                      : HolidayCalendar::china();
}

std::string clock_text(const LocalDateTime& t) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", t.hour % 100, t.minute % 100);
  return text;
}

// "22:00", "tomorrow 08:00", "Mon 08:00" / "22:00", "明天08:00", "周一08:00".
std::pair<std::string, std::string> when_text(const LocalDateTime& from, const LocalDateTime& to) {
  const int days = day_number({to.year, to.month, to.day}) -
                   day_number({from.year, from.month, from.day});
  const std::string clock = clock_text(to);
  if (days == 0) return {clock, clock};
  if (days == 1) return {"tomorrow " + clock, "明天" + clock};
  static const char* en[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static const char* zh[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  const int weekday = iso_weekday(day_number({to.year, to.month, to.day}));
  if (days < 7) return {std::string(en[weekday]) + " " + clock, zh[weekday] + clock};
  char date[16];
  std::snprintf(date, sizeof date, "%02d-%02d", to.month % 100, to.day % 100);
  return {std::string(date) + " " + clock, std::string(date) + " " + clock};
}

OpenInfo describe(std::optional<bool> open, const std::optional<LocalDateTime>& change,
                  const LocalDateTime& at) {
  OpenInfo info;
  info.open = open;
  if (!open) return info;
  if (!change) {
    info.detail_en = *open ? "open" : "closed";
    info.detail_zh = *open ? "营业中" : "不营业";
    return info;
  }
  const auto [en, zh] = when_text(at, *change);
  if (*open) {
    info.detail_en = "open until " + en;
    info.detail_zh = "营业至" + zh;
  } else {
    info.detail_en = "closed, opens " + en;
    info.detail_zh = "已打烊，" + zh + "开门";
  }
  return info;
}

}  // namespace

OpenInfo open_info(const map::Place& place, const feeds::CivilTime& at) {
  OpenInfo info;
  if (place.opening_hours.empty()) return info;
  const ParseResult hours = OpeningHours::parse(place.opening_hours);
  if (!hours) {
    info.detail_en = "opening hours unreadable";
    info.detail_zh = "营业时间无法识别";
    return info;
  }
  const LocalDateTime time = local_time(at);
  const HolidayCalendar& holidays = calendar_for(place);
  const std::optional<bool> open = hours->is_open(time, holidays);
  return describe(open, open ? hours->next_change(time, holidays) : std::nullopt, time);
}

feeds::CivilTime local_now() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
          local.tm_hour,        local.tm_min,     local.tm_sec};
}

}  // namespace codriver::places
