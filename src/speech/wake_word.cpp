#include "speech/wake_word.h"

#include <pocketsphinx.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "speech/asr.h"
#include "speech/audio_file.h"
#include "speech/cmu_dictionary.h"
#include "speech/pronunciation.h"

namespace codriver::speech {
namespace {

// The product name is in no dictionary; this is how drivers say it.
constexpr const char* kCodriverPhones = "K OW D R AY V ER";

// Prior probability of the phone loop that competes with the phrase. PocketSphinx's 0.1
// made the phrase almost never win on test speech; 1e-5 together with the threshold
// kDefaultWakeThreshold gave the fewest misses with no false wake (see wake_word.h).
constexpr const char* kPhoneLoopProbability = "1e-5";

std::filesystem::path model_dir() {
  return CODRIVER_POCKETSPHINX_MODEL_DIR;
}

std::vector<std::string> words_of(const std::string& phrase) {
  std::istringstream stream(phrase);
  std::vector<std::string> words;
  for (std::string word; stream >> word;)
    words.push_back(word);
  return words;
}

std::vector<std::string> phones_for(const std::string& word, const CmuDictionary& dictionary) {
  if (word == "codriver" || word == "co-driver") return {kCodriverPhones};
  return pronounce(word, dictionary).variants;
}

// A dictionary holding only the phrase's words: PocketSphinx then loads in milliseconds
// instead of parsing all 134,000 entries of cmudict.
std::string phrase_dictionary(const std::vector<std::string>& words) {
  const CmuDictionary dictionary = CmuDictionary::load(model_dir() / "cmudict-en-us.dict");
  std::string text;
  for (const std::string& word : words) {
    const std::vector<std::string> variants = phones_for(word, dictionary);
    if (variants.empty()) {
      throw AsrError("wake phrase word '" + word +
                     "' has no pronunciation: choose English words from the dictionary");
    }
    for (std::size_t i = 0; i < variants.size(); ++i) {
      text += word + (i == 0 ? "" : "(" + std::to_string(i + 1) + ")") + " " + variants[i] + "\n";
    }
  }
  return text;
}

// PocketSphinx reads its dictionary from a file: write one in a private temporary folder
// that disappears once the decoder has loaded it.
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& content) {
    std::random_device seed;
    folder_ = std::filesystem::temp_directory_path() /
              ("codriver-wake-" + std::to_string(seed()) + std::to_string(seed()));
    std::filesystem::create_directories(folder_);
    path_ = folder_ / "wake.dict";
    std::ofstream out(path_, std::ios::trunc);
    out << content;
    if (!out) {
      throw AsrError("cannot write the wake-word dictionary in " + folder_.string() +
                     ": make the temporary folder (TMPDIR) writable");
    }
  }
  ~ScratchFile() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path folder_;
  std::filesystem::path path_;
};

ps_decoder_t* keyphrase_decoder(const std::string& phrase, double threshold,
                                const std::filesystem::path& dictionary) {
  const std::string hmm = (model_dir() / "en-us").string();
  const std::string dict = dictionary.string();
  std::ostringstream exact;  // to_string would print 1e-20 as 0.000000
  exact << threshold;
  cmd_ln_t* config =
      cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.c_str(), "-dict", dict.c_str(),
                  "-keyphrase", phrase.c_str(), "-kws_threshold", exact.str().c_str(), "-kws_plp",
                  kPhoneLoopProbability, "-logfn", "/dev/null", nullptr);
  if (config == nullptr) {
    throw AsrError(
        "PocketSphinx rejected the wake-word settings: check the phrase and "
        "threshold");
  }
  ps_decoder_t* decoder = ps_init(config);
  cmd_ln_free_r(config);  // the decoder keeps its own reference
  if (decoder == nullptr) {
    throw AsrError("PocketSphinx could not load the acoustic model from " + hmm +
                   ": install the pocketsphinx-en-us package");
  }
  return decoder;
}

}  // namespace

WakeWordDetector::WakeWordDetector(std::string phrase, double threshold) {
  std::transform(phrase.begin(), phrase.end(), phrase.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::vector<std::string> words = words_of(phrase);
  if (words.empty()) throw AsrError("wake phrase is empty: give one, e.g. \"hey codriver\"");
  if (!(threshold > 0 && threshold <= 1)) {
    throw AsrError("wake-word threshold must be in (0, 1], e.g. 1e-10");
  }
  for (const std::string& word : words)
    phrase_ += (phrase_.empty() ? "" : " ") + word;
  const ScratchFile dictionary(phrase_dictionary(words));
  decoder_ = keyphrase_decoder(phrase_, threshold, dictionary.path());
  ps_start_utt(decoder_);
}

WakeWordDetector::~WakeWordDetector() {
  if (decoder_ != nullptr) {
    ps_end_utt(decoder_);
    ps_free(decoder_);
  }
}

bool WakeWordDetector::contains_wake_word(const AudioBuffer& audio) {
  if (audio.sample_rate != kSpeechSampleRate) {
    return contains_wake_word(resample(audio, kSpeechSampleRate));
  }
  reset();
  feed(audio.samples.data(), audio.samples.size());
  const bool found = triggered_;
  reset();
  return found;
}

void WakeWordDetector::feed(const std::int16_t* samples, std::size_t count) {
  if (triggered_ || samples == nullptr || count == 0) return;
  ps_process_raw(decoder_, samples, count, FALSE, FALSE);
  const char* heard = ps_get_hyp(decoder_, nullptr);
  triggered_ = heard != nullptr && heard[0] != '\0';
}

void WakeWordDetector::reset() {
  // Ending the utterance also moves PocketSphinx's cepstral mean towards this cabin's
  // sound, which is what makes later detections more reliable than the first.
  ps_end_utt(decoder_);
  ps_start_utt(decoder_);
  triggered_ = false;
}

}  // namespace codriver::speech
