#pragma once

#include <filesystem>
#include <string>

#include "support/test_support.h"

namespace codriver::llm::testmodel::testing {

using codriver::testing::TempDir;

// Writes `text` to `name` in `dir` and returns its path.
inline std::filesystem::path write_in(const TempDir& dir, const std::string& name,
                                      const std::string& text) {
  codriver::testing::write_file(dir / name, text);
  return dir / name;
}

}  // namespace codriver::llm::testmodel::testing
