// libFuzzer target for every text form `codriver signals decode` reads
// (src/signals/message_decoder.h): ODE JSON, ProcessedSpat/ProcessedMap, CSAE 53 SPAT
// JSON, and UPER as hex. decode_message promises to throw SignalsError, and nothing else,
// for whatever it cannot read.
//
// A decoded message is written as normalised JSON, and then as J2735 UPER: the encoder
// may refuse what J2735 cannot carry (a 70-character name from JSON) with SignalsError,
// but what it writes must decode (a finding, __builtin_trap, otherwise).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "signals/iso_time.h"
#include "signals/message_decoder.h"
#include "signals/signals_error.h"
#include "signals/signals_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace codriver::signals;
  static const Instant reference = *parse_iso8601("2024-12-10T17:34:40.359Z");
  DecodeOptions options;
  options.reference = reference;
  std::optional<DecodedMessage> decoded;
  try {
    decoded = decode_message(std::string_view(reinterpret_cast<const char*>(data), size), options);
  } catch (const SignalsError&) {
    return 0;
  }
  (void)to_json(decoded->message)
      .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::vector<std::uint8_t> bytes;
  try {
    bytes = std::visit([](const auto& m) { return encode_j2735_uper(m); }, decoded->message);
  } catch (const SignalsError&) {
    return 0;
  }
  try {
    (void)decode_j2735_uper(bytes, reference);
  } catch (const SignalsError&) {
    __builtin_trap();
  }
  return 0;
}
