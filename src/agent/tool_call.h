#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

// One use of a tool, as the embedded parser or a model asks for it and as the answer
// reports it: {"name": ..., "arguments": {...}, "status": ...}.
namespace codriver::agent {

enum class CallStatus {
  kDone,                 // ran and succeeded
  kFailed,               // ran, or was refused by validation, with an error
  kPendingConfirmation,  // waits for the driver's "yes" (navigation while moving, forget_me)
  kCancelled,            // the driver said no
};

std::string_view status_name(CallStatus status);  // "done", "failed", ...

struct ToolCall {
  std::string name;
  nlohmann::json arguments = nlohmann::json::object();
  CallStatus status = CallStatus::kDone;
};

nlohmann::json to_json(const ToolCall& call);

}  // namespace codriver::agent
