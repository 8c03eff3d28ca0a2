#pragma once

#include <stdexcept>
#include <string>

// An error the server answers the way OpenAI's API does: an HTTP status and the body
// {"error": {"message": ..., "type": ..., "param": ..., "code": ...}}.
namespace codriver::llm::serve {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string type, std::string code, const std::string& message,
           std::string param = {});

  int status() const { return status_; }
  const std::string& type() const { return type_; }
  const std::string& code() const { return code_; }
  const std::string& param() const { return param_; }

 private:
  int status_;
  std::string type_, code_, param_;
};

// 400 invalid_request_error, naming the request field at fault.
ApiError invalid_request(const std::string& message, const std::string& param = {},
                         const std::string& code = {});

// The JSON body of an error ("param" and "code" null when empty).
std::string error_body(const ApiError& error);
std::string error_body(const std::string& type, const std::string& code,
                       const std::string& message);

}  // namespace codriver::llm::serve
