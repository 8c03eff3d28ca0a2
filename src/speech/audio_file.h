#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

#include "speech/audio_buffer.h"

// Audio in and out of files and memory. Whatever comes in (any format libsndfile reads:
// WAV, FLAC, OGG, AIFF...; any rate, any channel count, 8/16/24-bit, float) leaves as mono
// 16 kHz 16-bit, the one shape the rest of the speech pipeline handles.
namespace codriver::speech {

// Longest recording accepted: far beyond any spoken command, and a guard against files
// whose size would exhaust memory.
inline constexpr double kMaxAudioSeconds = 30.0 * 60.0;

// Reads a file, streaming it in blocks: mixes to mono, resamples to 16 kHz and converts to
// int16 with clipping. A valid file with no samples gives an empty buffer. Throws
// AudioError for a missing file, bytes that are not audio, or more than 30 minutes.
AudioBuffer read_audio_file(const std::filesystem::path& path);

// The same for an encoded file held in memory (an upload, a server reply).
AudioBuffer decode_audio(std::span<const std::uint8_t> bytes);

// Converts to another sample rate (libsamplerate, sinc medium quality).
AudioBuffer resample(const AudioBuffer& audio, int sample_rate);

// 16-bit PCM WAV (RIFF), mono, at the buffer's rate.
std::vector<std::uint8_t> encode_wav(const AudioBuffer& audio);
void write_wav(const std::filesystem::path& path, const AudioBuffer& audio);

}  // namespace codriver::speech
