#pragma once

#include <string>
#include <vector>

#include "routing/instructions.h"

// Numbers and lists the way people say them while driving: rounded, short, at most
// three options read aloud. The exact figures go on the cards.
namespace codriver::agent {

inline constexpr std::size_t kMaxSpokenOptions = 3;

// 37 -> "40 metres", 1234 -> "1.2 kilometres", 23400 -> "23 kilometres" (and in Chinese).
std::string spoken_distance(double metres, routing::Language language);
// 20 -> "under a minute", 430 -> "7 minutes", 4700 -> "1 hour 20 minutes".
std::string spoken_duration(double seconds, routing::Language language);
// "A, B and C" / "A、B和C"; only the first kMaxSpokenOptions.
std::string spoken_list(const std::vector<std::string>& items, routing::Language language);
// "21:05" for a Unix time in the car's local time zone.
std::string clock_time(std::int64_t unix_seconds);

// One of two texts by language: the pattern every answer uses.
inline std::string say(routing::Language language, std::string en, std::string zh) {
  return language == routing::Language::kChinese ? std::move(zh) : std::move(en);
}

}  // namespace codriver::agent
