#include "llm/chat_model/sse_parser.h"

namespace codriver::llm {

std::vector<SseEvent> SseParser::feed(std::string_view bytes) {
  std::vector<SseEvent> events;
  for (const char byte : bytes) {
    if (skip_next_lf_) {
      skip_next_lf_ = false;
      if (byte == '\n') continue;
    }
    if (byte == '\r' || byte == '\n') {
      skip_next_lf_ = byte == '\r';
      take_line(line_, events);
      line_.clear();
    } else {
      line_ += byte;
    }
  }
  return events;
}

std::vector<SseEvent> SseParser::finish() {
  std::vector<SseEvent> events;
  if (!line_.empty()) take_line(line_, events);
  line_.clear();
  dispatch(events);
  return events;
}

void SseParser::take_line(std::string_view line, std::vector<SseEvent>& events) {
  if (line.empty()) {
    dispatch(events);
    return;
  }
  if (line.front() == ':') return;  // a comment, often a keep-alive
  const auto colon = line.find(':');
  const std::string_view field = line.substr(0, colon);
  std::string_view value = colon == std::string_view::npos ? "" : line.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (field == "data") {
    if (has_data_) data_ += '\n';
    data_ += value;
    has_data_ = true;
  } else if (field == "event") {
    event_ = value;
  }
  // "id" and "retry" only matter to clients that reconnect; a chat completion does not.
}

void SseParser::dispatch(std::vector<SseEvent>& events) {
  if (has_data_) events.push_back(SseEvent{event_, data_});
  event_.clear();
  data_.clear();
  has_data_ = false;
}

}  // namespace codriver::llm
