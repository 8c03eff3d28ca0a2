#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// The JSON Schema subset that tool arguments use, with draft 2020-12 semantics:
// type, properties, required, additionalProperties, enum, const, minimum, maximum,
// exclusiveMinimum, exclusiveMaximum, minLength, maxLength, items, minItems, maxItems,
// uniqueItems, anyOf, oneOf, allOf, not; description, title, default, examples, $comment
// and $schema are annotations and ignored. Boolean schemas (true, false) are accepted.
// Anything else (pattern, $ref, format, ...) is refused by check_schema_supported, so a
// typo in a tool's schema fails at start-up instead of silently accepting everything.
namespace codriver::agent {

// Values nested deeper than this (arrays/objects inside arrays/objects) are refused as a
// whole: no tool takes them, and bounding them keeps every later step off a deep stack.
inline constexpr int kMaxValueDepth = 64;
// A schema nested deeper than this is refused by check_schema_supported.
inline constexpr int kMaxSchemaDepth = 64;
// validate_json stops after this many violations.
inline constexpr std::size_t kMaxViolations = 20;

struct SchemaViolation {
  std::string path;     // JSON pointer into the value ("/radius_m", "/stops/2"), "" for the root
  std::string message;  // English, reads after the path: "must be at most 50000 (got 90000)"
};

// Every way `value` breaks `schema` (at most kMaxViolations), empty when it conforms.
// Throws std::invalid_argument when the schema itself is unsupported (see below).
std::vector<SchemaViolation> validate_json(const nlohmann::json& schema,
                                           const nlohmann::json& value);

// Throws std::invalid_argument naming the keyword and where it sits in the schema when the
// schema uses a keyword outside the subset, or a keyword with a value of the wrong shape
// ("minimum" that is not a number, "required" that is not an array of strings, ...).
void check_schema_supported(const nlohmann::json& schema);

}  // namespace codriver::agent
