#include "server/cockpit_server.h"

#include <csignal>
#include <iostream>
#include <stdexcept>

#include "llm/serve/http_access.h"
#include "server/cockpit_server_impl.h"
#include "server/http_error.h"

namespace codriver::server {
namespace {

using Clock = std::chrono::steady_clock;

// httplib's own refusals (no route, body too large, unreadable request) as API errors.
std::string status_error_body(const httplib::Request& req, int status, std::size_t max_body) {
  switch (status) {
    case 404:
      return error_body("not_found", "Nothing here: " + req.method + " " + req.path + ".",
                        "没有这个地址。");
    case 413:
      return error_body("too_large",
                        "The request is larger than " + std::to_string(max_body) + " bytes.",
                        "请求内容太大。");
    case 400:
      return error_body("bad_request", "The HTTP request could not be read.", "无法读取HTTP请求。");
    default:
      return error_body(status >= 500 ? "server_error" : "http_error",
                        "HTTP error " + std::to_string(status) + ".",
                        "HTTP错误 " + std::to_string(status) + "。");
  }
}

}  // namespace

void check_cockpit_options(const CockpitOptions& options) {
  if (!llm::serve::is_loopback(options.host) && options.token.empty()) {
    throw std::invalid_argument(
        "refusing to serve the co-driver on " + options.host +
        " without a token: anyone who can reach it could drive the car's assistant. Give "
        "--token SECRET (clients then send \"Authorization: Bearer SECRET\"), or keep the "
        "default host 127.0.0.1");
  }
  if (options.port < 0 || options.port > 65535)
    throw std::invalid_argument("the port must be between 0 and 65535");
  if (options.max_sessions < 1 || options.max_sessions > 256)
    throw std::invalid_argument("--max-sessions must be between 1 and 256");
  if (options.max_connections < 1 || options.max_connections > 1024)
    throw std::invalid_argument("--max-connections must be between 1 and 1024");
  if (options.tick_interval.count() <= 0)
    throw std::invalid_argument("the tick interval must be positive");
  if (!options.web_root.empty() &&
      !std::filesystem::is_regular_file(options.web_root / "index.html"))
    throw std::invalid_argument(
        "the web root " + options.web_root.string() +
        " has no index.html (give --web-root the repository's web/ folder)");
}

CockpitServer::Impl::Impl(const agent::AgentOptions& agent, CockpitOptions options,
                          agent::ModelOptions models)
    : options(std::move(options)),
      events(this->options.max_sessions),
      cockpit(agent, std::move(models), events) {}

void answer_guarded(httplib::Response& res, const std::function<void()>& handler) {
  try {
    handler();
  } catch (const HttpError& error) {
    res.status = error.status();
    send_json(res, error_body(error));
  } catch (const std::exception& error) {
    res.status = 500;
    send_json(res, error_body("server_error", std::string("Internal error: ") + error.what(),
                              "内部错误，请稍后再试。"));
  }
}

void send_json(httplib::Response& res, const std::string& body) {
  res.set_header("Cache-Control", "no-store");
  res.set_content(body, "application/json; charset=utf-8");
}

void check_parameters(const httplib::Request& req, ParameterNames allowed) {
  for (const auto& [name, value] : req.params) {
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string names;
    for (const auto& known : allowed)
      names += (names.empty() ? "" : ", ") + std::string(known);
    if (names.empty()) names = "none";
    throw bad_request("Unknown parameter \"" + name + "\" (this endpoint takes: " + names + ").",
                      "未知参数“" + name + "”（可用：" + names + "）。");
  }
}

std::optional<std::string> parameter(const httplib::Request& req, const std::string& name) {
  if (req.params.count(name) > 1)
    throw bad_request("Parameter \"" + name + "\" is given more than once.",
                      "参数“" + name + "”重复。");
  const auto found = req.params.find(name);
  if (found == req.params.end()) return std::nullopt;
  return found->second;
}

void check_body_size(const httplib::Request& req, std::size_t limit) {
  if (req.body.size() > limit) {
    throw HttpError(413, "too_large",
                    "The request body is larger than " + std::to_string(limit) + " bytes.",
                    "请求内容超过" + std::to_string(limit) + "字节。");
  }
}

bool CockpitServer::Impl::authorized(const httplib::Request& req) const {
  if (options.token.empty()) return true;
  if (req.path.rfind("/v1/", 0) != 0) return true;  // the HMI's files hold no secrets
  const std::string given = llm::serve::bearer_token(req.get_header_value("Authorization"));
  if (!given.empty()) return llm::serve::same_secret(given, options.token);
  // Browsers cannot give an EventSource headers.
  return req.path == "/v1/events" && req.has_param("access_token") &&
         llm::serve::same_secret(req.get_param_value("access_token"), options.token);
}

void CockpitServer::Impl::install_guards() {
  http.new_task_queue = [threads = options.max_sessions + options.max_connections] {
    return new httplib::ThreadPool(threads);  // streams hold a thread each; requests need more
  };
  http.set_payload_max_length(std::max(options.max_audio_bytes, options.max_json_bytes));
  http.set_read_timeout(options.io_timeout);
  http.set_write_timeout(options.io_timeout);
  // A kept-alive connection holds its thread: after 100 requests it closes, so that clients
  // beyond max_connections get their turn within a fraction of a second, not after
  // thousands of someone else's requests. 2 s idle also bounds how long stop() waits.
  http.set_keep_alive_max_count(100);
  http.set_keep_alive_timeout(2);
  http.set_tcp_nodelay(true);
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"},
                            {"X-Frame-Options", "DENY"}});
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (authorized(req)) return httplib::Server::HandlerResponse::Unhandled;
    res.status = 401;
    res.set_header("WWW-Authenticate", "Bearer");
    send_json(res, error_body("unauthorized",
                              "This co-driver needs its token: send \"Authorization: Bearer "
                              "<token>\" (the server's --token).",
                              "需要访问令牌：请发送 \"Authorization: Bearer <令牌>\"。"));
    return httplib::Server::HandlerResponse::Handled;
  });
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty() || res.is_chunked_content_provider_)
          return httplib::Server::HandlerResponse::Unhandled;
        const std::size_t limit = std::max(options.max_audio_bytes, options.max_json_bytes);
        send_json(res, status_error_body(req, res.status, limit));
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
        answer_guarded(res, [&] { std::rethrow_exception(error); });
      });
  if (options.log_requests) {
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::cerr << req.method << " " << req.path << " " << res.status << "\n";
    });
  }
}

void CockpitServer::Impl::install_routes() {
  install_guards();
  install_api();
  install_event_stream();
  install_voice();
  install_web();
}

void CockpitServer::Impl::tick_loop() {
  auto last = Clock::now();
  std::unique_lock lock(tick_mutex);
  while (!stopping) {
    tick_stop.wait_for(lock, options.tick_interval, [this] { return stopping.load(); });
    if (stopping) break;
    const auto now = Clock::now();
    const double elapsed_s = std::chrono::duration<double>(now - last).count();
    last = now;
    lock.unlock();
    try {
      cockpit.advance(options.simulate_drive ? elapsed_s : 0);
    } catch (const std::exception& error) {
      std::cerr << "codriver serve: the simulated drive failed: " << error.what() << "\n";
    }
    lock.lock();
  }
}

CockpitServer::CockpitServer(const agent::AgentOptions& agent, CockpitOptions options,
                             agent::ModelOptions models) {
  check_cockpit_options(options);
  std::signal(SIGPIPE, SIG_IGN);
  const bool on_device = models.on_device != nullptr;
  impl_ = std::make_unique<Impl>(agent, std::move(options), std::move(models));
  impl_->install_routes();
  if (on_device) {
    impl_->prepare_thread = std::thread([impl = impl_.get()] {
      try {
        impl->cockpit.prepare_models();
      } catch (const std::exception& error) {
        std::cerr << "codriver serve: the on-device model could not prepare: " << error.what()
                  << "\n";
      }
    });
  }
}

CockpitServer::~CockpitServer() {
  stop();
  if (impl_->tick_thread.joinable()) impl_->tick_thread.join();
  if (impl_->prepare_thread.joinable()) impl_->prepare_thread.join();
}

int CockpitServer::bind() {
  impl_->port = impl_->http.bind_listener(impl_->options.host, impl_->options.port);
  return impl_->port;
}

void CockpitServer::run() {
  if (impl_->stopping) return;
  if (impl_->port < 0) bind();
  impl_->tick_thread = std::thread([this] { impl_->tick_loop(); });
  impl_->http.listen_after_bind();
  stop();
  impl_->tick_thread.join();
}

void CockpitServer::stop() {
  {
    std::lock_guard lock(impl_->tick_mutex);
    impl_->stopping = true;
  }
  impl_->tick_stop.notify_all();
  impl_->events.close();
  impl_->http.close_listener();
  impl_->http.stop();
}

}  // namespace codriver::server
