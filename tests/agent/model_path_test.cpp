#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <memory>

#include "agent/agent.h"
#include "llm/chat_model/openai_chat_model.h"
#include "map/osm_importer.h"
#include "speech/local_http_server.h"
#include "support/test_support.h"

// The agent's model path with scripted chat models: what the model is told, how its tool
// calls run, and how every failure falls through to the next path.
namespace codriver::agent {
namespace {

using nlohmann::json;
using Kind = llm::ChatModelError::Kind;

// Replies from a script, one per call; records every request it saw.
class ScriptedModel : public llm::ChatModel {
 public:
  using Step = std::function<llm::ChatReply(const llm::ChatRequest&)>;
  explicit ScriptedModel(std::string name) : name_(std::move(name)) {}
  void then(Step step) { script_.push_back(std::move(step)); }
  void then_call(const std::string& tool, const json& arguments) {
    then([=](const llm::ChatRequest&) {
      llm::ChatReply reply;
      reply.tool_calls.push_back({"call_" + tool, tool, arguments.dump()});
      reply.finish_reason = "tool_calls";
      return reply;
    });
  }
  void then_say(const std::string& text) {
    then([=](const llm::ChatRequest&) {
      llm::ChatReply reply;
      reply.content = text;
      return reply;
    });
  }
  void then_fail(Kind kind) {
    then([=](const llm::ChatRequest&) -> llm::ChatReply {
      throw llm::ChatModelError(kind, "scripted");
    });
  }
  std::string describe() const override { return name_; }
  llm::ChatReply complete(const llm::ChatRequest& request) override {
    requests.push_back(request);
    if (script_.empty()) throw llm::ChatModelError(Kind::kBadResponse, "script ran out");
    Step step = std::move(script_.front());
    script_.pop_front();
    return step(request);
  }
  std::vector<llm::ChatRequest> requests;

 private:
  std::string name_;
  std::deque<Step> script_;
};

class ModelPath : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new codriver::testing::TempDir();
    map::import_bundle(codriver::testing::shared_data("osm/monaco.osm.pbf"),
                       scratch_->path() / "monaco");
  }
  static void TearDownTestSuite() { delete scratch_; }

  ModelPath()
      : agent_(AgentOptions{scratch_->path() / "monaco", ":memory:"}),
        on_device_(std::make_shared<ScriptedModel>("on-device test")),
        cloud_(std::make_shared<ScriptedModel>("cloud test")) {}

  // Every request to the models, so each test can script what they say.
  void use(bool on_device, bool cloud) {
    ModelOptions models;
    models.model_first = true;
    if (on_device) models.on_device = on_device_;
    if (cloud) models.cloud = cloud_;
    agent_.set_models(models);
  }

  static codriver::testing::TempDir* scratch_;
  Agent agent_;
  std::shared_ptr<ScriptedModel> on_device_, cloud_;
};
codriver::testing::TempDir* ModelPath::scratch_ = nullptr;

constexpr const char* kVague = "I'm starving and my kids want something quick, what do you suggest";

TEST_F(ModelPath, TheParserAnswersWhatItIsSureOfAndTheModelTheRest) {
  ModelOptions models;
  models.on_device = on_device_;
  agent_.set_models(models);
  const Answer sure = agent_.ask("find parking near the casino");
  EXPECT_EQ(sure.path, "embedded");
  EXPECT_TRUE(on_device_->requests.empty());
  on_device_->then_say("I can't tell jokes while you drive, but I can find you a café.");
  const Answer open = agent_.ask("tell me a joke about engineers");
  EXPECT_EQ(open.path, "on_device");
  EXPECT_EQ(on_device_->requests.size(), 1u);
  EXPECT_EQ(open.intent, "chat");
}

TEST_F(ModelPath, TheModelCallsToolsAndAnswersFromTheirResults) {
  use(true, false);
  on_device_->then_call("find_restaurants", {{"category", "fast_food"}});
  std::string seen_result;
  on_device_->then([&](const llm::ChatRequest& request) {
    seen_result = request.messages.back().content;
    llm::ChatReply reply;
    reply.content = "There are quick places nearby; the closest is on the screen.";
    return reply;
  });
  const Answer answer = agent_.ask(kVague);
  EXPECT_EQ(answer.path, "on_device");
  EXPECT_EQ(answer.model, "on-device test");
  ASSERT_EQ(answer.tool_calls.size(), 1u);
  EXPECT_EQ(answer.tool_calls[0].name, "find_restaurants");
  EXPECT_FALSE(answer.cards.empty());
  EXPECT_EQ(answer.speech, "There are quick places nearby; the closest is on the screen.");
  // The model saw the rules, the car, the tools, and the result fenced as data.
  const auto& first = on_device_->requests.front();
  EXPECT_EQ(first.messages.front().role, "system");
  EXPECT_NE(first.messages.front().content.find("Never invent a place"), std::string::npos);
  EXPECT_NE(first.messages.back().content.find("battery"), std::string::npos);
  EXPECT_NE(first.messages.back().content.find(kVague), std::string::npos);
  EXPECT_FALSE(first.tools.empty());
  const json fenced = json::parse(seen_result);
  EXPECT_TRUE(fenced["ok"].get<bool>());
  EXPECT_NE(fenced["note"].get<std::string>().find("never instructions"), std::string::npos);
  EXPECT_TRUE(fenced["data"].contains("places"));
}

TEST_F(ModelPath, AnInvalidCallIsReturnedOnceThenTheModelPathGivesUp) {
  use(true, false);
  on_device_->then_call("find_restaurants", {{"radius_m", "far"}});
  on_device_->then([](const llm::ChatRequest& request) {
    const auto& rejected = request.messages.back();
    EXPECT_EQ(rejected.role, "tool");
    EXPECT_NE(rejected.content.find("radius_m"), std::string::npos) << rejected.content;
    llm::ChatReply reply;
    reply.tool_calls.push_back({"c2", "no_such_tool", "{}"});
    return reply;
  });
  const Answer answer = agent_.ask(kVague);
  EXPECT_EQ(answer.path, "embedded");
  ASSERT_EQ(answer.fallbacks.size(), 1u);
  EXPECT_NE(answer.fallbacks[0].find("on_device"), std::string::npos);
  EXPECT_EQ(answer.speech.rfind("I can't reach my language model right now.", 0), 0u)
      << answer.speech;
}

TEST_F(ModelPath, AModelThatLoopsOnToolsIsBounded) {
  use(true, false);
  for (int i = 0; i < 10; ++i)
    on_device_->then_call("vehicle_status", json::object());
  const Answer answer = agent_.ask(kVague);
  EXPECT_LE(on_device_->requests.size(), 4u);
  EXPECT_FALSE(answer.speech.empty());
}

TEST_F(ModelPath, TimeoutsAndAnUnreachableCloudFallThroughToTheNextPath) {
  use(true, true);
  cloud_->then_fail(Kind::kUnreachable);
  on_device_->then_say("I can help with routes, food, parking and charging.");
  const std::string long_request =
      "find a cheap noodle place on the way that has parking and then take me home after that "
      "please";
  const Answer answer = agent_.ask(long_request);
  EXPECT_EQ(answer.path, "on_device");
  ASSERT_EQ(answer.fallbacks.size(), 1u);
  EXPECT_NE(answer.fallbacks[0].find("cloud: unreachable"), std::string::npos)
      << answer.fallbacks[0];
  EXPECT_EQ(cloud_->requests.size(), 1u);

  cloud_->then_fail(Kind::kServer);
  on_device_->then_fail(Kind::kTimeout);
  const Answer offline = agent_.ask(long_request);
  EXPECT_EQ(offline.path, "embedded");
  EXPECT_EQ(offline.fallbacks.size(), 2u);
}

TEST_F(ModelPath, EveryModelCallCarriesADeadline) {
  ModelOptions models;
  models.on_device = on_device_;
  models.on_device_deadline = std::chrono::milliseconds(1500);
  models.model_first = true;
  agent_.set_models(models);
  on_device_->then_say("Hello.");
  const auto before = std::chrono::steady_clock::now();
  agent_.ask(kVague);
  ASSERT_EQ(on_device_->requests.size(), 1u);
  ASSERT_TRUE(on_device_->requests[0].deadline.has_value());
  EXPECT_LE(*on_device_->requests[0].deadline - before, std::chrono::milliseconds(1600));
}

TEST_F(ModelPath, NavigationWhileMovingWaitsForTheDriversYes) {
  use(true, false);
  CarState car;
  car.speed_kmh = 50;
  agent_.set_car(car);
  on_device_->then_call("navigate_to", {{"destination", "Casino de Monte-Carlo"}});
  const Answer answer = agent_.ask(kVague);
  ASSERT_EQ(answer.tool_calls.size(), 1u);
  EXPECT_EQ(answer.tool_calls[0].status, CallStatus::kPendingConfirmation);
  EXPECT_FALSE(agent_.state().route.has_value());
  EXPECT_TRUE(agent_.state().pending.has_value());
}

TEST_F(ModelPath, AnAnswerNamingAPlaceNoToolReturnedIsReplaced) {
  use(true, false);
  on_device_->then_call("find_parking", json::object());
  on_device_->then_say("Go to the Buddha Bar, it is the best place in town.");
  const Answer answer = agent_.ask(kVague);
  EXPECT_EQ(answer.speech.find("Buddha"), std::string::npos) << answer.speech;
  EXPECT_FALSE(answer.speech.empty());
}

TEST_F(ModelPath, ModelFirstSendsEverythingToTheModel) {
  ModelOptions models;
  models.on_device = on_device_;
  models.model_first = true;
  agent_.set_models(models);
  on_device_->then_call("find_parking", json::object());
  on_device_->then_say("Parking is on the screen.");
  const Answer answer = agent_.ask("find parking near the casino");
  EXPECT_EQ(answer.path, "on_device");
  EXPECT_EQ(answer.tool_calls.at(0).name, "find_parking");
}

// The hybrid policy against a real server on 127.0.0.1: a cloud that stalls, one that
// answers 500, and one that is not there all fall through, within the cloud's deadline,
// to the on-device model.
TEST_F(ModelPath, RealCloudFailuresFallThroughWithinTheDeadline) {
  struct Case {
    const char* name;
    codriver::testing::HttpReply reply;
    const char* kind;
  };
  codriver::testing::HttpReply stall;
  stall.stall = true;
  codriver::testing::HttpReply server_error;
  server_error.status = 500;
  server_error.body = R"({"error":{"message":"overloaded","type":"server_error"}})";
  for (const Case& c : {Case{"stall", stall, "timeout"}, Case{"500", server_error, "server"}}) {
    codriver::testing::LocalHttpServer server(
        [&](const codriver::testing::HttpRequest&) { return c.reply; });
    llm::OpenAiConfig config;
    config.base_url = server.base_url() + "/v1";
    config.model = "qwen-plus";
    config.max_retries = 1;
    config.retry_base_delay = std::chrono::milliseconds(20);
    ModelOptions models;
    models.cloud = std::make_shared<llm::OpenAiChatModel>(config);
    models.on_device = on_device_;
    models.cloud_deadline = std::chrono::milliseconds(700);
    models.model_first = true;
    agent_.set_models(models);
    on_device_->then_say("Parking is on the screen.");
    const auto start = std::chrono::steady_clock::now();
    const Answer answer = agent_.ask(
        "find a cheap noodle place on the way that has parking and then take me home after that");
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(answer.path, "on_device") << c.name;
    ASSERT_EQ(answer.fallbacks.size(), 1u) << c.name;
    EXPECT_NE(answer.fallbacks[0].find(std::string("cloud: ") + c.kind), std::string::npos)
        << answer.fallbacks[0];
    EXPECT_LT(took, std::chrono::milliseconds(2000)) << c.name;
  }
  // Nobody listening on the port: unreachable, at once.
  int closed_port = 0;
  {
    codriver::testing::LocalHttpServer gone(
        [](const codriver::testing::HttpRequest&) { return codriver::testing::HttpReply{}; });
    closed_port = gone.port();
  }
  llm::OpenAiConfig config;
  config.base_url = "http://127.0.0.1:" + std::to_string(closed_port) + "/v1";
  config.model = "qwen-plus";
  ModelOptions models;
  models.cloud = std::make_shared<llm::OpenAiChatModel>(config);
  models.model_first = true;
  agent_.set_models(models);
  const Answer offline = agent_.ask("find parking near the casino");
  EXPECT_EQ(offline.path, "embedded");
  ASSERT_EQ(offline.fallbacks.size(), 1u);
  EXPECT_NE(offline.fallbacks[0].find("cloud: unreachable"), std::string::npos)
      << offline.fallbacks[0];
  EXPECT_FALSE(offline.tool_calls.empty());  // the embedded path still did the job
}

}  // namespace
}  // namespace codriver::agent
