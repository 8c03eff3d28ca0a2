#pragma once

#include <stdexcept>
#include <string>

// An error the cockpit server answers with: an HTTP status and a message the driver's
// screen can show in either language, as {"error": {"code", "message", "message_zh"}}.
namespace codriver::server {

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string code, const std::string& message, std::string message_zh);

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& message_zh() const { return message_zh_; }

 private:
  int status_;
  std::string code_, message_zh_;
};

// 400 bad_request.
HttpError bad_request(const std::string& message, const std::string& message_zh);

std::string error_body(const std::string& code, const std::string& message,
                       const std::string& message_zh);
std::string error_body(const HttpError& error);

}  // namespace codriver::server
