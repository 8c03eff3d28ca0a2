#pragma once

#include <string>
#include <string_view>

#include "llm/chat_model/chat_model.h"

// Turning what an OpenAI-compatible server said into a ChatModelError a person can act on.
namespace codriver::llm {

// At most `limit` bytes of `text` on one line (control characters as spaces), "…" when cut.
std::string excerpt(std::string_view text, std::size_t limit = 200);

// The server's own explanation in an error body: OpenAI's {"error":{"message"}},
// {"error":"..."} (Ollama), {"message"} (vLLM), {"detail"} (FastAPI); else an excerpt.
std::string server_error_message(std::string_view body);

// Whether a status is worth asking again after a pause: 429 and 5xx (but not 501).
bool is_retryable_status(long status);

// The error for a non-2xx answer. `tries` is how many times it was asked.
ChatModelError status_error(long status, std::string_view body, const std::string& url,
                            const std::string& model, int tries);

// `text` with every occurrence of `secret` replaced by "[redacted]" (keys of fewer than 6
// characters, like "EMPTY", are not secrets and are left alone).
std::string redacted(std::string text, const std::string& secret);

}  // namespace codriver::llm
