#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "llm/chat_model/chat_model.h"

// The on-device chat model: a Qwen GGUF file run by our engine, with Qwen's own ChatML and
// tool-call format, behind the same interface as a server. One request at a time.
namespace codriver::llm {

struct LocalModelOptions {
  std::filesystem::path model_path;
  int threads = 0;               // 0: every core
  bool enable_thinking = false;  // Qwen3: off in the car, where answers must be quick
};

class LocalChatModel : public ChatModel {
 public:
  // Loads the model (ChatModelError kModel with the reason when the file is unusable).
  explicit LocalChatModel(const LocalModelOptions& options);
  ~LocalChatModel() override;

  std::string describe() const override;
  // Greedy unless request.temperature > 0. A passed deadline is kTimeout, a cancel
  // (flag or on_text) kCancelled, an engine failure kModel.
  ChatReply complete(const ChatRequest& request) override;
  // Prefills the system prompt and tools of `prefix` into the engine's cache.
  void prepare(const ChatRequest& prefix) override;

 private:
  struct Engine;
  std::unique_ptr<Engine> engine_;
  std::mutex mutex_;
};

}  // namespace codriver::llm
