#include "llm/serve/api_error.h"

#include <nlohmann/json.hpp>

namespace codriver::llm::serve {
namespace {

nlohmann::ordered_json null_if_empty(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

std::string body(const std::string& type, const std::string& code, const std::string& message,
                 const std::string& param) {
  nlohmann::ordered_json error;
  error["message"] = message;
  error["type"] = type;
  error["param"] = null_if_empty(param);
  error["code"] = null_if_empty(code);
  return nlohmann::ordered_json{{"error", error}}.dump(-1, ' ', false,
                                                       nlohmann::json::error_handler_t::replace);
}

}  // namespace

ApiError::ApiError(int status, std::string type, std::string code, const std::string& message,
                   std::string param)
    : std::runtime_error(message),
      status_(status),
      type_(std::move(type)),
      code_(std::move(code)),
      param_(std::move(param)) {}

ApiError invalid_request(const std::string& message, const std::string& param,
                         const std::string& code) {
  return ApiError(400, "invalid_request_error", code, message, param);
}

std::string error_body(const ApiError& error) {
  return body(error.type(), error.code(), error.what(), error.param());
}

std::string error_body(const std::string& type, const std::string& code,
                       const std::string& message) {
  return body(type, code, message, {});
}

}  // namespace codriver::llm::serve
