#include "agent/tool_call.h"

namespace codriver::agent {

std::string_view status_name(CallStatus status) {
  switch (status) {
    case CallStatus::kDone:
      return "done";
    case CallStatus::kFailed:
      return "failed";
    case CallStatus::kPendingConfirmation:
      return "pending_confirmation";
    case CallStatus::kCancelled:
      return "cancelled";
  }
  return "done";
}

nlohmann::json to_json(const ToolCall& call) {
  return {{"name", call.name}, {"arguments", call.arguments}, {"status", status_name(call.status)}};
}

}  // namespace codriver::agent
