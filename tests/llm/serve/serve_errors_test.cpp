// The server's refusals, in OpenAI's shape {"error": {"message", "type", "param", "code"}}:
// 400 for bodies it cannot use, 401 without the token, 404 for unknown routes, 413 for
// bodies over the limit; and the rule that a non-loopback host needs a token.
#include <gtest/gtest.h>

#include "serve_fixture.h"

namespace codriver::llm::serve::testing {
namespace {

Json error_of(const HttpResponse& response) {
  EXPECT_EQ(response.headers.at("content-type"), "application/json") << response.body;
  const Json body = Json::parse(response.body);
  EXPECT_TRUE(body.contains("error")) << response.body;
  const Json& error = body["error"];
  EXPECT_TRUE(error["message"].is_string() && !error["message"].get<std::string>().empty());
  EXPECT_TRUE(error["type"].is_string());
  EXPECT_TRUE(error.contains("code") && error.contains("param"));
  return error;
}

struct BadRequest {
  std::string body;
  std::string code;   // expected error.code ("" for null)
  std::string param;  // expected error.param ("" for null)
};

const Json kTool = Json::parse(
    R"({"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}})");

std::string with(const std::string& key, const Json& value) {
  return chat_body("Hi", Json{{key, value}}).dump();
}

std::vector<BadRequest> bad_requests() {
  const std::string user = R"({"role":"user","content":"Hi"})";
  return {
      {"{", "invalid_json", ""},
      {"[1, 2]", "", ""},
      {"{}", "missing_required_parameter", "messages"},
      {R"({"messages": "Hi"})", "invalid_type", "messages"},
      {R"({"messages": []})", "invalid_value", "messages"},
      {R"({"messages": [{"role": "robot", "content": "Hi"}]})", "invalid_value",
       "messages[0].role"},
      {R"({"messages": [{"content": "Hi"}]})", "missing_required_parameter", "messages[0].role"},
      {R"({"messages": [{"role": "user"}]})", "missing_required_parameter", "messages[0].content"},
      {R"({"messages": [{"role": "user", "content": 5}]})", "invalid_type", "messages[0].content"},
      {R"({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {}}]}]})",
       "invalid_value", "messages[0].content[0].type"},
      {R"({"messages": [)" + user +
           R"(, {"role": "assistant", "tool_calls": [{"type": "function", "function":
           {"name": "f", "arguments": "{not json"}}]}]})",
       "invalid_value", "messages[1].tool_calls[0].function.arguments"},
      {with("temperature", "hot"), "invalid_type", "temperature"},
      {with("temperature", 3), "invalid_value", "temperature"},
      {with("top_p", 0), "invalid_value", "top_p"},
      {with("top_k", -1), "invalid_value", "top_k"},
      {with("top_k", 2.5), "invalid_type", "top_k"},
      {with("min_p", 1.5), "invalid_value", "min_p"},
      {with("seed", "x"), "invalid_type", "seed"},
      {with("max_tokens", 0), "invalid_value", "max_tokens"},
      {with("max_tokens", 1.5), "invalid_type", "max_tokens"},
      {with("stop", 5), "invalid_type", "stop"},
      {with("stop", Json::array({""})), "invalid_value", "stop"},
      {with("stream", "yes"), "invalid_type", "stream"},
      {with("n", 2), "invalid_value", "n"},
      {with("logprobs", true), "invalid_value", "logprobs"},
      {with("model", 7), "invalid_type", "model"},
      {with("tools", kTool), "invalid_type", "tools"},
      {with("tools", Json::array({Json{{"type", "function"}, {"function", Json::object()}}})),
       "missing_required_parameter", "tools[0].function.name"},
      {with("tools", Json::array({kTool, kTool})), "invalid_value", "tools"},
      {with("tool_choice", "sometimes"), "invalid_value", "tool_choice"},
      {with("tool_choice", "required"), "invalid_value", "tool_choice"},
      {chat_body("Hi",
                 Json{{"tools", Json::array({kTool})},
                      {"tool_choice", {{"type", "function"}, {"function", {{"name", "nope"}}}}}})
           .dump(),
       "invalid_value", "tool_choice"},
      {with("response_format", Json{{"type", "xml"}}), "invalid_value", "response_format.type"},
      {with("response_format", Json{{"type", "json_schema"}, {"json_schema", Json::object()}}),
       "missing_required_parameter", "response_format.json_schema.schema"},
      {with("response_format",
            Json{{"type", "json_schema"},
                 {"json_schema", {{"schema", {{"type", "string"}, {"pattern", "^a+$"}}}}}}),
       "unsupported_schema", ""},
  };
}

TEST(ServeErrorsTest, BadBodiesAre400) {
  TestServer server;
  for (const BadRequest& bad : bad_requests()) {
    SCOPED_TRACE(bad.body);
    const auto response = http_request(server.port(), "POST", "/v1/chat/completions", bad.body);
    ASSERT_EQ(response.status, 400) << response.body;
    const Json error = error_of(response);
    EXPECT_EQ(error["type"], "invalid_request_error");
    EXPECT_EQ(error["code"], bad.code.empty() ? Json(nullptr) : Json(bad.code)) << response.body;
    EXPECT_EQ(error["param"], bad.param.empty() ? Json(nullptr) : Json(bad.param)) << response.body;
  }
  // Still serving after all that.
  EXPECT_EQ(server.post(chat_body("Hi", Json{{"max_tokens", 2}})).status, 200);
}

TEST(ServeErrorsTest, UnknownFieldsAreIgnored) {
  TestServer server;
  const auto response = server.post(chat_body("Hi", Json{{"max_tokens", 2},
                                                         {"user", "driver-1"},
                                                         {"parallel_tool_calls", false},
                                                         {"frequency_penalty", 0.5},
                                                         {"metadata", {{"trip", "home"}}}}));
  EXPECT_EQ(response.status, 200) << response.body;
}

TEST(ServeErrorsTest, UnknownRoutesAre404) {
  TestServer server;
  for (const auto& [method, path] :
       std::vector<std::pair<std::string, std::string>>{{"GET", "/v1/nothing"},
                                                        {"GET", "/v1/chat/completions"},
                                                        {"POST", "/v1/models"},
                                                        {"GET", "/"}}) {
    const auto response = http_request(server.port(), method, path, method == "POST" ? "{}" : "");
    ASSERT_EQ(response.status, 404) << method << " " << path;
    const Json error = error_of(response);
    EXPECT_EQ(error["code"], "unknown_url");
    EXPECT_NE(error["message"].get<std::string>().find(path), std::string::npos);
  }
}

TEST(ServeErrorsTest, BodiesOverTheLimitAre413) {
  ServeOptions options;
  options.max_body_bytes = 4096;
  TestServer small(options);
  const auto response = http_request(small.port(), "POST", "/v1/chat/completions",
                                     chat_body(std::string(5000, 'a')).dump());
  ASSERT_EQ(response.status, 413);
  EXPECT_EQ(error_of(response)["code"], "request_too_large");

  // The default limit is 1 MB (httplib reads and drops a body over the limit, then answers).
  TestServer server;
  const auto announced =
      http_request(server.port(), "POST", "/v1/chat/completions", std::string((1 << 20) + 1, ' '));
  ASSERT_EQ(announced.status, 413);
  EXPECT_EQ(error_of(announced)["code"], "request_too_large");
  EXPECT_EQ(server.post(chat_body("Hi", Json{{"max_tokens", 1}})).status, 200);
}

TEST(ServeErrorsTest, AGivenTokenIsRequired) {
  ServeOptions options;
  options.token = "s3cret-token";
  TestServer server(options);
  for (const std::vector<std::string>& headers : {std::vector<std::string>{},
                                                  {"Authorization: Bearer wrong-token!"},
                                                  {"Authorization: s3cret-token"},
                                                  {"Authorization: Bearer s3cret-tokenX"}}) {
    const auto response = server.get("/v1/models", headers);
    ASSERT_EQ(response.status, 401) << (headers.empty() ? "no header" : headers[0]);
    EXPECT_EQ(error_of(response)["code"], "invalid_api_key");
    EXPECT_EQ(response.headers.at("www-authenticate"), "Bearer");
    EXPECT_EQ(server.post(chat_body("Hi"), headers).status, 401);
  }
  const std::vector<std::string> good{"Authorization: Bearer s3cret-token"};
  EXPECT_EQ(server.get("/v1/models", good).status, 200);
  EXPECT_EQ(server.post(chat_body("Hi", Json{{"max_tokens", 2}}), good).status, 200);
}

TEST(ServeErrorsTest, ANonLoopbackHostNeedsAToken) {
  const auto options = [](std::string host, std::string token) {
    ServeOptions o;
    o.host = std::move(host);
    o.token = std::move(token);
    return o;
  };
  for (const char* host : {"0.0.0.0", "192.168.1.20", "::", "car.local"}) {
    EXPECT_THROW(check_serve_options(options(host, "")), std::invalid_argument) << host;
    EXPECT_NO_THROW(check_serve_options(options(host, "secret"))) << host;
  }
  for (const char* host : {"127.0.0.1", "127.0.0.2", "localhost", "::1"})
    EXPECT_NO_THROW(check_serve_options(options(host, ""))) << host;
  ServeOptions bad_port;
  bad_port.port = 70000;
  EXPECT_THROW(check_serve_options(bad_port), std::invalid_argument);
  // The server itself refuses to be built with such options.
  EXPECT_THROW(LlmServer(*TinyModel::get().generator, options("0.0.0.0", "")),
               std::invalid_argument);
}

}  // namespace
}  // namespace codriver::llm::serve::testing
