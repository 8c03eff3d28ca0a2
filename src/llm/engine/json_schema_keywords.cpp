#include "llm/engine/json_schema_keywords.h"

#include <algorithm>
#include <array>
#include <string>

#include "llm/engine/engine_error.h"
#include "llm/engine/json_schema_number.h"

namespace codriver::llm::engine::json_schema {
namespace {

using json_text::JsonValue;

constexpr std::array<std::string_view, 6> kAnnotations = {"description", "title",    "default",
                                                          "examples",    "$comment", "$schema"};
constexpr std::array<std::string_view, 7> kTypeNames = {"string", "integer", "number", "boolean",
                                                        "object", "array",   "null"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

[[noreturn]] void refuse(const std::string& path, std::string_view keyword,
                         std::string_view problem) {
  throw EngineError("JSON Schema keyword \"" + std::string(keyword) + "\" at " +
                    (path.empty() ? std::string("the schema root") : path) + " " +
                    std::string(problem));
}

void check_schema(const JsonValue& schema, const std::string& path);

void check_type(const JsonValue& type, const std::string& path) {
  const auto check_name = [&](const JsonValue& name) {
    if (!name.is_string() || !listed(kTypeNames, name.text)) {
      refuse(path, "type", "must name string, integer, number, boolean, object, array or null");
    }
  };
  if (!type.is_array()) return check_name(type);
  if (type.items.empty()) refuse(path, "type", "must not be an empty array");
  for (const auto& name : type.items)
    check_name(name);
}

bool is_count(const JsonValue& value) {
  return value.is_number() && validator_number(value.text) >= 0 && validator_integral(value.text);
}

void check_scalar(const JsonValue& value, const std::string& path, std::string_view keyword) {
  if (value.is_object() || value.is_array()) {
    refuse(path, keyword,
           "lists an object or array value: constrained decoding supports strings, numbers, "
           "booleans and null there");
  }
}

void check_schema_list(const JsonValue& list, const std::string& path, std::string_view keyword) {
  if (!list.is_array() || list.items.empty()) {
    refuse(path, keyword, "must be a non-empty array of schemas");
  }
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    check_schema(list.items[i], path + "/" + std::string(keyword) + "/" + std::to_string(i));
  }
}

void check_keyword(std::string_view keyword, const JsonValue& value, const std::string& path) {
  const std::string here = path + "/" + std::string(keyword);
  if (keyword == "type") {
    check_type(value, path);
  } else if (keyword == "properties") {
    if (!value.is_object()) refuse(path, keyword, "must be an object of schemas");
    for (const auto& [name, schema] : value.members)
      check_schema(schema, here + "/" + name);
  } else if (keyword == "required") {
    const bool strings =
        value.is_array() && std::all_of(value.items.begin(), value.items.end(),
                                        [](const JsonValue& name) { return name.is_string(); });
    if (!strings) refuse(path, keyword, "must be an array of property names");
  } else if (keyword == "additionalProperties") {
    check_schema(value, here);
  } else if (keyword == "items") {
    if (value.is_array()) {
      refuse(path, keyword, "as an array (one schema per position) is not supported");
    }
    check_schema(value, here);
  } else if (keyword == "enum") {
    if (!value.is_array()) refuse(path, keyword, "must be an array");
    for (const auto& item : value.items)
      check_scalar(item, path, keyword);
  } else if (keyword == "const") {
    check_scalar(value, path, keyword);
  } else if (keyword == "minLength" || keyword == "maxLength" || keyword == "minItems" ||
             keyword == "maxItems") {
    if (!is_count(value)) refuse(path, keyword, "must be a whole number, 0 or more");
  } else if (keyword == "minimum" || keyword == "maximum" || keyword == "exclusiveMinimum" ||
             keyword == "exclusiveMaximum") {
    if (!value.is_number()) refuse(path, keyword, "must be a number");
  } else if (keyword == "anyOf" || keyword == "oneOf" || keyword == "allOf") {
    check_schema_list(value, path, keyword);
  } else if (keyword == "uniqueItems") {
    if (!value.is_bool()) refuse(path, keyword, "must be true or false");
    if (value.boolean) refuse(path, keyword, "true is not supported by constrained decoding");
  } else if (!is_annotation(keyword)) {
    refuse(path, keyword, "is not supported by constrained decoding");
  }
}

void check_schema(const JsonValue& schema, const std::string& path) {
  if (schema.is_bool()) return;
  if (!schema.is_object()) {
    throw EngineError("JSON Schema at " + (path.empty() ? std::string("the schema root") : path) +
                      " must be an object or a boolean");
  }
  for (const auto& [keyword, value] : schema.members)
    check_keyword(keyword, value, path);
}

}  // namespace

bool is_annotation(std::string_view keyword) {
  return listed(kAnnotations, keyword);
}

void check_keywords(const JsonValue& schema) {
  check_schema(schema, "");
}

}  // namespace codriver::llm::engine::json_schema
