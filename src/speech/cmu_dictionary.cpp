#include "speech/cmu_dictionary.h"

#include <fstream>
#include <sstream>

#include "speech/asr.h"

namespace codriver::speech {
namespace {

// "word(2)" -> "word": variants are listed under the plain spelling.
std::string base_spelling(const std::string& headword) {
  const auto paren = headword.find('(');
  return paren == std::string::npos || headword.back() != ')' ? headword
                                                              : headword.substr(0, paren);
}

}  // namespace

CmuDictionary CmuDictionary::load(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw AsrError("cannot read the pronouncing dictionary " + path.string() +
                   " (install the pocketsphinx-en-us package)");
  }
  CmuDictionary dictionary;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string headword;
    if (!(fields >> headword)) continue;
    std::string phones, phone;
    while (fields >> phone)
      phones += (phones.empty() ? "" : " ") + phone;
    if (!phones.empty()) dictionary.entries_[base_spelling(headword)].push_back(phones);
  }
  return dictionary;
}

const CmuDictionary& CmuDictionary::installed() {
  // Debian's pocketsphinx-en-us puts the dictionary beside the acoustic model folder.
  static const CmuDictionary dictionary =
      load(std::filesystem::path(CODRIVER_POCKETSPHINX_MODEL_DIR) / "cmudict-en-us.dict");
  return dictionary;
}

const std::vector<std::string>& CmuDictionary::pronunciations(const std::string& word) const {
  static const std::vector<std::string> kNone;
  const auto found = entries_.find(word);
  return found == entries_.end() ? kNone : found->second;
}

}  // namespace codriver::speech
