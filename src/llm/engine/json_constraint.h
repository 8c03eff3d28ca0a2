#pragma once

#include <memory>
#include <string_view>

// Constrained decoding: a recogniser of the byte prefixes of JSON documents valid for a
// JSON Schema, used to mask the tokens that could not continue a valid value.
namespace codriver::llm::engine {

class JsonSchemaConstraint {
 public:
  // Throws EngineError for schema text that is not JSON or uses what is not supported
  // (the message names the keyword).
  static JsonSchemaConstraint from_schema(std::string_view schema_json);

  JsonSchemaConstraint(const JsonSchemaConstraint&);
  JsonSchemaConstraint& operator=(const JsonSchemaConstraint&);
  JsonSchemaConstraint(JsonSchemaConstraint&&) noexcept;
  JsonSchemaConstraint& operator=(JsonSchemaConstraint&&) noexcept;
  ~JsonSchemaConstraint();

  // Whether `bytes` appended to what was accepted so far still is a prefix of some valid
  // document (the empty string always is). Does not change the state.
  bool accepts(std::string_view bytes) const;
  // Appends `bytes`; throws EngineError when accepts(bytes) is false.
  void advance(std::string_view bytes);
  // A whole valid document has been accepted (the end may follow).
  bool complete() const;
  // More bytes could follow (false once complete and nothing more could extend it).
  bool can_continue() const;
  // Back to the empty document.
  void reset();

 private:
  struct State;
  explicit JsonSchemaConstraint(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace codriver::llm::engine
