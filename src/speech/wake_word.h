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
// (fewer misses, more false wakes). Tuned on synthesised speech (eSpeak, 8 voices x 3
// rates, clean and with pink noise; tests/speech/wake_word_test.cpp) with the phone-loop
// probability set to 1e-5: 1e-10 gave no false wake in ~10 min of other speech while
// catching 19 of 48 wake phrases (40%); 1e-20 caught 44% but woke ~18 times an hour. A missed wake
// costs the driver a repetition, a false one interrupts: 1e-10. eSpeak's voice is far from what the
// acoustic model was trained on (it decodes even plain eSpeak sentences wrongly), so real drivers
// are expected to be caught more often; re-tune on recordings of real drivers when there are some.
inline constexpr double kDefaultWakeThreshold = 1e-10;

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
  // phrase was heard, until reset(). The detector adapts to the microphone at each reset()
  // (and each whole-buffer check): right after construction it misses more, so keep one
  // detector for the whole drive.
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
