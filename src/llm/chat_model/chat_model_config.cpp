#include "llm/chat_model/chat_model_config.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "llm/chat_model/http_url.h"

namespace codriver::llm {
namespace {

using Json = nlohmann::json;

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw OpenAiConfigError("cannot read the model configuration " + file.string() +
                            ": check the path and its permissions");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// nlohmann's own messages quote the bytes around the error, which may be the key: only
// the position is reported.
Json parse_config(const std::filesystem::path& file) {
  const std::string text = read_file(file);
  try {
    Json json = Json::parse(text);
    if (!json.is_object()) throw OpenAiConfigError(file.string() + " is not a JSON object");
    return json;
  } catch (const Json::parse_error& error) {
    throw OpenAiConfigError(file.string() + " is not valid JSON (error near byte " +
                            std::to_string(error.byte) + ")");
  }
}

const Json& typed_field(const std::filesystem::path& file, const std::string& name,
                        const Json& value, bool want_string) {
  if (want_string ? !value.is_string() : !value.is_number()) {
    throw OpenAiConfigError("\"" + name + "\" in " + file.string() + " must be " +
                            (want_string ? "a string" : "a number"));
  }
  return value;
}

std::chrono::milliseconds seconds_field(const std::filesystem::path& file, const std::string& name,
                                        const Json& value) {
  const double seconds = typed_field(file, name, value, false).get<double>();
  if (!(seconds > 0) || seconds > 3600) {
    throw OpenAiConfigError("\"" + name + "\" in " + file.string() +
                            " must be between 0 and 3600 seconds, e.g. 30");
  }
  return std::chrono::milliseconds(static_cast<long long>(std::llround(seconds * 1000)));
}

std::optional<std::string> key_from_file(const std::filesystem::path& file, const Json& json,
                                         const EnvironmentLookup& environment) {
  if (const auto name = json.find("api_key_env"); name != json.end()) {
    return environment(typed_field(file, "api_key_env", *name, true).get<std::string>());
  }
  if (const auto key = json.find("api_key"); key != json.end()) {
    std::string text = typed_field(file, "api_key", *key, true).get<std::string>();
    if (!text.empty()) return text;
  }
  return std::nullopt;
}

void apply_file(const std::filesystem::path& file, const EnvironmentLookup& environment,
                OpenAiConfig& config) {
  const Json json = parse_config(file);
  for (const auto& [name, value] : json.items()) {
    if (name == "base_url") {
      config.base_url = typed_field(file, name, value, true).get<std::string>();
    } else if (name == "model") {
      config.model = typed_field(file, name, value, true).get<std::string>();
    } else if (name == "timeout_s") {
      config.request_timeout = seconds_field(file, name, value);
    } else if (name == "connect_timeout_s") {
      config.connect_timeout = seconds_field(file, name, value);
    } else if (name == "stall_timeout_s") {
      config.stall_timeout = seconds_field(file, name, value);
    } else if (name == "max_retries") {
      const double retries = typed_field(file, name, value, false).get<double>();
      if (retries < 0 || retries > 10 || retries != std::floor(retries)) {
        throw OpenAiConfigError("\"max_retries\" in " + file.string() +
                                " must be a whole number from 0 to 10");
      }
      config.max_retries = static_cast<int>(retries);
    } else if (name == "extra_headers") {
      if (!value.is_object()) {
        throw OpenAiConfigError("\"extra_headers\" in " + file.string() +
                                " must be an object of header names and string values");
      }
      for (const auto& [header, header_value] : value.items()) {
        config.extra_headers.emplace_back(
            header,
            typed_field(file, "extra_headers." + header, header_value, true).get<std::string>());
      }
    } else if (name != "api_key" && name != "api_key_env") {
      throw OpenAiConfigError(
          "unknown field \"" + name + "\" in " + file.string() +
          " (known: base_url, model, api_key, api_key_env, timeout_s, connect_timeout_s, "
          "stall_timeout_s, max_retries, extra_headers)");
    }
  }
  if (auto key = key_from_file(file, json, environment)) config.api_key = std::move(*key);
}

bool is_dashscope(const std::string& base_url) {
  const std::string host = url_host(base_url);
  const std::string suffix = "aliyuncs.com";
  return host.size() >= suffix.size() &&
         host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

EnvironmentLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr || value[0] == '\0') return std::nullopt;
    return std::string(value);
  };
}

OpenAiConfig load_openai_config(const std::optional<std::filesystem::path>& file,
                                const EnvironmentLookup& environment) {
  OpenAiConfig config;
  if (file) apply_file(*file, environment, config);
  if (auto url = environment("CODRIVER_LLM_URL")) config.base_url = std::move(*url);
  if (auto model = environment("CODRIVER_LLM_MODEL")) config.model = std::move(*model);
  if (auto key = environment("CODRIVER_LLM_API_KEY")) config.api_key = std::move(*key);
  if (config.api_key.empty() && is_dashscope(config.base_url)) {
    if (auto key = environment("DASHSCOPE_API_KEY")) config.api_key = std::move(*key);
  }
  if (config.api_key.empty()) {
    if (auto key = environment("OPENAI_API_KEY")) config.api_key = std::move(*key);
  }
  return config;
}

}  // namespace codriver::llm
