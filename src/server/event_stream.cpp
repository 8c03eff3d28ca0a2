// GET /v1/events: Server-Sent Events to every connected screen.

#include "server/cockpit_server_impl.h"
#include "server/http_error.h"
#include "server/request_values.h"

namespace codriver::server {
namespace {

using Clock = std::chrono::steady_clock;

// A screen that hears nothing for this long gets a comment line, so that one that went
// away is noticed (the write fails) even when no event comes.
constexpr auto kKeepAliveEvery = std::chrono::seconds(10);
constexpr auto kWaitSlice = std::chrono::milliseconds(500);

struct EventStream {
  EventHub::Subscription subscription;
  routing::Language language;
  std::uint64_t last_id = 0;
  bool started = false;
  Clock::time_point last_write = Clock::now();
};

std::string sse_frame(const ServerEvent& event, routing::Language language) {
  return "id: " + std::to_string(event.id) + "\nevent: " + event.name +
         "\ndata: " + event.data_in(language) + "\n\n";
}

// Writes what came since the last call; false ends the stream (the screen left, or the
// server stops).
bool pump(EventHub& hub, EventStream& stream, httplib::DataSink& sink) {
  std::string out;
  if (!stream.started) {
    stream.started = true;
    stream.last_id = hub.last_id();
    out = "retry: 2000\n\n";
    for (const ServerEvent& event : hub.latest())
      out += sse_frame(event, stream.language);
  } else {
    for (const ServerEvent& event : hub.wait_after(stream.last_id, kWaitSlice)) {
      out += sse_frame(event, stream.language);
      stream.last_id = event.id;
    }
    if (hub.closed()) return false;
    if (out.empty() && Clock::now() - stream.last_write >= kKeepAliveEvery)
      out = ": keep-alive\n\n";
  }
  if (out.empty()) return true;
  if (!sink.is_writable() || !sink.write(out.data(), out.size())) return false;
  stream.last_write = Clock::now();
  return true;
}

}  // namespace

void CockpitServer::Impl::install_event_stream() {
  http.Get("/v1/events", [this](const httplib::Request& req, httplib::Response& res) {
    answer_guarded(res, [&] {
      check_parameters(req, {"lang", "access_token"});
      const routing::Language language = language_value(parameter(req, "lang"));
      auto subscription = events.subscribe();
      if (!subscription) {
        throw HttpError(
            503, "too_many_sessions",
            "Already " + std::to_string(events.max_subscribers()) +
                " screens follow the co-driver: close one and try again.",
            "已有" + std::to_string(events.max_subscribers()) + "个屏幕连接，请关闭一个后再试。");
      }
      auto stream = std::make_shared<EventStream>(EventStream{std::move(*subscription), language});
      res.set_header("Cache-Control", "no-store");
      // Exactly this type: httplib compresses any other, and a compressed stream holds the
      // events back from the browser.
      res.set_chunked_content_provider("text/event-stream",
                                       [this, stream](std::size_t, httplib::DataSink& sink) {
                                         return !stopping && pump(events, *stream, sink);
                                       });
    });
  });
}

}  // namespace codriver::server
