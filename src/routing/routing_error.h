#pragma once

#include <stdexcept>
#include <string>

namespace codriver::routing {

// Why a route could not be computed; `code` is stable for scripts and the agent,
// the message says what to do in English and `message_zh` in Chinese.
class RoutingError : public std::runtime_error {
 public:
  enum class Code { kInvalidCoordinate, kOutsideMap, kNoRoadNearby, kNoRoute, kTooManyStops };

  RoutingError(Code code, const std::string& message, std::string message_zh)
      : std::runtime_error(message), code_(code), message_zh_(std::move(message_zh)) {}

  Code code() const { return code_; }
  const std::string& message_zh() const { return message_zh_; }
  const char* code_name() const;

 private:
  Code code_;
  std::string message_zh_;
};

}  // namespace codriver::routing
