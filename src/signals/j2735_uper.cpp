#include "signals/j2735_uper.h"

#include "signals/j2735_uper_parts.h"
#include "signals/signals_error.h"

namespace codriver::signals {

namespace {

constexpr const char* kCodec = "J2735 UPER";

template <typename Body>
std::vector<std::uint8_t> encode_frame(int message_id, const Body& body,
                                       void (*write_body)(uper::BitWriter&, const Body&)) {
  uper::BitWriter value;
  write_body(value, body);
  const std::vector<std::uint8_t> content = std::move(value).finish();
  uper::BitWriter frame;
  frame.bit(false);  // no extension additions
  frame.constrained(message_id, 0, 32767, "MessageFrame.messageId");
  frame.open_type(content);
  return std::move(frame).finish();
}

}  // namespace

SignalMessage decode_j2735_uper(std::span<const std::uint8_t> bytes, Instant reference,
                                uper::Limits limits) {
  uper::BitReader frame(bytes, kCodec, limits);
  uper::BitReader::FieldScope scope(frame, "MessageFrame");
  const bool extended = frame.bit("extension");
  const auto message_id = static_cast<int>(frame.constrained(0, 32767, "messageId"));
  if (message_id != kJ2735SpatId && message_id != kJ2735MapId) {
    frame.fail("message id " + std::to_string(message_id) + " is neither SPaT (19) nor MAP (18)",
               "messageId");
  }
  const std::vector<std::uint8_t> content = frame.open_type("value");
  // The length determinant is 1 or 2 octets; the content's own offset is past it.
  const std::size_t content_offset = frame.position() - content.size() * 8;
  uper::BitReader value = frame.nested(content, content_offset);
  SignalMessage message;
  if (message_id == kJ2735SpatId) {
    message = j2735::read_spat(value, reference);
  } else {
    message = j2735::read_map(value, reference);
  }
  value.expect_only_padding(message_id == kJ2735SpatId ? "SPAT" : "MapData");
  if (extended) frame.skip_extension_additions("extension additions");
  frame.expect_only_padding("MessageFrame");
  return message;
}

std::vector<std::uint8_t> encode_j2735_uper(const SpatMessage& spat) {
  return encode_frame<SpatMessage>(kJ2735SpatId, spat, &j2735::write_spat);
}

std::vector<std::uint8_t> encode_j2735_uper(const MapMessage& map) {
  return encode_frame<MapMessage>(kJ2735MapId, map, &j2735::write_map);
}

}  // namespace codriver::signals
