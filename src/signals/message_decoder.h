#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "signals/decode_options.h"
#include "signals/j2735_uper.h"

// Any supported SPaT or MAP, whatever it came as, into the model. The format is told
// from the content:
//
// - text that is only hex digits (and whitespace, an optional "0x"): a J2735 UPER
//   MessageFrame written in hex, as ODE logs and the shared test data keep it;
// - text starting with '{': JSON, one of the ODE envelope (or its payload or data),
//   ProcessedSpat, ProcessedMap, or the CSAE 53 SPAT form (see csae53_json.h), told apart
//   by their keys;
// - anything else: a binary UPER MessageFrame.
namespace codriver::signals {

enum class MessageFormat {
  kJ2735UperHex,
  kJ2735UperBinary,
  kOdeJson,
  kProcessedSpatJson,
  kProcessedMapJson,
  kCsae53SpatJson,
};

std::string_view format_name(MessageFormat format);  // "J2735 UPER (hex)"

struct DecodedMessage {
  MessageFormat format;
  SignalMessage message;
};

// Throws SignalsError with the reason (and where) when the input is none of the formats
// or is malformed as the one it looks like.
DecodedMessage decode_message(std::span<const std::uint8_t> input,
                              const DecodeOptions& options = {});
DecodedMessage decode_message(std::string_view input, const DecodeOptions& options = {});

}  // namespace codriver::signals
