#pragma once

#include <cstdint>
#include <span>
#include <variant>
#include <vector>

#include "signals/signal_model.h"
#include "signals/uper.h"

// SAE J2735 MessageFrame in UPER, as roadside units broadcast SPaT and MAP:
//
//   MessageFrame ::= SEQUENCE { messageId DSRCmsgID (0..32767),
//                               value (open type, the message selected by messageId), ... }
//
// messageId 19 is SPAT, 18 is MapData. The value is an open type: a length determinant,
// then the message's own UPER encoding padded to whole octets.
//
// Decoding resolves TimeMarks and MinuteOfTheYear against `reference` (see time_mark.h):
// the time the message was received, or "now" for a live feed.
namespace codriver::signals {

inline constexpr int kJ2735MapId = 18;
inline constexpr int kJ2735SpatId = 19;

using SignalMessage = std::variant<SpatMessage, MapMessage>;

// Throws SignalsError, naming the bit and the field, for anything but a well-formed
// MessageFrame carrying a SPaT or a MAP (trailing zero octets are allowed, as some
// tools pad).
SignalMessage decode_j2735_uper(std::span<const std::uint8_t> bytes, Instant reference,
                                uper::Limits limits = {});

// The MessageFrame for a model; throws SignalsError when a value does not fit J2735
// (a lane with fewer than 2 or more than 63 nodes, more than 255 lanes, ...).
std::vector<std::uint8_t> encode_j2735_uper(const SpatMessage& spat);
std::vector<std::uint8_t> encode_j2735_uper(const MapMessage& map);

}  // namespace codriver::signals
