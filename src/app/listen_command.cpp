#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "agent/agent.h"
#include "agent/command_sentences.h"
#include "app/commands.h"
#include "app/routing_session.h"
#include "server/voice_turn.h"
#include "speech/alsa_device.h"
#include "speech/audio_file.h"
#include "speech/barge_in.h"
#include "speech/domain_model.h"
#include "speech/front_end.h"
#include "speech/pocketsphinx_asr.h"
#include "speech/remote_asr.h"
#include "speech/tts.h"
#include "speech/voice_activity.h"

// `codriver listen`: the assistant by voice. Audio in, the front end, speech recognition
// (embedded PocketSphinx with a language model built from this map, or a remote
// OpenAI-compatible server with the embedded path as fallback), the agent, and the spoken
// answer out.
namespace codriver::app {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct ListenOptions {
  std::filesystem::path map, file, say_to, memory = ":memory:";
  std::string asr = "embedded", asr_url, asr_model = "whisper-1", lang = "auto";
  double min_confidence = 0.1;
  bool json = false, mic = false;
  std::string device = "default";
};

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Heard {
  speech::Transcript transcript;
  std::string backend;
  std::string fallback_reason;
};

// The remote server when configured, the embedded recogniser when it fails or is not.
Heard recognise(const ListenOptions& o, agent::Agent& agent, const speech::AudioBuffer& audio) {
  Heard heard;
  if (o.asr == "remote") {
    try {
      speech::RemoteAsrOptions remote;
      remote.base_url = o.asr_url;
      remote.model = o.asr_model;
      if (const char* key = std::getenv("CODRIVER_ASR_API_KEY")) remote.api_key = key;
      if (o.lang != "auto") remote.language = o.lang;
      heard.transcript = speech::RemoteRecognizer(remote).transcribe(audio);
      heard.backend = "remote";
      return heard;
    } catch (const speech::AsrError& error) {
      heard.fallback_reason = error.what();
    }
  }
  heard.transcript =
      server::embedded_recognizer(server::recogniser_sentences(agent))->transcribe(audio);
  heard.backend = "embedded";
  return heard;
}

// One command from the microphone: from the first speech to the end-of-speech hangover,
// at most 15 s; what came before the speech is kept as the front end's noise sample.
speech::AudioBuffer capture_command(const std::string& device) {
  speech::AlsaCapture capture(device);
  speech::VoiceActivityDetector vad;
  speech::AudioBuffer audio;
  bool started = false;
  constexpr double kMaxSeconds = 15;
  while (audio.duration_s() < kMaxSeconds) {
    const auto frame = capture.read(speech::VoiceActivityDetector::kFrameSamples);
    audio.samples.insert(audio.samples.end(), frame.begin(), frame.end());
    const auto event = vad.feed(frame);
    if (event && event->kind == speech::VadEventKind::kSpeechStarted) started = true;
    if (event && event->kind == speech::VadEventKind::kSpeechEnded && started) break;
  }
  return audio;
}

// Plays the answer while listening: the driver speaking over it stops it (barge-in).
// Returns false when it was stopped.
bool speak_with_barge_in(const speech::AudioBuffer& spoken, const std::string& device) {
  speech::AlsaPlayback speaker(device);
  speech::AlsaCapture microphone(device);
  speech::BargeInDetector barge_in;
  constexpr std::size_t kFrame = speech::BargeInDetector::kFrameSamples;
  std::size_t piece = 0;
  return speaker.play(spoken, [&] {
    const auto heard = microphone.read(kFrame);
    std::vector<std::int16_t> played(kFrame, 0);
    for (std::size_t i = 0; i < kFrame && piece * kFrame + i < spoken.samples.size(); ++i) {
      played[i] = spoken.samples[piece * kFrame + i];
    }
    ++piece;
    return !barge_in.feed(heard, played).has_value();
  });
}

void run_listen(const ListenOptions& o) {
  if (o.asr == "remote" && o.asr_url.empty())
    throw std::invalid_argument("--asr remote needs --asr-url");
  agent::Agent agent({o.map, o.memory});
  const auto language = o.lang == "zh" ? routing::Language::kChinese : routing::Language::kEnglish;
  const speech::AudioBuffer input =
      o.mic ? capture_command(o.device) : speech::read_audio_file(o.file);
  const auto end_of_speech = Clock::now();  // the whole file is the utterance: it has ended
  const speech::Utterance utterance = speech::clean_utterance(input);
  json report = {{"heard", utterance.heard}, {"audio_s", input.duration_s()}};
  agent::Answer answer = server::not_understood(language, false);
  double asr_ms = 0;
  if (utterance.heard) {
    const auto asr_start = Clock::now();
    const Heard heard = recognise(o, agent, utterance.audio);
    asr_ms = ms_since(asr_start);
    json nbest = json::array();
    for (const auto& h : heard.transcript.nbest)
      nbest.push_back({{"text", h.text}, {"confidence", h.confidence}});
    report["asr"] = {
        {"backend", heard.backend},
        {"nbest", nbest},
        {"real_time_factor",
         utterance.audio.duration_s() > 0 ? asr_ms / 1000.0 / utterance.audio.duration_s() : 0}};
    if (!heard.fallback_reason.empty()) report["asr"]["fallback_reason"] = heard.fallback_reason;
    const std::optional<routing::Language> forced =
        o.lang == "auto" ? std::nullopt : std::optional(language);
    const server::VoiceAnswer voice =
        server::answer_transcript(agent, heard.transcript, forced, o.min_confidence);
    if (!voice.transcript.empty()) report["transcript"] = voice.transcript;
    answer = voice.answer;
  }
  const auto tts_start = Clock::now();
  const speech::AudioBuffer spoken = speech::synthesize(answer.speech, answer.lang);
  const double tts_ms = ms_since(tts_start);
  if (!o.say_to.empty()) speech::write_wav(o.say_to, spoken);
  if (o.mic && o.say_to.empty()) report["barged_in"] = !speak_with_barge_in(spoken, o.device);
  report["answer"] = agent::to_json(answer);
  report["timings_ms"] = {
      {"asr", asr_ms}, {"tts", tts_ms}, {"end_of_speech_to_audio", ms_since(end_of_speech)}};
  if (o.json) {
    std::cout << report.dump() << "\n";
    return;
  }
  if (report.contains("transcript"))
    std::cout << "heard: " << report["transcript"].get<std::string>() << "\n";
  std::cout << answer.speech << "\n";
}

}  // namespace

void add_listen_command(CLI::App& app) {
  auto o = std::make_shared<ListenOptions>();
  CLI::App* command =
      app.add_subcommand("listen", "Ask the co-driver by voice: a recorded WAV/FLAC file");
  command->add_option("--map", o->map, "map bundle")->required();
  command->add_option("file", o->file, "the spoken command (any libsndfile format)");
  command->add_flag("--mic", o->mic, "listen to the microphone (ALSA) for one command instead");
  command->add_option("--device", o->device, "ALSA capture device for --mic (default: default)");
  command->add_option("--say-to", o->say_to, "write the spoken answer to this WAV file");
  command->add_option("--asr", o->asr, "embedded (default, PocketSphinx) or remote")
      ->check(CLI::IsMember({"embedded", "remote"}));
  command->add_option("--asr-url", o->asr_url,
                      "base URL of an OpenAI-compatible transcription server");
  command->add_option("--asr-model", o->asr_model,
                      "model name for the remote server (default whisper-1)");
  command->add_option("--lang", o->lang, "auto (default), zh or en")
      ->check(CLI::IsMember({"auto", "zh", "en"}));
  command
      ->add_option(
          "--min-confidence", o->min_confidence,
          "below this the co-driver asks again (default 0.1: the posterior is not calibrated)")
      ->check(CLI::Range(0.0, 1.0));
  command->add_option("--memory", o->memory, "SQLite file for the driver's memory");
  command->add_flag("--json", o->json, "print transcript, answer and timings as JSON");
  command->callback([o] {
    if (o->mic == !o->file.empty())
      throw std::invalid_argument("give either an audio FILE or --mic");
    run_listen(*o);
  });
}

}  // namespace codriver::app
