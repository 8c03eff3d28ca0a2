#pragma once

#include <stdexcept>
#include <string>

namespace codriver::map {

// A bundle that cannot be used: missing, truncated, corrupt, or from a newer codriver.
// The message names the file and says what to do about it.
class BundleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An OSM input that cannot be imported at all (unreadable, not OSM, no roads).
// Problems with single objects are counted in ImportStats instead.
class ImportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace codriver::map
