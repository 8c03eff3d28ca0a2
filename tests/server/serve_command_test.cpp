// `codriver serve` as a driver's head unit starts it: the address on stdout, the car where
// it was put, and a clean end on SIGTERM.

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "cockpit_fixture.h"

extern char** environ;

namespace codriver::server::testing {
namespace {

using namespace std::chrono_literals;

// A child process whose stdout is read line by line.
class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& arguments) {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<char*> argv;
    for (const auto& argument : arguments)
      argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    out_ = out[0];
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(out_);
  }

  // The first line of stdout (waits for it; "" when the process ends first).
  std::string first_line() {
    std::string line;
    char c;
    while (::read(out_, &c, 1) == 1 && c != '\n')
      line += c;
    return line;
  }

  // The exit status after SIGTERM, or -1 when it has not ended within `patience`.
  int terminate(std::chrono::milliseconds patience) {
    ::kill(pid_, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + patience;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  bool exited_ = false;
};

class ServeCommandTest : public CockpitFixture {};

TEST_F(ServeCommandTest, PrintsItsAddressServesTheCarItWasGivenAndEndsOnSigterm) {
  ServeProcess serve({CODRIVER_BINARY, "serve", "--map", bundle().string(), "--port", "0", "--at",
                      "43.7311,7.4197", "--heading", "90", "--soc", "55"});
  const std::string line = serve.first_line();
  const std::string prefix = "codriver: serving http://127.0.0.1:";
  ASSERT_EQ(line.rfind(prefix, 0), 0u) << line;
  const int port = std::stoi(line.substr(prefix.size()));
  httplib::Client client("127.0.0.1", port);
  const auto vehicle = body_of(client.Get("/v1/vehicle"));
  EXPECT_DOUBLE_EQ(vehicle["lat"].get<double>(), 43.7311);
  EXPECT_DOUBLE_EQ(vehicle["heading_deg"].get<double>(), 90);
  EXPECT_DOUBLE_EQ(vehicle["soc_percent"].get<double>(), 55);
  auto page = client.Get("/");  // the HMI from the source tree's web/
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<html"), std::string::npos);
  EXPECT_EQ(serve.terminate(5s), 0);
}

TEST_F(ServeCommandTest, RefusesAnOpenAddressWithoutAToken) {
  ServeProcess serve(
      {CODRIVER_BINARY, "serve", "--map", bundle().string(), "--port", "0", "--host", "0.0.0.0"});
  EXPECT_EQ(serve.first_line(), "");  // no address printed: it ended
  EXPECT_NE(serve.terminate(5s), 0);
}

}  // namespace
}  // namespace codriver::server::testing
