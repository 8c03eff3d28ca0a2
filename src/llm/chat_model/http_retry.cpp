#include "llm/chat_model/http_retry.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace codriver::llm {

std::optional<long long> retry_after_seconds(const std::string& value) {
  if (value.empty() || value.size() > 9) return std::nullopt;
  long long seconds = 0;
  for (const char c : value) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    seconds = seconds * 10 + (c - '0');
  }
  return seconds;
}

std::optional<std::chrono::milliseconds> retry_delay(int retry, const RetryPolicy& policy,
                                                     const std::string& retry_after,
                                                     double jitter) {
  if (const auto seconds = retry_after_seconds(retry_after)) {
    const std::chrono::milliseconds asked(*seconds * 1000);
    if (asked > policy.max_delay) return std::nullopt;
    return asked;
  }
  const double doubling = std::ldexp(1.0, std::clamp(retry - 1, 0, 30));
  const double scale = 0.5 + std::clamp(jitter, 0.0, 1.0);
  const double delay_ms = static_cast<double>(policy.base_delay.count()) * doubling * scale;
  return std::chrono::milliseconds(
      static_cast<long long>(std::min(delay_ms, static_cast<double>(policy.max_delay.count()))));
}

}  // namespace codriver::llm
