#pragma once

#include <span>
#include <vector>

// Sample-rate conversion that can be fed block by block, so long recordings are converted
// without holding the whole input in memory. Wraps libsamplerate (sinc, medium quality:
// clean enough for speech recognition and several times faster than the best setting).
struct SRC_STATE_tag;  // libsamplerate's converter, kept out of this header

namespace codriver::speech {

class StreamingResampler {
 public:
  // Throws AudioError when the ratio is outside what libsamplerate supports (1/256..256).
  StreamingResampler(int input_rate, int output_rate);
  ~StreamingResampler();
  StreamingResampler(const StreamingResampler&) = delete;
  StreamingResampler& operator=(const StreamingResampler&) = delete;

  // Converts one block of mono samples (full scale = 1.0) and appends the result to `out`.
  void process(std::span<const float> input, std::vector<float>& out);
  // Flushes the samples still inside the filter; call once after the last block. The total
  // output is then exactly round(input samples x output rate / input rate) long.
  void finish(std::vector<float>& out);

 private:
  void run(std::span<const float> input, bool end_of_input, std::vector<float>& out);

  SRC_STATE_tag* converter_ = nullptr;
  double ratio_;
  long long input_total_ = 0;
  long long output_total_ = 0;
};

}  // namespace codriver::speech
