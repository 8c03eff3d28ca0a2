#include "speech/audio_file.h"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "speech/resampler.h"

namespace codriver::speech {
namespace {

// Frames read per block: small enough that a long file never sits in memory as float,
// large enough that the per-call overhead does not matter.
constexpr sf_count_t kBlockFrames = 8192;
// Beyond these the header is corrupt or the file is not meant for speech.
constexpr int kMaxChannels = 256;
constexpr int kMinSampleRate = 1000;
constexpr int kMaxSampleRate = 768000;

struct SndfileCloser {
  void operator()(SNDFILE* file) const { sf_close(file); }
};
using SndfilePtr = std::unique_ptr<SNDFILE, SndfileCloser>;

std::int16_t to_int16(float sample) {
  if (std::isnan(sample)) return 0;
  // libsndfile maps int16 to float by dividing by 32768, so this scale round-trips 16-bit
  // input exactly; everything beyond full scale is clipped.
  const float scaled = std::round(sample * 32768.0f);
  return static_cast<std::int16_t>(std::clamp(scaled, -32768.0f, 32767.0f));
}

void append_int16(const std::vector<float>& samples, std::vector<std::int16_t>& out) {
  out.reserve(out.size() + samples.size());
  for (float sample : samples)
    out.push_back(to_int16(sample));
}

void check_format(const SF_INFO& info, const std::string& source) {
  if (info.channels < 1 || info.channels > kMaxChannels) {
    throw AudioError("unusable audio: " + source + ": " + std::to_string(info.channels) +
                     " channels (expected 1 to " + std::to_string(kMaxChannels) + ")");
  }
  if (info.samplerate < kMinSampleRate || info.samplerate > kMaxSampleRate) {
    throw AudioError("unusable audio: " + source + ": sample rate " +
                     std::to_string(info.samplerate) + " Hz (expected " +
                     std::to_string(kMinSampleRate) + " to " + std::to_string(kMaxSampleRate) +
                     " Hz)");
  }
}

[[noreturn]] void throw_too_long(double seconds, const std::string& source) {
  throw AudioError("audio too long: " + source + ": " + std::to_string(std::lround(seconds)) +
                   " s; at most " + std::to_string(std::lround(kMaxAudioSeconds / 60)) +
                   " minutes are accepted, cut the recording first");
}

// Reads the whole stream block by block: mono mix, then resampling, then int16.
AudioBuffer decode_stream(SNDFILE* file, const SF_INFO& info, const std::string& source) {
  check_format(info, source);
  const bool length_known = info.frames >= 0 && info.frames < SF_COUNT_MAX;
  const double declared_s = length_known ? static_cast<double>(info.frames) / info.samplerate : 0;
  if (declared_s > kMaxAudioSeconds) throw_too_long(declared_s, source);

  AudioBuffer audio;
  if (length_known) {
    audio.samples.reserve(static_cast<std::size_t>(declared_s * kSpeechSampleRate) + 64);
  }
  std::optional<StreamingResampler> resampler;
  if (info.samplerate != kSpeechSampleRate) resampler.emplace(info.samplerate, kSpeechSampleRate);
  const auto max_samples = static_cast<std::size_t>(kMaxAudioSeconds * kSpeechSampleRate);

  std::vector<float> interleaved(static_cast<std::size_t>(kBlockFrames * info.channels));
  std::vector<float> mono;
  std::vector<float> converted;
  while (true) {
    const sf_count_t frames = sf_readf_float(file, interleaved.data(), kBlockFrames);
    if (frames <= 0) break;
    mono.assign(static_cast<std::size_t>(frames), 0.0f);
    for (sf_count_t frame = 0; frame < frames; ++frame) {
      float sum = 0;
      for (int channel = 0; channel < info.channels; ++channel) {
        sum += interleaved[static_cast<std::size_t>(frame * info.channels + channel)];
      }
      mono[static_cast<std::size_t>(frame)] = sum / static_cast<float>(info.channels);
    }
    converted.clear();
    if (resampler) {
      resampler->process(mono, converted);
      append_int16(converted, audio.samples);
    } else {
      append_int16(mono, audio.samples);
    }
    // Streams that do not state their length are checked as they are read.
    if (audio.samples.size() > max_samples) {
      throw_too_long(static_cast<double>(audio.samples.size()) / kSpeechSampleRate, source);
    }
  }
  if (sf_error(file) != SF_ERR_NO_ERROR) {
    throw AudioError("cannot read audio: " + source + ": " + sf_strerror(file));
  }
  if (resampler) {
    converted.clear();
    resampler->finish(converted);
    append_int16(converted, audio.samples);
  }
  return audio;
}

// libsndfile's virtual I/O over a byte span: read-only, seekable.
struct MemoryReader {
  std::span<const std::uint8_t> bytes;
  sf_count_t position = 0;

  static sf_count_t length(void* self) {
    return static_cast<sf_count_t>(static_cast<MemoryReader*>(self)->bytes.size());
  }
  static sf_count_t seek(sf_count_t offset, int whence, void* self) {
    auto& reader = *static_cast<MemoryReader*>(self);
    const auto size = static_cast<sf_count_t>(reader.bytes.size());
    sf_count_t target = offset;
    if (whence == SEEK_CUR) target += reader.position;
    if (whence == SEEK_END) target += size;
    reader.position = std::clamp<sf_count_t>(target, 0, size);
    return reader.position;
  }
  static sf_count_t read(void* destination, sf_count_t count, void* self) {
    auto& reader = *static_cast<MemoryReader*>(self);
    const auto size = static_cast<sf_count_t>(reader.bytes.size());
    const sf_count_t available = std::clamp<sf_count_t>(size - reader.position, 0, count);
    if (available > 0) {
      std::memcpy(destination, reader.bytes.data() + reader.position,
                  static_cast<std::size_t>(available));
    }
    reader.position += available;
    return available;
  }
  static sf_count_t write(const void*, sf_count_t, void*) { return 0; }
  static sf_count_t tell(void* self) { return static_cast<MemoryReader*>(self)->position; }
};

void put_le(std::vector<std::uint8_t>& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i)
    out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

void put_tag(std::vector<std::uint8_t>& out, std::string_view tag) {
  for (char letter : tag)
    out.push_back(static_cast<std::uint8_t>(letter));
}

}  // namespace

AudioBuffer read_audio_file(const std::filesystem::path& path) {
  const std::string source = path.string();
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw AudioError("no such audio file: " + source + " (check the path)");
  }
  SF_INFO info{};
  SndfilePtr file(sf_open(source.c_str(), SFM_READ, &info));
  if (!file) {
    throw AudioError("not an audio file libsndfile can read: " + source + ": " +
                     sf_strerror(nullptr));
  }
  return decode_stream(file.get(), info, source);
}

AudioBuffer decode_audio(std::span<const std::uint8_t> bytes) {
  std::string source = std::to_string(bytes.size());
  source += " bytes of audio in memory";
  MemoryReader reader{bytes};
  SF_VIRTUAL_IO io{&MemoryReader::length, &MemoryReader::seek, &MemoryReader::read,
                   &MemoryReader::write, &MemoryReader::tell};
  SF_INFO info{};
  SndfilePtr file(sf_open_virtual(&io, SFM_READ, &info, &reader));
  if (!file) {
    throw AudioError("not an audio file libsndfile can read: " + source + ": " +
                     sf_strerror(nullptr));
  }
  return decode_stream(file.get(), info, source);
}

AudioBuffer resample(const AudioBuffer& audio, int sample_rate) {
  if (audio.sample_rate == sample_rate) return audio;
  StreamingResampler resampler(audio.sample_rate, sample_rate);
  std::vector<float> input;
  input.reserve(audio.samples.size());
  for (std::int16_t sample : audio.samples)
    input.push_back(static_cast<float>(sample) / 32768.0f);
  std::vector<float> converted;
  converted.reserve(static_cast<std::size_t>(
      static_cast<double>(input.size()) * sample_rate / audio.sample_rate + 64));
  resampler.process(input, converted);
  resampler.finish(converted);
  AudioBuffer result{sample_rate, {}};
  append_int16(converted, result.samples);
  return result;
}

std::vector<std::uint8_t> encode_wav(const AudioBuffer& audio) {
  if (audio.sample_rate <= 0) {
    throw AudioError("cannot encode WAV: sample rate " + std::to_string(audio.sample_rate) +
                     " Hz is not positive");
  }
  // RIFF sizes are 32-bit; the 30-minute limit keeps far below that.
  const auto data_bytes = static_cast<std::uint32_t>(audio.samples.size() * 2);
  std::vector<std::uint8_t> out;
  out.reserve(44 + data_bytes);
  put_tag(out, "RIFF");
  put_le(out, 36 + data_bytes, 4);
  put_tag(out, "WAVE");
  put_tag(out, "fmt ");
  put_le(out, 16, 4);                                                 // fmt chunk size
  put_le(out, 1, 2);                                                  // PCM
  put_le(out, 1, 2);                                                  // mono
  put_le(out, static_cast<std::uint32_t>(audio.sample_rate), 4);      // frames per second
  put_le(out, static_cast<std::uint32_t>(audio.sample_rate) * 2, 4);  // bytes per second
  put_le(out, 2, 2);                                                  // bytes per frame
  put_le(out, 16, 2);                                                 // bits per sample
  put_tag(out, "data");
  put_le(out, data_bytes, 4);
  for (std::int16_t sample : audio.samples)
    put_le(out, static_cast<std::uint16_t>(sample), 2);
  return out;
}

void write_wav(const std::filesystem::path& path, const AudioBuffer& audio) {
  const std::vector<std::uint8_t> bytes = encode_wav(audio);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    throw AudioError("cannot write WAV file: " + path.string() +
                     " (check that the folder exists and is writable)");
  }
}

}  // namespace codriver::speech
