#pragma once

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "llm/engine/json_constraint.h"

// Helpers for the constrained-decoding tests: one-line checks of what a schema lets through,
// and a random "model" that writes whatever the constraint allows.
namespace codriver::llm::engine::testing {

// Whether a fresh constraint for `schema` accepts `text` as a prefix.
inline bool allows(std::string_view schema, std::string_view text) {
  return JsonSchemaConstraint::from_schema(schema).accepts(text);
}

// A constraint for `schema` that has accepted `text` (which must be allowed).
inline JsonSchemaConstraint after(std::string_view schema, std::string_view text) {
  auto constraint = JsonSchemaConstraint::from_schema(schema);
  constraint.advance(text);
  return constraint;
}

// Whether `text` is a whole document for `schema`.
inline bool whole(std::string_view schema, std::string_view text) {
  auto constraint = JsonSchemaConstraint::from_schema(schema);
  return constraint.accepts(text) && (constraint.advance(text), constraint.complete());
}

// The message of the EngineError that building a constraint throws, "" when none.
std::string schema_error(std::string_view schema);

// The candidate "tokens" of the random writer: every single byte and some multi-byte
// pieces like a BPE vocabulary has ({", ":, ", ", true, 12, "rest, aurant", ...).
std::vector<std::string> random_writer_tokens();

struct RandomWrite {
  std::string text;
  bool finished = false;  // stopped on a complete document
  std::size_t steps = 0;  // tokens written
  std::string problem;    // a broken invariant, "" when none
};

// Writes a document the way a random-weight model under the constraint would: each step
// picks uniformly among the tokens the constraint accepts, and stops once the document is
// complete and cannot go on, or is complete and a coin says so. Checks on the way that the
// constraint never leaves no way forward (accepts nothing while not complete).
RandomWrite write_randomly(JsonSchemaConstraint constraint, const std::vector<std::string>& tokens,
                           std::mt19937_64& rng, std::size_t max_steps);

// The worst writer for termination: never stops before the document is complete and cannot
// go on, and prefers tokens without a closing quote or bracket, so strings, arrays and
// objects run to their limits.
RandomWrite write_stubbornly(JsonSchemaConstraint constraint,
                             const std::vector<std::string>& tokens, std::mt19937_64& rng,
                             std::size_t max_steps);

}  // namespace codriver::llm::engine::testing
