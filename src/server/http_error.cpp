#include "server/http_error.h"

#include <nlohmann/json.hpp>

namespace codriver::server {

HttpError::HttpError(int status, std::string code, const std::string& message,
                     std::string message_zh)
    : std::runtime_error(message),
      status_(status),
      code_(std::move(code)),
      message_zh_(std::move(message_zh)) {}

HttpError bad_request(const std::string& message, const std::string& message_zh) {
  return HttpError(400, "bad_request", message, message_zh);
}

std::string error_body(const std::string& code, const std::string& message,
                       const std::string& message_zh) {
  const nlohmann::json body = {
      {"error", {{"code", code}, {"message", message}, {"message_zh", message_zh}}}};
  // A message may quote what the client sent: bytes that are not UTF-8 must not throw here.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string error_body(const HttpError& error) {
  return error_body(error.code(), error.what(), error.message_zh());
}

}  // namespace codriver::server
