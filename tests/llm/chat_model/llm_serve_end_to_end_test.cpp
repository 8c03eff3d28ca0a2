// The client against the real thing: `codriver llm serve` on a tiny random model, started
// as a separate process. Skipped (with the reason) when the built binary has no
// `llm serve` command; CODRIVER_TEST_BINARY picks another binary.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "llm/chat_model/openai_chat_model.h"

namespace codriver::llm {
namespace {

using Clock = std::chrono::steady_clock;
using Kind = ChatModelError::Kind;

std::string codriver_binary() {
  if (const char* chosen = std::getenv("CODRIVER_TEST_BINARY")) return chosen;
  return CODRIVER_BINARY;
}

std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

bool runs(const std::string& command) {
  return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

// `codriver llm serve` on a free port, stopped (SIGTERM, then SIGKILL) when destroyed.
class ServeProcess {
 public:
  ServeProcess(const std::string& binary, const std::filesystem::path& model) {
    int pipe_ends[2];
    if (::pipe(pipe_ends) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(pipe_ends[1], STDOUT_FILENO);
      ::dup2(pipe_ends[1], STDERR_FILENO);
      ::close(pipe_ends[0]);
      ::close(pipe_ends[1]);
      ::execl(binary.c_str(), binary.c_str(), "llm", "serve", "--model", model.c_str(), "--port",
              "0", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(pipe_ends[1]);
    output_ = pipe_ends[0];
    port_ = wait_for_port(std::chrono::seconds(30));
    // Keep reading what it prints, so a full pipe never blocks it.
    drain_ = std::thread([fd = output_] {
      char buffer[4096];
      while (::read(fd, buffer, sizeof(buffer)) > 0) {
      }
    });
  }

  ~ServeProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      const auto give_up = Clock::now() + std::chrono::seconds(5);
      while (::waitpid(pid_, &status, WNOHANG) == 0) {
        if (Clock::now() > give_up) {
          ::kill(pid_, SIGKILL);
          ::waitpid(pid_, &status, 0);
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
    if (drain_.joinable()) drain_.join();
    if (output_ >= 0) ::close(output_);
  }

  int port() const { return port_; }
  const std::string& printed() const { return printed_; }

 private:
  int wait_for_port(std::chrono::seconds limit) {
    const std::string marker = "listening on http://127.0.0.1:";
    const auto give_up = Clock::now() + limit;
    char buffer[1024];
    while (Clock::now() < give_up) {
      pollfd waiting{output_, POLLIN, 0};
      if (::poll(&waiting, 1, 100) <= 0) continue;
      const ssize_t got = ::read(output_, buffer, sizeof(buffer));
      if (got <= 0) break;
      printed_.append(buffer, static_cast<std::size_t>(got));
      const auto at = printed_.find(marker);
      if (at != std::string::npos &&
          printed_.find_first_not_of("0123456789", at + marker.size()) != std::string::npos) {
        return std::stoi(printed_.substr(at + marker.size()));
      }
    }
    return 0;
  }

  pid_t pid_ = -1;
  int output_ = -1;
  int port_ = 0;
  std::string printed_;
  std::thread drain_;
};

class LlmServeEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string binary = codriver_binary();
    if (!std::filesystem::exists(binary)) {
      skip_reason_ = "no codriver binary at " + binary;
      return;
    }
    if (!runs(quoted(binary) + " llm serve --help")) {
      skip_reason_ = binary + " has no `llm serve` command yet";
      return;
    }
    directory_ = std::filesystem::temp_directory_path() /
                 ("codriver_chat_model_e2e_" + std::to_string(::getpid()) + "_" +
                  std::to_string(std::random_device{}()));
    std::filesystem::create_directories(directory_);
    const auto model = directory_ / "tiny.gguf";
    if (!runs(quoted(binary) + " llm make-test-model --arch qwen2 --shape tiny --type Q8_0 --out " +
              quoted(model.string()))) {
      skip_reason_ = "`codriver llm make-test-model` failed";
      return;
    }
    server_ = new ServeProcess(binary, model);
    if (server_->port() == 0) {
      ADD_FAILURE() << "`codriver llm serve` did not say where it listens; it printed:\n"
                    << server_->printed();
    }
  }

  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    if (!directory_.empty()) std::filesystem::remove_all(directory_);
  }

  void SetUp() override {
    if (!skip_reason_.empty()) GTEST_SKIP() << skip_reason_;
    ASSERT_NE(server_->port(), 0);
  }

  static OpenAiConfig config(const std::string& path = "/v1") {
    OpenAiConfig config;
    config.base_url = "http://127.0.0.1:" + std::to_string(server_->port()) + path;
    config.model = "codriver";
    config.request_timeout = std::chrono::milliseconds(20000);
    return config;
  }

  static ChatRequest question(int max_tokens) {
    ChatRequest request;
    request.messages = {{"system", "You are a co-driver.", {}, ""},
                        {"user", "Find a quiet place to park.", {}, ""}};
    request.max_tokens = max_tokens;
    request.temperature = 0;
    request.seed = 11;
    return request;
  }

  static inline std::string skip_reason_;
  static inline std::filesystem::path directory_;
  static inline ServeProcess* server_ = nullptr;
};

TEST_F(LlmServeEndToEnd, StreamedAndWholeAnswersAgree) {
  OpenAiChatModel model(config());
  const ChatReply whole = model.complete(question(12));
  EXPECT_GT(whole.completion_tokens, 0);
  EXPECT_GT(whole.prompt_tokens, 0);
  EXPECT_TRUE(whole.finish_reason == "length" || whole.finish_reason == "stop")
      << whole.finish_reason;

  ChatRequest streaming = question(12);
  std::string streamed;
  streaming.on_text = [&](std::string_view text) {
    streamed += text;
    return true;
  };
  const ChatReply reply = model.complete(streaming);
  EXPECT_EQ(reply.content, whole.content);
  EXPECT_EQ(streamed, reply.content);
  EXPECT_EQ(reply.finish_reason, whole.finish_reason);
}

TEST_F(LlmServeEndToEnd, CancellingMidStreamLeavesTheServerUsable) {
  OpenAiChatModel model(config());
  ChatRequest request = question(400);
  int pieces = 0;
  request.on_text = [&](std::string_view) { return ++pieces < 2; };
  try {
    model.complete(request);
    // A random model may stop before a second piece: then there was nothing to cancel.
    EXPECT_LT(pieces, 2);
  } catch (const ChatModelError& error) {
    EXPECT_EQ(error.kind(), Kind::kCancelled) << error.what();
  }
  EXPECT_GT(model.complete(question(4)).completion_tokens, 0);
}

TEST_F(LlmServeEndToEnd, AWrongPathIsNotFound) {
  OpenAiChatModel model(config("/nowhere/v1"));
  try {
    model.complete(question(4));
    ADD_FAILURE() << "no error";
  } catch (const ChatModelError& error) {
    EXPECT_EQ(error.kind(), Kind::kNotFound) << error.what();
  }
}

}  // namespace
}  // namespace codriver::llm
