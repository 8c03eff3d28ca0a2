#include "speech/speech_text_zh.h"

#include <array>

#include "speech/speech_text_scan.h"
#include "speech/spoken_numbers_zh.h"

namespace codriver::speech {
namespace {

struct Unit {
  std::string_view symbol;
  std::string_view spoken;
};

// Symbols an agent may write in Chinese text; longest first ("km" before "m").
constexpr std::array<Unit, 16> kUnits = {{
    {"kWh", "千瓦时"},
    {"kW", "千瓦"},
    {"km", "公里"},
    {"mins", "分钟"},
    {"min", "分钟"},
    {"hrs", "小时"},
    {"hr", "小时"},
    {"h", "小时"},
    {"sec", "秒"},
    {"s", "秒"},
    {"m", "米"},
    {"kg", "公斤"},
    {"L", "升"},
    {"\u00B0C", "摄氏度"},
    {"\u2103", "摄氏度"},
    {"\u00B0", "度"},
}};

// Speeds are said "每小时三十八公里" whichever way they are written.
constexpr std::array<std::string_view, 7> kSpeedUnits = {
    "公里/小时", "千米/小时", "公里每小时", "千米每小时", "km/h", "kph", "公里/时"};

// Words before which a lone 2 is said 两 ("两个", "两公里") rather than 二 ("二月", "二号").
constexpr std::array<std::string_view, 45> kMeasureWords = {
    "个", "位",   "辆", "条", "只", "次", "家",   "座",   "张", "本", "件",   "块",
    "种", "名",   "台", "杯", "瓶", "份", "间",   "层",   "站", "趟", "遍",   "节",
    "段", "口",   "天", "周", "年", "岁", "小时", "分钟", "秒", "点", "公里", "千米",
    "米", "公斤", "升", "元", "倍", "万", "千",   "亿",   "人"};

// Symbols are read after the number, except $ € £ which name the currency: "三美元".
struct Currency {
  std::string_view symbol;
  std::string_view spoken;
};
constexpr std::array<Currency, 3> kForeignCurrencies = {
    {{"$", "美元"}, {"\u20AC", "欧元"}, {"\u00A3", "英镑"}}};
constexpr std::array<std::string_view, 2> kYuanSigns = {"\u00A5", "\uFFE5"};

bool symbol_at(std::string_view text, std::size_t position, std::string_view symbol) {
  if (!starts_with_at(text, position, symbol)) return false;
  return !is_ascii_letter(symbol.back()) || letter_boundary_at(text, position + symbol.size());
}

bool measure_word_at(std::string_view text, std::size_t position) {
  for (std::string_view word : kMeasureWords) {
    if (starts_with_at(text, position, word)) return true;
  }
  return false;
}

std::string number_words(const WrittenNumber& number) {
  std::string words = number.negative ? "负" : "";
  words += chinese_integer(number.integer);
  if (!number.is_integer()) words += "点" + chinese_digits(number.fraction);
  return words;
}

// A count before `next_word`: "2" + "个" -> "两", but "第2个" stays "第二个".
std::string count_words(std::string_view text, std::size_t number_start,
                        const WrittenNumber& number, std::string_view next_word) {
  constexpr std::string_view kOrdinalPrefix = "第";
  const bool ordinal =
      number_start >= kOrdinalPrefix.size() &&
      text.substr(number_start - kOrdinalPrefix.size(), kOrdinalPrefix.size()) == kOrdinalPrefix;
  const bool lone_two = !number.negative && number.is_integer() && number.integer == "2";
  if (lone_two && !ordinal && measure_word_at(next_word, 0)) return "两";
  return number_words(number);
}

// ¥12.50 -> "十二元五角", ¥12.05 -> "十二元零五分", ¥0.5 -> "五角".
std::string yuan_words(const WrittenNumber& number) {
  if (number.fraction.size() > 2) return number_words(number) + "元";
  std::string cents = number.fraction;
  cents.resize(2, '0');
  const auto digit_word = [](char digit) {
    return digit == '2' ? std::string("两") : chinese_digits(std::string(1, digit));
  };
  std::string words = number.negative ? "负" : "";
  const bool has_yuan = number.integer != "0" || cents == "00";
  if (has_yuan) words += number.integer == "2" ? "两" : chinese_integer(number.integer);
  if (has_yuan) words += "元";
  if (cents[0] != '0') words += digit_word(cents[0]) + "角";
  if (cents[1] != '0') {
    if (cents[0] == '0' && has_yuan) words += "零";
    words += digit_word(cents[1]) + "分";
  }
  return words;
}

std::string trim_trailing_zeros(std::string fraction) {
  while (!fraction.empty() && fraction.back() == '0')
    fraction.pop_back();
  return fraction;
}

// "¥30" -> "三十元"; "$3" -> "三美元"; "€12.50" -> "十二点五欧元".
std::optional<Spoken> money_with_prefix(std::string_view text, std::size_t position) {
  for (std::string_view sign : kYuanSigns) {
    if (!starts_with_at(text, position, sign)) continue;
    const auto number = parse_number(text, skip_spaces(text, position + sign.size()));
    if (number) return Spoken{yuan_words(*number), number->end};
  }
  for (const Currency& currency : kForeignCurrencies) {
    if (!starts_with_at(text, position, currency.symbol)) continue;
    auto number = parse_number(text, skip_spaces(text, position + currency.symbol.size()));
    if (!number) return std::nullopt;
    number->fraction = trim_trailing_zeros(number->fraction);
    return Spoken{
        count_words(text, position, *number, currency.spoken) + std::string(currency.spoken),
        number->end};
  }
  return std::nullopt;
}

// "21:05" -> "二十一点零五分", "2:00" -> "两点".
std::optional<Spoken> clock_time(std::string_view text, std::size_t position) {
  const auto time = parse_clock_time(text, position);
  if (!time) return std::nullopt;
  std::string words = time->hour == 2 ? "两" : chinese_cardinal(time->hour);
  words += "点";
  if (time->minute > 0) {
    if (time->minute < 10) words += "零";
    words += chinese_cardinal(time->minute) + "分";
  }
  return Spoken{words, time->end};
}

// "2024年" -> "二零二四年": years are read digit by digit.
std::optional<Spoken> year(std::string_view text, const WrittenNumber& number) {
  const bool four_digits = !number.negative && number.is_integer() && number.integer.size() == 4;
  if (!four_digits || !starts_with_at(text, number.end, "年")) return std::nullopt;
  return Spoken{chinese_digits(number.integer), number.end};
}

std::optional<Spoken> percent(std::string_view text, const WrittenNumber& number) {
  const std::size_t at = skip_spaces(text, number.end);
  if (!starts_with_at(text, at, "%")) return std::nullopt;
  WrittenNumber magnitude = number;
  magnitude.negative = false;
  return Spoken{std::string(number.negative ? "负" : "") + "百分之" + number_words(magnitude),
                at + 1};
}

std::optional<Spoken> speed(std::string_view text, std::size_t start, const WrittenNumber& number) {
  const std::size_t at = skip_spaces(text, number.end);
  for (std::string_view unit : kSpeedUnits) {
    if (symbol_at(text, at, unit)) {
      return Spoken{"每小时" + count_words(text, start, number, "公里") + "公里", at + unit.size()};
    }
  }
  return std::nullopt;
}

std::optional<Spoken> measurement(std::string_view text, std::size_t start,
                                  const WrittenNumber& number) {
  const std::size_t at = skip_spaces(text, number.end);
  for (const Unit& unit : kUnits) {
    if (symbol_at(text, at, unit.symbol)) {
      return Spoken{count_words(text, start, number, unit.spoken) + std::string(unit.spoken),
                    at + unit.symbol.size()};
    }
  }
  for (const Currency& currency : kForeignCurrencies) {
    if (symbol_at(text, at, currency.symbol)) {
      return Spoken{
          count_words(text, start, number, currency.spoken) + std::string(currency.spoken),
          at + currency.symbol.size()};
    }
  }
  return std::nullopt;
}

// "2024-05-01" -> "二零二四年五月一日".
std::optional<Spoken> calendar_date(std::string_view text, std::size_t position) {
  const auto date = parse_iso_date(text, position);
  if (!date) return std::nullopt;
  return Spoken{chinese_digits(std::to_string(date->year)) + "年" +
                    chinese_cardinal(static_cast<unsigned>(date->month)) + "月" +
                    chinese_cardinal(static_cast<unsigned>(date->day)) + "日",
                date->end};
}

// "010-12345678" -> "零一零，一二三四五六七八".
std::optional<Spoken> phone_number(std::string_view text, std::size_t position) {
  const auto phone = parse_phone_number(text, position);
  if (!phone) return std::nullopt;
  std::string words;
  for (const std::string& group : phone->groups) {
    if (!words.empty()) words += "，";
    words += chinese_digits(group);
  }
  return Spoken{words, phone->end};
}

// "¥5/小时" -> "五元每小时".
Spoken with_per_unit(std::string_view text, Spoken spoken) {
  constexpr std::array<Unit, 9> kPerUnits = {{{"小时", "小时"},
                                              {"h", "小时"},
                                              {"天", "天"},
                                              {"kWh", "千瓦时"},
                                              {"度", "度"},
                                              {"次", "次"},
                                              {"人", "人"},
                                              {"公里", "公里"},
                                              {"km", "公里"}}};
  if (!starts_with_at(text, spoken.end, "/")) return spoken;
  for (const Unit& unit : kPerUnits) {
    if (symbol_at(text, spoken.end + 1, unit.symbol)) {
      spoken.words += "每";
      spoken.words += unit.spoken;
      spoken.end += 1 + unit.symbol.size();
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
  if (auto spoken = year(text, *number)) return spoken;
  if (auto spoken = percent(text, *number)) return spoken;
  if (auto spoken = speed(text, position, *number)) return spoken;
  if (auto spoken = measurement(text, position, *number)) return with_per_unit(text, *spoken);
  return Spoken{count_words(text, position, *number, text.substr(number->end)), number->end};
}

std::optional<Spoken> symbol_word(std::string_view text, std::size_t position) {
  std::size_t dash_end = 0;
  if (is_range_dash_at(text, position, &dash_end)) return Spoken{"到", dash_end};
  if (text[position] == '&') return Spoken{"和", position + 1};
  // "~5公里": 约五公里.
  if (text[position] == '~') {
    const bool before_number = position + 1 < text.size() && is_digit(text[position + 1]);
    return Spoken{before_number ? "约" : " ", position + 1};
  }
  return std::nullopt;
}

std::optional<Spoken> spoken_at(std::string_view text, std::size_t position) {
  if (auto spoken = money_with_prefix(text, position)) return with_per_unit(text, *spoken);
  if (auto spoken = symbol_word(text, position)) return spoken;
  return number_and_context(text, position);
}

}  // namespace

std::string expand_chinese_for_speech(std::string_view sanitised_text) {
  return expand_spoken(sanitised_text, spoken_at);
}

}  // namespace codriver::speech
