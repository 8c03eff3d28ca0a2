#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include "support/test_support.h"

// Runs the real `codriver` binary, as scripts do.
namespace codriver::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
  std::string stdout_only;
};

// `environment` is prepended to the command line: "NAME=value " pairs.
inline CommandResult run_codriver_with_env(const std::string& environment,
                                           const std::string& arguments) {
  TempDir scratch;
  const std::string command = environment + std::string(CODRIVER_BINARY) + " " + arguments + " 2>" +
                              (scratch / "stderr").string();
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  std::array<char, 4096> block{};
  while (const std::size_t got = std::fread(block.data(), 1, block.size(), pipe)) {
    result.stdout_only.append(block.data(), got);
  }
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.output = result.stdout_only + read_file(scratch / "stderr");
  return result;
}

inline CommandResult run_codriver(const std::string& arguments) {
  return run_codriver_with_env("", arguments);
}

}  // namespace codriver::testing
