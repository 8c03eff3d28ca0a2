#include "llm/serve/llm_server.h"

#include <httplib.h>

#include <atomic>
#include <csignal>
#include <iostream>
#include <stdexcept>

#include "llm/serve/api_error.h"
#include "llm/serve/chat_completion.h"
#include "llm/serve/chat_request.h"
#include "llm/serve/generation_slot.h"
#include "llm/serve/http_access.h"
#include "llm/serve/http_server.h"
#include "llm/serve/openai_json.h"

namespace codriver::llm::serve {
namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

// A streamed response that has sent nothing for this long sends an SSE comment, so that a
// client that went away is noticed (the write fails) even while a tool call is written.
constexpr auto kKeepAliveEvery = std::chrono::seconds(1);

void send_error(httplib::Response& res, const ApiError& error) {
  res.status = error.status();
  res.set_content(error_body(error), "application/json");
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string status_error_message(const httplib::Request& req, int status, std::size_t max_body) {
  switch (status) {
    case 404:
      return "Unknown request URL: " + req.method + " " + req.path + ".";
    case 413:
      return "The request body is larger than " + std::to_string(max_body) + " bytes.";
    case 400:
      return "The HTTP request could not be read.";
    default:
      return "HTTP error " + std::to_string(status) + ".";
  }
}

// What one streamed completion keeps while httplib writes the response.
struct StreamJob {
  CompletionPlan plan;
  std::unique_ptr<GenerationSlot::Lease> lease;
  ResponseHeader header;
  bool include_usage = false;
};

}  // namespace

void check_serve_options(const ServeOptions& options) {
  if (!is_loopback(options.host) && options.token.empty()) {
    throw std::invalid_argument(
        "refusing to serve the model on " + options.host +
        " without a token: anyone who can reach it could use it. Give --token SECRET (clients "
        "then send \"Authorization: Bearer SECRET\"), or keep the default host 127.0.0.1");
  }
  if (options.port < 0 || options.port > 65535)
    throw std::invalid_argument("the port must be between 0 and 65535");
  if (options.context_length < 0)
    throw std::invalid_argument("the context length must not be negative");
}

struct LlmServer::Impl {
  Impl(engine::Generator& generator, ServeOptions options)
      : generator(generator), options(std::move(options)) {
    const auto& config = generator.model().config();
    model.id = this->options.model_id;
    model.created = this->options.model_created;
    model.context_length = this->options.context_length > 0
                               ? std::min(this->options.context_length, config.context_length)
                               : config.context_length;
    model.style = engine::chat_template_style(config.architecture);
    model.enable_thinking = this->options.enable_thinking;
  }

  void install_routes();
  bool authorized(const httplib::Request& req) const;
  void chat_completions(const httplib::Request& req, httplib::Response& res);
  void complete(CompletionPlan& plan, const ResponseHeader& header, httplib::Response& res);
  void start_stream(std::shared_ptr<StreamJob> job, httplib::Response& res);
  bool stream(StreamJob& job, httplib::DataSink& sink);

  engine::Generator& generator;
  ServeOptions options;
  ServedModel model;
  HttpServer http;
  GenerationSlot slot;
  std::atomic<bool> stopping{false};
  int port = -1;
};

bool LlmServer::Impl::authorized(const httplib::Request& req) const {
  return options.token.empty() ||
         same_secret(req.get_header_value("Authorization"), "Bearer " + options.token);
}

void LlmServer::Impl::install_routes() {
  http.set_payload_max_length(options.max_body_bytes);
  http.set_tcp_nodelay(true);
  http.set_keep_alive_timeout(2);  // bounds how long stop() waits for idle connections
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (authorized(req)) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("WWW-Authenticate", "Bearer");
    send_error(res, ApiError(401, "invalid_request_error", "invalid_api_key",
                             "Incorrect or missing API key: send \"Authorization: Bearer "
                             "<token>\" with the server's --token."));
    return httplib::Server::HandlerResponse::Handled;
  });
  // httplib's own errors (unknown route, body too large, unreadable request) in OpenAI's shape.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty() || res.is_chunked_content_provider_)
          return httplib::Server::HandlerResponse::Unhandled;
        const std::string type = res.status >= 500 ? "server_error" : "invalid_request_error";
        const std::string code = res.status == 404   ? "unknown_url"
                                 : res.status == 413 ? "request_too_large"
                                                     : "";
        res.set_content(
            error_body(type, code, status_error_message(req, res.status, options.max_body_bytes)),
            "application/json");
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
        std::string message = "internal error";
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          message = e.what();
        } catch (...) {
        }
        send_error(res, ApiError(500, "server_error", "", message));
      });
  if (options.log_requests) {
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::cerr << req.method << " " << req.path << " " << res.status << "\n";
    });
  }
  http.Get("/v1/models", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(models_body(model).dump(), "application/json");
  });
  http.Post("/v1/chat/completions", [this](const httplib::Request& req, httplib::Response& res) {
    try {
      chat_completions(req, res);
    } catch (const ApiError& error) {
      send_error(res, error);
    }
  });
}

void LlmServer::Impl::chat_completions(const httplib::Request& req, httplib::Response& res) {
  const ChatRequest request = parse_chat_request(req.body);
  // Everything that can be refused is checked before the generator is taken.
  CompletionPlan plan = plan_completion(request, generator.tokenizer(), model);
  if (stopping)
    throw ApiError(503, "server_error", "shutting_down", "The server is shutting down.");
  auto lease = slot.acquire(options.busy_wait);
  const ResponseHeader header{random_id("chatcmpl-"), unix_now(), model.id};
  if (!request.stream) {
    complete(plan, header, res);
    return;
  }
  auto job = std::make_shared<StreamJob>();
  job->plan = std::move(plan);
  job->lease = std::move(lease);
  job->header = header;
  job->include_usage = request.include_usage;
  start_stream(std::move(job), res);
}

void LlmServer::Impl::complete(CompletionPlan& plan, const ResponseHeader& header,
                               httplib::Response& res) {
  CompletionCallbacks callbacks;
  callbacks.on_idle = [this] { return !stopping; };
  callbacks.on_delta = [this](const Json&) { return !stopping; };
  CompletionResult result;
  try {
    result = run_completion(generator, plan, callbacks);
  } catch (const std::exception& error) {
    throw ApiError(500, "server_error", "engine_error", error.what());
  }
  if (options.on_completion) options.on_completion(result);
  if (result.cancelled)
    throw ApiError(503, "server_error", "shutting_down", "The server stopped during generation.");
  res.set_content(
      completion_body(header, result).dump(-1, ' ', false, Json::error_handler_t::replace),
      "application/json");
}

void LlmServer::Impl::start_stream(std::shared_ptr<StreamJob> job, httplib::Response& res) {
  res.set_header("Cache-Control", "no-cache");
  res.set_chunked_content_provider(
      "text/event-stream",
      [this, job](std::size_t, httplib::DataSink& sink) { return stream(*job, sink); },
      [job](bool) { job->lease.reset(); });
}

// Runs the whole generation inside httplib's first call for content. Returning false
// drops the connection (the client is gone or the server stops).
bool LlmServer::Impl::stream(StreamJob& job, httplib::DataSink& sink) {
  auto last_write = Clock::now();
  const auto write = [&](const std::string& text) {
    if (stopping || !sink.write(text.data(), text.size())) return false;
    last_write = Clock::now();
    return true;
  };
  if (!write(sse_event(chunk_body(job.header, Json{{"role", "assistant"}, {"content", ""}}))))
    return false;
  CompletionCallbacks callbacks;
  callbacks.on_delta = [&](const Json& delta) {
    return write(sse_event(chunk_body(job.header, delta)));
  };
  callbacks.on_idle = [&] {
    if (stopping) return false;
    return Clock::now() - last_write < kKeepAliveEvery || write(": keep-alive\n\n");
  };
  CompletionResult result;
  try {
    result = run_completion(generator, job.plan, callbacks);
  } catch (const std::exception& error) {
    job.lease.reset();
    write(sse_event(Json::parse(error_body("server_error", "engine_error", error.what()))));
    write(kSseDone);
    sink.done();
    return true;
  }
  if (options.on_completion) options.on_completion(result);
  job.lease.reset();  // the generator is free before the client hears the end
  if (result.cancelled) return false;
  if (!write(sse_event(chunk_body(job.header, Json::object(), result.finish_reason)))) return false;
  if (job.include_usage && !write(sse_event(usage_chunk_body(job.header, result)))) return false;
  if (!write(kSseDone)) return false;
  sink.done();
  return true;
}

LlmServer::LlmServer(engine::Generator& generator, ServeOptions options) {
  check_serve_options(options);
  std::signal(SIGPIPE, SIG_IGN);
  impl_ = std::make_unique<Impl>(generator, std::move(options));
  impl_->install_routes();
}

LlmServer::~LlmServer() {
  stop();
}

int LlmServer::bind() {
  impl_->port = impl_->http.bind_listener(impl_->options.host, impl_->options.port);
  return impl_->port;
}

void LlmServer::run() {
  if (impl_->stopping) return;
  if (impl_->port < 0) bind();
  impl_->http.listen_after_bind();
}

void LlmServer::stop() {
  impl_->stopping = true;
  impl_->slot.close();
  impl_->http.close_listener();
}

}  // namespace codriver::llm::serve
