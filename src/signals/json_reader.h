#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "signals/signal_model.h"

// Internal to the JSON decoders: reading a JSON document that anyone may have written,
// with every missing key, wrong type and out-of-range number reported as a SignalsError
// that names its path ("ODE JSON: payload.data.intersections[0].revision: ...").
namespace codriver::signals::json_input {

using nlohmann::json;

inline constexpr std::size_t kMaxDocumentBytes = 8 * 1024 * 1024;
inline constexpr int kMaxNesting = 64;

// Parses JSON text; throws SignalsError for malformed text, a document over
// kMaxDocumentBytes, or one nested deeper than kMaxNesting (checked before parsing, so
// that "[[[[..." costs nothing).
json parse(std::string_view text, std::string_view codec);

// A value inside a document, with its path.
class Node {
 public:
  Node(const json& value, std::string path, std::string_view codec)
      : value_(&value), path_(std::move(path)), codec_(codec) {}

  const json& value() const { return *value_; }
  const std::string& path() const { return path_; }
  [[noreturn]] void fail(const std::string& reason) const;

  bool is_object() const { return value_->is_object(); }
  bool has(const char* key) const;                       // an object with the key, not null
  Node at(const char* key) const;                        // required
  std::optional<Node> find(const char* key) const;       // absent and null alike give nullopt
  std::vector<Node> items(std::size_t max_items) const;  // an array's elements

  std::int64_t integer(std::int64_t lo, std::int64_t hi) const;  // 12 or 12.0
  double number() const;                                         // finite
  std::string string() const;
  bool boolean() const;

  std::optional<std::int64_t> optional_integer(const char* key, std::int64_t lo,
                                               std::int64_t hi) const;
  std::int64_t required_integer(const char* key, std::int64_t lo, std::int64_t hi) const;
  std::optional<std::string> optional_string(const char* key) const;

 private:
  const json* value_;
  std::string path_;
  std::string_view codec_;
};

// An RFC 3339 instant with fractions; fails naming the node otherwise.
Instant instant(const Node& node);

}  // namespace codriver::signals::json_input
