// libFuzzer target for the parking-availability feed (src/places/parking_availability.h):
// every input is one message as it would arrive over MQTT. AvailabilityBoard::ingest
// promises FeedError, with a reason, for anything it cannot use, and never a partial
// update; any other exception or a crash is a finding. After each accepted message the
// board must answer a lookup of every lot it holds without failing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "places/parking_availability.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using codriver::places::AvailabilityBoard;
  using codriver::places::FeedError;
  const std::string_view message(reinterpret_cast<const char*>(data), size);
  const auto now = *codriver::feeds::parse_rfc3339("2026-11-24T21:10:00Z");
  AvailabilityBoard board;
  try {
    board.ingest(message, now);
  } catch (const FeedError&) {
    if (board.size() != 0) __builtin_trap();  // a rejected message changed the board
    return 0;
  }
  // Ask for a few ids that the corpus uses; readings must be well-formed.
  for (const char* id : {"osm:w1", "osm:n2", "osm:w123"}) {
    if (const auto reading = board.reading(id, now)) {
      if (reading->status.free < 0) __builtin_trap();
      if (reading->status.total && reading->status.free > *reading->status.total) __builtin_trap();
    }
  }
  return 0;
}
