#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "signals/hex.h"
#include "signals/iso_time.h"
#include "support/test_support.h"

// The real J2735 messages of ../shared/data/spat_map (Colorado intersections 12110/12111,
// USDOT ODE test resources) and the time they were received, which ODE's metadata gives.
namespace codriver::signals::testing {

inline std::string sample_text(const std::string& name) {
  return codriver::testing::read_file(codriver::testing::shared_data("spat_map/" + name));
}

inline std::vector<std::uint8_t> sample_bytes(const std::string& hex_file) {
  return *bytes_from_hex(sample_text(hex_file));
}

inline nlohmann::json sample_json(const std::string& name) {
  return nlohmann::json::parse(sample_text(name));
}

// metadata.odeReceivedAt of ode_expected-spat.json / ode_decoder-output-spat.xer.xml.
inline Instant spat_received() {
  return *parse_iso8601("2024-12-10T17:34:40.359Z");
}
// metadata.odeReceivedAt of ode_expected-map.json.
inline Instant map_received() {
  return *parse_iso8601("2024-12-10T17:32:22.024Z");
}

}  // namespace codriver::signals::testing
