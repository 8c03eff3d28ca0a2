#include "llm/serve/openai_json.h"

namespace codriver::llm::serve {
namespace {

using Json = nlohmann::ordered_json;

Json usage(const CompletionResult& result) {
  return Json{{"prompt_tokens", result.prompt_tokens},
              {"completion_tokens", result.completion_tokens},
              {"total_tokens", result.prompt_tokens + result.completion_tokens}};
}

Json header_fields(const ResponseHeader& header, const char* object) {
  return Json{
      {"id", header.id}, {"object", object}, {"created", header.created}, {"model", header.model}};
}

Json message(const CompletionResult& result) {
  Json message{{"role", "assistant"}};
  // OpenAI sends null content beside tool calls when the model wrote no text.
  message["content"] =
      result.content.empty() && !result.tool_calls.empty() ? Json(nullptr) : Json(result.content);
  if (!result.reasoning.empty()) message["reasoning_content"] = result.reasoning;
  if (!result.tool_calls.empty()) {
    Json calls = Json::array();
    for (std::size_t i = 0; i < result.tool_calls.size(); ++i) {
      calls.push_back(Json{
          {"id", result.tool_call_ids[i]},
          {"type", "function"},
          {"function",
           {{"name", result.tool_calls[i].name}, {"arguments", result.tool_calls[i].arguments}}}});
    }
    message["tool_calls"] = calls;
  }
  return message;
}

}  // namespace

Json completion_body(const ResponseHeader& header, const CompletionResult& result) {
  Json body = header_fields(header, "chat.completion");
  body["choices"] = Json::array({Json{{"index", 0},
                                      {"message", message(result)},
                                      {"logprobs", nullptr},
                                      {"finish_reason", result.finish_reason}}});
  body["usage"] = usage(result);
  return body;
}

Json chunk_body(const ResponseHeader& header, const Json& delta, const std::string& finish_reason) {
  Json body = header_fields(header, "chat.completion.chunk");
  body["choices"] = Json::array(
      {Json{{"index", 0},
            {"delta", delta},
            {"logprobs", nullptr},
            {"finish_reason", finish_reason.empty() ? Json(nullptr) : Json(finish_reason)}}});
  return body;
}

Json usage_chunk_body(const ResponseHeader& header, const CompletionResult& result) {
  Json body = header_fields(header, "chat.completion.chunk");
  body["choices"] = Json::array();
  body["usage"] = usage(result);
  return body;
}

Json models_body(const ServedModel& model) {
  return Json{{"object", "list"},
              {"data", Json::array({Json{{"id", model.id},
                                         {"object", "model"},
                                         {"created", model.created},
                                         {"owned_by", "codriver"}}})}};
}

std::string sse_event(const Json& body) {
  // Model output is valid UTF-8 (the decoder guarantees it); replace, never throw, anyway.
  return "data: " + body.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n\n";
}

}  // namespace codriver::llm::serve
