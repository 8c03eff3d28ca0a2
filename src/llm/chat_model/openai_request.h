#pragma once

#include <string>
#include <vector>

#include "llm/chat_model/chat_model.h"

// The JSON body of POST /chat/completions for a ChatRequest, in the shape OpenAI's API
// documents and DashScope, vLLM, SGLang, llama.cpp's server and Ollama accept.
namespace codriver::llm {

struct OpenAiBodyOptions {
  std::string model;
  bool stream = false;
  bool stream_usage = true;  // stream_options.include_usage, with stream only
};

// Throws ChatModelError kBadRequest when a tool is not a JSON object or a message has an
// unknown role: the caller's mistake, found before anything is sent.
std::string openai_request_body(const ChatRequest& request, const OpenAiBodyOptions& options);

// The names of the request's tools ("function.name"), for reading tool calls from text.
std::vector<std::string> tool_names(const std::vector<std::string>& tools);

}  // namespace codriver::llm
