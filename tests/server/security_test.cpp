// The token rule, the web root's walls, and requests that are too big, too slow or too many.

#include <future>

#include "cockpit_fixture.h"
#include "event_reader.h"
#include "raw_http.h"

namespace codriver::server::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class SecurityTest : public CockpitFixture {
 protected:
  // A web root with the HMI's page, and a secret file beside it (outside the root).
  void make_web_root() {
    web_.emplace();
    std::filesystem::create_directories(web_->path() / "www" / "css");
    codriver::testing::write_file(web_->path() / "www" / "index.html", "<!doctype html><p>HMI</p>");
    codriver::testing::write_file(web_->path() / "www" / "css" / "hmi.css", "p{}");
    codriver::testing::write_file(web_->path() / "secret.txt", "TOP-SECRET");
  }
  std::filesystem::path web_root() const { return web_->path() / "www"; }

  std::optional<codriver::testing::TempDir> web_;
};

TEST_F(SecurityTest, AnAddressBeyondThisMachineNeedsAToken) {
  CockpitOptions options;
  options.host = "0.0.0.0";
  EXPECT_THROW(check_cockpit_options(options), std::invalid_argument);
  options.token = "s3cret";
  EXPECT_NO_THROW(check_cockpit_options(options));
  options.host = "127.0.0.1";
  options.token.clear();
  EXPECT_NO_THROW(check_cockpit_options(options));
  options.web_root = "/nonexistent/web";
  EXPECT_THROW(check_cockpit_options(options), std::invalid_argument);
}

TEST_F(SecurityTest, WithATokenEveryApiRequestMustCarryIt) {
  make_web_root();
  CockpitOptions options;
  options.token = "s3cret";
  options.web_root = web_root();
  start(options);
  auto c = client();
  auto missing = c.Get("/v1/vehicle");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 401);
  EXPECT_EQ(missing->get_header_value("WWW-Authenticate"), "Bearer");
  EXPECT_EQ(body_of(missing)["error"]["code"], "unauthorized");
  EXPECT_FALSE(body_of(missing)["error"]["message_zh"].get<std::string>().empty());

  EXPECT_EQ(c.Get("/v1/vehicle", {{"Authorization", "Bearer wrong"}})->status, 401);
  EXPECT_EQ(c.Get("/v1/vehicle", {{"Authorization", "Bearer s3cre"}})->status, 401);
  EXPECT_EQ(c.Get("/v1/vehicle", {{"Authorization", "s3cret"}})->status, 401);
  EXPECT_EQ(c.Post("/v1/ask", {}, R"({"text":"hi"})", "application/json")->status, 401);
  EXPECT_EQ(c.Get("/v1/vehicle", {{"Authorization", "Bearer s3cret"}})->status, 200);
  EXPECT_EQ(c.Post("/v1/ask", {{"Authorization", "Bearer s3cret"}},
                   R"({"text":"how much battery do I have?"})", "application/json")
                ->status,
            200);
  // The query token is for the event stream only (an EventSource cannot send headers).
  EXPECT_EQ(c.Get("/v1/vehicle?access_token=s3cret")->status, 401);
  const EventRead without = read_events(port_, "/v1/events", [](const auto&) { return true; });
  EXPECT_EQ(without.status, 401);
  const EventRead with = read_events(port_, "/v1/events?access_token=s3cret",
                                     [](const auto& events) { return !events.empty(); });
  EXPECT_EQ(with.status, 200);
  EXPECT_FALSE(with.events.empty());
  // The page itself holds no secret: it loads, then asks for the token.
  EXPECT_EQ(c.Get("/")->status, 200);
  EXPECT_EQ(c.Get("/openapi.json")->status, 200);
}

TEST_F(SecurityTest, TheWebRootServesItsFilesAndNothingElse) {
  make_web_root();
  CockpitOptions options;
  options.web_root = web_root();
  start(options);
  auto page = client().Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("HMI"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(client().Get("/css/hmi.css")->get_header_value("Content-Type"),
            "text/css; charset=utf-8");
  for (const char* target :
       {"/../secret.txt", "/css/../../secret.txt", "/%2e%2e/secret.txt",
        "/css/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/....//secret.txt", "//etc/passwd",
        "/../../../../etc/passwd", "/css/..%5c..%5csecret.txt"}) {
    const std::string response = raw_get(port_, target);
    EXPECT_NE(status_of(response), 200) << target;
    EXPECT_EQ(response.find("TOP-SECRET"), std::string::npos) << target;
    EXPECT_EQ(response.find("root:"), std::string::npos) << target;
  }
  // A NUL cut may at most reach a file inside the root.
  EXPECT_EQ(raw_get(port_, "/../secret.txt%00.html").find("TOP-SECRET"), std::string::npos);
}

TEST_F(SecurityTest, TheMapIsCompressedForClientsThatAcceptIt) {
  start();
  RawConnection browser(port_);
  browser.send(
      "GET /v1/map HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\n"
      "Connection: close\r\n\r\n");
  const std::string response = browser.read_all();
  EXPECT_EQ(status_of(response), 200);
  EXPECT_NE(response.find("Content-Encoding: gzip"), std::string::npos);
  EXPECT_LT(response.size(), 200u * 1024);  // 0.5 MB of JSON
}

TEST_F(SecurityTest, OversizedBodiesAreRefusedBeforeTheyAreRead) {
  CockpitOptions options;
  options.max_audio_bytes = 64 * 1024;
  start(options);
  auto audio = client().Post("/v1/ask/audio", std::string(200 * 1024, 'x'), "audio/wav");
  ASSERT_TRUE(audio);
  EXPECT_EQ(audio->status, 413);
  auto ask = client().Post("/v1/ask", std::string(100 * 1024, ' '), "application/json");
  ASSERT_TRUE(ask);
  EXPECT_EQ(ask->status, 413);
  EXPECT_EQ(body_of(ask)["error"]["code"], "too_large");
}

TEST_F(SecurityTest, AClientThatStallsIsCutOffAndOthersAreServed) {
  CockpitOptions options;
  options.io_timeout = 1s;
  start(options);
  RawConnection slow(port_);
  ASSERT_TRUE(slow.connected());
  slow.send("POST /v1/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n");
  EXPECT_EQ(client().Get("/v1/vehicle")->status, 200);  // not blocked by the slow one
  const auto before = std::chrono::steady_clock::now();
  slow.read_all();  // returns when the server gives up on it
  EXPECT_LT(std::chrono::steady_clock::now() - before, 4s);
}

TEST_F(SecurityTest, BrokenHttpIsRefusedAndTheServerGoesOn) {
  CockpitOptions options;
  options.io_timeout = 1s;  // what waits for more bytes gives up soon
  start(options);
  const std::vector<std::string> broken = {
      "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 TLS hello to a plain port\r\n\r\n",
      "GARBAGE\r\n\r\n",
      "GET\r\n\r\n",
      "GET /v1/vehicle HTTP/9.9\r\n\r\n",
      "GET /v1/vehicle HTTP/1.1\r\nX-Long: " + std::string(100 * 1024, 'a') + "\r\n\r\n",
      "POST /v1/ask HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
      "POST /v1/ask HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n",
      "POST /v1/ask HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Type: "
      "application/json\r\n\r\n"
      "zz\r\n{}\r\n0\r\n\r\n",
      std::string("GET /v1/vehicle\0 HTTP/1.1\r\n\r\n", 30),
  };
  for (const std::string& request : broken) {
    RawConnection connection(port_);
    ASSERT_TRUE(connection.connected());
    connection.send(request);
    const std::string response = connection.read_for(800ms);  // a refusal comes at once
    EXPECT_NE(status_of(response), 200) << request.substr(0, 60);
    EXPECT_EQ(client().Get("/v1/health")->status, 200) << "after " << request.substr(0, 60);
  }
}

TEST_F(SecurityTest, ManyClientsAtOnceAllGetAnswersWhileScreensAreConnected) {
  start();
  // Screens on the event stream hold a thread each; kept-alive clients must still get turns.
  std::atomic<bool> leave{false};
  std::vector<std::future<EventRead>> screens;
  for (int i = 0; i < 8; ++i) {
    screens.push_back(std::async(std::launch::async, [&] {
      return read_events(
          port_, "/v1/events", [&](const auto&) { return leave.load(); }, 30s);
    }));
  }
  // Each client keeps its connection and polls until every client has been answered at
  // least 10 times: a server that let the first connections keep their threads would
  // leave the rest unanswered until the deadline.
  constexpr int kClients = 24, kEach = 10;
  std::atomic<int> satisfied{0};
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  std::vector<std::future<int>> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.push_back(std::async(std::launch::async, [&, i] {
      int ok = 0;
      auto c = client();
      c.set_read_timeout(10, 0);
      for (int k = 0; satisfied < kClients && std::chrono::steady_clock::now() < deadline; ++k) {
        auto result = (i + k) % 2
                          ? c.Get("/v1/vehicle")
                          : c.Post("/v1/ask", R"({"text":"find a cafe"})", "application/json");
        const bool answered = result && result->status == 200;
        if (!answered) {
          ADD_FAILURE() << "client " << i << " request " << k << ": "
                        << (result ? std::to_string(result->status) + " " + result->body
                                   : httplib::to_string(result.error()));
          break;
        }
        if (++ok == kEach) ++satisfied;
      }
      return ok;
    }));
  }
  for (int i = 0; i < kClients; ++i)
    EXPECT_GE(clients[i].get(), kEach) << "client " << i;
  leave = true;
  for (auto& screen : screens)
    EXPECT_EQ(screen.get().status, 200);
}

TEST_F(SecurityTest, HostileTextIsAnsweredAndNotReflectedAsMarkup) {
  start();
  for (const std::string& text :
       {std::string("<script>alert(1)</script> find parking"), std::string("\x01\x02 find a cafe"),
        std::string("停车场") + std::string(500, '!'), std::string("'; DROP TABLE places; --")}) {
    auto result = ask(text);
    ASSERT_TRUE(result) << text;
    EXPECT_EQ(result->status, 200) << text;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json; charset=utf-8");
  }
  EXPECT_EQ(client().Get("/v1/places?category=cafe")->status, 200);  // the database is whole
}

}  // namespace
}  // namespace codriver::server::testing
