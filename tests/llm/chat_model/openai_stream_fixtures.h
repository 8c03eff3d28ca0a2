#pragma once

#include <string>
#include <vector>

// Chat completions as OpenAI-compatible servers send them, shared by the reader tests and
// the client tests.
namespace codriver::llm::testing {

inline std::string sse(const std::vector<std::string>& events) {
  std::string stream;
  for (const std::string& event : events)
    stream += "data: " + event + "\n\n";
  return stream;
}

inline std::string content_chunk(const std::string& text) {
  return R"({"id":"c1","object":"chat.completion.chunk","model":"qwen-test","choices":[{"index":0,"delta":{"content":")" +
         text + R"("},"finish_reason":null}]})";
}

inline std::string finish_chunk(const std::string& reason) {
  return R"({"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":")" +
         reason + R"("}]})";
}

inline const std::string kUsageChunk =
    R"({"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}})";

// "Hello, driver." in three pieces, a finish, token counts, [DONE].
inline std::string text_stream() {
  return sse(
      {R"({"id":"c1","object":"chat.completion.chunk","model":"qwen-test","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]})",
       content_chunk("Hello"), content_chunk(", dri"), content_chunk("ver."), finish_chunk("stop"),
       kUsageChunk, "[DONE]"});
}

// Two tool calls, their arguments in fragments, as vLLM and OpenAI stream them.
inline std::string tool_call_stream() {
  return sse({
      R"({"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":""}}]}}]})",
      R"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"ci"}}]}}]})",
      R"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ty\": \"Hangzhou\"}"}}]}}]})",
      R"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"find_parking","arguments":"{\"near\""}}]}}]})",
      R"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":": \"West Lake\"}"}}]}}]})",
      finish_chunk("tool_calls"),
      "[DONE]",
  });
}

inline const char* kWholeCompletion =
    R"({"id":"x","object":"chat.completion","model":"qwen-test","choices":[{"index":0,"message":{"role":"assistant","content":"Hello, driver."},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}})";

inline const char* kWholeToolCompletion =
    R"({"id":"x","object":"chat.completion","model":"qwen-test","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\"city\": \"Hangzhou\"}"}},{"id":"call_b","type":"function","function":{"name":"find_parking","arguments":"{\"near\": \"West Lake\"}"}}]},"finish_reason":"tool_calls"}]})";

inline const char* kWeatherTool =
    R"({"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}})";
inline const char* kParkingTool =
    R"({"type":"function","function":{"name":"find_parking","parameters":{"type":"object","properties":{"near":{"type":"string"}}}}})";

}  // namespace codriver::llm::testing
