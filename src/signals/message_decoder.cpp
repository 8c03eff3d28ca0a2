#include "signals/message_decoder.h"

#include "signals/csae53_json.h"
#include "signals/hex.h"
#include "signals/j2735_json.h"
#include "signals/json_reader.h"
#include "signals/signals_error.h"

namespace codriver::signals {

namespace {

bool is_space(std::uint8_t c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

std::string_view trimmed_text(std::span<const std::uint8_t> input) {
  std::size_t begin = 0, end = input.size();
  while (begin < end && is_space(input[begin]))
    ++begin;
  while (end > begin && is_space(input[end - 1]))
    --end;
  return {reinterpret_cast<const char*>(input.data()) + begin, end - begin};
}

DecodedMessage decode_json(std::string_view text, const DecodeOptions& options) {
  const nlohmann::json document = json_input::parse(text, "JSON");
  if (is_csae53_spat_json(document)) {
    return {MessageFormat::kCsae53SpatJson, decode_csae53_spat_json(document, options)};
  }
  if (is_processed_spat_json(document)) {
    return {MessageFormat::kProcessedSpatJson, decode_processed_spat_json(document)};
  }
  if (is_processed_map_json(document)) {
    return {MessageFormat::kProcessedMapJson, decode_processed_map_json(document)};
  }
  if (is_ode_json(document)) return {MessageFormat::kOdeJson, decode_ode_json(document, options)};
  throw SignalsError(
      "JSON: not a SPaT or MAP shape codriver reads (ODE envelope, ProcessedSpat, "
      "ProcessedMap, CSAE 53 SPAT)");
}

}  // namespace

std::string_view format_name(MessageFormat format) {
  switch (format) {
    case MessageFormat::kJ2735UperHex:
      return "J2735 UPER (hex)";
    case MessageFormat::kJ2735UperBinary:
      return "J2735 UPER";
    case MessageFormat::kOdeJson:
      return "ODE JSON";
    case MessageFormat::kProcessedSpatJson:
      return "ProcessedSpat JSON";
    case MessageFormat::kProcessedMapJson:
      return "ProcessedMap JSON";
    case MessageFormat::kCsae53SpatJson:
      return "CSAE 53 SPAT JSON";
  }
  return "unknown";
}

DecodedMessage decode_message(std::span<const std::uint8_t> input, const DecodeOptions& options) {
  const std::string_view text = trimmed_text(input);
  if (text.empty()) throw SignalsError("the input is empty");
  const Instant reference = options.reference.value_or(feeds::Clock::now());
  if (text.front() == '{') return decode_json(text, options);
  if (const auto bytes = bytes_from_hex(text)) {
    if (bytes->empty()) throw SignalsError("the hex input holds no bytes");
    return {MessageFormat::kJ2735UperHex, decode_j2735_uper(*bytes, reference, options.limits)};
  }
  return {MessageFormat::kJ2735UperBinary, decode_j2735_uper(input, reference, options.limits)};
}

DecodedMessage decode_message(std::string_view input, const DecodeOptions& options) {
  return decode_message(std::span<const std::uint8_t>(
                            reinterpret_cast<const std::uint8_t*>(input.data()), input.size()),
                        options);
}

}  // namespace codriver::signals
