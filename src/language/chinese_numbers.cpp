#include <cmath>

#include "language/number_readers.h"
#include "language/text_scan.h"

namespace codriver::language {
namespace {

// 0-9 for the digit characters (几 "a few" reads as 3), -1 otherwise.
int chinese_digit(char32_t c) {
  switch (c) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
    case U'几':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

// Digits that may be read one by one ("二零二四") or after a decimal point: not 两 or 几.
int plain_digit(char32_t c) {
  return c == U'两' || c == U'几' ? -1 : chinese_digit(c);
}

bool is_zero(char32_t c) {
  return c == U'零' || c == U'〇';
}

// "二零二四" (2024), "一二三"; two neighbouring digits ("三四个") mean "three or four".
std::optional<NumberMatch> digit_string_at(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  double value = 0;
  int count = 0;
  int first = -1;
  int second = -1;
  for (CodePoint c = code_point_at(text, end); plain_digit(c.value) >= 0;
       c = code_point_at(text, end)) {
    const int digit = plain_digit(c.value);
    value = value * 10 + digit;
    if (count == 0) first = digit;
    if (count == 1) second = digit;
    ++count;
    end += c.size;
  }
  if (count < 2 || chinese_unit_value(code_point_at(text, end).value) > 0) return std::nullopt;
  if (count == 2 && first > 0 && second == first + 1)
    return NumberMatch{pos, end, 1.0 * first, true};
  return NumberMatch{pos, end, value, false};
}

// Positional reading with units: "十五", "一百零五", "三千五", "一万亿", "十几".
class StructuredReader {
 public:
  std::optional<NumberMatch> read(std::string_view text, std::size_t pos) {
    std::size_t cursor = pos;
    std::size_t end = pos;
    while (true) {
      const CodePoint c = code_point_at(text, cursor);
      if (!take(text, cursor, c)) break;
      cursor += c.size;
      end = cursor;
    }
    if (end == pos) return std::nullopt;
    return NumberMatch{pos, end, value(), approximate_};
  }

 private:
  bool take(std::string_view text, std::size_t cursor, CodePoint c) {
    if (const int digit = chinese_digit(c.value); digit >= 0) return take_digit(c.value, digit);
    const double unit = chinese_unit_value(c.value);
    if (unit == 10) return take_ten();
    if (unit == 1e2 || unit == 1e3) {
      const char32_t next = code_point_at(text, cursor + c.size).value;
      if (unit == 1e3 && (next == U'瓦' || next == U'米')) return false;  // 千瓦, 千米: units
      if (unit == 1e2 && next == U'分') return false;                     // 百分之: percent
      return take_hundreds(unit);
    }
    if (unit == 1e4) return take_ten_thousand();
    if (unit == 1e8) return take_hundred_million();
    return false;
  }

  bool take_digit(char32_t c, int digit) {
    if (pending_ >= 0) return false;
    if (is_zero(c)) {
      if (!started_) pending_ = 0;
      zero_gap_ = true;
    } else {
      pending_ = digit;
      approximate_ = approximate_ || c == U'几';
    }
    started_ = true;
    return true;
  }

  bool take_ten() {
    if (section_unit_ != 0 && section_unit_ <= 10) return false;
    section_ += (pending_ > 0 ? pending_ : 1) * 10;
    close_unit(10);
    return true;
  }

  bool take_hundreds(double unit) {
    if (pending_ <= 0 || (section_unit_ != 0 && section_unit_ <= unit)) return false;
    section_ += pending_ * unit;
    close_unit(unit);
    return true;
  }

  bool take_ten_thousand() {
    const double group = section_ + (pending_ > 0 ? pending_ : 0);
    if (group == 0 || ten_thousands_ > 0) return false;
    ten_thousands_ = group * 1e4;
    section_ = 0;
    section_unit_ = 0;
    close_unit(1e4);
    return true;
  }

  bool take_hundred_million() {
    const double group = ten_thousands_ + section_ + (pending_ > 0 ? pending_ : 0);
    if (group == 0 || hundred_millions_ > 0) return false;
    hundred_millions_ = group * 1e8;
    ten_thousands_ = 0;
    section_ = 0;
    section_unit_ = 0;
    close_unit(1e8);
    return true;
  }

  void close_unit(double unit) {
    if (unit < 1e4) section_unit_ = unit;
    last_unit_ = unit;
    pending_ = -1;
    zero_gap_ = false;
    started_ = true;
  }

  // A trailing digit right after a unit is shorthand for the next unit down: 三千五 = 3500,
  // 一万五 = 15000, but 一百零五 = 105.
  double value() const {
    double tail = 0;
    if (pending_ > 0)
      tail = !zero_gap_ && last_unit_ >= 100 ? pending_ * last_unit_ / 10 : pending_;
    return hundred_millions_ + ten_thousands_ + section_ + tail;
  }

  double hundred_millions_ = 0;
  double ten_thousands_ = 0;
  double section_ = 0;
  double section_unit_ = 0;
  double last_unit_ = 0;
  int pending_ = -1;
  bool zero_gap_ = false;
  bool started_ = false;
  bool approximate_ = false;
};

// "三点五" = 3.5, unless what follows makes it a time or a larger number: "三点五分",
// "八点三十", "三点一刻".
void read_decimals(std::string_view text, NumberMatch& match) {
  if (match.approximate || !has_at(text, match.end, "点")) return;
  std::size_t cursor = match.end + std::string_view("点").size();
  double fraction = 0;
  double divisor = 1;
  for (CodePoint c = code_point_at(text, cursor); plain_digit(c.value) >= 0;
       c = code_point_at(text, cursor)) {
    fraction = fraction * 10 + plain_digit(c.value);
    divisor *= 10;
    cursor += c.size;
  }
  // 万 and 亿 scale a decimal ("三点五万"); any other unit means it was not one.
  const char32_t next = code_point_at(text, cursor).value;
  const bool scales = next == U'万' || next == U'亿';
  if (divisor == 1 || (chinese_unit_value(next) > 0 && !scales) || next == U'分' || next == U'刻')
    return;
  match.value += fraction / divisor;
  match.end = cursor;
  read_chinese_magnitudes(text, match);
}

std::optional<NumberMatch> single_word_number_at(std::string_view text, std::size_t pos) {
  if (has_at(text, pos, "两三")) {  // "two or three"
    return NumberMatch{pos, pos + std::string_view("两三").size(), 2, true};
  }
  const CodePoint c = code_point_at(text, pos);
  if (c.value == U'俩') return NumberMatch{pos, pos + c.size, 2, false};
  if (c.value == U'仨') return NumberMatch{pos, pos + c.size, 3, false};
  if (c.value == U'半') return NumberMatch{pos, pos + c.size, 0.5, false};
  if (has_at(text, pos, "一半"))
    return NumberMatch{pos, pos + std::string_view("一半").size(), 0.5, false};
  return std::nullopt;
}

}  // namespace

double chinese_unit_value(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 1e2;
    case U'千':
      return 1e3;
    case U'万':
      return 1e4;
    case U'亿':
      return 1e8;
    default:
      return 0;
  }
}

bool is_chinese_numeral(char32_t c) {
  return chinese_digit(c) >= 0 || chinese_unit_value(c) > 0;
}

std::optional<NumberMatch> chinese_number_at(std::string_view text, std::size_t pos) {
  if (auto word = single_word_number_at(text, pos)) return word;
  std::optional<NumberMatch> match = digit_string_at(text, pos);
  if (!match) match = StructuredReader().read(text, pos);
  if (!match) return std::nullopt;
  read_decimals(text, *match);
  read_chinese_number_suffixes(text, *match);
  if (!std::isfinite(match->value)) return std::nullopt;
  return match;
}

}  // namespace codriver::language
