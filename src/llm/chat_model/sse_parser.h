#pragma once

#include <string>
#include <string_view>
#include <vector>

// Server-Sent Events (the WHATWG "text/event-stream" format) read from a byte stream split
// anywhere: lines end in LF, CRLF or CR (a CRLF split between two reads is one end),
// ":" starts a comment, "data:" lines are joined with "\n", and a blank line ends an event.
namespace codriver::llm {

struct SseEvent {
  std::string event;  // the "event:" field; empty for the default "message"
  std::string data;
};

class SseParser {
 public:
  // The events the bytes complete, in order.
  std::vector<SseEvent> feed(std::string_view bytes);
  // The end of the stream: an event that had data but no closing blank line is given too
  // (some servers end with "data: [DONE]\n").
  std::vector<SseEvent> finish();

 private:
  void take_line(std::string_view line, std::vector<SseEvent>& events);
  void dispatch(std::vector<SseEvent>& events);

  std::string line_;           // the line being read
  bool skip_next_lf_ = false;  // the last read ended in CR: a leading LF belongs to it
  std::string event_;
  std::string data_;
  bool has_data_ = false;
};

}  // namespace codriver::llm
