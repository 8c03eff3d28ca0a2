// libFuzzer target for what a client sends the cockpit server (src/server/request_values.h):
// the POST /v1/ask body and the query-parameter readers. The first byte picks the reader,
// the rest is the body or the raw parameter value:
//
//   A  parse_ask_request(rest)          G  optional_language_value(rest), language_value
//   L  lat_lon_value("near", rest)      B  boolean_value(rest), fallback: length is odd
//   N  number_value    } the second byte picks one of the server's bounds (radius_m,
//   I  integer_value   } max_walk_m; limit, the whole int range; the q and cuisine limits),
//   T  text_value      } the bytes after it are the value
//   X  bbox_value("bbox", rest)
//
// A lowercase letter calls the same reader with the parameter absent (nullopt). Any other
// first byte is folded onto these sixteen, so every input reaches a reader.
//
// HttpError is the promised answer to bad input; it must be a 400 with both messages and an
// error body that is valid JSON. Any other exception escapes (a finding); an accepted value
// that breaks its promise (out of range, not UTF-8, blank text) traps.
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "server/http_error.h"
#include "server/request_values.h"

namespace {

namespace server = codriver::server;
using server::QueryValue;

void check(bool condition) {
  if (!condition) __builtin_trap();
}

// Throws nlohmann's type_error on bytes that are not UTF-8: an escaping exception.
void check_utf8(const std::string& text) {
  (void)nlohmann::json(text).dump();
}

struct Bounds {
  const char* name;
  double min, max, fallback;
};

// The bounds api_routes.cpp applies, and the whole int range.
constexpr Bounds kNumberBounds[] = {{"radius_m", 1, 50000, 1500}, {"max_walk_m", 1, 5000, 1000}};
constexpr Bounds kIntegerBounds[] = {
    {"limit", 1, 50, 10}, {"limit", 1, 50, 5}, {"count", INT_MIN, INT_MAX, 0}};
constexpr std::size_t kTextLimits[] = {200, 60};

// One of `choices`, by the selector byte in front of the value; the rest is the value.
template <typename T, std::size_t N>
const T& pick(const T (&choices)[N], std::string_view& rest) {
  const std::size_t index = rest.empty() ? 0 : static_cast<unsigned char>(rest[0]) % N;
  rest.remove_prefix(rest.empty() ? 0 : 1);
  return choices[index];
}

QueryValue value_of(bool absent, std::string_view rest) {
  return absent ? std::nullopt : QueryValue(std::string(rest));
}

void ask(std::string_view body) {
  const server::AskRequest request = server::parse_ask_request(body);
  check(!server::blank_text(request.text));
  check(server::character_count(request.text) <= server::kMaxAskTextCharacters);
  check_utf8(request.text);
}

void lat_lon(const QueryValue& value) {
  const auto position = server::lat_lon_value("near", value);
  check(position.has_value() == value.has_value());
  if (position) {
    check(std::isfinite(position->lat) && std::isfinite(position->lon));
    check(std::abs(position->lat) <= 90 && std::abs(position->lon) <= 180);
  }
}

void number(bool absent, std::string_view rest) {
  const Bounds& b = pick(kNumberBounds, rest);
  const QueryValue value = value_of(absent, rest);
  const double n = server::number_value(b.name, value, b.fallback, b.min, b.max);
  if (!value) check(n == b.fallback);
  check(std::isfinite(n) && n >= b.min && n <= b.max);
}

void integer(bool absent, std::string_view rest) {
  const Bounds& b = pick(kIntegerBounds, rest);
  const QueryValue value = value_of(absent, rest);
  const int n = server::integer_value(b.name, value, static_cast<int>(b.fallback),
                                      static_cast<int>(b.min), static_cast<int>(b.max));
  if (!value) check(n == static_cast<int>(b.fallback));
  check(n >= b.min && n <= b.max);
}

void boolean(const QueryValue& value, std::string_view rest) {
  const bool fallback = rest.size() % 2 == 1;
  const bool result = server::boolean_value("open_now", value, fallback);
  check(value ? result == (*value == "true" || *value == "1") : result == fallback);
}

void text(bool absent, std::string_view rest) {
  const std::size_t limit = pick(kTextLimits, rest);
  const QueryValue value = value_of(absent, rest);
  const std::string result = server::text_value("q", value, limit);
  check(value ? result == *value : result.empty());
  check(result.size() <= limit);
  check_utf8(result);
}

void bbox(const QueryValue& value) {
  const auto box = server::bbox_value("bbox", value);
  check(box.has_value() == value.has_value());
  if (box) {
    check(!box->empty && box->min_lon <= box->max_lon && box->min_lat <= box->max_lat);
    check(std::abs(box->min_lon) <= 180 && std::abs(box->max_lon) <= 180);
    check(std::abs(box->min_lat) <= 90 && std::abs(box->max_lat) <= 90);
  }
}

void language(const QueryValue& value) {
  const auto chosen = server::optional_language_value(value);
  check(chosen.has_value() == (value.has_value() && *value != "auto"));
  check(server::language_value(value) == chosen.value_or(codriver::routing::Language::kEnglish));
}

void read(char reader, std::string_view rest) {
  const bool absent = reader >= 'a' && reader <= 'z';
  const QueryValue value = value_of(absent, rest);
  switch (reader | 0x20) {  // lowercase
    case 'a':
      return ask(rest);  // a body is never absent
    case 'l':
      return lat_lon(value);
    case 'n':
      return number(absent, rest);
    case 'i':
      return integer(absent, rest);
    case 'b':
      return boolean(value, rest);
    case 't':
      return text(absent, rest);
    case 'x':
      return bbox(value);
    default:
      return language(value);
  }
}

char reader_of(std::uint8_t first) {
  static constexpr std::string_view kReaders = "ALNIBTXGalnibtxg";
  return kReaders.find(static_cast<char>(first)) != std::string_view::npos
             ? static_cast<char>(first)
             : kReaders[first % kReaders.size()];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    read(reader_of(data[0]), rest);
  } catch (const server::HttpError& error) {
    check(error.status() == 400 && error.code() == "bad_request");
    check(*error.what() != '\0' && !error.message_zh().empty());
    const auto body = nlohmann::json::parse(server::error_body(error), nullptr, false);
    check(body.is_object() && body.contains("error"));
  }
  return 0;
}
