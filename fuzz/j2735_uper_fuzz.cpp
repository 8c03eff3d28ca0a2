// libFuzzer target for the J2735 UPER codec (src/signals/j2735_uper.h): each input is a
// MessageFrame as a roadside unit would broadcast it. decode_j2735_uper promises to throw
// SignalsError, and nothing else, for anything that is not a well-formed SPaT or MAP.
//
// What it does decode, J2735 can carry, so these are findings too (__builtin_trap):
// - encoding the decoded model throws;
// - the encoding does not decode;
// - encoding is not stable: decode(encode(decode(input))) encodes to other bytes.
// The normalised JSON of every decoded message is written as well.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "signals/iso_time.h"
#include "signals/j2735_uper.h"
#include "signals/signals_error.h"
#include "signals/signals_json.h"

namespace {

using codriver::signals::Instant;
using codriver::signals::SignalMessage;
using codriver::signals::SignalsError;

void check(bool condition) {
  if (!condition) __builtin_trap();
}

std::vector<std::uint8_t> encoded(const SignalMessage& message) {
  try {
    return std::visit([](const auto& m) { return codriver::signals::encode_j2735_uper(m); },
                      message);
  } catch (const SignalsError&) {
    __builtin_trap();
  }
}

SignalMessage decoded_again(const std::vector<std::uint8_t>& bytes, Instant reference) {
  try {
    return codriver::signals::decode_j2735_uper(bytes, reference);
  } catch (const SignalsError&) {
    __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Instant reference = *codriver::signals::parse_iso8601("2024-12-10T17:34:40.359Z");
  SignalMessage message;
  try {
    message = codriver::signals::decode_j2735_uper(std::span(data, size), reference);
  } catch (const SignalsError&) {
    return 0;
  }
  (void)codriver::signals::to_json(message).dump(-1, ' ', false,
                                                 nlohmann::ordered_json::error_handler_t::replace);
  const std::vector<std::uint8_t> first = encoded(message);
  const std::vector<std::uint8_t> second = encoded(decoded_again(first, reference));
  check(first == second);
  return 0;
}
