#pragma once

// The cockpit server's parts, shared by its source files (not a public header).

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "llm/serve/http_server.h"
#include "server/cockpit.h"
#include "server/cockpit_server.h"
#include "server/event_hub.h"
#include "speech/asr.h"

namespace codriver::server {

using llm::serve::HttpServer;

struct CockpitServer::Impl {
  Impl(const agent::AgentOptions& agent, CockpitOptions options, agent::ModelOptions models);

  void install_routes();
  void install_guards();
  void install_api();
  void install_event_stream();
  void install_voice();
  void install_web();
  bool authorized(const httplib::Request& req) const;
  void tick_loop();

  CockpitOptions options;
  EventHub events;
  Cockpit cockpit;
  HttpServer http;
  std::atomic<bool> stopping{false};
  int port = -1;

  std::mutex tick_mutex;
  std::condition_variable tick_stop;
  std::thread tick_thread;
  std::thread prepare_thread;  // the on-device model reading its rules at start-up

  // The recogniser is built on the first voice request (seconds) and serves one at a time.
  std::mutex recogniser_mutex;
  std::unique_ptr<speech::SpeechRecognizer> recogniser;
  std::atomic<std::size_t> voice_requests{0};
};

// Runs `handler`, turning what it throws into the JSON error the API promises.
void answer_guarded(httplib::Response& res, const std::function<void()>& handler);
void send_json(httplib::Response& res, const std::string& body);
// The query parameter, nullopt when absent; HttpError 400 for a parameter the endpoint
// does not take (a typo must not be silently ignored).
using ParameterNames = std::initializer_list<std::string_view>;
void check_parameters(const httplib::Request& req, ParameterNames allowed);
std::optional<std::string> parameter(const httplib::Request& req, const std::string& name);
// 413 when the body is over `limit`.
void check_body_size(const httplib::Request& req, std::size_t limit);

}  // namespace codriver::server
