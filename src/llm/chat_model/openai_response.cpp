#include "llm/chat_model/openai_response.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "llm/chat_model/openai_errors.h"

namespace codriver::llm {
namespace {

using Json = nlohmann::json;
using Kind = ChatModelError::Kind;

ChatModelError bad_response(const std::string& what, std::string_view text) {
  return ChatModelError(Kind::kBadResponse,
                        "the model server's answer " + what + ": " + excerpt(text));
}

Json parse_json(std::string_view text, const char* what) {
  Json json = Json::parse(text, nullptr, false);
  if (json.is_discarded()) throw bad_response(std::string("is not JSON (") + what + ")", text);
  if (!json.is_object())
    throw bad_response(std::string("is not a JSON object (") + what + ")", text);
  return json;
}

// A string member; absent or null give "". Content may also be an array of text parts.
std::string text_member(const Json& object, const char* name, std::string_view context) {
  const auto found = object.find(name);
  if (found == object.end() || found->is_null()) return {};
  if (found->is_string()) return found->get<std::string>();
  if (found->is_array()) {
    std::string joined;
    for (const Json& part : *found) {
      if (part.is_object() && part.value("type", "") == "text") joined += part.value("text", "");
    }
    return joined;
  }
  throw bad_response(std::string("has a \"") + name + "\" that is not text", context);
}

// The reasoning a server separated for us: DashScope and vLLM say "reasoning_content",
// newer vLLM and Ollama "reasoning".
std::string reasoning_member(const Json& object, std::string_view context) {
  return text_member(object, "reasoning_content", context) +
         text_member(object, "reasoning", context);
}

// Arguments are a JSON text in OpenAI's shape; a few servers send the object itself.
std::string arguments_text(const Json& arguments) {
  if (arguments.is_string()) return arguments.get<std::string>();
  if (arguments.is_null()) return {};
  return arguments.dump();
}

void read_usage(const Json& json, ChatReply& reply) {
  const auto usage = json.find("usage");
  if (usage == json.end() || !usage->is_object()) return;
  const auto count = [&](const char* name) -> std::int64_t {
    const auto found = usage->find(name);
    return found != usage->end() && found->is_number_integer() ? found->get<std::int64_t>() : 0;
  };
  reply.prompt_tokens = count("prompt_tokens");
  reply.completion_tokens = count("completion_tokens");
}

void read_model(const Json& json, ChatReply& reply) {
  const auto model = json.find("model");
  if (model != json.end() && model->is_string() && !model->get<std::string>().empty()) {
    reply.model = model->get<std::string>();
  }
}

// A server that reports a failure inside a 200 answer or mid-stream.
void throw_if_error(const Json& json, std::string_view text) {
  const auto error = json.find("error");
  if (error == json.end() || error->is_null()) return;
  throw ChatModelError(Kind::kServer,
                       "the model server reported an error: " + server_error_message(text));
}

const Json& first_choice(const Json& json, std::string_view text) {
  const auto choices = json.find("choices");
  if (choices == json.end() || !choices->is_array() || choices->empty() ||
      !(*choices)[0].is_object()) {
    throw bad_response("has no \"choices\"", text);
  }
  return (*choices)[0];
}

std::string finish_reason_of(const Json& choice) {
  const auto reason = choice.find("finish_reason");
  return reason != choice.end() && reason->is_string() ? reason->get<std::string>() : "";
}

std::vector<ToolCall> whole_tool_calls(const Json& message, std::string_view text) {
  std::vector<ToolCall> calls;
  const auto list = message.find("tool_calls");
  if (list == message.end() || list->is_null()) return calls;
  if (!list->is_array()) throw bad_response("has \"tool_calls\" that are not a list", text);
  for (const Json& item : *list) {
    const auto function = item.find("function");
    if (!item.is_object() || function == item.end() || !function->is_object() ||
        !function->contains("name") || !(*function)["name"].is_string()) {
      throw bad_response("has a tool call without a function name", text);
    }
    ToolCall call;
    call.id = item.value("id", "");
    call.name = (*function)["name"].get<std::string>();
    if (function->contains("arguments"))
      call.arguments_json = arguments_text((*function)["arguments"]);
    calls.push_back(std::move(call));
  }
  return calls;
}

// Ids the server did not give, names for calls found in text, and "tool_calls" as the
// reason when the server said "stop" but the text held calls.
void complete_tool_calls(ChatReply& reply, std::vector<ToolCall> from_text) {
  const bool text_calls = !from_text.empty();
  for (ToolCall& call : from_text)
    reply.tool_calls.push_back(std::move(call));
  for (std::size_t i = 0; i < reply.tool_calls.size(); ++i) {
    ToolCall& call = reply.tool_calls[i];
    if (call.id.empty()) call.id = "call_" + std::to_string(i + 1);
    if (call.arguments_json.empty()) call.arguments_json = "{}";
  }
  if (text_calls && (reply.finish_reason == "stop" || reply.finish_reason.empty())) {
    reply.finish_reason = "tool_calls";
  }
}

void merge_tool_call_delta(const Json& delta, std::map<long long, ToolCall>& calls,
                           long long& last_index, std::string_view text) {
  if (!delta.is_object()) throw bad_response("has a tool call piece that is not an object", text);
  long long index = last_index < 0 ? 0 : last_index;
  const auto given_index = delta.find("index");
  if (given_index != delta.end() && given_index->is_number_integer()) {
    index = given_index->get<long long>();
  } else if (delta.contains("id") && delta["id"].is_string() &&
             !delta["id"].get<std::string>().empty() && calls.count(index) &&
             calls[index].id != delta["id"].get<std::string>()) {
    index = last_index + 1;  // no index: a new id starts a new call
  }
  last_index = index;
  ToolCall& call = calls[index];
  if (const auto id = delta.find("id"); id != delta.end() && id->is_string() && call.id.empty()) {
    call.id = id->get<std::string>();
  }
  const auto function = delta.find("function");
  if (function == delta.end() || !function->is_object()) return;
  if (const auto name = function->find("name"); name != function->end() && name->is_string()) {
    // Some servers repeat the whole name in every piece; others send it once.
    const std::string piece = name->get<std::string>();
    if (call.name != piece) call.name += piece;
  }
  if (const auto arguments = function->find("arguments"); arguments != function->end()) {
    call.arguments_json += arguments_text(*arguments);
  }
}

}  // namespace

ChatReply parse_openai_completion(std::string_view body, const std::vector<std::string>& tools) {
  const Json json = parse_json(body, "a chat completion");
  throw_if_error(json, body);
  const Json& choice = first_choice(json, body);
  const auto message = choice.find("message");
  if (message == choice.end() || !message->is_object()) {
    throw bad_response("has a choice without a \"message\"", body);
  }
  ChatReply reply;
  read_model(json, reply);
  read_usage(json, reply);
  reply.finish_reason = finish_reason_of(choice);
  reply.reasoning = reasoning_member(*message, body);
  reply.tool_calls = whole_tool_calls(*message, body);
  ContentSplitter content(tools);
  content.feed(text_member(*message, "content", body));
  content.finish();
  reply.content = content.content();
  reply.reasoning += content.reasoning();
  complete_tool_calls(reply, content.tool_calls());
  return reply;
}

OpenAiStreamReader::OpenAiStreamReader(std::vector<std::string> tools,
                                       std::function<bool(std::string_view)> on_text)
    : tools_(tools), on_text_(std::move(on_text)), content_(std::move(tools)) {}

bool OpenAiStreamReader::feed(std::string_view bytes) {
  if (mode_ == Mode::kUnknown) {
    const auto first = bytes.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
      whole_ += bytes;  // only blank so far: undecided
      return true;
    }
    mode_ = bytes[first] == '{' ? Mode::kWholeJson : Mode::kEvents;
    if (mode_ == Mode::kEvents) {
      const std::string before = std::exchange(whole_, {});
      events_.feed(before);
    }
  }
  if (mode_ == Mode::kWholeJson) {
    whole_ += bytes;
    return true;
  }
  for (const SseEvent& event : events_.feed(bytes)) {
    if (!take_event(event.data)) return false;
  }
  return true;
}

bool OpenAiStreamReader::emit(const std::string& text) {
  if (text.empty() || !on_text_) return true;
  return on_text_(text);
}

bool OpenAiStreamReader::take_event(const std::string& data) {
  if (done_) return true;  // nothing counts after [DONE]
  if (data == "[DONE]") {
    done_ = true;
    return true;
  }
  const Json json = parse_json(data, "a stream event");
  throw_if_error(json, data);
  read_model(json, reply_);
  read_usage(json, reply_);
  const auto choices = json.find("choices");
  if (choices == json.end() || !choices->is_array() || choices->empty()) return true;
  const Json& choice = (*choices)[0];
  if (!choice.is_object()) throw bad_response("has a choice that is not an object", data);
  if (std::string reason = finish_reason_of(choice); !reason.empty()) {
    reply_.finish_reason = std::move(reason);
  }
  const auto delta = choice.find("delta");
  if (delta == choice.end() || !delta->is_object()) return true;
  reply_.reasoning += reasoning_member(*delta, data);
  if (const auto calls = delta->find("tool_calls"); calls != delta->end() && !calls->is_null()) {
    if (!calls->is_array()) throw bad_response("has \"tool_calls\" that are not a list", data);
    for (const Json& piece : *calls)
      merge_tool_call_delta(piece, calls_, last_index_, data);
  }
  return emit(content_.feed(text_member(*delta, "content", data)));
}

ChatReply OpenAiStreamReader::finish() {
  if (mode_ == Mode::kUnknown) {
    throw ChatModelError(Kind::kBadResponse, "the model server's answer is empty");
  }
  if (mode_ == Mode::kWholeJson) {
    ChatReply reply = parse_openai_completion(whole_, tools_);
    if (!emit(reply.content)) {
      throw ChatModelError(Kind::kCancelled, "the request was cancelled while answering");
    }
    return reply;
  }
  for (const SseEvent& event : events_.finish()) {
    if (!take_event(event.data)) {
      throw ChatModelError(Kind::kCancelled, "the request was cancelled while answering");
    }
  }
  if (!done_ && reply_.finish_reason.empty()) {
    throw ChatModelError(Kind::kBadResponse,
                         "the model server's stream ended before the answer did (no "
                         "finish_reason and no [DONE])");
  }
  if (!emit(content_.finish())) {
    throw ChatModelError(Kind::kCancelled, "the request was cancelled while answering");
  }
  ChatReply reply = std::move(reply_);
  reply.content = content_.content();
  reply.reasoning += content_.reasoning();
  for (auto& [index, call] : calls_) {
    if (call.name.empty()) {
      throw ChatModelError(Kind::kBadResponse,
                           "the model server streamed a tool call without a name (index " +
                               std::to_string(index) + ")");
    }
    reply.tool_calls.push_back(std::move(call));
  }
  complete_tool_calls(reply, content_.tool_calls());
  return reply;
}

}  // namespace codriver::llm
