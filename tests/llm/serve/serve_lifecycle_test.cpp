// One generation at a time, and what ends one early: a client that hangs up mid-stream
// (the generation is cancelled and the next request is served at once), a second request
// while the model is busy (429 after the wait bound), and the server stopping (running
// and waiting requests end, run() returns), also on SIGINT / SIGTERM.
#include <gtest/gtest.h>

#include <csignal>
#include <future>
#include <mutex>

#include "llm/serve/stop_on_signals.h"
#include "serve_fixture.h"

namespace codriver::llm::serve::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int kLongTokens = 30000;

// A stream that cannot end by itself before kLongTokens tokens: the answer must be a JSON
// string of at least 200000 characters. Thousands of tokens, seconds of work.
std::string long_stream_body() {
  return chat_body(
             "Write a long story",
             Json{{"stream", true},
                  {"temperature", 1.0},
                  {"seed", 5},
                  {"max_tokens", kLongTokens},
                  {"response_format",
                   {{"type", "json_schema"},
                    {"json_schema", {{"schema", {{"type", "string"}, {"minLength", 200000}}}}}}}})
      .dump();
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Completions {
  std::mutex mutex;
  std::vector<CompletionResult> results;

  void attach(ServeOptions& options) {
    options.on_completion = [this](const CompletionResult& result) {
      std::lock_guard lock(mutex);
      results.push_back(result);
    };
  }
  std::optional<CompletionResult> cancelled() {
    std::lock_guard lock(mutex);
    for (const auto& result : results) {
      if (result.cancelled) return result;
    }
    return std::nullopt;
  }
};

TEST(ServeLifecycleTest, HangingUpMidStreamCancelsTheGeneration) {
  Completions completions;
  ServeOptions options;
  options.busy_wait = 10s;
  completions.attach(options);
  TestServer server(options);
  {
    HttpStream stream(server.port(), "/v1/chat/completions", long_stream_body());
    ASSERT_TRUE(stream.read_events(3)) << stream.received();
    stream.abort();
  }
  const auto start = Clock::now();
  const auto next = server.post(chat_body("Hi", Json{{"max_tokens", 4}}));
  EXPECT_EQ(next.status, 200) << next.body;
  EXPECT_LT(seconds_since(start), 2.0) << "the next request waited for the abandoned stream";
  const auto cancelled = completions.cancelled();
  ASSERT_TRUE(cancelled.has_value());
  EXPECT_LT(cancelled->completion_tokens, kLongTokens);
}

TEST(ServeLifecycleTest, ASecondRequestWaitsThenGets429) {
  ServeOptions options;
  options.busy_wait = 300ms;
  TestServer server(options);
  HttpStream stream(server.port(), "/v1/chat/completions", long_stream_body());
  ASSERT_TRUE(stream.read_events(3)) << stream.received();

  const auto start = Clock::now();
  const auto busy = server.post(chat_body("Hi", Json{{"max_tokens", 4}}));
  const double waited = seconds_since(start);
  ASSERT_EQ(busy.status, 429) << busy.body;
  const Json error = Json::parse(busy.body)["error"];
  EXPECT_EQ(error["code"], "server_busy");
  EXPECT_EQ(error["type"], "rate_limit_error");
  EXPECT_GE(waited, 0.29);
  EXPECT_LT(waited, 3.0);

  stream.abort();
  int status = 0;
  for (int attempt = 0; attempt < 10 && status != 200; ++attempt)
    status = server.post(chat_body("Hi", Json{{"max_tokens", 4}})).status;
  EXPECT_EQ(status, 200);
}

TEST(ServeLifecycleTest, StoppingEndsTheGenerationAndTheWaitingRequests) {
  ServeOptions options;
  options.busy_wait = 60s;
  TestServer server(options);
  HttpStream stream(server.port(), "/v1/chat/completions", long_stream_body());
  ASSERT_TRUE(stream.read_events(3)) << stream.received();
  auto waiting = std::async(std::launch::async, [&] {
    return server.post(chat_body("Hi", Json{{"max_tokens", 4}}));
  });
  EXPECT_EQ(waiting.wait_for(300ms), std::future_status::timeout) << "it should be waiting";

  const auto start = Clock::now();
  server.stop();
  EXPECT_LT(seconds_since(start), 5.0);
  const auto refused = waiting.get();
  ASSERT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(Json::parse(refused.body)["error"]["code"], "shutting_down");
  EXPECT_FALSE(stream.read_until("[DONE]")) << "the stream should end without [DONE]";
}

TEST(ServeLifecycleTest, SigtermAndSigintStopTheServer) {
  for (const int signal : {SIGTERM, SIGINT}) {
    TestServer server;
    ASSERT_EQ(server.get("/v1/models").status, 200);
    StopOnSignals stop_on_signals([&] { server.server().stop(); });
    std::raise(signal);
    EXPECT_TRUE(server.stopped_within(5s)) << "signal " << signal;
  }
}

TEST(ServeLifecycleTest, OnlyOneSignalGuardAtATime) {
  StopOnSignals first([] {});
  EXPECT_THROW(StopOnSignals([] {}), std::runtime_error);
}

}  // namespace
}  // namespace codriver::llm::serve::testing
