#pragma once

#include <string>

#include "speech/asr.h"

// Speech recognition by any server that speaks the OpenAI transcription API
// (POST {base_url}/v1/audio/transcriptions): OpenAI itself, whisper.cpp's server,
// faster-whisper-server, LocalAI, vLLM. In the car this is a model running on the
// head unit and reached over 127.0.0.1.
namespace codriver::speech {

struct RemoteAsrOptions {
  // Scheme, host and port, e.g. "http://127.0.0.1:8080". A trailing "/v1" is accepted.
  std::string base_url;
  std::string model = "whisper-1";
  // Sent as "Authorization: Bearer <key>" when not empty; never logged nor put in errors.
  std::string api_key;
  // ISO-639-1 code of the spoken language ("en", "zh"); empty lets the server detect it.
  std::string language;
  // Whole request, connect included. A command that needs longer is better asked again.
  double timeout_s = 5;
  // "verbose_json" gives per-segment log probabilities, from which the confidence is
  // derived; use "json" for servers that only offer that (confidence is then 0.9).
  std::string response_format = "verbose_json";
};

// Confidence reported when the server gives text but no scores to derive one from.
inline constexpr double kUnscoredRemoteConfidence = 0.9;

class RemoteRecognizer : public SpeechRecognizer {
 public:
  // Throws AsrError when base_url is not an http(s) URL or the timeout is not positive.
  explicit RemoteRecognizer(RemoteAsrOptions options);

  // One blocking request. Empty audio gives an empty transcript without a request.
  // Throws AsrError saying what to do on timeout, refused connection, HTTP 401/403/404/
  // 413/4xx/5xx and bodies that are not the expected JSON.
  Transcript transcribe(const AudioBuffer& audio) override;

  const std::string& endpoint() const { return endpoint_; }

 private:
  RemoteAsrOptions options_;
  std::string endpoint_;
};

}  // namespace codriver::speech
