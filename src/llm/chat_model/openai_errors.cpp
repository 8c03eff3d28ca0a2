#include "llm/chat_model/openai_errors.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace codriver::llm {
namespace {

using Json = nlohmann::json;
using Kind = ChatModelError::Kind;

std::string string_member(const Json& object, const char* name) {
  const auto found = object.find(name);
  if (found == object.end()) return {};
  if (found->is_string()) return found->get<std::string>();
  if (found->is_object()) {  // {"error": {"message": ...}}
    const auto message = found->find("message");
    if (message != found->end() && message->is_string()) return message->get<std::string>();
  }
  return {};
}

std::string with_reason(const std::string& text, std::string_view body) {
  const std::string reason = server_error_message(body);
  return reason.empty() ? text : text + ": " + reason;
}

}  // namespace

std::string excerpt(std::string_view text, std::size_t limit) {
  std::size_t cut = std::min(limit, text.size());
  // Not inside a UTF-8 character: its continuation bytes are 10xxxxxx.
  while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  std::string out;
  for (const char c : text.substr(0, cut)) {
    out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  if (cut < text.size()) out += "…";
  return out;
}

std::string server_error_message(std::string_view body) {
  const Json json = Json::parse(body, nullptr, false);
  if (!json.is_discarded() && json.is_object()) {
    for (const char* name : {"error", "message", "detail"}) {
      std::string message = string_member(json, name);
      if (!message.empty()) return excerpt(message, 300);
    }
  }
  return excerpt(body);
}

bool is_retryable_status(long status) {
  return status == 429 || (status >= 500 && status <= 599 && status != 501);
}

ChatModelError status_error(long status, std::string_view body, const std::string& url,
                            const std::string& model, int tries) {
  const std::string code = "HTTP " + std::to_string(status) + " from " + url;
  const std::string after =
      tries > 1 ? " (asked " + std::to_string(tries) + " times)" : std::string();
  if (status == 401 || status == 403) {
    return ChatModelError(Kind::kAuth, with_reason(code + ": the API key is missing or wrong; "
                                                          "set CODRIVER_LLM_API_KEY",
                                                   body));
  }
  if (status == 404) {
    return ChatModelError(
        Kind::kNotFound,
        with_reason(code + ": no such endpoint or model \"" + model +
                        "\"; check the base URL (it ends in /v1 for most servers) and the "
                        "model name",
                    body));
  }
  if (status == 429) {
    return ChatModelError(Kind::kRateLimited,
                          with_reason(code + ": rate limited" + after + "; try again later", body));
  }
  if (status >= 500) {
    return ChatModelError(Kind::kServer, with_reason(code + ": the server failed" + after, body));
  }
  if (status == 400 || status == 413 || status == 422) {
    return ChatModelError(Kind::kBadRequest,
                          with_reason(code + ": the server refused the request", body));
  }
  return ChatModelError(
      Kind::kBadResponse,
      with_reason(code + ": not an answer an OpenAI-compatible server gives", body));
}

std::string redacted(std::string text, const std::string& secret) {
  if (secret.size() < 6) return text;
  for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
    text.replace(at, secret.size(), "[redacted]");
  }
  return text;
}

}  // namespace codriver::llm
