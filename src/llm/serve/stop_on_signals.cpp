#include "llm/serve/stop_on_signals.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <stdexcept>

namespace codriver::llm::serve {
namespace {

constexpr char kSignalled = 's';
constexpr char kQuit = 'q';

// The write end of the pipe the handler signals through; -1 when no instance lives.
std::atomic<int> signal_pipe{-1};
int read_end = -1;
struct sigaction previous_int {
}, previous_term{};

extern "C" void on_signal(int) {
  const int saved_errno = errno;
  const int fd = signal_pipe.load();
  if (fd >= 0) {
    [[maybe_unused]] const auto written = ::write(fd, &kSignalled, 1);
  }
  errno = saved_errno;
}

char read_byte(int fd) {
  char byte = 0;
  while (true) {
    const auto got = ::read(fd, &byte, 1);
    if (got == 1) return byte;
    if (got < 0 && errno == EINTR) continue;
    return kQuit;  // the pipe is gone
  }
}

}  // namespace

StopOnSignals::StopOnSignals(std::function<void()> stop) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("cannot create the signal pipe");
  int expected = -1;
  if (!signal_pipe.compare_exchange_strong(expected, fds[1])) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw std::runtime_error("only one StopOnSignals may be alive at a time");
  }
  read_end = fds[0];
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &action, &previous_int);
  ::sigaction(SIGTERM, &action, &previous_term);
  watcher_ = std::thread([stop = std::move(stop), fd = fds[0]] {
    while (read_byte(fd) == kSignalled)
      stop();
  });
}

StopOnSignals::~StopOnSignals() {
  ::sigaction(SIGINT, &previous_int, nullptr);
  ::sigaction(SIGTERM, &previous_term, nullptr);
  const int write_end = signal_pipe.exchange(-1);
  [[maybe_unused]] const auto written = ::write(write_end, &kQuit, 1);
  watcher_.join();
  ::close(write_end);
  ::close(read_end);
  read_end = -1;
}

}  // namespace codriver::llm::serve
