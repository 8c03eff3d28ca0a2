#include "geo/polyline.h"

#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace codriver::geo {
namespace {

// Each character carries 5 bits of payload plus a continuation bit, offset by
// 63 so that the output is printable ASCII ('?'..'~').
constexpr int kChunkBits = 5;
constexpr std::int64_t kChunkMask = 0x1f;
constexpr std::int64_t kContinuationBit = 0x20;
constexpr char kCharOffset = 63;
// 12 chunks carry 60 bits, far more than any valid coordinate needs even at
// precision 10; more than that means corrupt input and would overflow.
constexpr int kMaxChunks = 12;
constexpr int kMaxPrecision = 10;

double precision_factor(int precision) {
  if (precision < 0 || precision > kMaxPrecision) {
    throw std::invalid_argument("polyline precision must be in [0, 10], got " +
                                std::to_string(precision));
  }
  return std::pow(10.0, precision);
}

void encode_value(std::int64_t value, std::string& out) {
  // Zig-zag: the sign moves to the lowest bit so small negatives stay short.
  std::uint64_t bits = static_cast<std::uint64_t>(value) << 1;
  if (value < 0) bits = ~bits;
  while (bits >= static_cast<std::uint64_t>(kContinuationBit)) {
    out.push_back(static_cast<char>((kContinuationBit | (bits & kChunkMask)) + kCharOffset));
    bits >>= kChunkBits;
  }
  out.push_back(static_cast<char>(bits + kCharOffset));
}

[[noreturn]] void throw_malformed(const char* what, std::size_t offset) {
  throw std::invalid_argument(std::string("decode_polyline: ") + what + " at offset " +
                              std::to_string(offset));
}

// Reads one zig-zag varint starting at `pos`, advancing `pos` past it.
std::int64_t decode_value(std::string_view encoded, std::size_t& pos) {
  std::uint64_t bits = 0;
  for (int chunk = 0; chunk < kMaxChunks; ++chunk) {
    if (pos >= encoded.size()) throw_malformed("truncated value", pos);
    const char c = encoded[pos];
    if (c < kCharOffset || c > '~') throw_malformed("character outside '?'..'~'", pos);
    const std::uint64_t payload = static_cast<std::uint64_t>(c - kCharOffset);
    ++pos;
    bits |= (payload & kChunkMask) << (chunk * kChunkBits);
    if ((payload & kContinuationBit) == 0) {
      const auto magnitude = static_cast<std::int64_t>(bits >> 1);
      return (bits & 1) ? ~magnitude : magnitude;
    }
  }
  throw_malformed("value too long", pos);
}

}  // namespace

std::string encode_polyline(std::span<const LatLon> points, int precision) {
  const double factor = precision_factor(precision);
  std::string out;
  out.reserve(points.size() * 8);
  std::int64_t prev_lat = 0;
  std::int64_t prev_lon = 0;
  for (const LatLon& p : points) {
    if (!is_valid(p)) throw std::invalid_argument("encode_polyline: invalid coordinate");
    // Round half away from zero, as Google's reference implementation does;
    // deltas of the rounded values keep rounding errors from accumulating.
    const std::int64_t lat = std::llround(p.lat * factor);
    const std::int64_t lon = std::llround(p.lon * factor);
    encode_value(lat - prev_lat, out);
    encode_value(lon - prev_lon, out);
    prev_lat = lat;
    prev_lon = lon;
  }
  return out;
}

std::vector<LatLon> decode_polyline(std::string_view encoded, int precision) {
  const double factor = precision_factor(precision);
  std::vector<LatLon> points;
  std::size_t pos = 0;
  std::int64_t lat = 0;
  std::int64_t lon = 0;
  while (pos < encoded.size()) {
    const std::size_t start = pos;
    lat += decode_value(encoded, pos);
    if (pos >= encoded.size()) throw_malformed("missing longitude (odd number of values)", pos);
    lon += decode_value(encoded, pos);
    const LatLon p{static_cast<double>(lat) / factor, static_cast<double>(lon) / factor};
    if (!is_valid(p)) throw_malformed("coordinate out of range", start);
    points.push_back(p);
  }
  return points;
}

}  // namespace codriver::geo
