#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "signals/signal_model.h"

// J2735 value tables that the binary and the JSON decoders share: the names of bits in
// the BIT STRINGs of MAP lanes, and what a TimeIntervalConfidence index means.
namespace codriver::signals::j2735 {

// LaneSharing bit names, bit 0 first (10 bits).
std::span<const std::string_view> lane_sharing_names();
// The attribute bit names of each lane type (LaneAttributes-Vehicle, -Crosswalk, ...).
std::span<const std::string_view> lane_type_attribute_names(LaneType type);
// Bits in the lane type's attribute BIT STRING: 8 for vehicle lanes, 16 for the others.
int lane_type_attribute_bits(LaneType type);

// The bit of `names` a JSON key means, ignoring case and '-'/'_' (ODE writes
// "median_RevocableLane" for "median-RevocableLane").
std::optional<int> bit_named(std::span<const std::string_view> names, std::string_view key);

// TimeIntervalConfidence (0..15) -> the probability it stands for (0.21 .. 1.0), and the
// index whose probability is nearest a given one.
double interval_confidence_probability(int index);
int interval_confidence_index(double probability);

}  // namespace codriver::signals::j2735
