#include "server/voice_turn.h"

#include <cstdlib>

#include "agent/command_sentences.h"
#include "speech/pocketsphinx_asr.h"

namespace codriver::server {

std::filesystem::path speech_cache_dir() {
  if (const char* dir = std::getenv("CODRIVER_CACHE_DIR")) return dir;
  if (const char* home = std::getenv("HOME"))
    return std::filesystem::path(home) / ".cache" / "codriver";
  return std::filesystem::temp_directory_path() / "codriver-cache";
}

std::vector<speech::TrainingSentence> recogniser_sentences(agent::Agent& agent) {
  return agent::command_sentences(agent.place_names(), agent.street_names(), agent.cuisine_words());
}

std::unique_ptr<speech::SpeechRecognizer> embedded_recognizer(
    const std::vector<speech::TrainingSentence>& sentences) {
  std::filesystem::create_directories(speech_cache_dir());
  return std::make_unique<speech::PocketSphinxRecognizer>(
      speech::build_domain_model(sentences, speech_cache_dir()));
}

agent::Answer not_understood(routing::Language language, bool heard_anything) {
  const bool chinese = language == routing::Language::kChinese;
  agent::Answer answer;
  answer.lang = language;
  answer.intent = "clarify";
  answer.speech = heard_anything ? (chinese ? "抱歉，没听清楚，请再说一遍。"
                                            : "Sorry, I didn't catch that. Could you say it again?")
                                 : (chinese ? "我没有听到声音。" : "I didn't hear anything.");
  return answer;
}

VoiceAnswer answer_transcript(agent::Agent& agent, const speech::Transcript& transcript,
                              std::optional<routing::Language> language, double min_confidence) {
  const routing::Language fallback = language.value_or(routing::Language::kEnglish);
  VoiceAnswer voice;
  if (!transcript.heard()) {
    voice.answer = not_understood(fallback, false);
    return voice;
  }
  const speech::Hypothesis& best = transcript.nbest.front();
  voice.transcript = best.text;
  if (best.confidence < min_confidence) {
    voice.answer = not_understood(fallback, true);  // unsure: ask again, do not act
    return voice;
  }
  voice.answer = agent.ask(best.text, language);
  voice.acted = true;
  return voice;
}

}  // namespace codriver::server
