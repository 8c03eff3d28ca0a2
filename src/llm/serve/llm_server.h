#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "llm/engine/generator.h"
#include "llm/serve/chat_completion.h"

// `codriver llm serve`: an OpenAI-compatible HTTP server for one on-device Qwen model.
//
//   GET  /v1/models
//   POST /v1/chat/completions   messages, tools, tool_choice, temperature, top_p, top_k,
//                               min_p, seed, max_tokens, stop, stream (SSE),
//                               response_format, stream_options.include_usage
//
// It listens on the loopback interface unless given a token, which every request must
// then carry as "Authorization: Bearer <token>". One generation runs at a time; others
// wait up to `busy_wait`, then get 429.
namespace codriver::llm::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                  // 0: any free port (bind() says which)
  std::string token;                // required for a host other than loopback
  std::int64_t context_length = 0;  // prompt + completion tokens; 0: the model's
  std::size_t max_body_bytes = 1 << 20;
  std::chrono::milliseconds busy_wait{30000};
  bool enable_thinking = false;  // Qwen3's thinking when a request does not say
  std::string model_id = "codriver";
  std::int64_t model_created = 0;  // unix seconds, for /v1/models
  bool log_requests = false;       // one line per request on stderr
  // Called after each generation, cancelled ones included (statistics, tests).
  std::function<void(const CompletionResult&)> on_completion;
};

// Throws std::invalid_argument when `options` would expose the model beyond this machine
// without a token, or are out of range.
void check_serve_options(const ServeOptions& options);

class LlmServer {
 public:
  // `generator` must outlive the server; the server is its only user while it runs.
  // Ignores SIGPIPE process-wide: a client that hangs up must not end the process.
  LlmServer(engine::Generator& generator, ServeOptions options);
  ~LlmServer();
  LlmServer(const LlmServer&) = delete;
  LlmServer& operator=(const LlmServer&) = delete;

  // Binds the listening socket; returns the port. Throws std::runtime_error when the
  // address cannot be bound.
  int bind();
  // Serves until stop(); returns at once if stop() came first.
  void run();
  // From any thread: ends a running generation, refuses new requests (503), and makes
  // run() return once the open connections are done.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace codriver::llm::serve
