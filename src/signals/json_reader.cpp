#include "signals/json_reader.h"

#include <cmath>

#include "signals/iso_time.h"
#include "signals/signals_error.h"

namespace codriver::signals::json_input {

namespace {

// The deepest nesting of arrays and objects in the text, strings skipped.
int nesting_depth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

std::string type_name(const json& value) {
  return value.type_name();
}

}  // namespace

json parse(std::string_view text, std::string_view codec) {
  const std::string prefix = std::string(codec) + ": ";
  if (text.size() > kMaxDocumentBytes) {
    throw SignalsError(prefix + "the document is " + std::to_string(text.size()) +
                       " bytes, more than the " + std::to_string(kMaxDocumentBytes) + " accepted");
  }
  if (nesting_depth(text) > kMaxNesting) {
    throw SignalsError(prefix + "nested deeper than " + std::to_string(kMaxNesting) + " levels");
  }
  try {
    return json::parse(text);
  } catch (const json::exception& error) {
    throw SignalsError(prefix + "not JSON: " + error.what());
  }
}

void Node::fail(const std::string& reason) const {
  throw SignalsError(std::string(codec_) + ": " + (path_.empty() ? "(document)" : path_) + ": " +
                     reason);
}

bool Node::has(const char* key) const {
  if (!value_->is_object()) return false;
  const auto it = value_->find(key);
  return it != value_->end() && !it->is_null();
}

Node Node::at(const char* key) const {
  if (!value_->is_object()) fail("is " + type_name(*value_) + ", not an object");
  const auto it = value_->find(key);
  const std::string path = path_.empty() ? key : path_ + "." + key;
  if (it == value_->end() || it->is_null()) {
    throw SignalsError(std::string(codec_) + ": " + path + ": missing");
  }
  return Node(*it, path, codec_);
}

std::optional<Node> Node::find(const char* key) const {
  if (!has(key)) return std::nullopt;
  return at(key);
}

std::vector<Node> Node::items(std::size_t max_items) const {
  if (!value_->is_array()) fail("is " + type_name(*value_) + ", not an array");
  if (value_->size() > max_items) {
    fail(std::to_string(value_->size()) + " items, more than the " + std::to_string(max_items) +
         " allowed");
  }
  std::vector<Node> out;
  out.reserve(value_->size());
  for (std::size_t i = 0; i < value_->size(); ++i) {
    out.emplace_back((*value_)[i], path_ + "[" + std::to_string(i) + "]", codec_);
  }
  return out;
}

std::int64_t Node::integer(std::int64_t lo, std::int64_t hi) const {
  std::int64_t result = 0;
  if (value_->is_number_integer()) {
    if (value_->is_number_unsigned() && value_->get<std::uint64_t>() > 1ULL << 62) {
      fail("is too large");
    }
    result = value_->get<std::int64_t>();
  } else if (value_->is_number_float()) {
    const double d = value_->get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || std::abs(d) > 1e15) {
      fail("is " + value_->dump() + ", not a whole number");
    }
    result = static_cast<std::int64_t>(d);
  } else {
    fail("is " + type_name(*value_) + ", not a number");
  }
  if (result < lo || result > hi) {
    fail(std::to_string(result) + " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
  }
  return result;
}

double Node::number() const {
  if (!value_->is_number()) fail("is " + type_name(*value_) + ", not a number");
  const double d = value_->get<double>();
  if (!std::isfinite(d)) fail("is not a finite number");
  return d;
}

std::string Node::string() const {
  if (!value_->is_string()) fail("is " + type_name(*value_) + ", not a string");
  return value_->get<std::string>();
}

bool Node::boolean() const {
  if (!value_->is_boolean()) fail("is " + type_name(*value_) + ", not true or false");
  return value_->get<bool>();
}

std::optional<std::int64_t> Node::optional_integer(const char* key, std::int64_t lo,
                                                   std::int64_t hi) const {
  const auto node = find(key);
  if (!node) return std::nullopt;
  return node->integer(lo, hi);
}

std::int64_t Node::required_integer(const char* key, std::int64_t lo, std::int64_t hi) const {
  return at(key).integer(lo, hi);
}

std::optional<std::string> Node::optional_string(const char* key) const {
  const auto node = find(key);
  if (!node) return std::nullopt;
  return node->string();
}

Instant instant(const Node& node) {
  const auto parsed = parse_iso8601(node.string());
  if (!parsed) node.fail("\"" + node.string() + "\" is not an RFC 3339 time with a zone");
  return *parsed;
}

}  // namespace codriver::signals::json_input
