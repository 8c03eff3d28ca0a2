#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "http_client.h"
#include "llm/engine/generator.h"
#include "llm/engine/qwen_model.h"
#include "llm/serve/llm_server.h"
#include "llm/tokenizer/tokenizer.h"

// The server tests' shared pieces: a tiny random Qwen2 model written by the test-model
// generator (once per test program), and servers started on 127.0.0.1, port 0.
namespace codriver::llm::serve::testing {

using Json = nlohmann::ordered_json;

// The tiny model, its tokenizer and one generator, shared by every test. Its context is
// long (32768) so that a stream can outlast the socket buffers of a client that stopped
// reading.
struct TinyModel {
  std::filesystem::path directory;
  std::unique_ptr<engine::QwenModel> model;
  std::unique_ptr<tokenizer::Tokenizer> tokenizer;
  std::unique_ptr<engine::Generator> generator;

  static TinyModel& get();
  TinyModel();
  ~TinyModel();
  TinyModel(const TinyModel&) = delete;
  TinyModel& operator=(const TinyModel&) = delete;
};

// A server on a free port, serving on its own thread until destroyed.
class TestServer {
 public:
  explicit TestServer(ServeOptions options = {});
  ~TestServer();

  int port() const { return port_; }
  // Whether run() has returned (the server stopped), waiting up to `timeout` for it.
  bool stopped_within(std::chrono::milliseconds timeout) const;
  LlmServer& server() { return *server_; }
  // Stops the server and waits for run() to return.
  void stop();

  HttpResponse post(const Json& body, const std::vector<std::string>& headers = {}) const;
  HttpResponse get(const std::string& path, const std::vector<std::string>& headers = {}) const;

 private:
  std::unique_ptr<LlmServer> server_;
  std::thread thread_;
  std::atomic<bool> stopped_{false};
  int port_ = 0;
};

// {"messages": [{"role": "user", "content": text}], "temperature": 0, ...more}.
Json chat_body(const std::string& text, Json more = Json::object());

}  // namespace codriver::llm::serve::testing
