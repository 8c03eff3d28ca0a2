#include "language/quantity_units.h"

#include "language/text_scan.h"
#include "language/utf8.h"

namespace codriver::language {
namespace {

struct UnitSpec {
  std::string_view text;
  QuantityKind kind;
  double factor;
};

constexpr double kMile = 1609.344;
constexpr double kMinute = 60;
constexpr double kHour = 3600;
constexpr double kDay = 86400;

using enum QuantityKind;

// Matched as whole words after a number, optionally after one space or a hyphen.
constexpr UnitSpec kEnglishUnits[] = {{"kilometres per hour", kSpeed, 1},
                                      {"kilometers per hour", kSpeed, 1},
                                      {"kilometres an hour", kSpeed, 1},
                                      {"kilometers an hour", kSpeed, 1},
                                      {"km per hour", kSpeed, 1},
                                      {"km an hour", kSpeed, 1},
                                      {"km/h", kSpeed, 1},
                                      {"kmh", kSpeed, 1},
                                      {"kph", kSpeed, 1},
                                      {"miles per hour", kSpeed, kMile / 1000},
                                      {"miles an hour", kSpeed, kMile / 1000},
                                      {"mph", kSpeed, kMile / 1000},
                                      {"kilometres", kDistance, 1000},
                                      {"kilometers", kDistance, 1000},
                                      {"kilometre", kDistance, 1000},
                                      {"kilometer", kDistance, 1000},
                                      {"kms", kDistance, 1000},
                                      {"km", kDistance, 1000},
                                      {"metres", kDistance, 1},
                                      {"meters", kDistance, 1},
                                      {"metre", kDistance, 1},
                                      {"meter", kDistance, 1},
                                      {"m", kDistance, 1},
                                      {"miles", kDistance, kMile},
                                      {"mile", kDistance, kMile},
                                      {"mi", kDistance, kMile},
                                      {"feet", kDistance, 0.3048},
                                      {"foot", kDistance, 0.3048},
                                      {"ft", kDistance, 0.3048},
                                      {"yards", kDistance, 0.9144},
                                      {"yard", kDistance, 0.9144},
                                      {"yd", kDistance, 0.9144},
                                      {"seconds", kDuration, 1},
                                      {"second", kDuration, 1},
                                      {"secs", kDuration, 1},
                                      {"sec", kDuration, 1},
                                      {"minutes", kDuration, kMinute},
                                      {"minute", kDuration, kMinute},
                                      {"mins", kDuration, kMinute},
                                      {"min", kDuration, kMinute},
                                      {"hours", kDuration, kHour},
                                      {"hour", kDuration, kHour},
                                      {"hrs", kDuration, kHour},
                                      {"hr", kDuration, kHour},
                                      {"h", kDuration, kHour},
                                      {"days", kDuration, kDay},
                                      {"day", kDuration, kDay},
                                      {"people", kPeople, 1},
                                      {"persons", kPeople, 1},
                                      {"person", kPeople, 1},
                                      {"adults", kPeople, 1},
                                      {"guests", kPeople, 1},
                                      {"pax", kPeople, 1},
                                      {"percent", kPercent, 1},
                                      {"per cent", kPercent, 1},
                                      {"pct", kPercent, 1},
                                      {"%", kPercent, 1},
                                      {"kilowatts", kPower, 1},
                                      {"kilowatt", kPower, 1},
                                      {"kw", kPower, 1},
                                      {"euros", kMoney, 1},
                                      {"euro", kMoney, 1},
                                      {"eur", kMoney, 1},
                                      {"dollars", kMoney, 1},
                                      {"dollar", kMoney, 1},
                                      {"usd", kMoney, 1},
                                      {"bucks", kMoney, 1},
                                      {"yuan", kMoney, 1},
                                      {"rmb", kMoney, 1},
                                      {"cny", kMoney, 1},
                                      {"\u20AC", kMoney, 1},
                                      {"$", kMoney, 1},
                                      {"\u00A5", kMoney, 1},
                                      {"\u00A3", kMoney, 1}};

// Matched right after a number (or after one space).
constexpr UnitSpec kChineseUnits[] = {{"公里每小时", kSpeed, 1},
                                      {"公里/小时", kSpeed, 1},
                                      {"千米每小时", kSpeed, 1},
                                      {"千米/小时", kSpeed, 1},
                                      {"码", kSpeed, 1},
                                      {"迈", kSpeed, 1},
                                      {"公里", kDistance, 1000},
                                      {"千米", kDistance, 1000},
                                      {"公尺", kDistance, 1},
                                      {"米", kDistance, 1},
                                      {"里", kDistance, 500},
                                      {"个钟头", kDuration, kHour},
                                      {"钟头", kDuration, kHour},
                                      {"个小时", kDuration, kHour},
                                      {"小时", kDuration, kHour},
                                      {"个钟", kDuration, kHour},
                                      {"分钟", kDuration, kMinute},
                                      {"分", kDuration, kMinute},
                                      {"秒钟", kDuration, 1},
                                      {"秒", kDuration, 1},
                                      {"刻钟", kDuration, 15 * kMinute},
                                      {"天", kDuration, kDay},
                                      {"个人", kPeople, 1},
                                      {"人", kPeople, 1},
                                      {"位", kPeople, 1},
                                      {"千瓦", kPower, 1},
                                      {"块钱", kMoney, 1},
                                      {"块", kMoney, 1},
                                      {"元", kMoney, 1},
                                      {"欧元", kMoney, 1},
                                      {"美元", kMoney, 1},
                                      {"人民币", kMoney, 1}};

bool one_of(char32_t c, std::u32string_view set) {
  return set.find(c) != std::u32string_view::npos;
}

// 里 is half a kilometre only as a distance ("三里路", "五里以内"), not inside a name (三里屯).
bool li_is_distance(char32_t next) {
  return !is_han(next) || one_of(next, U"路地远外多左内以之");
}

// 分 is minutes after a count ("二十分后"), not in a clock time (八点十分) or "十分好".
bool fen_is_minutes(std::string_view text, std::size_t number_begin, char32_t next) {
  const char32_t before = code_point_before(text, number_begin).value;
  if (one_of(before, U"点點时差")) return false;
  return !is_han(next) || one_of(next, U"后以之内左前多半");
}

bool chinese_unit_fits(std::string_view text, std::size_t number_begin, const UnitSpec& unit,
                       std::size_t end) {
  const char32_t next = code_point_at(text, end).value;
  if (unit.text == "里") return li_is_distance(next);
  if (unit.text == "分") return fen_is_minutes(text, number_begin, next);
  if (unit.text == "块") return !one_of(next, U"儿去走");
  if (unit.text == "元") return !is_han(next) || one_of(next, U"钱以之内左上多的");  // not 三元桥
  if (unit.text == "码") return next != U'头';
  return true;
}

std::optional<UnitMatch> english_unit_at(std::string_view text, std::size_t pos) {
  std::optional<UnitMatch> best;
  if (pos >= text.size()) return best;
  for (const UnitSpec& unit : kEnglishUnits) {
    if (unit.text.front() != text[pos]) continue;
    const std::size_t end = phrase_end(text, pos, unit.text);
    if (end == std::string_view::npos || (best && best->end >= end)) continue;
    best = UnitMatch{unit.kind, unit.factor, pos, end};
  }
  return best;
}

std::optional<UnitMatch> chinese_unit_at(std::string_view text, std::size_t number_begin,
                                         std::size_t pos) {
  std::optional<UnitMatch> best;
  if (pos >= text.size() || static_cast<unsigned char>(text[pos]) < 0x80) return best;
  for (const UnitSpec& unit : kChineseUnits) {
    if (!has_at(text, pos, unit.text)) continue;
    const std::size_t end = pos + unit.text.size();
    if ((best && best->end >= end) || !chinese_unit_fits(text, number_begin, unit, end)) continue;
    best = UnitMatch{unit.kind, unit.factor, pos, end};
  }
  return best;
}

}  // namespace

std::optional<UnitMatch> unit_after(std::string_view text, std::size_t number_begin,
                                    std::size_t pos) {
  if (pos > text.size()) return std::nullopt;
  if (auto attached = chinese_unit_at(text, number_begin, pos)) return attached;
  if (auto attached = english_unit_at(text, pos)) return attached;
  if (pos < text.size() && text[pos] == ' ') {
    if (auto spaced = chinese_unit_at(text, number_begin, pos + 1)) return spaced;
  }
  if (pos < text.size() && (text[pos] == ' ' || text[pos] == '-')) {
    return english_unit_at(text, pos + 1);
  }
  return std::nullopt;
}

std::optional<UnitMatch> unit_before(std::string_view text, std::size_t pos) {
  if (ends_at(text, pos, "百分之")) {
    return UnitMatch{kPercent, 1, pos - std::string_view("百分之").size(), pos};
  }
  const std::size_t spaced = skip_space_back(text, pos);
  for (const std::size_t end : {pos, spaced}) {
    for (const std::string_view speed : {"时速", "每小时"}) {
      if (ends_at(text, end, speed)) return UnitMatch{kSpeed, 1, end - speed.size(), pos};
    }
    for (const std::string_view sign : {"$", "\u20AC", "\u00A5", "\u00A3"}) {
      if (ends_at(text, end, sign)) return UnitMatch{kMoney, 1, end - sign.size(), pos};
    }
  }
  for (const std::string_view code : {"rmb", "usd", "eur", "cny"}) {
    if (const std::size_t begin = phrase_begin(text, spaced, code);
        begin != std::string_view::npos) {
      return UnitMatch{kMoney, 1, begin, pos};
    }
  }
  return std::nullopt;
}

}  // namespace codriver::language
