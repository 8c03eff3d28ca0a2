// The typed metadata reads of GgufFile: each names the key and what it found when the value
// cannot represent what was asked for.
#include <limits>
#include <string>

#include "llm/gguf/gguf_file.h"

namespace codriver::llm::gguf {
namespace {

bool is_unsigned(ValueType type) {
  return type == ValueType::kUint8 || type == ValueType::kUint16 || type == ValueType::kUint32 ||
         type == ValueType::kUint64;
}

bool is_signed(ValueType type) {
  return type == ValueType::kInt8 || type == ValueType::kInt16 || type == ValueType::kInt32 ||
         type == ValueType::kInt64;
}

bool is_float(ValueType type) {
  return type == ValueType::kFloat32 || type == ValueType::kFloat64;
}

[[noreturn]] void wrong_type(std::string_view key, const MetadataValue& value,
                             std::string_view expected) {
  throw GgufError("metadata key '" + std::string(key) + "' is a " +
                  std::string(value_type_name(value.type)) + ", expected " + std::string(expected));
}

std::uint64_t as_uint(std::string_view key, const MetadataValue& value) {
  if (is_unsigned(value.type)) return std::get<std::uint64_t>(value.value);
  if (is_signed(value.type)) {
    const std::int64_t number = std::get<std::int64_t>(value.value);
    if (number < 0) {
      throw GgufError("metadata key '" + std::string(key) + "' is negative (" +
                      std::to_string(number) + "), expected an unsigned integer");
    }
    return static_cast<std::uint64_t>(number);
  }
  wrong_type(key, value, "an unsigned integer");
}

std::int64_t as_int(std::string_view key, const MetadataValue& value) {
  if (is_signed(value.type)) return std::get<std::int64_t>(value.value);
  if (is_unsigned(value.type)) {
    const std::uint64_t number = std::get<std::uint64_t>(value.value);
    if (number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      throw GgufError("metadata key '" + std::string(key) + "' (" + std::to_string(number) +
                      ") does not fit a signed 64-bit integer");
    }
    return static_cast<std::int64_t>(number);
  }
  wrong_type(key, value, "an integer");
}

double as_float(std::string_view key, const MetadataValue& value) {
  if (is_float(value.type)) return std::get<double>(value.value);
  if (is_unsigned(value.type)) return static_cast<double>(std::get<std::uint64_t>(value.value));
  if (is_signed(value.type)) return static_cast<double>(std::get<std::int64_t>(value.value));
  wrong_type(key, value, "a number");
}

bool as_bool(std::string_view key, const MetadataValue& value) {
  if (value.type != ValueType::kBool) wrong_type(key, value, "a bool");
  return std::get<std::uint64_t>(value.value) != 0;
}

std::string_view as_string(std::string_view key, const MetadataValue& value) {
  if (value.type != ValueType::kString) wrong_type(key, value, "a string");
  return std::get<std::string_view>(value.value);
}

const MetadataArray& as_array(std::string_view key, const MetadataValue& value) {
  if (value.type != ValueType::kArray) wrong_type(key, value, "an array");
  return std::get<MetadataArray>(value.value);
}

// Converts each element with `convert`, naming the element's index when one does not fit.
template <typename T, typename Convert>
std::vector<T> convert_array(std::string_view key, const MetadataValue& value, Convert convert) {
  const MetadataArray& elements = as_array(key, value);
  std::vector<T> result;
  result.reserve(elements.size());
  std::string element_key;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    try {
      result.push_back(convert(key, elements[i]));
    } catch (const GgufError&) {
      element_key = std::string(key) + "[" + std::to_string(i) + "]";
      result.push_back(convert(element_key, elements[i]));  // rethrows, naming the element
    }
  }
  return result;
}

}  // namespace

const MetadataValue* GgufFile::find(std::string_view key) const {
  const auto found = metadata_.find(key);
  return found == metadata_.end() ? nullptr : &found->second;
}

namespace {

const MetadataValue& require(const GgufFile& file, std::string_view key) {
  const MetadataValue* value = file.find(key);
  if (value == nullptr) throw GgufError("metadata key '" + std::string(key) + "' is missing");
  return *value;
}

}  // namespace

std::uint64_t GgufFile::get_uint(std::string_view key) const {
  return as_uint(key, require(*this, key));
}

std::int64_t GgufFile::get_int(std::string_view key) const {
  return as_int(key, require(*this, key));
}

double GgufFile::get_float(std::string_view key) const {
  return as_float(key, require(*this, key));
}

bool GgufFile::get_bool(std::string_view key) const {
  return as_bool(key, require(*this, key));
}

std::string_view GgufFile::get_string(std::string_view key) const {
  return as_string(key, require(*this, key));
}

std::vector<std::string_view> GgufFile::get_string_array(std::string_view key) const {
  return convert_array<std::string_view>(key, require(*this, key), as_string);
}

std::vector<std::int64_t> GgufFile::get_int_array(std::string_view key) const {
  return convert_array<std::int64_t>(key, require(*this, key), as_int);
}

std::vector<double> GgufFile::get_float_array(std::string_view key) const {
  return convert_array<double>(key, require(*this, key), as_float);
}

std::uint64_t GgufFile::get_uint_or(std::string_view key, std::uint64_t fallback) const {
  const MetadataValue* value = find(key);
  return value == nullptr ? fallback : as_uint(key, *value);
}

double GgufFile::get_float_or(std::string_view key, double fallback) const {
  const MetadataValue* value = find(key);
  return value == nullptr ? fallback : as_float(key, *value);
}

bool GgufFile::get_bool_or(std::string_view key, bool fallback) const {
  const MetadataValue* value = find(key);
  return value == nullptr ? fallback : as_bool(key, *value);
}

std::string_view GgufFile::get_string_or(std::string_view key, std::string_view fallback) const {
  const MetadataValue* value = find(key);
  return value == nullptr ? fallback : as_string(key, *value);
}

}  // namespace codriver::llm::gguf
