#include "language/quantities.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "language/numbers.h"
#include "language/quantities_with_numbers.h"
#include "language/quantity_units.h"
#include "language/text_scan.h"

namespace codriver::language {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

struct BoundWord {
  std::string_view text;
  bool upper;
  bool lower;
};

// Before the number; longest first where one phrase ends another ("no more than", "more than").
constexpr BoundWord kEnglishBoundsBefore[] = {
    {"no more than", true, false}, {"not more than", true, false}, {"no further than", true, false},
    {"no less than", false, true}, {"not less than", false, true}, {"no fewer than", false, true},
    {"less than", true, false},    {"fewer than", true, false},    {"more than", false, true},
    {"at most", true, false},      {"at least", false, true},      {"up to", true, false},
    {"within", true, false},       {"under", true, false},         {"below", true, false},
    {"maximum", true, false},      {"max", true, false},           {"over", false, true},
    {"above", false, true},        {"minimum", false, true}};

constexpr BoundWord kEnglishBoundsAfter[] = {
    {"or less", true, false},  {"or fewer", true, false}, {"or under", true, false},
    {"or below", true, false}, {"at most", true, false},  {"max", true, false},
    {"or more", false, true},  {"or above", false, true}, {"or over", false, true},
    {"at least", false, true}, {"plus", false, true},     {"and up", false, true},
    {"and above", false, true}};

constexpr BoundWord kChineseBoundsBefore[] = {
    {"不超过", true, false}, {"不多于", true, false}, {"不大于", true, false},
    {"不高于", true, false}, {"不少于", false, true}, {"不小于", false, true},
    {"不低于", false, true}, {"至多", true, false},   {"最多", true, false},
    {"不到", true, false},   {"少于", true, false},   {"小于", true, false},
    {"低于", true, false},   {"不足", true, false},   {"至少", false, true},
    {"最少", false, true},   {"起码", false, true},   {"超过", false, true},
    {"多于", false, true},   {"大于", false, true},   {"高于", false, true}};

// "左右" (about) bounds nothing but belongs to the quantity.
constexpr BoundWord kChineseBoundsAfter[] = {{"以内", true, false}, {"之内", true, false},
                                             {"以下", true, false}, {"内", true, false},
                                             {"以上", false, true}, {"左右", false, false}};

void apply(const BoundWord& bound, Quantity& quantity) {
  quantity.upper_bound = quantity.upper_bound || bound.upper;
  quantity.lower_bound = quantity.lower_bound || bound.lower;
}

// "不要超过三公里" (must not exceed) turns the lower bound of 超过 into an upper one.
void read_negation(std::string_view text, std::size_t floor, const BoundWord& bound,
                   Quantity& quantity) {
  if (!bound.text.starts_with("不")) {
    for (const std::string_view negation :
         {"不要", "不能", "不得", "不会", "没有", "别", "没", "不"}) {
      if (ends_at(text, quantity.begin, negation) && quantity.begin - negation.size() >= floor) {
        quantity.begin -= negation.size();
        return apply(BoundWord{bound.text, bound.lower, bound.upper}, quantity);
      }
    }
  }
  apply(bound, quantity);
}

void read_bound_before(std::string_view text, std::size_t floor, Quantity& quantity) {
  const std::size_t spaced = skip_space_back(text, quantity.begin);
  for (const BoundWord& bound : kEnglishBoundsBefore) {
    const std::size_t begin = phrase_begin(text, spaced, bound.text);
    if (begin != kNone && begin >= floor) {
      quantity.begin = begin;
      return apply(bound, quantity);
    }
  }
  for (const std::size_t end : {quantity.begin, spaced}) {
    for (const BoundWord& bound : kChineseBoundsBefore) {
      if (ends_at(text, end, bound.text) && end - bound.text.size() >= floor) {
        quantity.begin = end - bound.text.size();
        return read_negation(text, floor, bound, quantity);
      }
    }
  }
}

void read_bound_after(std::string_view text, Quantity& quantity) {
  const std::size_t spaced = skip_space(text, quantity.end);
  for (const BoundWord& bound : kChineseBoundsAfter) {
    for (const std::size_t begin : {quantity.end, spaced}) {
      if (has_at(text, begin, bound.text)) {
        quantity.end = begin + bound.text.size();
        return apply(bound, quantity);
      }
    }
  }
  if (spaced == quantity.end) return;
  for (const BoundWord& bound : kEnglishBoundsAfter) {
    if (const std::size_t end = phrase_end(text, spaced, bound.text); end != kNone) {
      quantity.end = end;
      return apply(bound, quantity);
    }
  }
}

// Where the unit may start after a number: "half an hour", "a quarter of an hour" and
// "a couple of hours" put "of" and an article between the number and the unit.
std::size_t unit_search_start(std::string_view text, const NumberMatch& number) {
  std::size_t pos = number.end;
  const bool fraction = number.value > 0 && number.value < 1;
  if (fraction || number.approximate) {
    if (const std::size_t of = next_word(text, pos); word_at(text, of) == "of") pos = of + 2;
  }
  if (fraction) {
    const std::size_t article = next_word(text, pos);
    const std::string_view word = word_at(text, article);
    if (word == "a" || word == "an") pos = article + word.size();
  }
  return pos;
}

struct Measured {
  Quantity quantity;
  double unit_factor = 0;  // of the unit written after the number; 0 for a prefix unit
};

std::optional<Measured> measured_at(std::string_view text, const NumberMatch& number) {
  const std::optional<UnitMatch> before = unit_before(text, number.begin);
  const std::optional<UnitMatch> after =
      unit_after(text, number.begin, unit_search_start(text, number));
  if (before) {
    Quantity quantity{before->kind, number.value * before->factor, before->begin, number.end};
    const bool same_unit =
        after && (after->kind == before->kind ||
                  (before->kind == QuantityKind::kSpeed && after->kind == QuantityKind::kDistance));
    if (same_unit) quantity.end = after->end;
    return Measured{quantity, 0};
  }
  if (!after) return std::nullopt;
  Quantity quantity{after->kind, number.value * after->factor, number.begin, after->end};
  const std::size_t next = next_word(text, quantity.end);
  if (const std::size_t end = phrase_end(text, next, "and a half");
      end != kNone && number.value == std::floor(number.value)) {
    quantity.value += 0.5 * after->factor;  // "an hour and a half", "a mile and a half"
    quantity.end = end;
  }
  return Measured{quantity, after->factor};
}

bool is_party_size(const NumberMatch& number) {
  return !number.approximate && number.value >= 1 && number.value <= 99 &&
         number.value == std::floor(number.value);
}

// What may follow "for two" when it is a party size: the end, punctuation or a few words.
bool ends_party_phrase(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return true;
  if (text[pos] != ' ') return !is_ascii_letter(text[pos]) && !is_ascii_digit(text[pos]);
  const std::size_t next = pos + 1;
  if (next >= text.size()) return true;
  if (!is_ascii_letter(text[next])) return !is_ascii_digit(text[next]);
  const std::string_view word = word_at(text, next);
  for (const std::string_view follower :
       {"at",     "on",    "tonight", "tomorrow", "today",  "this",   "next",
        "please", "in",    "and",     "for",      "by",     "around", "within",
        "near",   "close", "under",   "with",     "before", "after",  "from"}) {
    if (word == follower) return true;
  }
  return false;
}

// "for two", "party of 6", "three of us", "we are four", "我们俩", "我们三个".
std::optional<Quantity> party_at(std::string_view text, const NumberMatch& number) {
  if (!is_party_size(number)) return std::nullopt;
  Quantity party{QuantityKind::kPeople, number.value, number.begin, number.end};
  if (const std::size_t us = phrase_end(text, next_word(text, number.end), "of us"); us != kNone) {
    party.end = us;
    return party;
  }
  for (const std::size_t end : {number.begin, skip_space_back(text, number.begin)}) {
    for (const std::string_view we : {"我们一共", "咱们一共", "我们", "咱们"}) {
      if (!ends_at(text, end, we)) continue;
      party.begin = end - we.size();
      if (has_at(text, party.end, "个")) party.end += std::string_view("个").size();
      return party;
    }
  }
  const std::size_t spaced = skip_space_back(text, number.begin);
  for (const std::string_view lead : {"party of", "group of", "we are", "we're", "for"}) {
    const std::size_t begin = phrase_begin(text, spaced, lead);
    if (begin == kNone || spaced == number.begin) continue;
    if (lead == "for" && !ends_party_phrase(text, number.end)) return std::nullopt;
    party.begin = begin;
    return party;
  }
  return std::nullopt;
}

// "1 hour 20 minutes", "an hour and 5 minutes", "一小时二十分钟", "2 km 300 m".
void read_smaller_parts(std::string_view text, double factor, Quantity& quantity) {
  while (true) {
    std::size_t pos = skip_space(text, quantity.end);
    if (const std::size_t after_and = phrase_end(text, pos, "and"); after_and != kNone) {
      pos = skip_space(text, after_and);
    }
    const auto number = number_at(text, pos);
    if (!number || number->approximate) return;
    const auto unit = unit_after(text, number->begin, number->end);
    if (!unit || unit->kind != quantity.kind || unit->factor >= factor) return;
    quantity.value += number->value * unit->factor;
    quantity.end = unit->end;
    factor = unit->factor;
  }
}

std::optional<Quantity> quantity_at(std::string_view text, const NumberMatch& number,
                                    std::size_t floor) {
  std::optional<Quantity> quantity;
  if (const auto measured = measured_at(text, number)) {
    quantity = measured->quantity;
    const bool adds_up =
        quantity->kind == QuantityKind::kDuration || quantity->kind == QuantityKind::kDistance;
    if (adds_up && measured->unit_factor > 0) {
      read_smaller_parts(text, measured->unit_factor, *quantity);
    }
  }
  const std::string_view word = word_at(text, number.begin);
  if (!quantity && word != "a" && word != "an") quantity = party_at(text, number);
  if (!quantity || quantity->begin < floor || !std::isfinite(quantity->value)) return std::nullopt;
  read_bound_before(text, floor, *quantity);
  read_bound_after(text, *quantity);
  return quantity;
}

// "a"/"an" read as one before a unit ("an hour", "a mile"), and "quarter" as a fraction
// ("a quarter of an hour", "three quarters of an hour").
void add_word_anchors(std::string_view text, const std::vector<NumberMatch>& numbers,
                      std::vector<NumberMatch>& anchors) {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const std::string_view word = word_at(text, pos);
    if (word == "a" || word == "an") anchors.push_back({pos, pos + word.size(), 1, false});
    if (word != "quarter" && word != "quarters") continue;
    NumberMatch quarter{pos, pos + word.size(), 0.25, false};
    const std::string_view before = previous_word(text, pos);
    if (before == "a" || before == "one") quarter.begin = pos - 1 - before.size();
    for (const NumberMatch& number : numbers) {
      if (number.end + 1 == pos && text[number.end] == ' ') {
        quarter = {number.begin, quarter.end, 0.25 * number.value, false};
      }
    }
    anchors.push_back(quarter);
  }
}

}  // namespace

std::vector<Quantity> find_quantities(std::string_view folded) {
  return find_quantities(folded, find_numbers(folded));
}

std::vector<Quantity> find_quantities(std::string_view folded,
                                      const std::vector<NumberMatch>& numbers) {
  std::vector<NumberMatch> anchors = numbers;
  add_word_anchors(folded, numbers, anchors);
  std::sort(anchors.begin(), anchors.end(), [](const NumberMatch& a, const NumberMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Quantity> quantities;
  std::size_t floor = 0;
  for (const NumberMatch& anchor : anchors) {
    if (anchor.begin < floor) continue;
    if (auto quantity = quantity_at(folded, anchor, floor)) {
      floor = quantity->end;
      quantities.push_back(*quantity);
    }
  }
  return quantities;
}

}  // namespace codriver::language
