#include "language/time_atoms.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <utility>

#include "language/numbers.h"
#include "language/quantities.h"
#include "language/quantities_with_numbers.h"
#include "language/text_scan.h"

namespace codriver::language {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

struct NamedTime {
  std::string_view text{};
  int day = -1;  // -1: names no day
  std::string_view part{};
  int hour = -1;  // -1: names no clock time
  bool now = false;
};

constexpr NamedTime kEnglishNames[] = {{"the day after tomorrow", 2},
                                       {"day after tomorrow", 2},
                                       {"tomorrow", 1},
                                       {"tmrw", 1},
                                       {"tmr", 1},
                                       {"today", 0},
                                       {"tonight", 0, "evening"},
                                       {"this morning", 0, "morning"},
                                       {"this afternoon", 0, "afternoon"},
                                       {"this evening", 0, "evening"},
                                       {"in the morning", -1, "morning"},
                                       {"in the afternoon", -1, "afternoon"},
                                       {"in the evening", -1, "evening"},
                                       {"at night", -1, "night"},
                                       {"at noon", -1, "noon", 12},
                                       {"at midday", -1, "noon", 12},
                                       {"at midnight", -1, "night", 0},
                                       {"morning", -1, "morning"},
                                       {"afternoon", -1, "afternoon"},
                                       {"evening", -1, "evening"},
                                       {"night", -1, "night"},
                                       {"noon", -1, "noon", 12},
                                       {"midday", -1, "noon", 12},
                                       {"midnight", -1, "night", 0},
                                       {"right now", -1, "", -1, true},
                                       {"right away", -1, "", -1, true},
                                       {"immediately", -1, "", -1, true},
                                       {"now", -1, "", -1, true}};

constexpr NamedTime kChineseNames[] = {{"大后天", 3},
                                       {"后天", 2},
                                       {"明天", 1},
                                       {"明日", 1},
                                       {"明儿", 1},
                                       {"今天", 0},
                                       {"今日", 0},
                                       {"今儿", 0},
                                       {"今晚", 0, "evening"},
                                       {"今夜", 0, "night"},
                                       {"明晚", 1, "evening"},
                                       {"明早", 1, "morning"},
                                       {"明晨", 1, "morning"},
                                       {"今早", 0, "morning"},
                                       {"早上", -1, "morning"},
                                       {"早晨", -1, "morning"},
                                       {"清晨", -1, "morning"},
                                       {"上午", -1, "morning"},
                                       {"中午", -1, "noon"},
                                       {"午间", -1, "noon"},
                                       {"下午", -1, "afternoon"},
                                       {"午后", -1, "afternoon"},
                                       {"傍晚", -1, "evening"},
                                       {"晚上", -1, "evening"},
                                       {"晚间", -1, "evening"},
                                       {"夜里", -1, "night"},
                                       {"夜间", -1, "night"},
                                       {"半夜", -1, "night"},
                                       {"深夜", -1, "night"},
                                       {"凌晨", -1, "night"},
                                       {"午夜", -1, "night", 0},
                                       {"现在", -1, "", -1, true},
                                       {"马上", -1, "", -1, true},
                                       {"立刻", -1, "", -1, true},
                                       {"立即", -1, "", -1, true},
                                       {"立马", -1, "", -1, true}};

TimeAtom atom_of(const NamedTime& name, std::size_t begin, std::size_t end) {
  TimeAtom atom{begin, end};
  if (name.day >= 0) atom.day = name.day;
  atom.part = name.part;
  if (name.hour >= 0) atom.hour = name.hour;
  atom.now = name.now;
  return atom;
}

std::optional<TimeAtom> named_time_at(std::string_view text, std::size_t pos) {
  const bool word_start = is_word_start(text, pos);
  const std::span<const NamedTime> names = word_start ? std::span<const NamedTime>(kEnglishNames)
                                                      : std::span<const NamedTime>(kChineseNames);
  std::optional<TimeAtom> best;
  for (const NamedTime& name : names) {
    const std::size_t end = word_start                     ? phrase_end(text, pos, name.text)
                            : has_at(text, pos, name.text) ? pos + name.text.size()
                                                           : kNone;
    if (end != kNone && (!best || end > best->end)) best = atom_of(name, pos, end);
  }
  return best;
}

void add_named_times(std::string_view text, std::vector<TimeAtom>& atoms) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto atom = named_time_at(text, pos);
    if (atom && previous_word(text, pos) == "last") {  // "last night" is yesterday
      pos = atom->end;
    } else if (atom) {
      atoms.push_back(*atom);
      pos = atom->end;
    } else {
      pos += code_point_at(text, pos).size;
    }
  }
}

bool inside(const std::vector<Quantity>& quantities, std::size_t pos) {
  return std::any_of(quantities.begin(), quantities.end(),
                     [&](const Quantity& q) { return q.begin <= pos && pos < q.end; });
}

std::optional<int> whole(const std::optional<NumberMatch>& number, int low, int high) {
  if (!number || number->approximate || number->value != std::floor(number->value) ||
      number->value < low || number->value > high) {
    return std::nullopt;
  }
  return static_cast<int>(number->value);
}

// "pm", "p.m.", "am", "a.m." after a clock reading; extends `atom` when found.
void read_meridiem(std::string_view text, TimeAtom& atom) {
  const std::size_t pos = skip_space(text, atom.end);
  for (const auto& [spelling, meridiem] :
       {std::pair{"a.m.", Meridiem::kAm}, std::pair{"p.m.", Meridiem::kPm},
        std::pair{"am", Meridiem::kAm}, std::pair{"pm", Meridiem::kPm}}) {
    const std::string_view written = spelling;
    if (!has_at(text, pos, written)) continue;
    const std::size_t end = pos + written.size();
    if (end < text.size() && is_ascii_letter(text[end])) continue;
    atom.meridiem = meridiem;
    atom.end = end;
    return;
  }
  if (const std::size_t end = phrase_end(text, pos, "o'clock"); end != kNone) atom.end = end;
  if (const std::size_t end = phrase_end(text, pos, "oclock"); end != kNone) atom.end = end;
}

// "at " before the reading belongs to it.
void read_at_before(std::string_view text, TimeAtom& atom) {
  if (previous_word(text, atom.begin) == "at") atom.begin -= 3;
}

// "8:30", "20:30", "8:30 pm".
void add_colon_times(std::string_view text, std::vector<TimeAtom>& atoms) {
  for (std::size_t colon = 1; colon + 2 < text.size(); ++colon) {
    if (text[colon] != ':' || !is_ascii_digit(text[colon + 1]) || !is_ascii_digit(text[colon + 2]))
      continue;
    if (colon + 3 < text.size() && is_ascii_digit(text[colon + 3])) continue;
    std::size_t begin = colon;
    while (begin > 0 && is_ascii_digit(text[begin - 1]) && colon - begin < 2)
      --begin;
    if (begin == colon || (begin > 0 && is_ascii_digit(text[begin - 1]))) continue;
    const int hour = std::stoi(std::string(text.substr(begin, colon - begin)));
    const int minute = (text[colon + 1] - '0') * 10 + (text[colon + 2] - '0');
    if (hour > 24 || minute > 59) continue;
    TimeAtom atom{begin, colon + 3};
    atom.hour = hour;
    atom.minute = minute;
    read_meridiem(text, atom);
    read_at_before(text, atom);
    atoms.push_back(atom);
  }
}

// "at 8", "8 pm", "seven o'clock", "at seven thirty".
void add_english_clocks(std::string_view text, const std::vector<NumberMatch>& numbers,
                        const std::vector<Quantity>& quantities, std::vector<TimeAtom>& atoms) {
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const NumberMatch& number = numbers[i];
    const auto hour = whole(number, 0, 24);
    if (!hour || inside(quantities, number.begin)) continue;
    TimeAtom atom{number.begin, number.end};
    atom.hour = *hour;
    const bool after_at = previous_word(text, number.begin) == "at";
    if (after_at && i + 1 < numbers.size() && numbers[i + 1].begin == number.end + 1 &&
        !inside(quantities, numbers[i + 1].begin)) {
      if (const auto minute = whole(numbers[i + 1], 0, 59)) {
        atom.minute = *minute;
        atom.end = numbers[i + 1].end;
      }
    }
    const std::size_t before_suffix = atom.end;
    read_meridiem(text, atom);
    const bool has_suffix = atom.end != before_suffix;
    if (atom.meridiem != Meridiem::kNone && *hour > 12) continue;
    if (!after_at && !has_suffix) continue;
    read_at_before(text, atom);
    atoms.push_back(atom);
  }
}

// Minutes before "past"/"to": "half", "quarter", "a quarter", "ten", "10 minutes".
std::optional<std::pair<std::size_t, int>> minutes_before(std::string_view text, std::size_t pos,
                                                          const std::vector<NumberMatch>& numbers) {
  std::size_t end = skip_space_back(text, pos);
  if (const std::size_t begin = phrase_begin(text, end, "half"); begin != kNone) {
    return std::pair{begin, 30};
  }
  for (const std::string_view quarter : {"a quarter", "quarter"}) {
    if (const std::size_t begin = phrase_begin(text, end, quarter); begin != kNone) {
      return std::pair{begin, 15};
    }
  }
  for (const std::string_view unit : {"minutes", "minute", "mins", "min"}) {
    if (const std::size_t begin = phrase_begin(text, end, unit); begin != kNone) {
      end = skip_space_back(text, begin);
      break;
    }
  }
  for (const NumberMatch& number : numbers) {
    if (number.end != end) continue;
    if (const auto minutes = whole(number, 1, 30)) return std::pair{number.begin, *minutes};
  }
  return std::nullopt;
}

// "half past seven", "quarter to eight", "ten past 9", "20 to 6 pm".
void add_relative_clocks(std::string_view text, const std::vector<NumberMatch>& numbers,
                         const std::vector<Quantity>& quantities, std::vector<TimeAtom>& atoms) {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const std::string_view word = word_at(text, pos);
    if (word != "past" && word != "to") continue;
    const auto minutes = minutes_before(text, pos, numbers);
    const std::size_t hour_pos = skip_space(text, pos + word.size());
    const auto hour_number = number_at(text, hour_pos);
    const auto hour = whole(hour_number, 1, 12);
    if (!minutes || !hour || inside(quantities, hour_pos)) continue;
    if (word == "to" && minutes->second == 30) continue;
    TimeAtom atom{minutes->first, hour_number->end};
    atom.hour = word == "past" ? *hour : (*hour + 11) % 12;
    atom.minute = word == "past" ? minutes->second : 60 - minutes->second;
    if (word == "to" && *atom.hour == 0) atom.hour = 12;
    read_meridiem(text, atom);
    atoms.push_back(atom);
  }
}

bool is_clock_numeral(const CodePoint& c) {
  return (c.size == 1 && is_ascii_digit(static_cast<char>(c.value))) ||
         std::u32string_view(U"零〇一二两三四五六七八九十").find(c.value) !=
             std::u32string_view::npos;
}

// The hour that ends right at the 点 at `marker`: "八", "十二", "20".
std::optional<NumberMatch> hour_before(std::string_view text, std::size_t marker) {
  std::size_t start = marker;
  while (start > 0 && marker - start < 12 && is_clock_numeral(code_point_before(text, start))) {
    start -= code_point_before(text, start).size;
  }
  const std::string_view up_to_marker = text.substr(0, marker);
  for (std::size_t pos = start; pos < marker; pos += code_point_at(text, pos).size) {
    const auto number = number_at(up_to_marker, pos);
    if (number && number->end == marker) return number;
  }
  return std::nullopt;
}

// Minutes after "八点": 半, 一刻, 三刻, 整, "十分", "零五", "三十", "05".
void read_chinese_minutes(std::string_view text, TimeAtom& atom) {
  for (const auto& [word, minutes] :
       {std::pair{"半", 30}, std::pair{"一刻", 15}, std::pair{"三刻", 45}, std::pair{"整", 0}}) {
    const std::string_view written = word;
    if (has_at(text, atom.end, written)) {
      atom.minute = minutes;
      atom.end += written.size();
      return;
    }
  }
  const auto number = number_at(text, atom.end);
  const auto minutes = whole(number, 0, 59);
  if (!minutes) return;
  const bool with_fen = has_at(text, number->end, "分") && !has_at(text, number->end, "分钟");
  const bool leading_zero = has_at(text, atom.end, "零") || has_at(text, atom.end, "0");
  if (!with_fen && *minutes < 10 && !leading_zero) return;
  atom.minute = *minutes;
  atom.end = number->end + (with_fen ? std::string_view("分").size() : 0);
}

// "八点", "八点半", "晚上8点30", "20时30分", "七点一刻", "十点钟".
void add_chinese_clocks(std::string_view text, std::vector<TimeAtom>& atoms) {
  for (std::size_t pos = 0; pos < text.size(); pos += code_point_at(text, pos).size) {
    const CodePoint marker = code_point_at(text, pos);
    if (marker.value != U'点' && marker.value != U'點' && marker.value != U'时') continue;
    const auto number = hour_before(text, pos);
    const auto hour = whole(number, 0, 24);
    if (!hour) continue;
    TimeAtom atom{number->begin, pos + marker.size};
    atom.hour = *hour;
    if (marker.value == U'时') {
      const char32_t next = code_point_at(text, atom.end).value;
      if (next == U'候' || next == U'间' || next == U'速' || next == U'代') continue;
    }
    bool named = false;
    if (has_at(text, atom.end, "钟")) {
      atom.end += std::string_view("钟").size();
      named = true;
    }
    const std::size_t before_minutes = atom.end;
    read_chinese_minutes(text, atom);
    const auto whole_reading = number_at(text, number->begin);
    const bool read_as_decimal = whole_reading && whole_reading->end > pos;  // 三点五 = 3.5
    if (read_as_decimal && atom.end == before_minutes) continue;
    atom.weak = *hour == 1 && !named && atom.end == before_minutes;
    atoms.push_back(atom);
  }
}

// "in 20 minutes", "after an hour", "20 minutes from now", "二十分钟后", "过半小时".
void add_delays(std::string_view text, const std::vector<Quantity>& quantities,
                std::vector<TimeAtom>& atoms) {
  for (const Quantity& quantity : quantities) {
    constexpr double kLongestDelay = 366 * 24 * 3600.0;
    if (quantity.kind != QuantityKind::kDuration || quantity.upper_bound || quantity.lower_bound ||
        quantity.value > kLongestDelay) {
      continue;
    }
    TimeAtom atom{quantity.begin, quantity.end};
    const std::string_view before = previous_word(text, quantity.begin);
    if (before == "in" || before == "after") atom.begin -= before.size() + 1;
    for (const std::string_view after : {"from now", "later"}) {
      if (const std::size_t end = phrase_end(text, skip_space(text, quantity.end), after);
          end != kNone && skip_space(text, quantity.end) != quantity.end) {
        atom.end = end;
      }
    }
    for (const std::string_view after : {"以后", "之后", "后"}) {
      if (has_at(text, quantity.end, after)) {
        atom.end = quantity.end + after.size();
        break;
      }
    }
    for (const std::string_view before_zh : {"再过", "过"}) {
      if (ends_at(text, quantity.begin, before_zh)) {
        atom.begin = quantity.begin - before_zh.size();
        break;
      }
    }
    if (atom.begin == quantity.begin && atom.end == quantity.end) continue;
    atom.in_minutes = static_cast<int>(std::lround(quantity.value / 60));
    atoms.push_back(atom);
  }
}

}  // namespace

std::vector<TimeAtom> find_time_atoms(std::string_view folded) {
  const std::vector<NumberMatch> numbers = find_numbers(folded);
  const std::vector<Quantity> quantities = find_quantities(folded, numbers);
  std::vector<TimeAtom> atoms;
  add_named_times(folded, atoms);
  add_colon_times(folded, atoms);
  add_english_clocks(folded, numbers, quantities, atoms);
  add_relative_clocks(folded, numbers, quantities, atoms);
  add_chinese_clocks(folded, atoms);
  add_delays(folded, quantities, atoms);
  std::sort(atoms.begin(), atoms.end(), [](const TimeAtom& a, const TimeAtom& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<TimeAtom> kept;
  for (const TimeAtom& atom : atoms) {
    if (kept.empty() || atom.begin >= kept.back().end) kept.push_back(atom);
  }
  return kept;
}

}  // namespace codriver::language
