#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "llm/serve/chat_completion.h"

// The response bodies of OpenAI's Chat Completions API.
namespace codriver::llm::serve {

struct ResponseHeader {
  std::string id;  // "chatcmpl-..."
  std::int64_t created = 0;
  std::string model;
};

// POST /v1/chat/completions without streaming: object "chat.completion".
nlohmann::ordered_json completion_body(const ResponseHeader& header,
                                       const CompletionResult& result);

// One streamed chunk, object "chat.completion.chunk": a delta, and the finish reason on
// the last (null before).
nlohmann::ordered_json chunk_body(const ResponseHeader& header, const nlohmann::ordered_json& delta,
                                  const std::string& finish_reason = {});

// The chunk after the last one when stream_options.include_usage is set: no choices.
nlohmann::ordered_json usage_chunk_body(const ResponseHeader& header,
                                        const CompletionResult& result);

// GET /v1/models.
nlohmann::ordered_json models_body(const ServedModel& model);

// "data: <json>\n\n", and the stream's end "data: [DONE]\n\n".
std::string sse_event(const nlohmann::ordered_json& body);
inline constexpr const char* kSseDone = "data: [DONE]\n\n";

}  // namespace codriver::llm::serve
