#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <type_traits>

#include "llm/engine/json_schema_compiler.h"

// The byte-level recogniser behind JsonSchemaConstraint: a pushdown automaton over bytes
// whose state is a small set of stacks (one per anyOf alternative still alive), each a
// stack of frames: an open object, key, array, string, number or literal, or a value not
// yet begun. Frames are plain bytes, so stacks copy with memcpy and compare with memcmp.
//
// Every stack the recogniser keeps can still be finished into a valid document (limits
// keep that finite), so generation never paints itself into a corner.
namespace codriver::llm::engine::json_schema {

inline constexpr std::size_t kMaxDepth = 32;   // frames per stack (nesting + 1)
inline constexpr std::size_t kMaxStacks = 64;  // alternatives followed at once

enum class FrameKind : std::uint8_t { kValue, kObject, kKey, kArray, kString, kNumber, kLiteral };

struct Frame {
  // kValue: const Alternatives*; kLiteral: const std::vector<std::string>* (sorted);
  // otherwise the const Node*.
  const void* ref;
  FrameKind kind;
  std::uint8_t phase;
  std::uint8_t free_depth;  // containers of free ("any") values around this value
  // kValue/kObject: one space may come next; kKey: a key not named by the schema is still
  // possible; kNumber: negative.
  std::uint8_t flag;
  std::uint32_t count;     // code points (string, key), items (array), free keys (object)
  std::uint32_t pos;       // literal, key: bytes matched
  std::uint32_t lo, hi;    // literal, key: the sorted texts [lo, hi) still matching
  std::uint8_t utf8_left;  // string scan: continuation bytes still due
  std::uint8_t utf8_rule;  // ... and the narrower range of the first of them
  std::uint8_t escape;     // 0, 1 after '\', 2 + hex digits read after "\u"
  std::uint8_t surrogate;  // 1: a high surrogate was read, 2: reading its low half
  std::uint16_t unit;      // the \u code unit being read
  std::uint8_t integer_digits, fraction_digits;
  std::uint8_t exponent_digits, unused[3];
  std::uint64_t a;  // object: keys present (bit per named key); key: the chosen key;
                    // number: the integer digits' value
  std::uint64_t b;  // number: the fraction digits' value
};
static_assert(std::has_unique_object_representations_v<Frame>, "frames are compared bytewise");

struct Stack {
  std::uint32_t depth;
  Frame frames[kMaxDepth];

  Frame& top() { return frames[depth - 1]; }
  const Frame& top() const { return frames[depth - 1]; }
};

// A set of stacks with room for kMaxStacks, allocated once: stepping allocates nothing.
class StackSet {
 public:
  StackSet();

  std::size_t size() const { return size_; }
  Stack& operator[](std::size_t i) { return stacks_[i]; }
  const Stack& operator[](std::size_t i) const { return stacks_[i]; }

  void clear() { size_ = 0; }
  // Appends a copy (its live frames only); nullptr when the set is full, which drops an
  // alternative: the ones kept still lead to valid documents.
  Stack* add_copy(const Stack& stack);
  Stack* add_frames(const Frame* frames, std::uint32_t depth);
  // Drops the stacks marked dead and repeated ones.
  void compact();

 private:
  std::unique_ptr<Stack[]> stacks_;
  std::size_t size_ = 0;
};

// The stack before the first byte of a document for `schema`.
void start_document(const CompiledSchema& schema, StackSet& set);

// Advances every stack over `byte`; the set is empty afterwards when no stack could take it.
void feed_byte(StackSet& set, unsigned char byte);

// Whether the stack holds a whole document (a top-level number or literal that could still
// grow counts as whole).
bool is_complete(const Stack& stack);

// Whether some byte could still follow without the stack being a finished document for sure.
// Exact except for a top-level number or enum literal, where the caller must try bytes.
enum class Continuation { kNo, kYes, kTryBytes };
Continuation continuation(const Stack& stack);

}  // namespace codriver::llm::engine::json_schema
