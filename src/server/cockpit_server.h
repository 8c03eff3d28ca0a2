#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "agent/agent.h"

// `codriver serve`: the cockpit's HTTP API, its event stream and the web HMI, all from
// one process, over the co-driver of one car (see src/server/openapi.json for the API).
//
// It listens on the loopback interface unless given a token, which every /v1 request must
// then carry as "Authorization: Bearer <token>" (or ?access_token= on the event stream).
// Bodies, connections, connected screens and voice requests are bounded; whatever a client sends
// gets an answer or a 4xx with a message in English and Chinese, never a crash.
namespace codriver::server {

struct CockpitOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (bind() says which)
  std::string token;
  std::filesystem::path web_root;  // the HMI's files; empty: the API only
  std::size_t max_sessions = 8;    // screens on the event stream at once
  // Connections served at once besides the screens' streams (httplib gives a keep-alive
  // connection a thread until it closes; beyond this, a new client waits for a turn).
  std::size_t max_connections = 64;
  std::size_t max_json_bytes = 64 * 1024;
  std::size_t max_audio_bytes = 8 * 1024 * 1024;  // about four minutes of 16 kHz speech
  std::size_t max_voice_requests = 2;             // recognitions at once
  std::chrono::milliseconds tick_interval{500};
  std::chrono::seconds io_timeout{10};
  double min_confidence = 0.1;  // below it a voice request is asked again
  bool simulate_drive = true;   // the simulated car drives the trip in real time
  bool log_requests = false;
};

// Throws std::invalid_argument when the options would expose the co-driver beyond this
// machine without a token, or are out of range, or the web root holds no index.html.
void check_cockpit_options(const CockpitOptions& options);

class CockpitServer {
 public:
  // Opens the map and the memory (throws what the agent throws for a bad bundle).
  // Ignores SIGPIPE process-wide: a screen that goes away must not end the process.
  // `models`: the chat models behind the embedded parser (none by default).
  CockpitServer(const agent::AgentOptions& agent, CockpitOptions options,
                agent::ModelOptions models = {});
  ~CockpitServer();
  CockpitServer(const CockpitServer&) = delete;
  CockpitServer& operator=(const CockpitServer&) = delete;

  // Binds the listening socket; returns the port. Throws std::runtime_error when the
  // address cannot be bound.
  int bind();
  // Serves (and drives the simulated car) until stop(); returns at once if stop() came first.
  void run();
  // From any thread or a signal-waiting thread: ends the event streams and run().
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace codriver::server
