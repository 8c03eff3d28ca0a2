#include "speech/front_end.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>

#include "speech/audio_file.h"

namespace codriver::speech {
namespace {

std::size_t sample_index(double seconds, std::size_t limit) {
  const double index = std::round(std::max(0.0, seconds) * kSpeechSampleRate);
  return std::min(limit, static_cast<std::size_t>(index));
}

}  // namespace

Utterance clean_utterance(const AudioBuffer& audio) {
  return clean_utterance(audio, {});
}

Utterance clean_utterance(const AudioBuffer& audio, const FrontEndConfig& config) {
  const AudioBuffer input =
      audio.sample_rate == kSpeechSampleRate ? audio : resample(audio, kSpeechSampleRate);
  Utterance utterance;
  if (input.samples.empty()) return utterance;

  NoiseSuppressor suppressor(config.suppressor);
  // speexdsp learns the noise and the gain as it goes, so the first second would come out
  // barely cleaned and look like speech next to the cleaned rest. A first pass over the
  // start of the recording teaches it; only the second pass is kept.
  const std::size_t warm_up =
      std::min(input.samples.size(), sample_index(config.warm_up_s, SIZE_MAX));
  suppressor.process(std::span(input.samples).first(warm_up));
  AudioBuffer cleaned{kSpeechSampleRate, suppressor.process(input.samples)};
  // Speech is looked for in the cleaned signal: suppression lowers the noise floor far
  // more than the speech, which widens the detector's margin.
  const std::vector<SpeechSegment> segments = find_speech(cleaned, config.vad);
  if (segments.empty()) return utterance;

  // A command with a pause longer than the hangover comes out as several segments; the
  // recogniser gets all of it.
  utterance.heard = true;
  utterance.speech_begin_s = segments.front().begin_s;
  utterance.speech_end_s = segments.back().end_s;
  const std::size_t size = cleaned.samples.size();
  const std::size_t begin = sample_index(utterance.speech_begin_s - config.margin_s, size);
  const std::size_t end = sample_index(utterance.speech_end_s + config.margin_s, size);
  utterance.audio.samples.assign(cleaned.samples.begin() + static_cast<long>(begin),
                                 cleaned.samples.begin() + static_cast<long>(end));
  return utterance;
}

}  // namespace codriver::speech
