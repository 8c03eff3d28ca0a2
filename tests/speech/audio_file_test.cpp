#include "speech/audio_file.h"

#include <gtest/gtest.h>
#include <sndfile.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

#include "front_end_signals.h"
#include "support/test_support.h"

namespace codriver::speech {
namespace {

using codriver::testing::TempDir;

// Zero crossings per second of a tone are twice its frequency: a resampled 1 kHz tone must
// still cross 2000 times in one second.
int zero_crossings(const std::vector<std::int16_t>& samples) {
  int crossings = 0;
  for (std::size_t i = 1; i < samples.size(); ++i) {
    if ((samples[i - 1] < 0) != (samples[i] < 0)) ++crossings;
  }
  return crossings;
}

std::string message_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const AudioError& error) {
    return error.what();
  }
  return "(no AudioError)";
}

std::vector<std::int16_t> read_raw_int16(const std::filesystem::path& path) {
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  std::vector<std::int16_t> samples(static_cast<std::size_t>(info.frames));
  sf_readf_short(file, samples.data(), info.frames);
  sf_close(file);
  return samples;
}

TEST(AudioFile, SixteenKilohertzMonoRecordingIsReadSampleExact) {
  const auto path = codriver::testing::shared_data("speech/en/goforward.wav");
  const AudioBuffer audio = read_audio_file(path);
  EXPECT_EQ(audio.sample_rate, 16000);
  ASSERT_EQ(audio.samples.size(), 44580u);
  EXPECT_EQ(audio.samples, read_raw_int16(path));
}

TEST(AudioFile, CommonRatesAreResampledTo16kHzKeepingPitchAndLevel) {
  TempDir dir;
  for (int rate : {8000, 22050, 44100, 48000}) {
    SCOPED_TRACE(rate);
    const auto path = dir / ("tone" + std::to_string(rate) + ".wav");
    signals::write_sound_file(path, SF_FORMAT_WAV | SF_FORMAT_PCM_16, rate, 1,
                              signals::sine(1000, 0.5, 1.0, rate));
    const AudioBuffer audio = read_audio_file(path);
    EXPECT_EQ(audio.sample_rate, 16000);
    EXPECT_EQ(audio.samples.size(), 16000u);
    EXPECT_NEAR(zero_crossings(audio.samples), 2000, 2);
    EXPECT_NEAR(rms_level(audio.samples), 0.5 / std::sqrt(2.0), 0.01);
  }
}

TEST(AudioFile, EightBit24BitAndFloatSamplesKeepTheirLevel) {
  TempDir dir;
  const std::vector<float> tone = signals::sine(440, 0.5, 0.5, 16000);
  const std::vector<std::pair<std::string, int>> formats = {
      {"u8.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_U8},
      {"s24.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_24},
      {"float.wav", SF_FORMAT_WAV | SF_FORMAT_FLOAT},
      {"flac16.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16},
      {"aiff.aiff", SF_FORMAT_AIFF | SF_FORMAT_PCM_16},
      {"vorbis.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS}};
  for (const auto& [name, format] : formats) {
    SCOPED_TRACE(name);
    signals::write_sound_file(dir / name, format, 16000, 1, tone);
    const AudioBuffer audio = read_audio_file(dir / name);
    EXPECT_EQ(audio.samples.size(), 8000u);
    EXPECT_NEAR(rms_level(audio.samples), 0.5 / std::sqrt(2.0), 0.01);
    EXPECT_NEAR(zero_crossings(audio.samples), 440, 3);
  }
}

TEST(AudioFile, StereoIsMixedToMono) {
  TempDir dir;
  // Left carries the tone, right is silent: the mix is the tone at half amplitude.
  const std::vector<float> tone = signals::sine(500, 0.8, 0.5, 16000);
  std::vector<float> interleaved;
  for (float sample : tone) {
    interleaved.push_back(sample);
    interleaved.push_back(0.0f);
  }
  signals::write_sound_file(dir / "stereo.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 16000, 2,
                            interleaved);
  const AudioBuffer audio = read_audio_file(dir / "stereo.wav");
  ASSERT_EQ(audio.samples.size(), 8000u);
  EXPECT_NEAR(peak_level(audio.samples), 0.4, 0.001);
}

TEST(AudioFile, SamplesBeyondFullScaleAreClipped) {
  TempDir dir;
  signals::write_sound_file(dir / "hot.wav", SF_FORMAT_WAV | SF_FORMAT_FLOAT, 16000, 1,
                            {1.5f, -1.5f, 0.25f, 1.0f, -1.0f});
  const AudioBuffer audio = read_audio_file(dir / "hot.wav");
  EXPECT_EQ(audio.samples, (std::vector<std::int16_t>{32767, -32768, 8192, 32767, -32768}));
}

TEST(AudioFile, ZeroLengthAudioIsAnEmptyBufferNotAnError) {
  TempDir dir;
  signals::write_sound_file(dir / "empty.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 16000, 1, {});
  const AudioBuffer audio = read_audio_file(dir / "empty.wav");
  EXPECT_TRUE(audio.samples.empty());
  EXPECT_EQ(audio.sample_rate, 16000);
  // Also after resampling: nothing in, nothing out.
  signals::write_sound_file(dir / "empty48k.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 48000, 2, {});
  EXPECT_TRUE(read_audio_file(dir / "empty48k.wav").samples.empty());
}

TEST(AudioFile, EmptyFileAndNonAudioBytesGiveAClearError) {
  TempDir dir;
  codriver::testing::write_file(dir / "zero.wav", "");
  codriver::testing::write_file(dir / "notes.wav", "turn left at the next junction\n");
  for (const char* name : {"zero.wav", "notes.wav"}) {
    const std::string path = (dir / name).string();
    const std::string message = message_of([&] { read_audio_file(path); });
    EXPECT_EQ(message.rfind("not an audio file libsndfile can read: " + path + ": ", 0), 0u)
        << message;
  }
}

TEST(AudioFile, MissingFileSaysSo) {
  TempDir dir;
  const std::string message = message_of([&] { read_audio_file(dir / "absent.wav"); });
  EXPECT_EQ(message, "no such audio file: " + (dir / "absent.wav").string() + " (check the path)");
}

TEST(AudioFile, TruncatedWavGivesTheSamplesThatArePresent) {
  TempDir dir;
  signals::write_sound_file(dir / "full.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 16000, 1,
                            signals::sine(300, 0.5, 1.0, 16000));
  std::string bytes = codriver::testing::read_file(dir / "full.wav");
  const std::size_t header = bytes.size() - 2 * 16000;
  bytes.resize(header + 2 * 1000);  // the header, then 1000 of the 16000 samples it announces
  codriver::testing::write_file(dir / "cut.wav", bytes);
  const AudioBuffer audio = read_audio_file(dir / "cut.wav");
  EXPECT_EQ(audio.samples.size(), 1000u);
}

TEST(AudioFile, TenMinutesOfSilenceAreReadQuickly) {
  TempDir dir;
  const auto path = dir / "silence.wav";
  {
    SF_INFO info{};
    info.samplerate = 16000;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    ASSERT_NE(file, nullptr);
    const std::vector<short> block(16000, 0);
    for (int second = 0; second < 600; ++second)
      sf_writef_short(file, block.data(), 16000);
    sf_close(file);
  }
  const auto start = std::chrono::steady_clock::now();
  const AudioBuffer audio = read_audio_file(path);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ timing   ] 10 min of 16 kHz silence read in %.3f s\n", elapsed);
  EXPECT_EQ(audio.samples.size(), 9600000u);
  EXPECT_DOUBLE_EQ(peak_level(audio.samples), 0.0);
  EXPECT_DOUBLE_EQ(audio.duration_s(), 600.0);
}

TEST(AudioFile, LongStereo48kHzFileIsStreamedThroughTheResampler) {
  TempDir dir;
  const auto path = dir / "tone48k.flac";
  constexpr int kSeconds = 180;
  {
    SF_INFO info{};
    info.samplerate = 48000;
    info.channels = 2;
    info.format = SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    ASSERT_NE(file, nullptr);
    std::vector<float> block;
    for (float sample : signals::sine(1000, 0.5, 1.0, 48000))
      block.insert(block.end(), 2, sample);
    for (int second = 0; second < kSeconds; ++second)
      sf_writef_float(file, block.data(), 48000);
    sf_close(file);
  }
  const auto start = std::chrono::steady_clock::now();
  const AudioBuffer audio = read_audio_file(path);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "[ timing   ] %d s of 48 kHz stereo FLAC read and resampled in %.3f s (%.0fx real time)\n",
      kSeconds, elapsed, kSeconds / elapsed);
  EXPECT_EQ(audio.samples.size(), static_cast<std::size_t>(kSeconds) * 16000);
  EXPECT_NEAR(rms_level(audio.samples), 0.5 / std::sqrt(2.0), 0.01);
}

TEST(AudioFile, MoreThanThirtyMinutesIsRefused) {
  TempDir dir;
  const auto path = dir / "long.wav";
  {
    SF_INFO info{};
    info.samplerate = 8000;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_U8;
    SNDFILE* file = sf_open(path.c_str(), SFM_WRITE, &info);
    ASSERT_NE(file, nullptr);
    const std::vector<short> block(8000, 0);
    for (int second = 0; second < 31 * 60; ++second)
      sf_writef_short(file, block.data(), 8000);
    sf_close(file);
  }
  const std::string message = message_of([&] { read_audio_file(path); });
  EXPECT_EQ(message, "audio too long: " + path.string() +
                         ": 1860 s; at most 30 minutes are accepted, cut the recording first");
}

TEST(AudioFile, DecodesFromMemory) {
  TempDir dir;
  const auto wav =
      codriver::testing::read_file(codriver::testing::shared_data("speech/en/goforward.wav"));
  const std::vector<std::uint8_t> bytes(wav.begin(), wav.end());
  const AudioBuffer audio = decode_audio(bytes);
  EXPECT_EQ(audio.samples,
            read_raw_int16(codriver::testing::shared_data("speech/en/goforward.wav")));

  // A lossless FLAC made by sox gives back exactly the samples it was made from.
  const auto flac = dir / "goforward.flac";
  const std::string command = "sox '" +
                              codriver::testing::shared_data("speech/en/goforward.wav").string() +
                              "' '" + flac.string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string flac_bytes = codriver::testing::read_file(flac);
  EXPECT_EQ(
      decode_audio({reinterpret_cast<const std::uint8_t*>(flac_bytes.data()), flac_bytes.size()})
          .samples,
      audio.samples);
}

TEST(AudioFile, BadBytesInMemoryGiveAClearError) {
  const std::string text = "{\"error\": \"model not loaded\"}";
  const std::string message = message_of([&] {
    decode_audio({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
  });
  EXPECT_EQ(
      message.rfind("not an audio file libsndfile can read: 29 bytes of audio in memory: ", 0), 0u)
      << message;
  EXPECT_EQ(message_of([] {
              decode_audio({});
            }).rfind("not an audio file libsndfile can read: 0 bytes of audio in memory: ", 0),
            0u);
}

TEST(AudioFile, EncodedWavRoundTrips) {
  const AudioBuffer original{16000, {0, 1, -1, 32767, -32768, 1234}};
  const std::vector<std::uint8_t> bytes = encode_wav(original);
  ASSERT_EQ(bytes.size(), 44u + 12u);
  EXPECT_EQ(std::string(bytes.begin(), bytes.begin() + 4), "RIFF");
  EXPECT_EQ(std::string(bytes.begin() + 8, bytes.begin() + 12), "WAVE");
  EXPECT_EQ(decode_audio(bytes).samples, original.samples);

  TempDir dir;
  write_wav(dir / "out.wav", original);
  EXPECT_EQ(read_audio_file(dir / "out.wav").samples, original.samples);
  // Another rate is written as is, and read back converted to 16 kHz.
  write_wav(dir / "8k.wav", AudioBuffer{8000, std::vector<std::int16_t>(8000, 1000)});
  EXPECT_EQ(read_audio_file(dir / "8k.wav").samples.size(), 16000u);
}

TEST(AudioFile, WritingToAMissingFolderIsAnAudioError) {
  TempDir dir;
  const auto path = dir / "no" / "such" / "out.wav";
  EXPECT_EQ(message_of([&] {
              write_wav(path, AudioBuffer{16000, {1, 2, 3}});
            }),
            "cannot write WAV file: " + path.string() +
                " (check that the folder exists and is writable)");
  EXPECT_THROW(encode_wav(AudioBuffer{0, {1}}), AudioError);
}

TEST(AudioFile, ResampleConvertsLengthAndRejectsImpossibleRates) {
  AudioBuffer tone{16000, {}};
  for (float sample : signals::sine(1000, 0.5, 1.0, 16000)) {
    tone.samples.push_back(signals::clip(sample));
  }
  const AudioBuffer down = resample(tone, 8000);
  EXPECT_EQ(down.sample_rate, 8000);
  EXPECT_EQ(down.samples.size(), 8000u);
  EXPECT_NEAR(zero_crossings(down.samples), 2000, 4);
  EXPECT_EQ(resample(tone, 16000).samples, tone.samples);
  EXPECT_TRUE(resample(AudioBuffer{48000, {}}, 16000).samples.empty());
  EXPECT_THROW(resample(tone, 0), AudioError);
  EXPECT_THROW(resample(AudioBuffer{-5, {1, 2}}, 16000), AudioError);
}

}  // namespace
}  // namespace codriver::speech
