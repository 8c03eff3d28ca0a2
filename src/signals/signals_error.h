#pragma once

#include <stdexcept>
#include <string>

namespace codriver::signals {

// A SPaT or MAP message that cannot be decoded (or a model that cannot be encoded).
// The message names where: the field path ("SPAT.intersections[0].states[2].signalGroup")
// and, for binary input, the bit offset, so a bad message from the field can be traced.
class SignalsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace codriver::signals
