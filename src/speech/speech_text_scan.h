#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Pieces shared by the English and Chinese rules of normalise_for_speech: finding numbers,
// clock times and unit symbols in sanitised UTF-8 text. Positions are byte offsets; only
// ASCII bytes and whole UTF-8 strings are ever compared, so multi-byte characters are
// never split.
namespace codriver::speech {

// A written number: "-1,234.50" -> negative, integer "1234", fraction "50".
struct WrittenNumber {
  bool negative = false;
  std::string integer;   // ASCII digits, thousands separators removed
  std::string fraction;  // digits after the decimal point; empty for an integer
  std::size_t end = 0;   // byte offset just after the number

  bool is_integer() const { return fraction.empty(); }
  bool is_plain_one() const { return !negative && fraction.empty() && integer == "1"; }
};

// A 24-hour clock time "21:05" (also with a full-width colon).
struct ClockTime {
  int hour = 0;
  int minute = 0;
  std::size_t end = 0;
};

// An ISO date "2024-05-01".
struct CalendarDate {
  int year = 0;
  int month = 0;
  int day = 0;
  std::size_t end = 0;
};

// Digit groups joined by hyphens with seven or more digits in all: a phone number
// ("555-1234", "+86-10-1234-5678"), read digit by digit rather than as a range.
struct DigitGroups {
  std::vector<std::string> groups;
  std::size_t end = 0;
};

// What one rule turned into words, and where the text after it starts.
struct Spoken {
  std::string words;
  std::size_t end = 0;
};

inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_ascii_alnum(char c) {
  return is_digit(c) || is_ascii_letter(c);
}

bool starts_with_at(std::string_view text, std::size_t position, std::string_view prefix);
// True when no ASCII letter follows `position` (so "m" in "5 m," is a unit, in "5 more" not).
bool letter_boundary_at(std::string_view text, std::size_t position);
// Position after any ASCII spaces.
std::size_t skip_spaces(std::string_view text, std::size_t position);

// A number starting at `position` (a digit, or a minus sign that is not a hyphen after a
// word or a number).
std::optional<WrittenNumber> parse_number(std::string_view text, std::size_t position);

// "H:MM" / "HH:MM" with hour 0..23, minute 0..59, not part of a longer "1:2:3" run.
std::optional<ClockTime> parse_clock_time(std::string_view text, std::size_t position);

// "YYYY-MM-DD" with a real month and day, not followed by more digits.
std::optional<CalendarDate> parse_iso_date(std::string_view text, std::size_t position);

std::optional<DigitGroups> parse_phone_number(std::string_view text, std::size_t position);

// A range dash ('-', en dash, '~') between two digits: "5-10" -> "5 to 10".
bool is_range_dash_at(std::string_view text, std::size_t position, std::size_t* dash_end);

// Appends spoken words. English words get a space where they would otherwise touch a
// letter, digit or punctuation ("A4" -> "A four"); Chinese words are joined directly.
void append_spoken(std::string& out, std::string_view words, std::string_view rest_of_text);

// Single spaces, none before punctuation, none at either end.
std::string tidy_spaces(std::string_view text);

// What a language reads at a position of the text, or nullopt to keep the character.
using SpokenReader = std::optional<Spoken> (*)(std::string_view text, std::size_t position);

// The text with everything `read` recognises replaced by its spoken words, left to right.
std::string expand_spoken(std::string_view sanitised_text, SpokenReader read);

}  // namespace codriver::speech
