#include "speech/pocketsphinx_asr.h"

#include <pocketsphinx.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <sstream>

namespace codriver::speech {
namespace {

namespace fs = std::filesystem;

// Below about -60 dBFS peak there is nothing a microphone could have heard as speech;
// decoding it would only invite the LM to hallucinate a sentence.
constexpr double kSilencePeak = 1e-3;
// N-best lists repeat the same words with different timings or pronunciation variants;
// look this many entries deep per wanted hypothesis before giving up.
constexpr int kNbestScanFactor = 20;

void require_file(const fs::path& path, std::string_view what) {
  if (!fs::exists(path)) {
    throw AsrError("PocketSphinx " + std::string(what) + " not found at " + path.string() +
                   " (build the domain model first, or install pocketsphinx-en-us)");
  }
}

// "<s> go(2) forward <sil> ten [NOISE] meters </s>" -> "go forward ten meters".
std::string plain_words(const char* hypothesis) {
  if (hypothesis == nullptr) return {};
  std::istringstream split(hypothesis);
  std::string word, text;
  while (split >> word) {
    if (word.front() == '<' || word.front() == '[' || word.front() == '+') continue;
    if (const auto paren = word.find('('); paren != std::string::npos && paren > 0) {
      word.resize(paren);
    }
    text += (text.empty() ? "" : " ") + word;
  }
  return text;
}

}  // namespace

struct PocketSphinxRecognizer::Decoder {
  cmd_ln_t* config = nullptr;
  ps_decoder_t* ps = nullptr;
  double acoustic_scale = 1.0;

  ~Decoder() {
    if (ps != nullptr) ps_free(ps);
    if (config != nullptr) cmd_ln_free_r(config);
  }
};

PocketSphinxRecognizer::PocketSphinxRecognizer(const DomainModel& model, int nbest)
    : decoder_(std::make_unique<Decoder>()), nbest_(std::max(nbest, 1)) {
  const fs::path acoustic_model = fs::path(CODRIVER_POCKETSPHINX_MODEL_DIR) / "en-us";
  require_file(acoustic_model / "mdef", "acoustic model");
  require_file(model.lm_path, "language model");
  require_file(model.dict_path, "dictionary");
  decoder_->config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", acoustic_model.c_str(), "-lm",
                                 model.lm_path.c_str(), "-dict", model.dict_path.c_str(), "-logfn",
                                 "/dev/null", nullptr);
  if (decoder_->config == nullptr) throw AsrError("PocketSphinx rejected its configuration");
  decoder_->ps = ps_init(decoder_->config);
  if (decoder_->ps == nullptr) {
    throw AsrError("PocketSphinx could not load " + model.lm_path.string() + " with " +
                   model.dict_path.string() + ": rebuild the domain model (delete the cache)");
  }
  decoder_->acoustic_scale = std::max(1.0f, cmd_ln_float32_r(decoder_->config, "-ascale"));
}

PocketSphinxRecognizer::~PocketSphinxRecognizer() = default;

Transcript PocketSphinxRecognizer::transcribe(const AudioBuffer& audio) {
  if (audio.sample_rate != kSpeechSampleRate) {
    throw AsrError("PocketSphinx needs 16000 Hz audio, got " + std::to_string(audio.sample_rate) +
                   " Hz: resample it first");
  }
  Transcript transcript;
  if (audio.samples.empty() || peak_level(audio.samples) < kSilencePeak) return transcript;

  const auto started = std::chrono::steady_clock::now();
  ps_decoder_t* ps = decoder_->ps;
  if (ps_start_utt(ps) < 0 ||
      ps_process_raw(ps, audio.samples.data(), audio.samples.size(), FALSE, TRUE) < 0 ||
      ps_end_utt(ps) < 0) {
    throw AsrError("PocketSphinx failed to decode the utterance");
  }
  int32 best_score = 0;
  const std::string best = plain_words(ps_get_hyp(ps, &best_score));
  if (!best.empty()) {
    logmath_t* logmath = ps_get_logmath(ps);
    const double posterior = std::clamp(logmath_exp(logmath, ps_get_prob(ps)), 0.0, 1.0);
    transcript.nbest.push_back({best, posterior});
    std::optional<int32> top_path_score;
    int scanned = 0;
    for (ps_nbest_t* path = ps_nbest(ps); path != nullptr; path = ps_nbest_next(path)) {
      int32 score = 0;
      const std::string text = plain_words(ps_nbest_hyp(path, &score));
      if (!top_path_score) top_path_score = score;
      const bool known = std::any_of(transcript.nbest.begin(), transcript.nbest.end(),
                                     [&](const Hypothesis& h) { return h.text == text; });
      if (!text.empty() && !known) {
        const double relative = logmath_exp(
            logmath, static_cast<int>((score - *top_path_score) / decoder_->acoustic_scale));
        transcript.nbest.push_back({text, std::clamp(posterior * relative, 0.0, posterior)});
      }
      if (static_cast<int>(transcript.nbest.size()) >= nbest_ ||
          ++scanned >= nbest_ * kNbestScanFactor) {
        ps_nbest_free(path);
        break;
      }
    }
  }
  transcript.decode_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return transcript;
}

}  // namespace codriver::speech
