#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

// The CMU pronouncing dictionary as PocketSphinx ships it ("word P H O N E S", variants as
// "word(2) ..."), loaded once so the domain model can take every variant of its words.
namespace codriver::speech {

class CmuDictionary {
 public:
  // Throws AsrError when the file cannot be read.
  static CmuDictionary load(const std::filesystem::path& path);
  // The dictionary of the installed en-us model.
  static const CmuDictionary& installed();

  // All pronunciations of `word` (lower case), each phones separated by spaces; empty if
  // the word is not listed.
  const std::vector<std::string>& pronunciations(const std::string& word) const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::unordered_map<std::string, std::vector<std::string>> entries_;
};

}  // namespace codriver::speech
