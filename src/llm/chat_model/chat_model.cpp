#include "llm/chat_model/chat_model.h"

namespace codriver::llm {

std::string_view error_kind_name(ChatModelError::Kind kind) {
  switch (kind) {
    case ChatModelError::Kind::kTimeout:
      return "timeout";
    case ChatModelError::Kind::kUnreachable:
      return "unreachable";
    case ChatModelError::Kind::kAuth:
      return "auth";
    case ChatModelError::Kind::kNotFound:
      return "not_found";
    case ChatModelError::Kind::kRateLimited:
      return "rate_limited";
    case ChatModelError::Kind::kServer:
      return "server";
    case ChatModelError::Kind::kBadRequest:
      return "bad_request";
    case ChatModelError::Kind::kBadResponse:
      return "bad_response";
    case ChatModelError::Kind::kCancelled:
      return "cancelled";
    case ChatModelError::Kind::kModel:
      return "model";
  }
  return "unknown";
}

}  // namespace codriver::llm
