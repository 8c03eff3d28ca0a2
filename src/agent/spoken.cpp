#include "agent/spoken.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace codriver::agent {
namespace {

using routing::Language;

std::string integer_text(double value) {
  return std::to_string(std::lround(value));
}

std::string one_decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  std::string out = text;
  if (out.ends_with(".0")) out.resize(out.size() - 2);
  return out;
}

double round_to(double value, double step) {
  return std::round(value / step) * step;
}

}  // namespace

std::string spoken_distance(double metres, Language language) {
  metres = std::max(0.0, metres);
  if (metres < 1000) {
    const double rounded =
        std::max(10.0, metres < 200 ? round_to(metres, 10) : round_to(metres, 50));
    if (rounded < 1000)
      return say(language, integer_text(rounded) + " metres", integer_text(rounded) + "米");
    metres = rounded;
  }
  const double km = metres / 1000;
  const std::string number = km < 10 ? one_decimal(km) : integer_text(km);
  return say(language, number + (number == "1" ? " kilometre" : " kilometres"), number + "公里");
}

std::string spoken_duration(double seconds, Language language) {
  if (seconds < 60) return say(language, "under a minute", "不到1分钟");
  long minutes = std::lround(seconds / 60);
  if (minutes < 60) {
    return say(language, std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes"),
               std::to_string(minutes) + "分钟");
  }
  minutes = std::lround(round_to(static_cast<double>(minutes), 5));
  const long hours = minutes / 60, rest = minutes % 60;
  std::string en = std::to_string(hours) + (hours == 1 ? " hour" : " hours");
  std::string zh = std::to_string(hours) + "小时";
  if (rest > 0) {
    en += " " + std::to_string(rest) + " minutes";
    zh += std::to_string(rest) + "分钟";
  }
  return say(language, en, zh);
}

std::string spoken_list(const std::vector<std::string>& items, Language language) {
  const std::size_t count = std::min(items.size(), kMaxSpokenOptions);
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) {
      const bool last = i + 1 == count;
      out += language == Language::kChinese ? (last ? "和" : "、") : (last ? " and " : ", ");
    }
    out += items[i];
  }
  return out;
}

std::string clock_time(std::int64_t unix_seconds) {
  const std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm local{};
  localtime_r(&time, &local);
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", local.tm_hour, local.tm_min);
  return text;
}

}  // namespace codriver::agent
