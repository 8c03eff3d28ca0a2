// Every endpoint, answering good and bad requests, held to the OpenAPI document it serves.

#include <set>

#include "cockpit_fixture.h"
#include "openapi_support.h"
#include "server/openapi_document.h"

namespace codriver::server::testing {
namespace {

using nlohmann::json;

struct Exchange {
  std::string method, path, query, body, content_type;
  int status;
};

httplib::Result send(httplib::Client& client, const Exchange& e) {
  const std::string target = e.path + (e.query.empty() ? "" : "?" + e.query);
  if (e.method == "get") return client.Get(target);
  return client.Post(target, e.body, e.content_type.c_str());
}

class ApiContractTest : public CockpitFixture {};

TEST_F(ApiContractTest, ServesTheDocumentItIsBuiltWith) {
  start();
  auto result = client().Get("/openapi.json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(json::parse(result->body), openapi());
  EXPECT_EQ(openapi().at("openapi"), "3.1.0");
}

TEST_F(ApiContractTest, EveryDocumentedOperationIsRoutedAndEveryRouteDocumented) {
  const std::set<std::string> implemented = {
      "get /v1/health", "post /v1/ask",           "post /v1/ask/audio", "get /v1/vehicle",
      "get /v1/route",  "get /v1/places",         "get /v1/parking",    "get /v1/signals",
      "get /v1/map",    "post /v1/session/reset", "get /v1/events",     "get /openapi.json"};
  std::set<std::string> documented;
  for (const auto& [path, operations] : openapi().at("paths").items()) {
    for (const auto& [method, operation] : operations.items())
      documented.insert(method + " " + path);
  }
  EXPECT_EQ(documented, implemented);
  start();
  for (const std::string& operation : documented) {
    const auto space = operation.find(' ');
    const std::string method = operation.substr(0, space), path = operation.substr(space + 1);
    if (path == "/v1/events") continue;  // a stream: tested in event_stream_test
    auto c = client();
    auto result = method == "get" ? c.Get(path) : c.Post(path, "", "application/json");
    ASSERT_TRUE(result) << operation;
    EXPECT_NE(result->status, 404) << operation << " is documented but not routed";
  }
}

TEST_F(ApiContractTest, EveryAnswerMatchesTheSchemaDocumentedForItsStatus) {
  const std::string json_type = "application/json";
  const std::vector<Exchange> exchanges = {
      {"get", "/v1/health", "", "", "", 200},
      {"get", "/v1/vehicle", "", "", "", 200},
      {"get", "/v1/route", "", "", "", 200},
      {"get", "/v1/signals", "lang=zh", "", "", 200},
      {"get", "/v1/map", "", "", "", 200},
      {"get", "/v1/map", "bbox=7.41,43.72,7.44,43.75", "", "", 200},
      {"get", "/v1/map", "bbox=7.44,43.72,7.41,43.75", "", "", 400},
      {"get", "/v1/map", "bbox=7.41,43.72,7.44", "", "", 400},
      {"get", "/v1/map", "bbox=7.41,43.72,7.44,43.75,1", "", "", 400},
      {"get", "/v1/map", "bbox=7.41,93,7.44,95", "", "", 400},
      {"get", "/v1/places", "category=restaurant,cafe&limit=3&lang=zh", "", "", 200},
      {"get", "/v1/places", "category=fuel&near=43.7311,7.4197&radius_m=3000", "", "", 200},
      {"get", "/v1/places", "q=casino&category=food", "", "", 200},
      {"get", "/v1/parking", "near=43.7392,7.4274&limit=3&covered=false", "", "", 200},
      {"post", "/v1/ask", "", R"({"text":"find parking near the casino"})", json_type, 200},
      {"post", "/v1/ask", "", R"({"text":"找一家附近的餐厅","lang":"zh"})", json_type, 200},
      {"post", "/v1/ask", "", R"({"text":"navigate to the casino"})", json_type, 200},
      {"get", "/v1/route", "lang=zh", "", "", 200},
      {"post", "/v1/session/reset", "", "", json_type, 200},
      // Bad input: a 4xx with the error document, never a crash.
      {"post", "/v1/ask", "", "{not json", json_type, 400},
      {"post", "/v1/ask", "", R"({"text": 42})", json_type, 400},
      {"post", "/v1/ask", "", R"(["text"])", json_type, 400},
      {"post", "/v1/ask", "", R"({"text": "   "})", json_type, 400},
      {"post", "/v1/ask", "", R"({"text": "hi", "speed": 300})", json_type, 400},
      {"post", "/v1/ask", "", R"({"text": "hi", "lang": "fr"})", json_type, 400},
      {"post", "/v1/ask", "", R"({"text": "hi", "lang": ["zh"]})", json_type, 400},
      {"post", "/v1/ask", "", json{{"text", std::string(2001, 'a')}}.dump(), json_type, 400},
      {"post", "/v1/ask", "", R"({"text": "\u3000\u00a0\u000b\u0000\t"})", json_type, 400},
      {"post", "/v1/ask", "", std::string(70 * 1024, ' '), json_type, 413},
      {"post", "/v1/ask", "", "text=hi", "application/x-www-form-urlencoded", 415},
      {"post", "/v1/ask/audio", "", "RIFF", "text/plain", 415},
      {"post", "/v1/ask", "", "\"\xff\xfe\"", json_type, 400},
      {"get", "/v1/places", "near=91,7", "", "", 400},
      {"get", "/v1/places", "near=somewhere", "", "", 400},
      {"get", "/v1/places", "limit=0", "", "", 400},
      {"get", "/v1/places", "limit=2.5", "", "", 400},
      {"get", "/v1/places", "radius_m=-5", "", "", 400},
      {"get", "/v1/places", "radius_m=nan", "", "", 400},
      {"get", "/v1/places", "open_now=maybe", "", "", 400},
      {"get", "/v1/places", "category=spaceport", "", "", 400},
      {"get", "/v1/places", "cuisine=martian", "", "", 400},
      {"get", "/v1/places", "limt=3", "", "", 400},
      {"get", "/v1/places", "limit=3&limit=4", "", "", 400},
      {"get", "/v1/parking", "max_walk_m=1e9", "", "", 400},
      {"get", "/v1/route", "lang=fr", "", "", 400},
      {"get", "/v1/vehicle", "x=1", "", "", 400},
      {"post", "/v1/ask/audio", "", "not audio at all", "audio/wav", 400},
      {"post", "/v1/ask/audio", "", "", "audio/wav", 400},
  };
  start();
  for (const Exchange& e : exchanges) {
    auto c = client();
    auto result = send(c, e);
    const std::string name = e.method + " " + e.path + "?" + e.query + " " + e.body.substr(0, 60);
    ASSERT_TRUE(result) << name;
    EXPECT_EQ(result->status, e.status) << name << "\n" << result->body.substr(0, 400);
    const json body = json::parse(result->body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << name << ": not JSON: " << result->body.substr(0, 200);
    EXPECT_EQ(schema_violations(e.method, e.path, e.status, body), "") << name;
    if (e.status >= 400) {
      EXPECT_FALSE(body["error"]["message"].get<std::string>().empty()) << name;
      EXPECT_FALSE(body["error"]["message_zh"].get<std::string>().empty()) << name;
    }
  }
}

TEST_F(ApiContractTest, UnknownAddressesAnswerWithTheErrorDocument) {
  start();
  auto result = client().Get("/v1/teleport");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 404);
  EXPECT_EQ(body_of(result)["error"]["code"], "not_found");
}

TEST_F(ApiContractTest, TheSchemaCheckCatchesAnswersThatBreakTheContract) {
  // The contract test above is only as good as this: a wrong answer must fail it.
  EXPECT_NE(schema_violations("get", "/v1/vehicle", 200, json{{"lat", 200}}), "");
  EXPECT_NE(schema_violations("post", "/v1/ask", 400, json{{"error", {{"message", "x"}}}}), "");
  EXPECT_THROW(schema_violations("get", "/v1/vehicle", 418, json::object()), std::runtime_error);
}

}  // namespace
}  // namespace codriver::server::testing
