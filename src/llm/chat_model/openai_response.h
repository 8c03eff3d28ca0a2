#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "llm/chat_model/chat_model.h"
#include "llm/chat_model/openai_content.h"
#include "llm/chat_model/sse_parser.h"

// Reading a chat completion: the whole JSON answer, or the stream of "chat.completion.chunk"
// events. Both give a ChatReply with thinking moved out of the content and tool calls
// written as text (<tool_call>…</tool_call>) read as calls. Shapes that are not OpenAI's
// throw ChatModelError kBadResponse with a short excerpt; an error event in a stream
// throws kServer.
namespace codriver::llm {

// A whole (non-streamed) answer. `tools`: the request's tool names.
ChatReply parse_openai_completion(std::string_view body, const std::vector<std::string>& tools);

// A streamed answer, fed in pieces split anywhere. Also accepts a server that answers a
// streaming request with one JSON object (it is read whole at the end).
class OpenAiStreamReader {
 public:
  // on_text gets the plain text as it arrives; when it returns false, feed() does too.
  OpenAiStreamReader(std::vector<std::string> tools, std::function<bool(std::string_view)> on_text);

  // False when on_text asked to stop.
  bool feed(std::string_view bytes);
  // The stream ended: the reply, or kBadResponse when it stopped before the answer did.
  ChatReply finish();

  bool saw_done() const { return done_; }

 private:
  enum class Mode { kUnknown, kEvents, kWholeJson };

  bool take_event(const std::string& data);
  bool emit(const std::string& text);

  std::vector<std::string> tools_;
  std::function<bool(std::string_view)> on_text_;
  Mode mode_ = Mode::kUnknown;
  std::string whole_;  // kWholeJson: the body so far
  SseParser events_;
  ContentSplitter content_;
  ChatReply reply_;
  std::map<long long, ToolCall> calls_;  // by the stream's "index"
  long long last_index_ = -1;
  bool done_ = false;
};

}  // namespace codriver::llm
