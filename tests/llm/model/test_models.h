#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "llm/testmodel/test_model.h"
#include "support/test_support.h"

// Generated random-weight models, written once per test program into a scratch folder.
namespace codriver::llm::testing {

inline const std::filesystem::path& test_model(const std::string& shape, const std::string& type,
                                               testmodel::Arch arch = testmodel::Arch::kQwen2) {
  static codriver::testing::TempDir scratch;
  static std::map<std::string, std::filesystem::path> written;
  const std::string key = shape + "-" + type + "-" + std::to_string(static_cast<int>(arch));
  auto found = written.find(key);
  if (found == written.end()) {
    testmodel::TestModelOptions options;
    options.arch = arch;
    options.shape = shape;
    options.type = type;
    options.seed = 7;
    const auto path = scratch / (key + ".gguf");
    testmodel::write_test_model(options, path);
    found = written.emplace(key, path).first;
  }
  return found->second;
}

}  // namespace codriver::llm::testing
