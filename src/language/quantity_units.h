#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "language/quantities.h"

// The units of find_quantities, in English and Chinese. Internal to language/.
namespace codriver::language {

struct UnitMatch {
  QuantityKind kind = QuantityKind::kDistance;
  double factor = 1;  // to the unit of Quantity::value
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The unit written right after a number that spans [number_begin, pos): "20 km", "20km",
// "20-minute", "二十公里", "两个人", "十分钟". Context rules keep out "三里屯" (a place),
// "八点十分" (a time) and "十分好" (very good).
std::optional<UnitMatch> unit_after(std::string_view text, std::size_t number_begin,
                                    std::size_t pos);

// The unit written right before a number starting at `pos`: "$20", "€ 20", "rmb 50",
// "百分之二十", "时速100".
std::optional<UnitMatch> unit_before(std::string_view text, std::size_t pos);

}  // namespace codriver::language
