#include "llm/chat_model/openai_chat_model.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "openai_stream_fixtures.h"
#include "speech/local_http_server.h"

namespace codriver::llm {
namespace {

using codriver::testing::closed_local_port;
using codriver::testing::HttpReply;
using codriver::testing::HttpRequest;
using codriver::testing::LocalHttpServer;
using Json = nlohmann::json;
using Kind = ChatModelError::Kind;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr const char* kSecret = "sk-SECRET123";

OpenAiConfig config_for(const std::string& base_url) {
  OpenAiConfig config;
  config.base_url = base_url;
  config.model = "qwen-test";
  config.api_key = "sk-test-key";
  config.connect_timeout = milliseconds(1000);
  config.stall_timeout = milliseconds(3000);
  config.request_timeout = milliseconds(5000);
  config.retry_base_delay = milliseconds(10);
  return config;
}

OpenAiConfig config_for(const LocalHttpServer& server) {
  return config_for(server.base_url());
}

ChatRequest question(const std::string& text = "Hello?") {
  ChatRequest request;
  request.messages = {{"system", "You are a co-driver.", {}, ""}, {"user", text, {}, ""}};
  return request;
}

ChatRequest tool_question() {
  ChatRequest request = question("Weather and parking at West Lake?");
  request.tools = {testing::kWeatherTool, testing::kParkingTool};
  return request;
}

HttpReply json_reply(int status, std::string body) {
  return HttpReply{status, std::move(body)};
}

// The stream as the server sends it: in pieces of `size` bytes.
HttpReply sse_reply(const std::string& stream, std::size_t size, milliseconds delay = {}) {
  HttpReply reply;
  reply.content_type = "text/event-stream";
  for (std::size_t at = 0; at < stream.size(); at += size)
    reply.chunks.push_back(stream.substr(at, size));
  reply.chunk_delay = delay;
  return reply;
}

struct Failure {
  Kind kind = Kind::kModel;
  std::string message;
  double seconds = 0;
};

Failure failure_of(ChatModel& model, const ChatRequest& request) {
  const auto started = Clock::now();
  try {
    model.complete(request);
  } catch (const ChatModelError& error) {
    return Failure{error.kind(), error.what(),
                   std::chrono::duration<double>(Clock::now() - started).count()};
  }
  ADD_FAILURE() << "the request succeeded";
  return {};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(OpenAiChatModel, CompletesAPlainRequest) {
  LocalHttpServer server(
      [](const HttpRequest&) { return json_reply(200, testing::kWholeCompletion); });
  OpenAiChatModel model(config_for(server));
  const ChatReply reply = model.complete(question());

  EXPECT_EQ(reply.content, "Hello, driver.");
  EXPECT_EQ(reply.finish_reason, "stop");
  EXPECT_EQ(reply.prompt_tokens, 12);
  EXPECT_EQ(reply.completion_tokens, 5);
  EXPECT_EQ(reply.model, "qwen-test");
  EXPECT_GT(reply.seconds, 0);
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].path, "/v1/chat/completions");
  EXPECT_EQ(requests[0].header("authorization"), "Bearer sk-test-key");
  EXPECT_EQ(requests[0].header("content-type"), "application/json");
  EXPECT_EQ(requests[0].header("accept"), "application/json");
  const Json body = Json::parse(requests[0].body);
  EXPECT_EQ(body["model"], "qwen-test");
  EXPECT_EQ(body["stream"], false);
  EXPECT_EQ(body["messages"][1], (Json{{"role", "user"}, {"content", "Hello?"}}));
}

TEST(OpenAiChatModel, AcceptsABaseUrlEndingInV1AndSendsExtraHeadersButNoKeyWhenNone) {
  LocalHttpServer server(
      [](const HttpRequest&) { return json_reply(200, testing::kWholeCompletion); });
  OpenAiConfig config = config_for(server.base_url() + "/v1/");
  config.api_key.clear();
  config.extra_headers = {{"X-DashScope-Plugin", "none"}};
  OpenAiChatModel model(config);
  model.complete(question());
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].path, "/v1/chat/completions");
  EXPECT_EQ(requests[0].header("authorization"), "");
  EXPECT_EQ(requests[0].header("x-dashscope-plugin"), "none");
}

TEST(OpenAiChatModel, SendsToolTurnsToolsAndToolChoice) {
  LocalHttpServer server(
      [](const HttpRequest&) { return json_reply(200, testing::kWholeToolCompletion); });
  OpenAiChatModel model(config_for(server));
  ChatRequest request = tool_question();
  request.messages.push_back(
      {"assistant", "", {{"call_0", "get_weather", R"({"city":"Hangzhou"})"}}, ""});
  request.messages.push_back({"tool", R"({"rain":true})", {}, "call_0"});
  request.tool_choice = "find_parking";
  request.seed = 7;
  request.max_tokens = 100;

  const ChatReply reply = model.complete(request);

  ASSERT_EQ(reply.tool_calls.size(), 2u);
  EXPECT_EQ(reply.tool_calls[0].name, "get_weather");
  EXPECT_EQ(reply.tool_calls[1].arguments_json, R"({"near": "West Lake"})");
  EXPECT_EQ(reply.finish_reason, "tool_calls");
  const Json body = Json::parse(server.requests().at(0).body);
  EXPECT_EQ(body["tools"].size(), 2u);
  EXPECT_EQ(body["tools"][1]["function"]["name"], "find_parking");
  EXPECT_EQ(body["tool_choice"]["function"]["name"], "find_parking");
  EXPECT_EQ(body["seed"], 7);
  EXPECT_EQ(body["max_tokens"], 100);
  EXPECT_EQ(body["messages"][2]["tool_calls"][0]["id"], "call_0");
  EXPECT_EQ(body["messages"][3]["tool_call_id"], "call_0");
  EXPECT_EQ(body["messages"][3]["role"], "tool");
}

TEST(OpenAiChatModel, StreamsTextAsItArrives) {
  LocalHttpServer server(
      [](const HttpRequest&) { return sse_reply(testing::text_stream(), 64, milliseconds(5)); });
  OpenAiChatModel model(config_for(server));
  ChatRequest request = question();
  std::vector<std::string> pieces;
  request.on_text = [&](std::string_view text) {
    pieces.emplace_back(text);
    return true;
  };
  const ChatReply reply = model.complete(request);

  EXPECT_EQ(reply.content, "Hello, driver.");
  EXPECT_EQ(reply.completion_tokens, 5);
  EXPECT_GE(pieces.size(), 2u);  // not all at once at the end
  std::string joined;
  for (const auto& piece : pieces)
    joined += piece;
  EXPECT_EQ(joined, "Hello, driver.");
  const auto sent = server.requests().at(0);
  EXPECT_EQ(sent.header("accept"), "text/event-stream");
  const Json body = Json::parse(sent.body);
  EXPECT_EQ(body["stream"], true);
  EXPECT_EQ(body["stream_options"]["include_usage"], true);
}

TEST(OpenAiChatModel, StreamsToolCallsWithArgumentsInFragmentsSplitAnywhere) {
  for (const std::size_t piece : {1u, 3u, 17u, 4096u}) {
    LocalHttpServer server(
        [piece](const HttpRequest&) { return sse_reply(testing::tool_call_stream(), piece); });
    OpenAiChatModel model(config_for(server));
    ChatRequest request = tool_question();
    std::string streamed;
    request.on_text = [&](std::string_view text) {
      streamed += text;
      return true;
    };
    const ChatReply reply = model.complete(request);
    ASSERT_EQ(reply.tool_calls.size(), 2u) << "pieces of " << piece;
    EXPECT_EQ(reply.tool_calls[0].id, "call_a");
    EXPECT_EQ(reply.tool_calls[0].arguments_json, R"({"city": "Hangzhou"})");
    EXPECT_EQ(reply.tool_calls[1].name, "find_parking");
    EXPECT_EQ(reply.tool_calls[1].arguments_json, R"({"near": "West Lake"})");
    EXPECT_EQ(reply.finish_reason, "tool_calls");
    EXPECT_EQ(streamed, "");
  }
}

TEST(OpenAiChatModel, StatusesBecomeErrorKinds) {
  const struct {
    int status;
    Kind kind;
    std::size_t requests;
  } cases[] = {
      {401, Kind::kAuth, 1},        {403, Kind::kAuth, 1},        {404, Kind::kNotFound, 1},
      {400, Kind::kBadRequest, 1},  {413, Kind::kBadRequest, 1},  {422, Kind::kBadRequest, 1},
      {429, Kind::kRateLimited, 3}, {500, Kind::kServer, 3},      {503, Kind::kServer, 3},
      {501, Kind::kServer, 1},      {302, Kind::kBadResponse, 1},
  };
  for (const auto& expected : cases) {
    LocalHttpServer server([&](const HttpRequest&) {
      return json_reply(expected.status, R"({"error":{"message":"reason-from-server"}})");
    });
    OpenAiChatModel model(config_for(server));
    const Failure failure = failure_of(model, question());
    EXPECT_EQ(failure.kind, expected.kind) << expected.status << ": " << failure.message;
    EXPECT_TRUE(contains(failure.message, "reason-from-server")) << failure.message;
    EXPECT_TRUE(contains(failure.message, std::to_string(expected.status))) << failure.message;
    EXPECT_EQ(server.requests().size(), expected.requests) << expected.status;
  }
}

TEST(OpenAiChatModel, NotFoundNamesTheUrlAndTheModel) {
  LocalHttpServer server([](const HttpRequest&) { return json_reply(404, "404 page not found"); });
  OpenAiChatModel model(config_for(server));
  const Failure failure = failure_of(model, question());
  EXPECT_EQ(failure.kind, Kind::kNotFound);
  EXPECT_TRUE(contains(failure.message, model.endpoint())) << failure.message;
  EXPECT_TRUE(contains(failure.message, "\"qwen-test\"")) << failure.message;
  EXPECT_TRUE(contains(failure.message, "404 page not found")) << failure.message;
}

TEST(OpenAiChatModel, RetriesA5xxThenSucceeds) {
  std::atomic<int> calls = 0;
  LocalHttpServer server([&](const HttpRequest&) {
    return ++calls < 3 ? json_reply(502, "bad gateway")
                       : json_reply(200, testing::kWholeCompletion);
  });
  OpenAiChatModel model(config_for(server));
  EXPECT_EQ(model.complete(question()).content, "Hello, driver.");
  EXPECT_EQ(server.requests().size(), 3u);
}

TEST(OpenAiChatModel, AConnectionClosedWithoutAnswerIsRetriedThenAServerError) {
  std::atomic<int> calls = 0;
  LocalHttpServer server([&](const HttpRequest&) {
    HttpReply reply = json_reply(200, testing::kWholeCompletion);
    reply.hang_up = ++calls == 1;
    return reply;
  });
  OpenAiChatModel model(config_for(server));
  EXPECT_EQ(model.complete(question()).content, "Hello, driver.");
  EXPECT_EQ(server.requests().size(), 2u);

  LocalHttpServer silent([](const HttpRequest&) {
    HttpReply reply;
    reply.hang_up = true;
    return reply;
  });
  OpenAiChatModel silent_model(config_for(silent));
  const Failure failure = failure_of(silent_model, question());
  EXPECT_EQ(failure.kind, Kind::kServer) << failure.message;
  EXPECT_EQ(silent.requests().size(), 3u);
}

TEST(OpenAiChatModel, ServesSeveralThreadsAtOnce) {
  LocalHttpServer server([](const HttpRequest& request) {
    const std::string text = Json::parse(request.body)["messages"][1]["content"];
    return json_reply(
        200,
        Json{{"choices", {{{"message", {{"content", "echo " + text}}}, {"finish_reason", "stop"}}}}}
            .dump());
  });
  OpenAiChatModel model(config_for(server));
  std::vector<std::thread> threads;
  std::atomic<int> right = 0;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3; ++i) {
        const std::string text = std::to_string(t) + "." + std::to_string(i);
        if (model.complete(question(text)).content == "echo " + text) ++right;
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  EXPECT_EQ(right, 12);
}

TEST(OpenAiChatModel, NoRetriesWhenMaxRetriesIsZero) {
  LocalHttpServer server([](const HttpRequest&) { return json_reply(500, "{}"); });
  OpenAiConfig config = config_for(server);
  config.max_retries = 0;
  OpenAiChatModel model(config);
  EXPECT_EQ(failure_of(model, question()).kind, Kind::kServer);
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(OpenAiChatModel, HonoursRetryAfter) {
  std::atomic<int> calls = 0;
  LocalHttpServer server([&](const HttpRequest&) {
    if (++calls == 1) {
      HttpReply busy = json_reply(429, R"({"error":{"message":"slow down"}})");
      busy.headers = {{"Retry-After", "1"}};
      return busy;
    }
    return json_reply(200, testing::kWholeCompletion);
  });
  OpenAiChatModel model(config_for(server));
  const auto started = Clock::now();
  EXPECT_EQ(model.complete(question()).content, "Hello, driver.");
  EXPECT_GE(Clock::now() - started, milliseconds(1000));
  EXPECT_EQ(server.requests().size(), 2u);
}

TEST(OpenAiChatModel, DoesNotWaitForARetryPastTheDeadline) {
  LocalHttpServer server([](const HttpRequest&) {
    HttpReply busy = json_reply(429, R"({"error":{"message":"slow down"}})");
    busy.headers = {{"Retry-After", "5"}};
    return busy;
  });
  OpenAiChatModel model(config_for(server));
  ChatRequest request = question();
  request.deadline = Clock::now() + milliseconds(1500);
  const Failure failure = failure_of(model, request);
  EXPECT_EQ(failure.kind, Kind::kRateLimited);
  EXPECT_LT(failure.seconds, 0.5);
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(OpenAiChatModel, AServerThatSendsTheHeadThenNothingTimesOutAtTheDeadline) {
  for (const bool stream : {false, true}) {
    LocalHttpServer server([](const HttpRequest&) {
      HttpReply reply;
      reply.content_type = "text/event-stream";
      reply.chunks = {": connected\n\n"};
      reply.stall_after_head = true;
      return reply;
    });
    OpenAiChatModel model(config_for(server));
    ChatRequest request = question();
    if (stream) request.on_text = [](std::string_view) { return true; };
    request.deadline = Clock::now() + milliseconds(300);
    const Failure failure = failure_of(model, request);
    EXPECT_EQ(failure.kind, Kind::kTimeout) << failure.message;
    EXPECT_GE(failure.seconds, 0.28);
    EXPECT_LT(failure.seconds, 0.3 + 0.25) << (stream ? "streamed" : "whole");
  }
}

TEST(OpenAiChatModel, AServerThatNeverAnswersTimesOutAtTheDeadline) {
  LocalHttpServer server([](const HttpRequest&) {
    HttpReply reply;
    reply.stall = true;
    return reply;
  });
  OpenAiChatModel model(config_for(server));
  ChatRequest request = question();
  request.deadline = Clock::now() + milliseconds(250);
  const Failure failure = failure_of(model, request);
  EXPECT_EQ(failure.kind, Kind::kTimeout);
  EXPECT_LT(failure.seconds, 0.25 + 0.25);
}

TEST(OpenAiChatModel, SilenceLongerThanTheStallTimeoutIsATimeoutWithoutADeadline) {
  LocalHttpServer server([](const HttpRequest&) {
    HttpReply reply = sse_reply(testing::sse({testing::content_chunk("Hel")}), 4096);
    reply.stall_after_head = true;
    return reply;
  });
  OpenAiConfig config = config_for(server);
  config.stall_timeout = milliseconds(300);
  OpenAiChatModel model(config);
  ChatRequest request = question();
  std::string streamed;
  request.on_text = [&](std::string_view text) {
    streamed += text;
    return true;
  };
  const Failure failure = failure_of(model, request);
  EXPECT_EQ(failure.kind, Kind::kTimeout);
  EXPECT_TRUE(contains(failure.message, "said nothing")) << failure.message;
  EXPECT_LT(failure.seconds, 0.3 + 0.3);
  EXPECT_EQ(streamed, "Hel");
}

TEST(OpenAiChatModel, ARefusedPortIsUnreachableQuickly) {
  OpenAiChatModel model(config_for("http://127.0.0.1:" + std::to_string(closed_local_port())));
  const Failure failure = failure_of(model, question());
  EXPECT_EQ(failure.kind, Kind::kUnreachable) << failure.message;
  EXPECT_LT(failure.seconds, 0.5);
  EXPECT_TRUE(contains(failure.message, "cannot reach")) << failure.message;
}

TEST(OpenAiChatModel, OnTextReturningFalseCancelsMidStream) {
  std::vector<std::string> events;
  for (int i = 0; i < 40; ++i)
    events.push_back(testing::content_chunk("word "));
  events.push_back(testing::finish_chunk("stop"));
  const std::string stream = testing::sse(events);
  LocalHttpServer server([&](const HttpRequest&) {
    return sse_reply(stream, testing::content_chunk("word ").size() + 8, milliseconds(50));
  });
  OpenAiChatModel model(config_for(server));
  ChatRequest request = question();
  int pieces = 0;
  request.on_text = [&](std::string_view) { return ++pieces < 2; };
  const Failure failure = failure_of(model, request);
  EXPECT_EQ(failure.kind, Kind::kCancelled);
  EXPECT_EQ(pieces, 2);
  EXPECT_LT(failure.seconds, 1.0);  // the whole stream would take 2 s
}

TEST(OpenAiChatModel, TheCancelFlagStopsAWaitingRequest) {
  LocalHttpServer server([](const HttpRequest&) {
    HttpReply reply = sse_reply(testing::sse({testing::content_chunk("Hi")}), 4096);
    reply.stall_after_head = true;
    return reply;
  });
  OpenAiChatModel model(config_for(server));
  std::atomic<bool> cancel = false;
  ChatRequest request = question();
  request.cancel = &cancel;
  request.on_text = [](std::string_view) { return true; };
  std::thread canceller([&] {
    std::this_thread::sleep_for(milliseconds(150));
    cancel = true;
  });
  const Failure failure = failure_of(model, request);
  canceller.join();
  EXPECT_EQ(failure.kind, Kind::kCancelled);
  EXPECT_GE(failure.seconds, 0.14);
  EXPECT_LT(failure.seconds, 0.15 + 0.2);
}

TEST(OpenAiChatModel, AlreadyCancelledOrPastTheDeadlineSendsNothing) {
  LocalHttpServer server(
      [](const HttpRequest&) { return json_reply(200, testing::kWholeCompletion); });
  OpenAiChatModel model(config_for(server));
  std::atomic<bool> cancel = true;
  ChatRequest cancelled = question();
  cancelled.cancel = &cancel;
  EXPECT_EQ(failure_of(model, cancelled).kind, Kind::kCancelled);
  ChatRequest late = question();
  late.deadline = Clock::now() - milliseconds(1);
  EXPECT_EQ(failure_of(model, late).kind, Kind::kTimeout);
  EXPECT_TRUE(server.requests().empty());
}

TEST(OpenAiChatModel, MalformedAnswersAreBadResponses) {
  const std::vector<HttpReply> replies = {
      json_reply(200, "<html>proxy login</html>"),
      json_reply(200, R"({"object":"list","data":[]})"),
      sse_reply(testing::sse({testing::content_chunk("Hi"), "{broken"}), 5),
      sse_reply(testing::sse({testing::content_chunk("Hi")}), 4096),  // ends without a finish
  };
  for (std::size_t i = 0; i < replies.size(); ++i) {
    LocalHttpServer server([&](const HttpRequest&) { return replies[i]; });
    OpenAiChatModel model(config_for(server));
    ChatRequest request = question();
    if (!replies[i].chunks.empty()) request.on_text = [](std::string_view) { return true; };
    const Failure failure = failure_of(model, request);
    EXPECT_EQ(failure.kind, Kind::kBadResponse) << i << ": " << failure.message;
  }
}

TEST(OpenAiChatModel, AnAnswerOverTheSizeLimitIsRefused) {
  LocalHttpServer server(
      [](const HttpRequest&) { return json_reply(200, std::string(20000, ' ')); });
  OpenAiConfig config = config_for(server);
  config.max_response_bytes = 10000;
  OpenAiChatModel model(config);
  const Failure failure = failure_of(model, question());
  EXPECT_EQ(failure.kind, Kind::kBadResponse);
  EXPECT_TRUE(contains(failure.message, "larger than 10000 bytes")) << failure.message;
}

TEST(OpenAiChatModel, DescribeNamesModelAndHostOnly) {
  OpenAiConfig config = config_for("https://dashscope.aliyuncs.com/compatible-mode/v1");
  config.model = "qwen-plus";
  config.api_key = kSecret;
  EXPECT_EQ(OpenAiChatModel(config).describe(), "openai qwen-plus @ dashscope.aliyuncs.com");
}

TEST(OpenAiChatModel, RefusesAConfigurationItCannotUse) {
  OpenAiConfig config = config_for("http://127.0.0.1:1/v1");
  config.model.clear();
  EXPECT_THROW(OpenAiChatModel{config}, OpenAiConfigError);
  EXPECT_THROW(OpenAiChatModel{config_for("")}, OpenAiConfigError);
  EXPECT_THROW(OpenAiChatModel{config_for("ftp://127.0.0.1/v1")}, OpenAiConfigError);
  config = config_for("http://127.0.0.1:1/v1");
  config.extra_headers = {{"X-Evil", "a\r\nHost: elsewhere"}};
  EXPECT_THROW(OpenAiChatModel{config}, OpenAiConfigError);
  config = config_for("http://127.0.0.1:1/v1");
  config.api_key = std::string(kSecret) + "\n";
  try {
    OpenAiChatModel{config};
    ADD_FAILURE() << "no error";
  } catch (const OpenAiConfigError& error) {
    EXPECT_FALSE(contains(error.what(), "SECRET123"));
  }
}

// Every error path, with a server that echoes the key wherever it can: no message, no
// description and nothing on stderr may hold it.
TEST(OpenAiChatModel, TheKeyNeverAppearsInErrorsDescriptionsOrOutput) {
  const std::string echo =
      std::string(R"({"error":{"message":"Incorrect API key provided: )") + kSecret + R"("}})";
  std::vector<HttpReply> replies;
  for (const int status : {400, 401, 403, 404, 413, 422, 429, 500, 503, 302})
    replies.push_back(json_reply(status, echo));
  replies.push_back(json_reply(200, std::string("not json ") + kSecret));
  replies.push_back(json_reply(200, echo));
  replies.push_back(sse_reply(testing::sse({echo}), 7));
  replies.push_back(sse_reply(testing::sse({std::string("{bad ") + kSecret}), 7));
  HttpReply stalled;
  stalled.stall = true;
  replies.push_back(stalled);

  ::testing::internal::CaptureStderr();
  ::testing::internal::CaptureStdout();
  std::vector<std::string> messages;
  for (std::size_t i = 0; i < replies.size(); ++i) {
    LocalHttpServer server([&](const HttpRequest&) { return replies[i]; });
    OpenAiConfig config = config_for(server);
    config.api_key = kSecret;
    config.max_retries = 1;
    OpenAiChatModel model(config);
    messages.push_back(model.describe());
    for (const bool stream : {false, true}) {
      ChatRequest request = question();
      if (stream) request.on_text = [](std::string_view) { return false; };
      request.deadline = Clock::now() + milliseconds(150);
      messages.push_back(failure_of(model, request).message);
    }
    EXPECT_EQ(server.requests().at(0).header("authorization"), std::string("Bearer ") + kSecret);
  }
  OpenAiConfig refused = config_for("http://127.0.0.1:" + std::to_string(closed_local_port()));
  refused.api_key = kSecret;
  OpenAiChatModel unreachable(refused);
  messages.push_back(failure_of(unreachable, question()).message);
  const std::string output =
      ::testing::internal::GetCapturedStderr() + ::testing::internal::GetCapturedStdout();

  for (const std::string& message : messages)
    EXPECT_FALSE(contains(message, "SECRET123")) << message;
  EXPECT_FALSE(contains(output, "SECRET123")) << output;
  EXPECT_TRUE(contains(messages[1], "[redacted]")) << messages[1];  // the 400 echo
}

}  // namespace
}  // namespace codriver::llm
