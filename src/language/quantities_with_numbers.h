#pragma once

#include <string_view>
#include <vector>

#include "language/numbers.h"
#include "language/quantities.h"

// find_quantities for a caller that already has find_numbers(folded), so the numbers are read
// once per utterance. Internal to language/.
namespace codriver::language {

std::vector<Quantity> find_quantities(std::string_view folded,
                                      const std::vector<NumberMatch>& numbers);

}  // namespace codriver::language
