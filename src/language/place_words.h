#pragma once

#include <string_view>
#include <vector>

#include "language/name_key.h"

// Words that say what kind of place a name is ("parking", "rue", "停车场") rather than which
// one. The gazetteer's statistics find them on a large map; this list keeps them from
// looking distinctive on a small one, where "parking" may occur in a single name.
namespace codriver::language {

// A folded word (lower case, no accents) that names a kind of place or street.
bool is_generic_place_word(std::string_view folded_word);

// Which units are part of a generic word: words from the list, and Han characters inside a
// generic Chinese word ("车站" in "台北车站"). Han units must be Simplified.
std::vector<bool> generic_units(const std::vector<NameUnit>& units);

}  // namespace codriver::language
