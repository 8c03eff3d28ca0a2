#include "serve_fixture.h"

#include <unistd.h>

#include <random>

#include "llm/testmodel/test_model.h"

namespace codriver::llm::serve::testing {

TinyModel& TinyModel::get() {
  static TinyModel tiny;
  return tiny;
}

TinyModel::TinyModel() {
  directory =
      std::filesystem::temp_directory_path() / ("codriver-serve-" + std::to_string(::getpid()) +
                                                "-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(directory);
  testmodel::TestModelOptions options;
  options.arch = testmodel::Arch::kQwen2;
  options.shape = "tiny";
  options.type = "Q8_0";
  options.seed = 7;
  options.threads = 1;
  options.context_length = 32768;
  const auto path = directory / "tiny.gguf";
  testmodel::write_test_model(options, path);
  model = std::make_unique<engine::QwenModel>(engine::QwenModel::open(path));
  tokenizer =
      std::make_unique<tokenizer::Tokenizer>(tokenizer::Tokenizer::from_gguf(model->file()));
  generator = std::make_unique<engine::Generator>(*model, *tokenizer, 1);
}

TinyModel::~TinyModel() {
  generator.reset();
  tokenizer.reset();
  model.reset();
  std::error_code ignored;
  if (!directory.empty()) std::filesystem::remove_all(directory, ignored);
}

TestServer::TestServer(ServeOptions options) {
  options.host = options.host.empty() ? "127.0.0.1" : options.host;
  options.port = 0;
  if (options.model_id == "codriver") options.model_id = "tiny-test";
  server_ = std::make_unique<LlmServer>(*TinyModel::get().generator, options);
  port_ = server_->bind();
  thread_ = std::thread([this] {
    server_->run();
    stopped_ = true;
  });
}

TestServer::~TestServer() {
  stop();
}

void TestServer::stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

bool TestServer::stopped_within(std::chrono::milliseconds timeout) const {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (!stopped_ && std::chrono::steady_clock::now() < end)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  return stopped_;
}

HttpResponse TestServer::post(const Json& body, const std::vector<std::string>& headers) const {
  return http_request(port_, "POST", "/v1/chat/completions", body.dump(), headers);
}

HttpResponse TestServer::get(const std::string& path,
                             const std::vector<std::string>& headers) const {
  return http_request(port_, "GET", path, {}, headers);
}

Json chat_body(const std::string& text, Json more) {
  Json body{{"model", "tiny-test"},
            {"messages", Json::array({Json{{"role", "user"}, {"content", text}}})},
            {"temperature", 0}};
  for (auto& [key, value] : more.items())
    body[key] = value;
  return body;
}

}  // namespace codriver::llm::serve::testing
