#include "speech/speech_text_scan.h"

namespace codriver::speech {
namespace {

constexpr std::string_view kMinusSign = "\u2212";
constexpr std::string_view kEnDash = "\u2013";

// The length of a minus sign at `position`, or 0.
std::size_t minus_sign_length(std::string_view text, std::size_t position) {
  if (starts_with_at(text, position, "-")) return 1;
  if (starts_with_at(text, position, kMinusSign)) return kMinusSign.size();
  return 0;
}

std::size_t digit_run_end(std::string_view text, std::size_t position) {
  while (position < text.size() && is_digit(text[position]))
    ++position;
  return position;
}

// Reads ",ddd" groups after the leading digits of "1,234,567".
std::size_t read_thousands_groups(std::string_view text, std::size_t position,
                                  std::string& digits) {
  while (position + 3 < text.size() && text[position] == ',') {
    const std::size_t group_end = digit_run_end(text, position + 1);
    if (group_end - position - 1 != 3) break;
    digits.append(text.substr(position + 1, 3));
    position = group_end;
  }
  return position;
}

}  // namespace

bool starts_with_at(std::string_view text, std::size_t position, std::string_view prefix) {
  return position <= text.size() && text.substr(position).starts_with(prefix);
}

bool letter_boundary_at(std::string_view text, std::size_t position) {
  return position >= text.size() || !is_ascii_letter(text[position]);
}

std::size_t skip_spaces(std::string_view text, std::size_t position) {
  while (position < text.size() && text[position] == ' ')
    ++position;
  return position;
}

std::optional<WrittenNumber> parse_number(std::string_view text, std::size_t position) {
  WrittenNumber number;
  const std::size_t sign = minus_sign_length(text, position);
  if (sign > 0) {
    // "A-4" and "5-10" are hyphens, not minus signs.
    if (position > 0 && is_ascii_alnum(text[position - 1])) return std::nullopt;
    number.negative = true;
    position += sign;
  }
  if (position >= text.size() || !is_digit(text[position])) return std::nullopt;
  const std::size_t integer_end = digit_run_end(text, position);
  number.integer = std::string(text.substr(position, integer_end - position));
  position = integer_end;
  if (number.integer.size() <= 3) position = read_thousands_groups(text, position, number.integer);
  if (position + 1 < text.size() && text[position] == '.' && is_digit(text[position + 1])) {
    const std::size_t fraction_end = digit_run_end(text, position + 1);
    number.fraction = std::string(text.substr(position + 1, fraction_end - position - 1));
    position = fraction_end;
  }
  number.end = position;
  return number;
}

std::optional<ClockTime> parse_clock_time(std::string_view text, std::size_t position) {
  const std::size_t hour_end = digit_run_end(text, position);
  if (hour_end == position || hour_end - position > 2) return std::nullopt;
  std::size_t colon_end = hour_end;
  if (starts_with_at(text, hour_end, ":")) {
    colon_end += 1;
  } else if (starts_with_at(text, hour_end, "\uFF1A")) {
    colon_end += std::string_view("\uFF1A").size();
  } else {
    return std::nullopt;
  }
  const std::size_t minute_end = digit_run_end(text, colon_end);
  if (minute_end - colon_end != 2) return std::nullopt;
  // "1:30:15" or "10:30:00" is not a plain clock time.
  if (starts_with_at(text, minute_end, ":") && minute_end + 1 < text.size() &&
      is_digit(text[minute_end + 1])) {
    return std::nullopt;
  }
  ClockTime time{std::stoi(std::string(text.substr(position, hour_end - position))),
                 std::stoi(std::string(text.substr(colon_end, 2))), minute_end};
  if (time.hour > 23 || time.minute > 59) return std::nullopt;
  return time;
}

std::optional<CalendarDate> parse_iso_date(std::string_view text, std::size_t position) {
  const auto field = [&](std::size_t at, std::size_t length) {
    const bool digits = digit_run_end(text, at) == at + length;
    return digits ? std::stoi(std::string(text.substr(at, length))) : -1;
  };
  if (position + 10 > text.size() || text[position + 4] != '-' || text[position + 7] != '-') {
    return std::nullopt;
  }
  CalendarDate date{field(position, 4), field(position + 5, 2), field(position + 8, 2),
                    position + 10};
  if (date.year < 0 || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) {
    return std::nullopt;
  }
  if (date.end < text.size() && is_digit(text[date.end])) return std::nullopt;
  return date;
}

std::optional<DigitGroups> parse_phone_number(std::string_view text, std::size_t position) {
  if (starts_with_at(text, position, "+")) ++position;
  DigitGroups phone;
  std::size_t digits = 0;
  while (position < text.size() && is_digit(text[position])) {
    const std::size_t group_end = digit_run_end(text, position);
    phone.groups.emplace_back(text.substr(position, group_end - position));
    digits += group_end - position;
    phone.end = group_end;
    const bool hyphen_then_digit =
        group_end + 1 < text.size() && text[group_end] == '-' && is_digit(text[group_end + 1]);
    if (!hyphen_then_digit) break;
    position = group_end + 1;
  }
  if (phone.groups.size() < 2 || digits < 7) return std::nullopt;
  return phone;
}

bool is_range_dash_at(std::string_view text, std::size_t position, std::size_t* dash_end) {
  if (position == 0 || !is_digit(text[position - 1])) return false;
  std::size_t length = 0;
  if (starts_with_at(text, position, "-") || starts_with_at(text, position, "~")) {
    length = 1;
  } else if (starts_with_at(text, position, kEnDash)) {
    length = kEnDash.size();
  }
  if (length == 0) return false;
  const std::size_t after = skip_spaces(text, position + length);
  if (after >= text.size() || !is_digit(text[after])) return false;
  *dash_end = after;
  return true;
}

void append_spoken(std::string& out, std::string_view words, std::string_view rest_of_text) {
  if (words.empty()) return;
  // Chinese words join their neighbours directly; English words need a space after a
  // letter, a digit or punctuation ("A4" -> "A four", "1,2" -> "one, two").
  const bool latin_start = is_ascii_alnum(words.front());
  const bool after_word_or_clause =
      !out.empty() && (is_ascii_alnum(out.back()) ||
                       std::string_view(".,;:!?").find(out.back()) != std::string_view::npos);
  if (latin_start && after_word_or_clause) out += ' ';
  out += words;
  const bool latin_end = is_ascii_alnum(words.back());
  if (latin_end && !rest_of_text.empty() && is_ascii_letter(rest_of_text.front())) out += ' ';
}

std::string expand_spoken(std::string_view sanitised_text, SpokenReader read) {
  std::string out;
  std::size_t position = 0;
  while (position < sanitised_text.size()) {
    if (auto spoken = read(sanitised_text, position)) {
      append_spoken(out, spoken->words, sanitised_text.substr(spoken->end));
      position = spoken->end;
    } else {
      out += sanitised_text[position++];
    }
  }
  return tidy_spaces(out);
}

std::string tidy_spaces(std::string_view text) {
  std::string tidy;
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ') {
      pending_space = !tidy.empty();
      continue;
    }
    const bool punctuation = c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':';
    if (pending_space && !punctuation) tidy += ' ';
    pending_space = false;
    tidy += c;
  }
  return tidy;
}

}  // namespace codriver::speech
