#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "map/osm_importer.h"
#include "server/cockpit_server.h"
#include "support/test_support.h"

// A cockpit server on a free loopback port, over the Monaco bundle imported once per
// test program, started and stopped by each test.
namespace codriver::server::testing {

class CockpitFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (scratch_ != nullptr) return;
    scratch_ = new codriver::testing::TempDir();
    map::import_bundle(codriver::testing::shared_data("osm/monaco.osm.pbf"),
                       scratch_->path() / "monaco");
  }

  void TearDown() override { stop(); }

  static std::filesystem::path bundle() { return scratch_->path() / "monaco"; }

  void start(CockpitOptions options = {}) {
    options.port = 0;
    server_ = std::make_unique<CockpitServer>(agent::AgentOptions{bundle(), ":memory:"}, options);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->run(); });
  }

  void stop() {
    if (!server_) return;
    server_->stop();
    thread_.join();
    server_.reset();
  }

  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    return client;
  }

  static nlohmann::json body_of(const httplib::Result& result) {
    EXPECT_TRUE(result) << "no response: " << httplib::to_string(result.error());
    if (!result) return nullptr;
    const auto json = nlohmann::json::parse(result->body, nullptr, false);
    EXPECT_FALSE(json.is_discarded()) << "not JSON: " << result->body;
    return json;
  }

  httplib::Result ask(const std::string& text) const {
    return client().Post("/v1/ask", nlohmann::json{{"text", text}}.dump(), "application/json");
  }

  int port_ = -1;
  std::unique_ptr<CockpitServer> server_;
  std::thread thread_;
  static inline codriver::testing::TempDir* scratch_ = nullptr;
};

}  // namespace codriver::server::testing
