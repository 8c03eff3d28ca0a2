#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

// Amounts with units, as drivers ask for them: "within 2 km", "半小时", "a table for two",
// "不超过五百米", "at least 50 kW". Works on folded text (fold_text); spans are byte spans in it.
namespace codriver::language {

enum class QuantityKind { kDistance, kDuration, kPeople, kPercent, kPower, kMoney, kSpeed };

struct Quantity {
  QuantityKind kind = QuantityKind::kDistance;
  // In SI-like units: metres, seconds, persons, percent, kW, currency units (any currency),
  // km/h.
  double value = 0;
  std::size_t begin = 0;  // includes bound words ("within", "以内") and currency signs
  std::size_t end = 0;
  bool upper_bound = false;  // "within", "under", "less than", "at most", "以内", "不超过", "最多"
  bool lower_bound = false;  // "at least", "more than", "over", "以上", "至少", "超过"
};

// Every quantity, left to right, non-overlapping. A quantity is a number (see find_numbers,
// plus "a"/"an" before a unit) followed by a unit, or preceded by one ("$20", "百分之八十",
// "时速100"), or a party size ("for two", "party of 6", "three of us", "我们俩").
// Consecutive parts of one duration or distance add up ("1 hour 20 minutes", "一小时二十分钟").
std::vector<Quantity> find_quantities(std::string_view folded);

}  // namespace codriver::language
