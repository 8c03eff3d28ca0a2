#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

// A small JSON reader for the engine (standard library only): enough to read a tool's JSON
// Schema for constrained decoding. Numbers keep the text they were written with, so a
// schema's bounds and enum values are compared exactly, not after rounding.
namespace codriver::llm::engine::json_text {

// Deeper nesting is refused: the reader recurses, and no schema needs more.
inline constexpr int kMaxJsonDepth = 128;

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };

  Kind kind = Kind::kNull;
  bool boolean = false;
  std::string text;              // kNumber: as written ("1.50", "-3e2"); kString: decoded UTF-8
  std::vector<JsonValue> items;  // kArray
  std::vector<std::pair<std::string, JsonValue>> members;  // kObject, in document order

  bool is_object() const { return kind == Kind::kObject; }
  bool is_array() const { return kind == Kind::kArray; }
  bool is_string() const { return kind == Kind::kString; }
  bool is_number() const { return kind == Kind::kNumber; }
  bool is_bool() const { return kind == Kind::kBool; }
  // The member named `key`, or nullptr (keys are unique: the reader refuses repeats).
  const JsonValue* find(std::string_view key) const;
};

// Parses one JSON value (RFC 8259) with optional surrounding whitespace. Throws EngineError
// saying what is wrong and at which byte offset; a key repeated in one object and nesting
// deeper than kMaxJsonDepth are errors too.
JsonValue parse_json(std::string_view text);

// `text` (UTF-8) as a JSON string literal in the one spelling constrained decoding accepts
// for fixed strings: quotes, backslashes and control characters escaped (\n, \u001b),
// everything else as it is.
std::string quote_json_string(std::string_view text);

}  // namespace codriver::llm::engine::json_text
