#pragma once

#include <functional>
#include <thread>

// Calls `stop` (on a thread of its own, never inside a signal handler) when the process
// gets SIGINT or SIGTERM, for as long as the object lives: `codriver llm serve` ends
// cleanly on Ctrl-C or a service manager's stop. The signal handler only writes a byte to
// a pipe (async-signal-safe); the previous handlers come back on destruction. One
// instance at a time.
namespace codriver::llm::serve {

class StopOnSignals {
 public:
  // Throws std::runtime_error when the pipe or the handlers cannot be set up, or another
  // instance is alive.
  explicit StopOnSignals(std::function<void()> stop);
  ~StopOnSignals();
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;

 private:
  std::thread watcher_;
};

}  // namespace codriver::llm::serve
