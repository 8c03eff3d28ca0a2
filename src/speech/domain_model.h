#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

// The recogniser's language: a trigram model and a pronouncing dictionary built from the
// sentences a driver may say about this map (see agent/command_sentences.h). Restricting
// PocketSphinx to these is what makes it usable for street names in a noisy cabin.
namespace codriver::speech {

struct DomainModel {
  std::filesystem::path lm_path;    // ARPA trigram model
  std::filesystem::path dict_path;  // PocketSphinx dictionary, CMU phones
  std::size_t vocabulary = 0;       // distinct words in the model
  std::size_t oov_words = 0;        // of those, pronounced by eSpeak or letter rules
};

// A sentence the driver may say and its weight: how many times it counts in the model.
struct TrainingSentence {
  std::string text;
  long weight = 1;
  bool operator==(const TrainingSentence&) const = default;
};

// Tokenises the sentences (speech/lm_tokenizer.h), writes the model and dictionary under
// `cache_dir` (created if needed) in files named by a hash of everything that shapes them,
// and returns their paths. When those files already exist nothing is rebuilt, so a map
// change costs a rebuild and a restart costs nothing. Files appear atomically (written
// under a temporary name, then renamed), so concurrent builders and crashes never leave
// a half-written model behind. Throws AsrError when the sentences hold no word or the
// cache directory cannot be written.
DomainModel build_domain_model(const std::vector<TrainingSentence>& sentences,
                               const std::filesystem::path& cache_dir);
// Every sentence with weight 1.
DomainModel build_domain_model(const std::vector<std::string>& sentences,
                               const std::filesystem::path& cache_dir);

}  // namespace codriver::speech
