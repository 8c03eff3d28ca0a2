#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "agent/agent.h"
#include "speech/asr.h"
#include "speech/domain_model.h"

// One spoken request, from the recogniser's transcript to the co-driver's answer: what
// `codriver listen` and the cockpit's audio ask share. A transcript the recogniser is
// unsure of is asked again, never acted on.
namespace codriver::server {

// Where the speech models built from a map are cached ($CODRIVER_CACHE_DIR, else
// ~/.cache/codriver).
std::filesystem::path speech_cache_dir();

// What the driver may say to this agent: the co-driver's command sentences filled with
// its map's places, streets and cuisines (cheap; the recogniser built from them is not).
std::vector<speech::TrainingSentence> recogniser_sentences(agent::Agent& agent);

// PocketSphinx with a language model built from those sentences (cached on disk).
std::unique_ptr<speech::SpeechRecognizer> embedded_recognizer(
    const std::vector<speech::TrainingSentence>& sentences);

// "I didn't hear anything" / "Sorry, I didn't catch that" in the driver's language.
agent::Answer not_understood(routing::Language language, bool heard_anything);

struct VoiceAnswer {
  std::string transcript;  // the best hypothesis, "" when nothing was heard
  agent::Answer answer;
  bool acted = false;  // the co-driver understood and answered (not asked again)
};

// `language` nullopt: the answer follows what was said (not-understood answers in English).
VoiceAnswer answer_transcript(agent::Agent& agent, const speech::Transcript& transcript,
                              std::optional<routing::Language> language, double min_confidence);

}  // namespace codriver::server
