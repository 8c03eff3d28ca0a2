#include "llm/chat_model/local_chat_model.h"

#include <gtest/gtest.h>

#include <chrono>

#include "llm/testmodel/test_model.h"
#include "support/test_support.h"

// The on-device ChatModel on a tiny random model: the interface's promises, not the
// model's wisdom.
namespace codriver::llm {
namespace {

using Kind = ChatModelError::Kind;

class LocalChatModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scratch_ = new codriver::testing::TempDir();
    testmodel::TestModelOptions options;
    options.shape = "tiny";
    options.type = "Q8_0";
    options.context_length = 4096;
    testmodel::write_test_model(options, scratch_->path() / "tiny.gguf");
  }
  static void TearDownTestSuite() { delete scratch_; }
  static std::filesystem::path model_path() { return scratch_->path() / "tiny.gguf"; }
  static codriver::testing::TempDir* scratch_;
};
codriver::testing::TempDir* LocalChatModelTest::scratch_ = nullptr;

ChatRequest hello(int max_tokens) {
  ChatRequest request;
  request.messages.push_back({"system", "You are a co-driver.", {}, {}});
  request.messages.push_back({"user", "hello", {}, {}});
  request.max_tokens = max_tokens;
  return request;
}

TEST_F(LocalChatModelTest, AnswersAndStreamsWhatItAnswers) {
  LocalChatModel model({model_path(), 2});
  EXPECT_NE(model.describe().find("on-device qwen2"), std::string::npos);
  ChatRequest request = hello(12);
  std::string streamed;
  request.on_text = [&](std::string_view piece) {
    streamed += piece;
    return true;
  };
  const ChatReply reply = model.complete(request);
  EXPECT_EQ(streamed, reply.content);
  EXPECT_GT(reply.prompt_tokens, 5);
  EXPECT_LE(reply.completion_tokens, 12);
  // Greedy: the same again.
  EXPECT_EQ(model.complete(hello(12)).content, reply.content);
}

TEST_F(LocalChatModelTest, PreparedPrefixGivesTheSameAnswer) {
  LocalChatModel cold({model_path(), 1});
  const ChatReply expected = cold.complete(hello(10));
  LocalChatModel prepared({model_path(), 1});
  ChatRequest prefix = hello(10);
  prefix.messages.pop_back();
  prepared.prepare(prefix);
  EXPECT_EQ(prepared.complete(hello(10)).content, expected.content);
}

TEST_F(LocalChatModelTest, DeadlineAndCancelAreErrorsOfTheirKind) {
  LocalChatModel model({model_path(), 1});
  ChatRequest late = hello(50);
  late.deadline = std::chrono::steady_clock::now() - std::chrono::milliseconds(1);
  try {
    model.complete(late);
    FAIL() << "a passed deadline was not an error";
  } catch (const ChatModelError& error) {
    EXPECT_EQ(error.kind(), Kind::kTimeout);
  }
  std::atomic<bool> cancel{true};
  ChatRequest cancelled = hello(50);
  cancelled.cancel = &cancel;
  cancelled.on_text = [](std::string_view) { return true; };
  try {
    model.complete(cancelled);
    FAIL() << "a cancelled request was not an error";
  } catch (const ChatModelError& error) {
    EXPECT_EQ(error.kind(), Kind::kCancelled);
  }
}

TEST_F(LocalChatModelTest, AMissingOrBrokenFileIsAModelError) {
  codriver::testing::TempDir scratch;
  codriver::testing::write_file(scratch / "broken.gguf", "GGUF but not really");
  for (const auto& path : {scratch / "missing.gguf", scratch / "broken.gguf"}) {
    try {
      LocalChatModel model({path, 1});
      FAIL() << path;
    } catch (const ChatModelError& error) {
      EXPECT_EQ(error.kind(), Kind::kModel);
      EXPECT_NE(std::string(error.what()).find(path.filename().string()), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace codriver::llm
