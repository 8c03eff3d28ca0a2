// The spoken-command evaluation: the English commands of the agent's corpus, synthesised
// by scripts/make-spoken-test-set in several voices and rates, mixed here with synthetic
// cabin noise (road rumble, motor harmonics, ventilation) at exact SNRs, then run through
// the whole voice path: front end -> embedded ASR (PocketSphinx with the map's domain
// model) -> agent -> TTS. Reports word error rate and command success per SNR, the ASR
// real-time factor, and the latency from end of speech to the first byte of the answer.
//
// Usage: speech_eval SET_DIR [--snr 20,10,5] [--limit N]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "agent/agent.h"
#include "agent/command_sentences.h"
#include "agent/corpus_runner.h"
#include "latency_stats.h"
#include "map/osm_importer.h"
#include "speech/audio_file.h"
#include "speech/domain_model.h"
#include "speech/front_end.h"
#include "speech/pocketsphinx_asr.h"
#include "speech/tts.h"
#include "support/test_support.h"

namespace {

using namespace codriver;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Road rumble (leaky-integrated white noise), motor harmonics with a slow wobble, and a
// fan's broadband hiss: a stand-in for a cabin at speed, at unit RMS.
std::vector<double> cabin_noise(std::size_t count, unsigned seed) {
  std::mt19937 random(seed);
  std::normal_distribution<double> white(0.0, 1.0);
  std::vector<double> noise(count);
  double rumble = 0, hiss_low = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double t = static_cast<double>(i) / speech::kSpeechSampleRate;
    rumble = 0.995 * rumble + 0.05 * white(random);
    double motor = 0;
    for (int harmonic = 1; harmonic <= 4; ++harmonic) {
      motor += std::sin(2 * M_PI * 42.0 * harmonic * t * (1 + 0.01 * std::sin(0.7 * t))) / harmonic;
    }
    const double w = white(random);
    hiss_low = 0.7 * hiss_low + 0.3 * w;
    noise[i] = 1.0 * rumble + 0.3 * motor + 0.25 * (w - hiss_low);
  }
  double power = 0;
  for (double x : noise)
    power += x * x;
  const double rms = std::sqrt(power / std::max<std::size_t>(1, count));
  for (double& x : noise)
    x /= rms;
  return noise;
}

// RMS over the frames that carry speech (above 1/30 of the loudest frame), so leading and
// trailing silence does not flatter the SNR.
double speech_rms(const std::vector<std::int16_t>& samples) {
  const std::size_t frame = 320;
  std::vector<double> powers;
  for (std::size_t i = 0; i + frame <= samples.size(); i += frame) {
    double p = 0;
    for (std::size_t k = i; k < i + frame; ++k)
      p += static_cast<double>(samples[k]) * samples[k];
    powers.push_back(p / frame);
  }
  if (powers.empty()) return 0;
  const double loudest = *std::max_element(powers.begin(), powers.end());
  double sum = 0;
  std::size_t n = 0;
  for (double p : powers) {
    if (p >= loudest / 1000.0) {
      sum += p;
      ++n;
    }
  }
  return std::sqrt(sum / std::max<std::size_t>(1, n));
}

speech::AudioBuffer with_noise(const speech::AudioBuffer& clean, double snr_db, unsigned seed) {
  speech::AudioBuffer mixed = clean;
  const auto noise = cabin_noise(clean.samples.size(), seed);
  const double gain = speech_rms(clean.samples) / std::pow(10.0, snr_db / 20.0);
  for (std::size_t i = 0; i < mixed.samples.size(); ++i) {
    const double value = clean.samples[i] + gain * noise[i];
    mixed.samples[i] = static_cast<std::int16_t>(std::clamp(value, -32768.0, 32767.0));
  }
  return mixed;
}

std::vector<std::string> words_of(const std::string& text) {
  std::string cleaned;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '\'')
      cleaned += static_cast<char>(std::tolower(c));
    else if (c >= 0x80)
      cleaned += static_cast<char>(c);
    else
      cleaned += ' ';
  }
  std::istringstream in(cleaned);
  std::vector<std::string> words;
  for (std::string word; in >> word;)
    words.push_back(word);
  return words;
}

// Word-level edit distance: substitutions + deletions + insertions.
std::size_t word_errors(const std::vector<std::string>& reference,
                        const std::vector<std::string>& heard) {
  std::vector<std::size_t> row(heard.size() + 1);
  for (std::size_t j = 0; j <= heard.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= reference.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= heard.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min(
          {row[j] + 1, row[j - 1] + 1, diagonal + (reference[i - 1] == heard[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[heard.size()];
}

std::string first_sentence(const std::string& speech) {
  for (const char* end : {". ", "。", "? ", "! "}) {
    const auto at = speech.find(end);
    if (at != std::string::npos) return speech.substr(0, at + std::string(end).size());
  }
  return speech;
}

struct Tally {
  std::size_t utterances = 0, reference_words = 0, errors = 0, commands_right = 0,
              intents_right = 0;
  std::vector<double> latency_ms, rtf;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: speech_eval SET_DIR [--snr 20,10,5] [--limit N] [--show]\n");
    return 2;
  }
  const std::filesystem::path set = argv[1];
  std::vector<double> snrs = {1000, 20, 10, 5};  // 1000: clean
  std::size_t limit = 1000;
  bool show = false;  // --show: print what was said and what was heard, per utterance
  for (int i = 2; i < argc; ++i) {
    if (std::string(argv[i]) == "--show") {
      show = true;
      continue;
    }
    if (i + 1 >= argc) break;
    if (std::string(argv[i]) == "--limit") limit = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--snr") {
      snrs = {1000};
      std::stringstream list(argv[i + 1]);
      for (std::string item; std::getline(list, item, ',');)
        snrs.push_back(std::stod(item));
    }
    ++i;
  }
  json manifest;
  std::ifstream(set / "manifest.json") >> manifest;
  testing::TempDir scratch;
  map::import_bundle(testing::shared_data("osm/monaco.osm.pbf"), scratch / "monaco");
  agent::Agent agent({scratch / "monaco", ":memory:"});
  const auto build_start = Clock::now();
  const auto sentences =
      agent::command_sentences(agent.place_names(), agent.street_names(), agent.cuisine_words());
  const auto model = speech::build_domain_model(sentences, scratch / "asr");
  speech::PocketSphinxRecognizer recognizer(model);
  std::printf("domain model: %zu sentences, %zu words (%zu pronounced by rule), built in %.1f s\n",
              sentences.size(), model.vocabulary, model.oov_words, seconds_since(build_start));

  std::vector<Tally> tallies(snrs.size());
  for (std::size_t u = 0; u < manifest.size() && u < limit; ++u) {
    const json& item = manifest[u];
    const auto clean = speech::read_audio_file(set / item["file"].get<std::string>());
    const auto expected = agent::eval::parse_corpus_document(
        {{"dialogues",
          {{{"id", "spoken"}, {"turns", {{{"say", item["text"]}, {"expect", item["expect"]}}}}}}}},
        "manifest");
    const auto& turn = expected.front().turns.front();
    for (std::size_t s = 0; s < snrs.size(); ++s) {
      const auto audio = snrs[s] >= 1000 ? clean : with_noise(clean, snrs[s], 7 + u);
      agent.reset();
      agent.set_car({});
      const auto start = Clock::now();  // the utterance has ended: the whole file is in
      const auto utterance = speech::clean_utterance(audio);
      const auto asr_start = Clock::now();
      const auto transcript =
          utterance.heard ? recognizer.transcribe(utterance.audio) : speech::Transcript{};
      const double asr_s = seconds_since(asr_start);
      const std::string text = transcript.heard() ? transcript.nbest.front().text : "";
      const agent::Answer answer = agent.ask(text.empty() ? "" : text);
      const auto first_audio = speech::synthesize(first_sentence(answer.speech), answer.lang);
      Tally& tally = tallies[s];
      tally.latency_ms.push_back(seconds_since(start) * 1000);
      if (utterance.audio.duration_s() > 0)
        tally.rtf.push_back(asr_s / utterance.audio.duration_s());
      const auto reference = words_of(item["text"]);
      tally.reference_words += reference.size();
      tally.errors += word_errors(reference, words_of(text));
      ++tally.utterances;
      const json got = agent::to_json(answer);
      tally.intents_right += answer.intent == turn.intent;
      tally.commands_right +=
          !agent::eval::calls_mismatch(turn.tool_calls, got["tool_calls"], json::array())
               .has_value();
      (void)first_audio;
      if (show) {
        std::printf("%-6s said: %s\n       heard: %s\n",
                    snrs[s] >= 1000 ? "clean" : std::to_string(static_cast<int>(snrs[s])).c_str(),
                    item["text"].get<std::string>().c_str(), text.c_str());
      }
    }
  }
  std::printf("\n%-8s %6s %8s %10s %9s %12s %12s %8s\n", "SNR", "utts", "WER", "commands",
              "intents", "latency p50", "latency p95", "ASR RTF");
  for (std::size_t s = 0; s < snrs.size(); ++s) {
    const Tally& t = tallies[s];
    if (t.utterances == 0) continue;
    auto latency = t.latency_ms;
    std::sort(latency.begin(), latency.end());
    auto rtf = t.rtf;
    std::sort(rtf.begin(), rtf.end());
    const auto at = [](const std::vector<double>& v, double q) {
      return v.empty() ? 0.0 : v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))];
    };
    const std::string label =
        snrs[s] >= 1000 ? "clean" : std::to_string(static_cast<int>(snrs[s])) + " dB";
    std::printf("%-8s %6zu %7.1f%% %9.1f%% %8.1f%% %9.0f ms %9.0f ms %8.3f\n", label.c_str(),
                t.utterances, 100.0 * t.errors / std::max<std::size_t>(1, t.reference_words),
                100.0 * t.commands_right / t.utterances, 100.0 * t.intents_right / t.utterances,
                at(latency, 0.5), at(latency, 0.95), at(rtf, 0.5));
  }
  return 0;
}
