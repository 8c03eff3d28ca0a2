#include "speech/speech_text_en.h"

#include <array>

#include "speech/speech_text_scan.h"
#include "speech/spoken_numbers_en.h"

namespace codriver::speech {
namespace {

struct Unit {
  std::string_view symbol;
  std::string_view singular;
  std::string_view plural;
};

// Longest symbols first so that "km/h" wins over "km" and "min" over "m".
constexpr std::array<Unit, 24> kUnits = {{
    {"km/h", "kilometre per hour", "kilometres per hour"},
    {"kph", "kilometre per hour", "kilometres per hour"},
    {"mph", "mile per hour", "miles per hour"},
    {"kWh", "kilowatt hour", "kilowatt hours"},
    {"kW", "kilowatt", "kilowatts"},
    {"km", "kilometre", "kilometres"},
    {"mins", "minute", "minutes"},
    {"min", "minute", "minutes"},
    {"hrs", "hour", "hours"},
    {"hr", "hour", "hours"},
    {"h", "hour", "hours"},
    {"secs", "second", "seconds"},
    {"sec", "second", "seconds"},
    {"s", "second", "seconds"},
    {"mi", "mile", "miles"},
    {"m", "metre", "metres"},
    {"ft", "foot", "feet"},
    {"kg", "kilogram", "kilograms"},
    {"L", "litre", "litres"},
    {"\u00B0C", "degree Celsius", "degrees Celsius"},
    {"\u2103", "degree Celsius", "degrees Celsius"},
    {"\u00B0F", "degree Fahrenheit", "degrees Fahrenheit"},
    {"\u00B0", "degree", "degrees"},
    {"%", "percent", "percent"},
}};

struct Currency {
  std::string_view symbol;
  std::string_view singular;
  std::string_view plural;
  std::string_view subunit;  // "cents" for "$0.50"; empty: "zero yuan fifty"
};

constexpr std::array<Currency, 5> kCurrencyPrefixes = {{
    {"\u20AC", "euro", "euros", "cents"},
    {"$", "dollar", "dollars", "cents"},
    {"\u00A3", "pound", "pounds", "pence"},
    {"\u00A5", "yuan", "yuan", ""},
    {"\uFFE5", "yuan", "yuan", ""},
}};

constexpr std::array<Currency, 7> kCurrencySuffixes = {{
    {"\u20AC", "euro", "euros", "cents"},
    {"EUR", "euro", "euros", "cents"},
    {"USD", "dollar", "dollars", "cents"},
    {"\u5143", "yuan", "yuan", ""},
    {"CNY", "yuan", "yuan", ""},
    {"RMB", "yuan", "yuan", ""},
    {"GBP", "pound", "pounds", "pence"},
}};

// A symbol at `position`; letter symbols must end at a word boundary ("5 more" has no "m").
bool symbol_at(std::string_view text, std::size_t position, std::string_view symbol) {
  if (!starts_with_at(text, position, symbol)) return false;
  return !is_ascii_letter(symbol.back()) || letter_boundary_at(text, position + symbol.size());
}

std::string number_words(const WrittenNumber& number) {
  std::string words = number.negative ? "minus " : "";
  words += english_integer(number.integer);
  if (!number.is_integer()) words += " point " + english_digits(number.fraction);
  return words;
}

std::string amount_words(const WrittenNumber& number, const Currency& currency) {
  const std::string_view unit = number.integer == "1" ? currency.singular : currency.plural;
  std::string sign = number.negative ? "minus " : "";
  // More than two decimals is not an amount of money: read it as a plain number.
  if (number.fraction.size() > 2) return number_words(number) + " " + std::string(currency.plural);
  std::string cents = number.fraction;
  if (cents.size() == 1) cents += '0';
  const bool has_cents = !cents.empty() && cents != "00";
  const std::string cents_words = has_cents ? english_integer(cents.substr(cents[0] == '0')) : "";
  if (number.integer == "0" && has_cents && !currency.subunit.empty()) {
    return sign + cents_words + " " + std::string(currency.subunit);
  }
  std::string words = sign + english_integer(number.integer) + " " + std::string(unit);
  if (has_cents) words += " " + cents_words;
  return words;
}

// "$2 million", "$3.5bn", "€40k": the scale comes before the currency when spoken.
std::optional<Spoken> scaled_amount(std::string_view text, const WrittenNumber& number,
                                    const Currency& currency) {
  struct Scale {
    std::string_view written;
    std::string_view spoken;
  };
  constexpr std::array<Scale, 7> kScales = {{{"thousand", "thousand"},
                                             {"million", "million"},
                                             {"billion", "billion"},
                                             {"bn", "billion"},
                                             {"k", "thousand"},
                                             {"m", "million"},
                                             {"M", "million"}}};
  const std::size_t scale_at = skip_spaces(text, number.end);
  for (const Scale& scale : kScales) {
    if (symbol_at(text, scale_at, scale.written)) {
      return Spoken{number_words(number) + " " + std::string(scale.spoken) + " " +
                        std::string(currency.plural),
                    scale_at + scale.written.size()};
    }
  }
  return std::nullopt;
}

// "$3", "€ 12.50", "$2 million".
std::optional<Spoken> money_with_prefix(std::string_view text, std::size_t position) {
  for (const Currency& currency : kCurrencyPrefixes) {
    if (!starts_with_at(text, position, currency.symbol)) continue;
    const auto number = parse_number(text, skip_spaces(text, position + currency.symbol.size()));
    if (!number) return std::nullopt;
    if (auto scaled = scaled_amount(text, *number, currency)) return scaled;
    return Spoken{amount_words(*number, currency), number->end};
  }
  return std::nullopt;
}

std::optional<Spoken> money_with_suffix(std::string_view text, const WrittenNumber& number) {
  const std::size_t symbol_position = skip_spaces(text, number.end);
  for (const Currency& currency : kCurrencySuffixes) {
    if (symbol_at(text, symbol_position, currency.symbol)) {
      return Spoken{amount_words(number, currency), symbol_position + currency.symbol.size()};
    }
  }
  return std::nullopt;
}

// "1990s" and "80s" are decades, not seconds.
bool is_decade(const WrittenNumber& number, std::size_t unit_position, const Unit& unit) {
  return unit.symbol == "s" && unit_position == number.end && number.is_integer() &&
         number.integer.back() == '0';
}

std::optional<Spoken> measurement(std::string_view text, const WrittenNumber& number) {
  const std::size_t unit_position = skip_spaces(text, number.end);
  for (const Unit& unit : kUnits) {
    if (symbol_at(text, unit_position, unit.symbol) && !is_decade(number, unit_position, unit)) {
      const std::string_view name = number.is_plain_one() ? unit.singular : unit.plural;
      return Spoken{number_words(number) + " " + std::string(name),
                    unit_position + unit.symbol.size()};
    }
  }
  return std::nullopt;
}

// "am", "pm", "a.m.", "PM" after a time; returns the spoken form and its end.
std::optional<Spoken> meridiem(std::string_view text, std::size_t position) {
  const std::size_t at = skip_spaces(text, position);
  for (std::string_view marker : {"a.m.", "p.m.", "am", "pm", "AM", "PM", "A.M.", "P.M."}) {
    const bool dotted = marker.back() == '.';
    if (starts_with_at(text, at, marker) &&
        (dotted || letter_boundary_at(text, at + marker.size()))) {
      return Spoken{marker[0] == 'a' || marker[0] == 'A' ? "a m" : "p m", at + marker.size()};
    }
  }
  return std::nullopt;
}

// " oh five", " thirty", or nothing on the hour.
std::string minutes_words(int minute) {
  std::string words;
  if (minute == 0) return words;
  words += minute < 10 ? " oh " : " ";
  words += english_cardinal(static_cast<unsigned>(minute));
  return words;
}

// "21:05" -> "nine oh five p m"; "9:30 am" keeps the written half of the day.
std::optional<Spoken> clock_time(std::string_view text, std::size_t position) {
  const auto time = parse_clock_time(text, position);
  if (!time) return std::nullopt;
  const auto written_half = meridiem(text, time->end);
  if (written_half && (time->hour < 1 || time->hour > 12)) return std::nullopt;
  const int hour = written_half ? time->hour : (time->hour % 12 == 0 ? 12 : time->hour % 12);
  const std::string half = written_half ? written_half->words : (time->hour < 12 ? "a m" : "p m");
  return Spoken{
      english_cardinal(static_cast<unsigned>(hour)) + minutes_words(time->minute) + " " + half,
      written_half ? written_half->end : time->end};
}

// "9 pm" -> "nine p m".
std::optional<Spoken> hour_of_day(std::string_view text, const WrittenNumber& number) {
  if (number.negative || !number.is_integer() || number.integer.size() > 2) return std::nullopt;
  const int hour = std::stoi(number.integer);
  const auto half = meridiem(text, number.end);
  if (!half || hour < 1 || hour > 12) return std::nullopt;
  return Spoken{english_cardinal(static_cast<unsigned>(hour)) + " " + half->words, half->end};
}

// "1st", "22nd", "103rd", "4th".
std::optional<Spoken> ordinal(std::string_view text, const WrittenNumber& number) {
  if (number.negative || !number.is_integer() || number.integer.size() > 12) return std::nullopt;
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (symbol_at(text, number.end, suffix)) {
      return Spoken{english_ordinal(std::stoull(number.integer)), number.end + suffix.size()};
    }
  }
  return std::nullopt;
}

// "2024-05-01" -> "May first two thousand twenty-four".
std::optional<Spoken> calendar_date(std::string_view text, std::size_t position) {
  constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const auto date = parse_iso_date(text, position);
  if (!date) return std::nullopt;
  std::string words(kMonths[date->month - 1]);
  words += ' ';
  words += english_ordinal(static_cast<unsigned>(date->day));
  words += ' ';
  words += english_cardinal(static_cast<unsigned>(date->year));
  return Spoken{words, date->end};
}

// "555-1234" -> "five five five, one two three four".
std::optional<Spoken> phone_number(std::string_view text, std::size_t position) {
  const auto phone = parse_phone_number(text, position);
  if (!phone) return std::nullopt;
  std::string words;
  for (const std::string& group : phone->groups) {
    if (!words.empty()) words += ", ";
    words += english_digits(group);
  }
  return Spoken{words, phone->end};
}

// "/h" after a quantity or price: "€0.35/kWh" -> "... per kilowatt hour".
Spoken with_per_unit(std::string_view text, Spoken spoken) {
  if (!starts_with_at(text, spoken.end, "/")) return spoken;
  for (const Unit& unit : kUnits) {
    if (unit.symbol != "%" && symbol_at(text, spoken.end + 1, unit.symbol)) {
      spoken.words += " per ";
      spoken.words += unit.singular;
      spoken.end += 1 + unit.symbol.size();
      return spoken;
    }
  }
  for (std::string_view period : {"day", "night", "month", "person"}) {
    if (symbol_at(text, spoken.end + 1, period)) {
      spoken.words += " per ";
      spoken.words += period;
      spoken.end += 1 + period.size();
      return spoken;
    }
  }
  return spoken;
}

std::optional<Spoken> number_and_context(std::string_view text, std::size_t position) {
  if (auto date = calendar_date(text, position)) return date;
  if (auto phone = phone_number(text, position)) return phone;
  if (auto time = clock_time(text, position)) return time;
  const auto number = parse_number(text, position);
  if (!number) return std::nullopt;
  if (auto spoken = hour_of_day(text, *number)) return spoken;
  if (auto spoken = ordinal(text, *number)) return spoken;
  if (auto spoken = money_with_suffix(text, *number)) return with_per_unit(text, *spoken);
  if (auto spoken = measurement(text, *number)) return with_per_unit(text, *spoken);
  return Spoken{number_words(*number), number->end};
}

// "No. 5", "no.5", "#5" -> "number".
std::optional<Spoken> number_sign(std::string_view text, std::size_t position) {
  if (position > 0 && is_ascii_letter(text[position - 1])) return std::nullopt;
  for (std::string_view sign : {"No.", "no.", "Nr.", "#"}) {
    if (!starts_with_at(text, position, sign)) continue;
    const std::size_t digit_at = skip_spaces(text, position + sign.size());
    if (digit_at < text.size() && is_digit(text[digit_at])) return Spoken{"number", digit_at};
  }
  return std::nullopt;
}

std::optional<Spoken> symbol_word(std::string_view text, std::size_t position) {
  std::size_t dash_end = 0;
  if (is_range_dash_at(text, position, &dash_end)) return Spoken{"to", dash_end};
  if (text[position] == '&') return Spoken{" and ", position + 1};
  // "~5 km": about five kilometres.
  if (text[position] == '~') {
    const bool before_number = position + 1 < text.size() && is_digit(text[position + 1]);
    return Spoken{before_number ? "about" : " ", position + 1};
  }
  return std::nullopt;
}

std::optional<Spoken> spoken_at(std::string_view text, std::size_t position) {
  if (auto spoken = number_sign(text, position)) return spoken;
  if (auto spoken = money_with_prefix(text, position)) return with_per_unit(text, *spoken);
  if (auto spoken = symbol_word(text, position)) return spoken;
  return number_and_context(text, position);
}

}  // namespace

std::string expand_english_for_speech(std::string_view sanitised_text) {
  return expand_spoken(sanitised_text, spoken_at);
}

}  // namespace codriver::speech
