#include "llm/chat_model/local_chat_model.h"

#include <chrono>
#include <thread>

#include "llm/chat_model/openai_request.h"
#include "llm/engine/engine_error.h"
#include "llm/engine/generator.h"
#include "llm/engine/qwen_model.h"
#include "llm/gguf/gguf_file.h"
#include "llm/serve/api_error.h"
#include "llm/serve/chat_completion.h"
#include "llm/serve/chat_request.h"
#include "llm/tokenizer/tokenizer.h"

namespace codriver::llm {
namespace {

using Clock = std::chrono::steady_clock;
using Kind = ChatModelError::Kind;

int thread_count(int asked) {
  return asked > 0 ? asked : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace

struct LocalChatModel::Engine {
  engine::QwenModel model;
  tokenizer::Tokenizer tokenizer;
  engine::Generator generator;
  serve::ServedModel served;

  Engine(engine::QwenModel loaded, const LocalModelOptions& options)
      : model(std::move(loaded)),
        tokenizer(tokenizer::Tokenizer::from_gguf(model.file())),
        generator(model, tokenizer, thread_count(options.threads)) {
    served.id = options.model_path.filename().string();
    served.context_length = model.config().context_length;
    served.style = engine::chat_template_style(model.config().architecture);
    served.enable_thinking = options.enable_thinking;
  }
};

LocalChatModel::LocalChatModel(const LocalModelOptions& options) {
  try {
    engine_ = std::make_unique<Engine>(engine::QwenModel::open(options.model_path), options);
  } catch (const std::exception& error) {
    throw ChatModelError(Kind::kModel, "cannot load the on-device model " +
                                           options.model_path.string() + ": " + error.what());
  }
}

LocalChatModel::~LocalChatModel() = default;

std::string LocalChatModel::describe() const {
  const auto& config = engine_->model.config();
  return "on-device " + config.architecture_name + " " + engine_->served.id;
}

ChatReply LocalChatModel::complete(const ChatRequest& request) {
  std::lock_guard lock(mutex_);
  const auto started = Clock::now();
  if (request.deadline && started >= *request.deadline)
    throw ChatModelError(Kind::kTimeout, "the on-device model's deadline passed before it started");
  serve::CompletionResult result;
  try {
    // The same path as `codriver llm serve`: the request in OpenAI's shape, planned into a
    // ChatML prompt with Qwen's tool format, generated, and read back.
    const serve::ChatRequest chat =
        serve::parse_chat_request(openai_request_body(request, {engine_->served.id, false, false}));
    serve::CompletionPlan plan = serve::plan_completion(chat, engine_->tokenizer, engine_->served);
    plan.options.sampling.temperature = request.temperature;
    plan.options.deadline = request.deadline;
    serve::CompletionCallbacks callbacks;
    callbacks.on_delta = [&](const nlohmann::ordered_json& delta) {
      if (request.cancel != nullptr && request.cancel->load()) return false;
      if (request.on_text && delta.contains("content") && delta["content"].is_string())
        return request.on_text(delta["content"].get<std::string>());
      return true;
    };
    callbacks.on_idle = [&] { return request.cancel == nullptr || !request.cancel->load(); };
    result = serve::run_completion(engine_->generator, plan, callbacks);
  } catch (const serve::ApiError& error) {
    throw ChatModelError(Kind::kBadRequest, error.what());
  } catch (const ChatModelError&) {
    throw;
  } catch (const std::exception& error) {
    throw ChatModelError(Kind::kModel, std::string("the on-device model failed: ") + error.what());
  }
  if (result.cancelled) throw ChatModelError(Kind::kCancelled, "the request was cancelled");
  if (request.deadline && Clock::now() >= *request.deadline && result.finish_reason == "length")
    throw ChatModelError(Kind::kTimeout, "the on-device model ran past its deadline");
  ChatReply reply;
  reply.content = result.content;
  reply.reasoning = result.reasoning;
  for (std::size_t i = 0; i < result.tool_calls.size(); ++i) {
    reply.tool_calls.push_back(
        {i < result.tool_call_ids.size() ? result.tool_call_ids[i] : "call_" + std::to_string(i),
         result.tool_calls[i].name, result.tool_calls[i].arguments});
  }
  reply.finish_reason = result.finish_reason;
  reply.prompt_tokens = result.prompt_tokens;
  reply.completion_tokens = result.completion_tokens;
  reply.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  reply.model = describe();
  return reply;
}

void LocalChatModel::prepare(const ChatRequest& prefix) {
  std::lock_guard lock(mutex_);
  try {
    // The same planning as complete(), so the cached tokens are exactly the ones the next
    // request starts with; only the prompt is read, nothing is generated.
    ChatRequest request = prefix;
    if (request.messages.empty() || request.messages.back().role != "user")
      request.messages.push_back({"user", "", {}, {}});
    const serve::ChatRequest chat =
        serve::parse_chat_request(openai_request_body(request, {engine_->served.id, false, false}));
    serve::CompletionPlan plan = serve::plan_completion(chat, engine_->tokenizer, engine_->served);
    plan.options.max_tokens = 0;
    plan.options.on_text = {};
    engine_->generator.generate(plan.prompt, plan.options);
  } catch (const std::exception& error) {
    throw ChatModelError(Kind::kModel,
                         std::string("cannot prepare the on-device model: ") + error.what());
  }
}

}  // namespace codriver::llm
