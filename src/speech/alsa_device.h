#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "speech/audio_buffer.h"

struct _snd_pcm;  // ALSA's stream handle, kept out of this header

// The car's microphone and loudspeaker through ALSA, as 16 kHz mono 16-bit (ALSA's plug
// layer converts to what the hardware does). Opening throws AudioError("no audio device:
// ...") when the device is missing, so callers can fall back to text.
namespace codriver::speech {

class AlsaCapture {
 public:
  explicit AlsaCapture(const std::string& device = "default");
  ~AlsaCapture();
  AlsaCapture(const AlsaCapture&) = delete;
  AlsaCapture& operator=(const AlsaCapture&) = delete;

  // Blocks until `sample_count` samples have been recorded; recovers from overruns.
  std::vector<std::int16_t> read(std::size_t sample_count);

 private:
  _snd_pcm* pcm_ = nullptr;
  std::string device_;
};

class AlsaPlayback {
 public:
  explicit AlsaPlayback(const std::string& device = "default");
  ~AlsaPlayback();
  AlsaPlayback(const AlsaPlayback&) = delete;
  AlsaPlayback& operator=(const AlsaPlayback&) = delete;

  // Plays the audio (converted to 16 kHz first) 20 ms at a time. `keep_playing` is asked
  // before each piece; when it says no (the driver barged in) playback stops at once and
  // play() returns false. Returns true when everything was played.
  bool play(const AudioBuffer& audio, const std::function<bool()>& keep_playing = {});

 private:
  _snd_pcm* pcm_ = nullptr;
  std::string device_;
};

}  // namespace codriver::speech
