#include "speech/domain_model.h"

#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "speech/arpa_trigram.h"
#include "speech/asr.h"
#include "speech/cmu_dictionary.h"
#include "speech/lm_tokenizer.h"
#include "speech/pronunciation.h"

namespace codriver::speech {
namespace {

// Bump when the estimator, tokeniser or pronunciation rules change, so old caches are
// not reused with a different meaning.
constexpr std::string_view kModelFormat = "codriver-domain-lm-v2";

namespace fs = std::filesystem;

// FNV-1a: stable across runs and platforms, unlike std::hash; collisions are harmless
// beyond a wrong cache hit, and 64 bits make that vanishingly unlikely for a map's text.
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 0xcbf29ce484222325ULL) {
  for (const unsigned char byte : text) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string cache_key(const std::vector<WeightedWords>& tokenised) {
  std::uint64_t hash = fnv1a(kModelFormat);
  for (const auto& [words, weight] : tokenised) {
    for (const auto& word : words)
      hash = fnv1a(word + ' ', hash);
    hash = fnv1a("x" + std::to_string(weight) + "\n", hash);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

struct Dictionary {
  std::string text;
  std::size_t vocabulary = 0;
  std::size_t oov_words = 0;
};

// One line per pronunciation, variants as "word(2)", the way PocketSphinx reads them.
Dictionary pronouncing_dictionary(const std::set<std::string>& words) {
  const CmuDictionary& cmu = CmuDictionary::installed();
  Dictionary dictionary;
  for (const auto& word : words) {
    const WordPronunciations sounds = pronounce(word, cmu);
    if (sounds.variants.empty()) continue;  // unspeakable: PocketSphinx drops it from the LM
    ++dictionary.vocabulary;
    dictionary.oov_words += sounds.source != PronunciationSource::kCmuDictionary;
    for (std::size_t i = 0; i < sounds.variants.size(); ++i) {
      const std::string headword = i == 0 ? word : word + "(" + std::to_string(i + 1) + ")";
      dictionary.text += headword + " " + sounds.variants[i] + "\n";
    }
  }
  return dictionary;
}

// Writes under a unique temporary name in the same directory, then renames: readers see
// either no file or the whole file.
void write_atomically(const fs::path& path, std::string_view content) {
  std::random_device seed;
  const fs::path temporary =
      path.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(seed());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw AsrError("cannot write " + temporary.string() +
                     ": check that the speech cache directory is writable and not full");
    }
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) {
    fs::remove(temporary, error);
    throw AsrError("cannot move the new language model into place at " + path.string());
  }
}

// The summary line "vocabulary N oov M" kept beside the model so a cache hit can report
// the same numbers as the build that made it.
bool read_summary(const fs::path& path, DomainModel& model) {
  std::ifstream in(path);
  std::string vocabulary_label, oov_label;
  return static_cast<bool>(in >> vocabulary_label >> model.vocabulary >> oov_label >>
                           model.oov_words) &&
         vocabulary_label == "vocabulary" && oov_label == "oov";
}

}  // namespace

DomainModel build_domain_model(const std::vector<std::string>& sentences,
                               const fs::path& cache_dir) {
  std::vector<TrainingSentence> weighted;
  weighted.reserve(sentences.size());
  for (const auto& sentence : sentences)
    weighted.push_back({sentence, 1});
  return build_domain_model(weighted, cache_dir);
}

DomainModel build_domain_model(const std::vector<TrainingSentence>& sentences,
                               const fs::path& cache_dir) {
  std::vector<WeightedWords> tokenised;
  std::set<std::string> words;
  for (const auto& [text, weight] : sentences) {
    tokenised.push_back({lm_tokens(text), weight});
    words.insert(tokenised.back().words.begin(), tokenised.back().words.end());
  }
  if (words.empty()) {
    throw AsrError("cannot build a domain language model: the sentences contain no words");
  }
  std::error_code error;
  fs::create_directories(cache_dir, error);
  if (error) {
    throw AsrError("cannot create the speech model cache " + cache_dir.string() + ": " +
                   error.message());
  }
  const std::string stem = "domain-" + cache_key(tokenised);
  DomainModel model{cache_dir / (stem + ".lm"), cache_dir / (stem + ".dict")};
  const fs::path summary = cache_dir / (stem + ".summary");
  // The summary is written last, so its presence means the other two are complete.
  if (fs::exists(model.lm_path) && fs::exists(model.dict_path) && read_summary(summary, model)) {
    return model;
  }
  const Dictionary dictionary = pronouncing_dictionary(words);
  write_atomically(model.lm_path, arpa_trigram_model(tokenised));
  write_atomically(model.dict_path, dictionary.text);
  model.vocabulary = dictionary.vocabulary;
  model.oov_words = dictionary.oov_words;
  write_atomically(summary, "vocabulary " + std::to_string(model.vocabulary) + " oov " +
                                std::to_string(model.oov_words) + "\n");
  return model;
}

}  // namespace codriver::speech
