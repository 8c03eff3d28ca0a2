#include "speech/resampler.h"

#include <samplerate.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "speech/audio_buffer.h"

namespace codriver::speech {
namespace {

// More than the longest filter half-length libsamplerate uses at any supported ratio.
constexpr std::size_t kFlushPaddingSamples = 8192;

}  // namespace

StreamingResampler::StreamingResampler(int input_rate, int output_rate)
    : ratio_(static_cast<double>(output_rate) / input_rate) {
  if (input_rate <= 0 || output_rate <= 0 || !src_is_valid_ratio(ratio_)) {
    throw AudioError("cannot resample from " + std::to_string(input_rate) + " Hz to " +
                     std::to_string(output_rate) +
                     " Hz: the ratio must lie between 1/256 and 256; record at a usual rate "
                     "such as 16, 44.1 or 48 kHz");
  }
  int error = 0;
  converter_ = src_new(SRC_SINC_MEDIUM_QUALITY, 1, &error);
  if (converter_ == nullptr) {
    throw AudioError(std::string("cannot start the resampler: ") + src_strerror(error));
  }
}

StreamingResampler::~StreamingResampler() {
  src_delete(converter_);
}

void StreamingResampler::process(std::span<const float> input, std::vector<float>& out) {
  input_total_ += static_cast<long long>(input.size());
  run(input, false, out);
}

void StreamingResampler::finish(std::vector<float>& out) {
  // libsamplerate stops short of the end by about half its filter length; trailing zeros
  // push the last real samples through, and the surplus is cut off.
  const auto expected =
      static_cast<long long>(std::llround(static_cast<double>(input_total_) * ratio_));
  const std::size_t start = out.size();
  const std::vector<float> padding(kFlushPaddingSamples, 0.0f);
  run(padding, true, out);
  const long long missing = expected - output_total_;
  out.resize(start + static_cast<std::size_t>(std::clamp<long long>(
                         missing, 0, static_cast<long long>(out.size() - start))));
  output_total_ += static_cast<long long>(out.size() - start);
}

void StreamingResampler::run(std::span<const float> input, bool end_of_input,
                             std::vector<float>& out) {
  // Output room for one pass; the loop repeats until the input is consumed and, at the
  // end, until the filter has nothing left to give.
  const long chunk = static_cast<long>(input.size() * ratio_) + 256;
  SRC_DATA data{};
  data.src_ratio = ratio_;
  data.end_of_input = end_of_input ? 1 : 0;
  std::size_t consumed = 0;
  while (true) {
    const std::size_t old_size = out.size();
    out.resize(old_size + static_cast<std::size_t>(chunk));
    data.data_in = input.data() + consumed;
    data.input_frames = static_cast<long>(input.size() - consumed);
    data.data_out = out.data() + old_size;
    data.output_frames = chunk;
    const int error = src_process(converter_, &data);
    if (error != 0) {
      out.resize(old_size);
      throw AudioError(std::string("resampling failed: ") + src_strerror(error));
    }
    out.resize(old_size + static_cast<std::size_t>(data.output_frames_gen));
    if (!end_of_input) output_total_ += data.output_frames_gen;
    consumed += static_cast<std::size_t>(data.input_frames_used);
    const bool input_done = consumed >= input.size();
    if (input_done && (!end_of_input || data.output_frames_gen == 0)) break;
  }
}

}  // namespace codriver::speech
