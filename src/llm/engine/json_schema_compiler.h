#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "llm/engine/json_schema_number.h"

// A JSON Schema compiled for constrained decoding: every place a value goes holds a list of
// alternatives (anyOf/oneOf expanded, each merged with the keywords beside it, allOf merged
// in), each a Node without combinators. Alternatives that admit no value are dropped while
// compiling, so whatever the recogniser starts can always be finished.
namespace codriver::llm::engine::json_schema {

// Limits that keep every document finite and the recogniser's stacks small.
inline constexpr int kMaxSchemaNesting = 24;             // objects/arrays the schema nests
inline constexpr int kMaxFreeNesting = 4;                // containers inside a value left free
inline constexpr std::uint32_t kDefaultMaxLength = 256;  // code points, without maxLength
inline constexpr std::uint32_t kDefaultMaxItems = 32;    // without maxItems
inline constexpr std::uint32_t kMaxFreeMembers = 16;     // keys not named by "properties"
inline constexpr std::uint32_t kFreeKeyLength = 32;      // code points of such a key
inline constexpr std::uint32_t kLargestCount = 1000000;  // larger lengths/counts are cut
inline constexpr std::size_t kMaxProperties = 64;        // named keys of one object
inline constexpr std::size_t kMaxAlternatives = 64;      // per place, after expanding anyOf
inline constexpr std::size_t kMaxNodes = 20000;          // per schema

enum TypeBit : std::uint8_t {
  kNullBit = 1,
  kBooleanBit = 2,
  kIntegerBit = 4,
  kNumberBit = 8,  // numbers with a fraction; "number" sets both number bits
  kStringBit = 16,
  kArrayBit = 32,
  kObjectBit = 64,
  kAllTypes = 127,
};

struct Node;
using Alternatives = std::vector<const Node*>;

struct Node {
  std::uint8_t types = kAllTypes;
  // The universal schema ({} or true): its containers' contents count as free nesting.
  bool any = false;

  // enum/const: exactly these JSON texts (sorted bytewise); the other fields do not apply.
  bool has_enum = false;
  std::vector<std::string> enum_texts;

  // Strings, in code points.
  std::uint32_t min_length = 0, max_length = kDefaultMaxLength;

  // Numbers: [lo, hi] in units; exponents only when not bounded.
  bool bounded = false;
  Units lo = -kUnitsClamp, hi = kUnitsClamp;

  // Arrays.
  const Alternatives* items = nullptr;
  std::uint32_t min_items = 0, max_items = kDefaultMaxItems;

  // Objects. Named keys sorted bytewise by key_texts: the key as a JSON string without its
  // opening quote ("name\"" for name), with the values' alternatives at the same index.
  std::vector<std::string> key_texts;
  std::vector<const Alternatives*> key_values;
  std::uint64_t forbidden_keys = 0;  // named keys no value could satisfy (never written)
  // The object is complete once all keys of one of these masks are present.
  std::vector<std::uint64_t> required_masks{0};
  const Alternatives* additional = nullptr;  // nullptr: only named keys
  std::uint32_t free_key_length = kFreeKeyLength;
};

// Nodes point at each other: a compiled schema is shared, never copied.
struct CompiledSchema {
  CompiledSchema() = default;
  CompiledSchema(const CompiledSchema&) = delete;
  CompiledSchema& operator=(const CompiledSchema&) = delete;

  std::deque<Node> nodes;
  std::deque<Alternatives> alternatives;
  const Alternatives* root = nullptr;
  const Alternatives* any = nullptr;  // {the universal node}
};

// Throws EngineError for text that is not JSON, a keyword outside the supported subset (the
// message names it and where it is), a schema no value satisfies, or one too large.
std::shared_ptr<const CompiledSchema> compile_schema(std::string_view schema_text);

}  // namespace codriver::llm::engine::json_schema
