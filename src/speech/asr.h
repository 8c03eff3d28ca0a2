#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "speech/audio_buffer.h"

// The one interface every speech recogniser implements (embedded PocketSphinx, a remote
// OpenAI-compatible server, test doubles), so the agent never knows which one listens.
namespace codriver::speech {

struct Hypothesis {
  std::string text;         // lower-case words separated by single spaces
  double confidence = 0.0;  // 0..1; each backend documents what its number means
};

struct Transcript {
  std::vector<Hypothesis> nbest;  // best first; empty when nothing was heard
  double decode_s = 0.0;          // wall time spent decoding, for real-time-factor reports

  bool heard() const { return !nbest.empty() && !nbest.front().text.empty(); }
};

// The recogniser cannot be set up or cannot use the audio it was given.
class AsrError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SpeechRecognizer {
 public:
  virtual ~SpeechRecognizer() = default;
  // One utterance in, its transcript out. Silence is not an error: it gives an empty
  // Transcript. Unusable audio (wrong format) or a broken backend throws AsrError.
  virtual Transcript transcribe(const AudioBuffer& audio) = 0;
};

}  // namespace codriver::speech
