#pragma once

#include <cstdint>
#include <span>

// How noise-like a short frame sounds: the ratio of the geometric to the arithmetic mean of
// its power spectrum over the speech band (250 Hz to 4 kHz). Near 0 for voiced speech, whose
// energy sits in a few harmonics; about 0.55 for white noise; 1 for an all-zero frame.
namespace codriver::speech {

double spectral_flatness(std::span<const std::int16_t> frame, int sample_rate);

}  // namespace codriver::speech
