#include "llm/engine/json_constraint.h"

#include <cstring>
#include <vector>

#include "llm/engine/engine_error.h"
#include "llm/engine/json_schema_compiler.h"
#include "llm/engine/json_schema_recogniser.h"

namespace codriver::llm::engine {

using json_schema::CompiledSchema;
using json_schema::Frame;
using json_schema::StackSet;

// The stacks of the recogniser, stored flat: copying a constraint copies only live frames.
struct JsonSchemaConstraint::State {
  std::shared_ptr<const CompiledSchema> schema;
  std::vector<Frame> frames;
  std::vector<std::uint32_t> depths;  // stack i holds the next depths[i] frames

  void load_into(StackSet& set) const {
    set.clear();
    const Frame* next = frames.data();
    for (const std::uint32_t depth : depths) {
      set.add_frames(next, depth);
      next += depth;
    }
  }

  void store_from(const StackSet& set) {
    frames.clear();
    depths.clear();
    for (std::size_t i = 0; i < set.size(); ++i) {
      const auto& stack = set[i];
      frames.insert(frames.end(), stack.frames, stack.frames + stack.depth);
      depths.push_back(stack.depth);
    }
  }
};

namespace {

// Each thread's scratch set: accepts() allocates nothing once it exists.
StackSet& scratch_set() {
  thread_local StackSet set;
  return set;
}

bool feed_all(StackSet& set, std::string_view bytes) {
  for (const char byte : bytes) {
    json_schema::feed_byte(set, static_cast<unsigned char>(byte));
    if (set.size() == 0) return false;
  }
  return true;
}

}  // namespace

JsonSchemaConstraint JsonSchemaConstraint::from_schema(std::string_view schema_json) {
  auto state = std::make_unique<State>();
  state->schema = json_schema::compile_schema(schema_json);
  JsonSchemaConstraint constraint(std::move(state));
  constraint.reset();
  return constraint;
}

JsonSchemaConstraint::JsonSchemaConstraint(std::unique_ptr<State> state)
    : state_(std::move(state)) {}

JsonSchemaConstraint::JsonSchemaConstraint(const JsonSchemaConstraint& other)
    : state_(std::make_unique<State>(*other.state_)) {}

JsonSchemaConstraint& JsonSchemaConstraint::operator=(const JsonSchemaConstraint& other) {
  if (this != &other) state_ = std::make_unique<State>(*other.state_);
  return *this;
}

JsonSchemaConstraint::JsonSchemaConstraint(JsonSchemaConstraint&&) noexcept = default;
JsonSchemaConstraint& JsonSchemaConstraint::operator=(JsonSchemaConstraint&&) noexcept = default;
JsonSchemaConstraint::~JsonSchemaConstraint() = default;

bool JsonSchemaConstraint::accepts(std::string_view bytes) const {
  if (bytes.empty()) return true;
  StackSet& set = scratch_set();
  state_->load_into(set);
  return feed_all(set, bytes);
}

void JsonSchemaConstraint::advance(std::string_view bytes) {
  StackSet& set = scratch_set();
  state_->load_into(set);
  if (!feed_all(set, bytes)) {
    throw EngineError(
        "constrained decoding: the text cannot continue a JSON value valid for the "
        "tool's schema (call accepts() before advance())");
  }
  state_->store_from(set);
}

bool JsonSchemaConstraint::complete() const {
  StackSet& set = scratch_set();
  state_->load_into(set);
  for (std::size_t i = 0; i < set.size(); ++i) {
    if (json_schema::is_complete(set[i])) return true;
  }
  return false;
}

bool JsonSchemaConstraint::can_continue() const {
  bool try_bytes = false;
  {
    StackSet& set = scratch_set();
    state_->load_into(set);
    for (std::size_t i = 0; i < set.size(); ++i) {
      const auto continuation = json_schema::continuation(set[i]);
      if (continuation == json_schema::Continuation::kYes) return true;
      if (continuation == json_schema::Continuation::kTryBytes) try_bytes = true;
    }
  }
  if (!try_bytes) return false;
  // A top-level number or enum literal: only bytes that extend it are left to try.
  for (int byte = 0; byte < 256; ++byte) {
    const char text = static_cast<char>(byte);
    if (accepts(std::string_view(&text, 1))) return true;
  }
  return false;
}

void JsonSchemaConstraint::reset() {
  StackSet& set = scratch_set();
  json_schema::start_document(*state_->schema, set);
  state_->store_from(set);
}

}  // namespace codriver::llm::engine
