#pragma once

#include <stdexcept>

namespace codriver::llm::engine {

// What the engine throws for input it cannot use: a weight type it cannot compute with, a
// tensor whose shape does not fit, a bad argument. The message says what to change.
class EngineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace codriver::llm::engine
