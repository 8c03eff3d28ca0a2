#pragma once

#include <string_view>

#include "llm/engine/json_text.h"

// The JSON Schema keywords constrained decoding understands, checked before compiling so
// that a typo or an unsupported keyword fails when a tool is registered, with a message
// naming the keyword and where it is, instead of silently allowing everything.
namespace codriver::llm::engine::json_schema {

// description, title, default, examples, $comment, $schema: they constrain nothing.
bool is_annotation(std::string_view keyword);

// Throws EngineError naming the keyword and its place ("/properties/name") for a keyword
// outside the subset (pattern, format, $ref, not, if, uniqueItems: true, ...), a keyword
// whose value has the wrong shape, or enum/const values that are objects or arrays.
void check_keywords(const json_text::JsonValue& schema);

}  // namespace codriver::llm::engine::json_schema
