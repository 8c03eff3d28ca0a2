#include <array>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

#include "agent/json_schema.h"

// check_schema_supported: the schema side of json_schema.h, run once per tool at start-up.
namespace codriver::agent {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 6> kAnnotations = {"description", "title",    "default",
                                                          "examples",    "$comment", "$schema"};
constexpr std::array<std::string_view, 7> kTypeNames = {"string", "integer", "number", "boolean",
                                                        "object", "array",   "null"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
  for (const auto candidate : names) {
    if (candidate == name) return true;
  }
  return false;
}

[[noreturn]] void refuse(const std::string& path, std::string_view keyword,
                         std::string_view problem) {
  throw std::invalid_argument("JSON Schema keyword \"" + std::string(keyword) + "\" at " +
                              (path.empty() ? std::string("the schema root") : path) + " " +
                              std::string(problem));
}

bool is_finite_number(const json& value) {
  return value.is_number() && (!value.is_number_float() || std::isfinite(value.get<double>()));
}

bool is_count(const json& value) {
  if (value.is_number_integer()) return value.is_number_unsigned() || value.get<long long>() >= 0;
  if (!value.is_number_float()) return false;
  const double number = value.get<double>();
  return std::isfinite(number) && number >= 0 && std::floor(number) == number;
}

void check_schema(const json& schema, const std::string& path, int depth);

void check_type_keyword(const json& type, const std::string& path) {
  if (type.is_string()) {
    if (!contains(kTypeNames, type.get<std::string>())) {
      refuse(path, "type",
             "names an unknown type \"" + type.get<std::string>() +
                 "\" (use string, integer, number, boolean, object, array, null)");
    }
    return;
  }
  if (!type.is_array() || type.empty()) {
    refuse(path, "type", "must be a type name or a non-empty array of type names");
  }
  std::set<std::string> seen;
  for (const auto& name : type) {
    if (!name.is_string()) refuse(path, "type", "must list type names as strings");
    check_type_keyword(name, path);
    if (!seen.insert(name.get<std::string>()).second) {
      refuse(path, "type", "lists \"" + name.get<std::string>() + "\" twice");
    }
  }
}

void check_schema_list(const json& list, const std::string& keyword, const std::string& path,
                       int depth) {
  if (!list.is_array() || list.empty())
    refuse(path, keyword, "must be a non-empty array of schemas");
  for (std::size_t i = 0; i < list.size(); ++i) {
    check_schema(list[i], path + "/" + keyword + "/" + std::to_string(i), depth + 1);
  }
}

void check_properties(const json& properties, const std::string& path, int depth) {
  if (!properties.is_object()) refuse(path, "properties", "must be an object of schemas");
  for (const auto& [name, subschema] : properties.items()) {
    check_schema(subschema, (json::json_pointer(path) / "properties" / name).to_string(),
                 depth + 1);
  }
}

void check_required(const json& required, const std::string& path) {
  if (!required.is_array()) refuse(path, "required", "must be an array of property names");
  std::set<std::string> seen;
  for (const auto& name : required) {
    if (!name.is_string()) refuse(path, "required", "must list property names as strings");
    if (!seen.insert(name.get<std::string>()).second) {
      refuse(path, "required", "lists \"" + name.get<std::string>() + "\" twice");
    }
  }
}

// One keyword of an object schema; throws when it is not in the subset or malformed.
void check_keyword(const std::string& keyword, const json& value, const std::string& path,
                   int depth) {
  if (keyword == "type") return check_type_keyword(value, path);
  if (keyword == "properties") return check_properties(value, path, depth);
  if (keyword == "required") return check_required(value, path);
  if (keyword == "additionalProperties" || keyword == "items" || keyword == "not") {
    if (!value.is_object() && !value.is_boolean()) {
      refuse(path, keyword, "must be a schema (an object or a boolean)");
    }
    return check_schema(value, path + "/" + keyword, depth + 1);
  }
  if (keyword == "anyOf" || keyword == "oneOf" || keyword == "allOf") {
    return check_schema_list(value, keyword, path, depth);
  }
  if (keyword == "enum") {
    if (!value.is_array() || value.empty()) refuse(path, keyword, "must be a non-empty array");
    return;
  }
  if (keyword == "const") return;
  if (keyword == "minimum" || keyword == "maximum" || keyword == "exclusiveMinimum" ||
      keyword == "exclusiveMaximum") {
    if (!is_finite_number(value)) refuse(path, keyword, "must be a finite number");
    return;
  }
  if (keyword == "minLength" || keyword == "maxLength" || keyword == "minItems" ||
      keyword == "maxItems") {
    if (!is_count(value)) refuse(path, keyword, "must be a non-negative integer");
    return;
  }
  if (keyword == "uniqueItems") {
    if (!value.is_boolean()) refuse(path, keyword, "must be true or false");
    return;
  }
  if (contains(kAnnotations, keyword)) return;
  refuse(path, keyword,
         "is not supported (tool schemas may use type, properties, required, "
         "additionalProperties, enum, const, minimum, maximum, exclusiveMinimum, "
         "exclusiveMaximum, minLength, maxLength, items, minItems, maxItems, uniqueItems, anyOf, "
         "oneOf, allOf, not)");
}

void check_schema(const json& schema, const std::string& path, int depth) {
  if (schema.is_boolean()) return;
  if (!schema.is_object()) {
    throw std::invalid_argument("JSON Schema at " +
                                (path.empty() ? std::string("the schema root") : path) +
                                " must be an object or a boolean");
  }
  if (depth > kMaxSchemaDepth) {
    throw std::invalid_argument("JSON Schema at " + path + " is nested more than " +
                                std::to_string(kMaxSchemaDepth) + " levels deep");
  }
  for (const auto& [keyword, value] : schema.items()) {
    check_keyword(keyword, value, path, depth);
  }
}

}  // namespace

void check_schema_supported(const json& schema) {
  check_schema(schema, "", 0);
}

}  // namespace codriver::agent
