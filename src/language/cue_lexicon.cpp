#include "language/cue_lexicon.h"

#include <algorithm>

#include "language/utf8.h"

namespace codriver::language {
namespace {

bool is_latin_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || c == '\'' ||
         (byte >= 'A' && byte <= 'Z');
}

// Length in bytes of the UTF-8 sequence starting at `position` (1 for a stray byte).
std::size_t code_point_length(std::string_view text, std::size_t position) {
  const auto lead = static_cast<unsigned char>(text[position]);
  std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return std::min(length, text.size() - position);
}

bool starts_latin_word(std::string_view text, std::size_t position) {
  return is_latin_word_byte(text[position]) &&
         (position == 0 || !is_latin_word_byte(text[position - 1]));
}

bool is_han_at(std::string_view text, std::size_t position) {
  const auto decoded = decode_utf8(text.substr(position, code_point_length(text, position)));
  return !decoded.empty() && is_han(decoded.front());
}

// Where a phrase matched at `position` ends, allowing an English plural, or npos.
std::size_t match_end(std::string_view text, std::size_t position, std::string_view phrase) {
  if (text.compare(position, phrase.size(), phrase) != 0) return std::string_view::npos;
  std::size_t end = position + phrase.size();
  if (!is_latin_word_byte(phrase.back())) return end;
  if (end < text.size() && text[end] == 's') ++end;
  if (end < text.size() && is_latin_word_byte(text[end])) return std::string_view::npos;
  return end;
}

}  // namespace

std::string_view first_unit(std::string_view text, std::size_t position) {
  if (position >= text.size()) return {};
  if (!is_latin_word_byte(text[position])) {
    return text.substr(position, code_point_length(text, position));
  }
  std::size_t end = position;
  while (end < text.size() && is_latin_word_byte(text[end]))
    ++end;
  return text.substr(position, end - position);
}

void CueLexicon::add(std::string_view phrase, Concept meaning, std::string_view value) {
  if (phrase.empty()) return;
  std::string key(first_unit(phrase, 0));
  auto& list = by_first_unit_[key];
  for (std::size_t index : list) {
    if (entries_[index].phrase == phrase) {
      entries_[index].meaning = meaning;
      entries_[index].value = value;
      return;
    }
  }
  entries_.push_back({std::string(phrase), meaning, std::string(value)});
  list.push_back(entries_.size() - 1);
  std::stable_sort(list.begin(), list.end(), [this](std::size_t a, std::size_t b) {
    return entries_[a].phrase.size() > entries_[b].phrase.size();
  });
}

std::vector<Cue> CueLexicon::find(std::string_view folded) const {
  std::vector<Cue> cues;
  std::size_t position = 0;
  while (position < folded.size()) {
    const bool can_start = starts_latin_word(folded, position) || is_han_at(folded, position) ||
                           !is_latin_word_byte(folded[position]);
    std::size_t matched_end = std::string_view::npos;
    if (can_start) {
      std::string_view unit = first_unit(folded, position);
      // A Latin word may carry a plural "s" its key lacks.
      for (std::string_view key :
           {unit, unit.size() > 1 && unit.back() == 's' ? unit.substr(0, unit.size() - 1)
                                                        : std::string_view{}}) {
        if (key.empty() || matched_end != std::string_view::npos) continue;
        auto found = by_first_unit_.find(std::string(key));
        if (found == by_first_unit_.end()) continue;
        for (std::size_t index : found->second) {
          const Entry& entry = entries_[index];
          const std::size_t end = match_end(folded, position, entry.phrase);
          if (end == std::string_view::npos) continue;
          cues.push_back({entry.meaning, entry.value, position, end});
          matched_end = end;
          break;
        }
      }
    }
    if (matched_end != std::string_view::npos) {
      position = matched_end;
    } else if (is_latin_word_byte(folded[position])) {
      while (position < folded.size() && is_latin_word_byte(folded[position]))
        ++position;
    } else {
      position += code_point_length(folded, position);
    }
  }
  return cues;
}

std::vector<std::string> CueLexicon::latin_phrases() const {
  std::vector<std::string> phrases;
  for (const Entry& entry : entries_) {
    const bool latin = std::all_of(entry.phrase.begin(), entry.phrase.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (latin) phrases.push_back(entry.phrase);
  }
  return phrases;
}

}  // namespace codriver::language
