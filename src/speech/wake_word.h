#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "speech/audio_buffer.h"

struct ps_decoder_s;  // PocketSphinx's decoder, kept out of this header

// Listening for the wake phrase ("hey codriver") before the co-driver pays attention to
// anything said in the cabin. PocketSphinx keyphrase spotting: cheap enough to run all
// the time on 16 kHz microphone audio, entirely on board.
namespace codriver::speech {

// Detection threshold of PocketSphinx's keyphrase search: lower values need less evidence
// (fewer misses, more false wakes). 1e-20 was measured (tests/speech/wake_word_test.cpp)
// to catch all synthesised "hey codriver" utterances, clean and noisy, with no false
// wake in about 19 minutes of other speech and noise. Longer phrases want lower values.
inline constexpr double kDefaultWakeThreshold = 1e-20;

class WakeWordDetector {
 public:
  // `phrase` is lower-case English words; each must be in PocketSphinx's US English
  // dictionary or be "codriver"/"co-driver", whose pronunciation is supplied here.
  // Throws AsrError when a word has no pronunciation, the threshold is not in (0, 1], or
  // the acoustic model cannot be loaded.
  explicit WakeWordDetector(std::string phrase = "hey codriver",
                            double threshold = kDefaultWakeThreshold);
  ~WakeWordDetector();
  WakeWordDetector(const WakeWordDetector&) = delete;
  WakeWordDetector& operator=(const WakeWordDetector&) = delete;

  // Whole recording (resampled to 16 kHz if needed); resets the streaming state.
  bool contains_wake_word(const AudioBuffer& audio);

  // Streaming: feed 16 kHz microphone blocks of any size; triggered() latches once the
  // phrase was heard, until reset().
  void feed(const std::int16_t* samples, std::size_t count);
  bool triggered() const { return triggered_; }
  void reset();

  const std::string& phrase() const { return phrase_; }

 private:
  std::string phrase_;
  ps_decoder_s* decoder_ = nullptr;
  bool triggered_ = false;
};

}  // namespace codriver::speech
