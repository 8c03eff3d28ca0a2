#include "language/chinese_script.h"

#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>
#include <opencc/SimpleConverter.hpp>

#include "language/name_key.h"
#include "language/utf8.h"

#ifndef CODRIVER_OPENCC_DATA_DIR
#define CODRIVER_OPENCC_DATA_DIR "/usr/share/opencc"
#endif

namespace codriver::language {
namespace {

constexpr const char* kConfigName = "t2s.json";

std::vector<std::filesystem::path> opencc_data_dirs() {
  std::vector<std::filesystem::path> dirs;
  if (const char* configured = std::getenv("CODRIVER_OPENCC_DIR")) dirs.emplace_back(configured);
  dirs.emplace_back(CODRIVER_OPENCC_DATA_DIR);
  dirs.emplace_back("/usr/share/opencc");
  dirs.emplace_back("/usr/local/share/opencc");
  return dirs;
}

// Loading reads OpenCC's dictionaries (tens of milliseconds), so it happens once; the
// converter's Convert is const and shares nothing mutable between threads.
std::unique_ptr<opencc::SimpleConverter> load_converter() {
  for (const auto& dir : opencc_data_dirs()) {
    std::error_code error;
    const auto config = dir / kConfigName;
    if (!std::filesystem::is_regular_file(config, error)) continue;
    try {
      return std::make_unique<opencc::SimpleConverter>(config.string());
    } catch (const std::exception&) {
      // A broken copy in one folder should not hide a good one in the next.
    }
  }
  try {
    return std::make_unique<opencc::SimpleConverter>(kConfigName);  // OpenCC's own data dir
  } catch (const std::exception&) {
    return nullptr;
  }
}

const opencc::SimpleConverter* traditional_to_simplified() {
  static const std::unique_ptr<opencc::SimpleConverter> converter = load_converter();
  return converter.get();
}

std::string convert_han_run(const opencc::SimpleConverter& converter, const std::string& run) {
  try {
    return converter.Convert(run);
  } catch (const std::exception&) {
    return run;
  }
}

}  // namespace

bool simplified_conversion_available() {
  return traditional_to_simplified() != nullptr;
}

std::string to_simplified(std::string_view text) {
  const std::u32string code_points = decode_utf8(text);
  const opencc::SimpleConverter* converter = traditional_to_simplified();
  if (converter == nullptr) return encode_utf8(code_points);
  // Only Han runs go to OpenCC: they are valid UTF-8 by construction, and the rest of the
  // text (including anything OpenCC might read as a phrase boundary) stays byte for byte.
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < code_points.size()) {
    std::size_t run_end = i;
    while (run_end < code_points.size() && is_han(code_points[run_end]))
      ++run_end;
    if (run_end > i) {
      out += convert_han_run(*converter, encode_utf8(code_points.substr(i, run_end - i)));
      i = run_end;
    } else {
      append_utf8(out, code_points[i++]);
    }
  }
  return out;
}

std::string to_pinyin(std::string_view text) {
  std::string out;
  for (const NameUnit& unit : split_name_units(text, HanForm::kAsWritten)) {
    if (!out.empty()) out.push_back(' ');
    const std::string_view syllable =
        unit.kind == NameUnit::Kind::kHan ? pinyin_of(unit.han) : std::string_view{};
    out += syllable.empty() ? std::string_view(unit.text) : syllable;
  }
  return out;
}

std::vector<std::string> split_pinyin(std::string_view letters) {
  constexpr std::size_t kLongestSyllable = 6;  // "zhuang"
  constexpr std::size_t kLongestInput = 64;
  if (letters.empty() || letters.size() > kLongestInput) return {};
  // fewest[i]: the fewest syllables that spell letters[i..]; cut[i]: where the first ends.
  const std::size_t n = letters.size();
  constexpr std::size_t kUnreachable = ~std::size_t{0};
  std::vector<std::size_t> fewest(n + 1, kUnreachable);
  std::vector<std::size_t> cut(n + 1, 0);
  fewest[n] = 0;
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t length = std::min(kLongestSyllable, n - i); length >= 1; --length) {
      const std::string_view piece = letters.substr(i, length);
      // Bare nasals ("m", "n", "hm") are interjections; as cuts they only make noise.
      if (piece == "m" || piece == "n" || piece == "hm" || !is_pinyin_syllable(piece)) continue;
      if (fewest[i + length] != kUnreachable && fewest[i + length] + 1 < fewest[i]) {
        fewest[i] = fewest[i + length] + 1;
        cut[i] = i + length;
      }
    }
  }
  if (fewest[0] == kUnreachable) return {};
  std::vector<std::string> syllables;
  for (std::size_t i = 0; i < n; i = cut[i])
    syllables.emplace_back(letters.substr(i, cut[i] - i));
  return syllables;
}

}  // namespace codriver::language
