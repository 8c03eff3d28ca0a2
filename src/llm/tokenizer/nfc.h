#pragma once

#include <string>
#include <string_view>

// Unicode Normalization Form C (UAX #15), from tables generated at build time out of the
// Unicode Character Database (generate_nfc_tables.py): full canonical decomposition,
// canonical ordering by combining class, canonical composition minus the exclusions, and
// Hangul syllables by their algorithm.
namespace codriver::llm::tokenizer {

// True when `valid_utf8` is certainly in NFC already (the quick check of UAX #15, with
// "maybe" counted as no); pure ASCII is answered eight bytes at a time.
bool is_nfc_quick(std::string_view valid_utf8);

// The NFC form of well-formed UTF-8 (check or sanitize it first: see utf8.h).
std::string to_nfc(std::string_view valid_utf8);

// The canonical combining class of a code point (0 for starters), for tests.
int canonical_combining_class(char32_t code);

}  // namespace codriver::llm::tokenizer
