#include "speech/alsa_device.h"

#include <alsa/asoundlib.h>

#include <algorithm>

#include "speech/audio_file.h"

namespace codriver::speech {
namespace {

// Enough buffering to ride out scheduling hiccups, short enough for a prompt barge-in.
constexpr unsigned kLatencyMicroseconds = 100000;
constexpr std::size_t kChunkSamples = kSpeechSampleRate / 50;

snd_pcm_t* open_pcm(const std::string& device, snd_pcm_stream_t direction) {
  const char* role = direction == SND_PCM_STREAM_CAPTURE ? "capture" : "playback";
  snd_pcm_t* pcm = nullptr;
  int error = snd_pcm_open(&pcm, device.c_str(), direction, 0);
  if (error < 0) {
    throw AudioError(std::string("no audio device: cannot open ALSA ") + role + " device '" +
                     device + "': " + snd_strerror(error) +
                     " (connect a microphone/speaker or name another ALSA device)");
  }
  // Soft resampling on: the plug layer adapts 16 kHz mono to whatever the card needs.
  error = snd_pcm_set_params(pcm, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 1,
                             kSpeechSampleRate, 1, kLatencyMicroseconds);
  if (error < 0) {
    snd_pcm_close(pcm);
    throw AudioError(std::string("no audio device: ALSA ") + role + " device '" + device +
                     "' does not accept 16 kHz mono 16-bit audio: " + snd_strerror(error));
  }
  return pcm;
}

// Underruns and overruns (-EPIPE) and suspends are recoverable; anything else is not.
void recover_or_throw(snd_pcm_t* pcm, long result, const std::string& device) {
  const int error = snd_pcm_recover(pcm, static_cast<int>(result), 1);
  if (error < 0) {
    throw AudioError("audio device '" + device + "' failed: " + snd_strerror(error));
  }
}

}  // namespace

AlsaCapture::AlsaCapture(const std::string& device)
    : pcm_(open_pcm(device, SND_PCM_STREAM_CAPTURE)), device_(device) {}

AlsaCapture::~AlsaCapture() {
  snd_pcm_close(pcm_);
}

std::vector<std::int16_t> AlsaCapture::read(std::size_t sample_count) {
  std::vector<std::int16_t> samples(sample_count);
  std::size_t filled = 0;
  while (filled < sample_count) {
    const snd_pcm_sframes_t got = snd_pcm_readi(
        pcm_, samples.data() + filled, static_cast<snd_pcm_uframes_t>(sample_count - filled));
    if (got < 0) {
      recover_or_throw(pcm_, got, device_);
      continue;
    }
    filled += static_cast<std::size_t>(got);
  }
  return samples;
}

AlsaPlayback::AlsaPlayback(const std::string& device)
    : pcm_(open_pcm(device, SND_PCM_STREAM_PLAYBACK)), device_(device) {}

AlsaPlayback::~AlsaPlayback() {
  snd_pcm_close(pcm_);
}

bool AlsaPlayback::play(const AudioBuffer& audio, const std::function<bool()>& keep_playing) {
  const AudioBuffer input =
      audio.sample_rate == kSpeechSampleRate ? audio : resample(audio, kSpeechSampleRate);
  std::size_t position = 0;
  while (position < input.samples.size()) {
    if (keep_playing && !keep_playing()) {
      snd_pcm_drop(pcm_);     // discard what is queued: the driver is talking
      snd_pcm_prepare(pcm_);  // ready for the next answer
      return false;
    }
    const std::size_t count = std::min(kChunkSamples, input.samples.size() - position);
    const snd_pcm_sframes_t written = snd_pcm_writei(pcm_, input.samples.data() + position,
                                                     static_cast<snd_pcm_uframes_t>(count));
    if (written < 0) {
      recover_or_throw(pcm_, written, device_);
      continue;
    }
    position += static_cast<std::size_t>(written);
  }
  snd_pcm_drain(pcm_);
  snd_pcm_prepare(pcm_);
  return true;
}

}  // namespace codriver::speech
