#include "llm/chat_model/chat_model_config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <map>

namespace codriver::llm {
namespace {

// A config file in a temp folder of its own, removed afterwards.
class ConfigFile {
 public:
  explicit ConfigFile(const std::string& text) {
    directory_ = std::filesystem::temp_directory_path() /
                 ("codriver_chat_model_config_" + std::to_string(::getpid()) + "_" +
                  std::to_string(counter_++));
    std::filesystem::create_directories(directory_);
    std::ofstream(path()) << text;
  }
  ~ConfigFile() { std::filesystem::remove_all(directory_); }
  std::filesystem::path path() const { return directory_ / "llm.json"; }

 private:
  static inline int counter_ = 0;
  std::filesystem::path directory_;
};

EnvironmentLookup environment(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    const auto found = values.find(name);
    if (found == values.end() || found->second.empty()) return std::nullopt;
    return found->second;
  };
}

std::string config_error(const std::string& text) {
  ConfigFile file(text);
  try {
    load_openai_config(file.path(), environment({}));
  } catch (const OpenAiConfigError& error) {
    return error.what();
  }
  return "no error";
}

TEST(LoadOpenAiConfig, ReadsTheFile) {
  ConfigFile file(R"({"base_url": "https://dashscope.aliyuncs.com/compatible-mode/v1",
                      "model": "qwen-plus", "api_key": "sk-file", "timeout_s": 12.5,
                      "connect_timeout_s": 1, "stall_timeout_s": 4, "max_retries": 3,
                      "extra_headers": {"X-Team": "car"}})");
  const OpenAiConfig config = load_openai_config(file.path(), environment({}));
  EXPECT_EQ(config.base_url, "https://dashscope.aliyuncs.com/compatible-mode/v1");
  EXPECT_EQ(config.model, "qwen-plus");
  EXPECT_EQ(config.api_key, "sk-file");
  EXPECT_EQ(config.request_timeout, std::chrono::milliseconds(12500));
  EXPECT_EQ(config.connect_timeout, std::chrono::milliseconds(1000));
  EXPECT_EQ(config.stall_timeout, std::chrono::milliseconds(4000));
  EXPECT_EQ(config.max_retries, 3);
  ASSERT_EQ(config.extra_headers.size(), 1u);
  EXPECT_EQ(config.extra_headers[0], (std::pair<std::string, std::string>{"X-Team", "car"}));
}

TEST(LoadOpenAiConfig, TheEnvironmentOverridesTheFile) {
  ConfigFile file(R"({"base_url": "http://file:1/v1", "model": "file-model", "api_key": "k1"})");
  const OpenAiConfig config =
      load_openai_config(file.path(), environment({{"CODRIVER_LLM_URL", "http://env:2/v1"},
                                                   {"CODRIVER_LLM_MODEL", "env-model"},
                                                   {"CODRIVER_LLM_API_KEY", "k2"},
                                                   {"OPENAI_API_KEY", "k3"}}));
  EXPECT_EQ(config.base_url, "http://env:2/v1");
  EXPECT_EQ(config.model, "env-model");
  EXPECT_EQ(config.api_key, "k2");
}

TEST(LoadOpenAiConfig, ApiKeyEnvNamesTheVariableHoldingTheKey) {
  ConfigFile file(R"({"base_url": "http://h/v1", "model": "m", "api_key_env": "MY_KEY"})");
  EXPECT_EQ(load_openai_config(file.path(), environment({{"MY_KEY", "sk-mine"}})).api_key,
            "sk-mine");
  EXPECT_EQ(load_openai_config(file.path(),
                               environment({{"MY_KEY", "sk-mine"}, {"CODRIVER_LLM_API_KEY", "x"}}))
                .api_key,
            "x");
}

TEST(LoadOpenAiConfig, FallbackKeysOnlyWhenNothingElseGivesOne) {
  const auto dashscope = environment({{"CODRIVER_LLM_URL", "https://dashscope.aliyuncs.com/v1"},
                                      {"DASHSCOPE_API_KEY", "sk-ds"},
                                      {"OPENAI_API_KEY", "sk-oa"}});
  EXPECT_EQ(load_openai_config(std::nullopt, dashscope).api_key, "sk-ds");
  // The DashScope key is never sent to another host.
  const auto local = environment(
      {{"CODRIVER_LLM_URL", "http://127.0.0.1:8080/v1"}, {"DASHSCOPE_API_KEY", "sk-ds"}});
  EXPECT_EQ(load_openai_config(std::nullopt, local).api_key, "");
  const auto openai = environment({{"CODRIVER_LLM_URL", "http://127.0.0.1:8080/v1"},
                                   {"DASHSCOPE_API_KEY", "sk-ds"},
                                   {"OPENAI_API_KEY", "sk-oa"}});
  EXPECT_EQ(load_openai_config(std::nullopt, openai).api_key, "sk-oa");
}

TEST(LoadOpenAiConfig, WithoutFileOrEnvironmentEverythingIsDefault) {
  const OpenAiConfig config = load_openai_config(std::nullopt, environment({}));
  EXPECT_EQ(config.base_url, "");
  EXPECT_EQ(config.model, "");
  EXPECT_EQ(config.api_key, "");
  EXPECT_EQ(config.max_retries, 2);
  EXPECT_EQ(config.connect_timeout, std::chrono::milliseconds(2000));
}

TEST(LoadOpenAiConfig, BadFilesAreRefusedWithTheReason) {
  EXPECT_NE(config_error(R"({"base_url": 5})").find("\"base_url\""), std::string::npos);
  EXPECT_NE(config_error(R"({"modle": "x"})").find("unknown field \"modle\""), std::string::npos);
  EXPECT_NE(config_error(R"({"max_retries": 1.5})").find("max_retries"), std::string::npos);
  EXPECT_NE(config_error(R"({"timeout_s": -1})").find("timeout_s"), std::string::npos);
  EXPECT_NE(config_error(R"([1])").find("not a JSON object"), std::string::npos);
  EXPECT_NE(config_error(R"({"extra_headers": ["a"]})").find("extra_headers"), std::string::npos);
  EXPECT_THROW(load_openai_config("/nonexistent/llm.json", environment({})), OpenAiConfigError);
}

TEST(LoadOpenAiConfig, AJsonErrorNeverQuotesTheFile) {
  // nlohmann's messages quote the bytes near the error; the key must not be among them.
  const std::string message = config_error(R"({"api_key": "sk-SECRET123" "model": "m"})");
  EXPECT_NE(message.find("not valid JSON"), std::string::npos) << message;
  EXPECT_EQ(message.find("SECRET123"), std::string::npos) << message;
  const std::string typed = config_error(R"({"api_key": 12345678})");
  EXPECT_EQ(typed.find("12345678"), std::string::npos) << typed;
}

}  // namespace
}  // namespace codriver::llm
