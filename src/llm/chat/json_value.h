#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// A small JSON document model for the chat format (standard library only): what a model
// writes inside <tool_call>, and the tool schemas the prompt lists. Object members keep
// their order and numbers keep the text they were written with, so a value can be written
// back the way Qwen's template writes it (Python's json.dumps) without changing it.
namespace codriver::llm::chat {

class JsonError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct JsonValue {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

  Type type = Type::kNull;
  bool boolean = false;
  std::string text;              // kNumber: as written ("1.50", "-3e2"); kString: the decoded UTF-8
  std::vector<JsonValue> items;  // kArray
  std::vector<std::pair<std::string, JsonValue>> members;  // kObject, in document order
  // Where the value was in the parsed text: [begin, end) byte offsets.
  std::size_t begin = 0, end = 0;

  bool is_object() const { return type == Type::kObject; }
  bool is_string() const { return type == Type::kString; }
  // The member named `key` (the last one when a key repeats, as Python's json.loads
  // keeps), or nullptr.
  const JsonValue* find(std::string_view key) const;
};

// Parses one JSON value (RFC 8259) with optional surrounding whitespace. Throws JsonError
// saying what is wrong and at which byte offset. Nesting deeper than 256 is an error.
JsonValue parse_json(std::string_view text);

// The value as Qwen's chat template writes it with `tojson` (Hugging Face's filter, i.e.
// Python's json.dumps defaults): ", " and ": " separators, members in order, non-ASCII
// characters as they are, control characters escaped (\n, \u001b, ...).
std::string to_template_json(const JsonValue& value);

// A JSON string literal for `text` in the same style: "a \"quoted\" word".
std::string quote_json_string(std::string_view text);

}  // namespace codriver::llm::chat
