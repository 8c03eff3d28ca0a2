#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

// Numbers and ordinals as people say and type them, in English and Chinese. All functions
// take folded text (fold_text) and report byte spans [begin, end) in it.
namespace codriver::language {

struct NumberMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  double value = 0;
  bool approximate = false;  // "a couple", "a few", "几", "二十多", "三四"
};

// Every number in the text, left to right, non-overlapping: digits ("3", "3.5", "1,200",
// "20%" gives 20 without the %), English words ("twenty-five", "a hundred and twenty",
// "one and a half", "a dozen", "a couple"), Chinese numerals ("一百零五", "两千", "三点五",
// "一个半", "十几", "俩") and mixed forms ("3千", "1.5万"). Ordinals ("first", "第一",
// "the 2nd one") and fixed words that only look like counts ("一下", "一起", "一点儿",
// "万一", "this one") are left out.
std::vector<NumberMatch> find_numbers(std::string_view folded);

// The value when the whole text is one number ("一百二十", "twenty five", "1,200").
std::optional<double> parse_number(std::string_view folded);

// The number starting exactly at byte `begin`, longest reading, without the exception list
// find_numbers applies; for extractors that know the context ("下午一点").
std::optional<NumberMatch> number_at(std::string_view folded, std::size_t begin);

struct OrdinalMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  int value = 0;  // 1-based; -1 for the last, -2 for the one before it
};

// "first", "2nd", "the third one", "last", "second to last", "number two", "no. 2", "#2",
// "第一", "第二个", "第2家", "最后一个", "倒数第二".
std::vector<OrdinalMatch> find_ordinals(std::string_view folded);

}  // namespace codriver::language
