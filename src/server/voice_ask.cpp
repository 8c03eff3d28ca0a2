// POST /v1/ask/audio: a WAV recording in; the transcript, the answer and the spoken
// answer out.

#include "server/cockpit_server_impl.h"
#include "server/http_error.h"
#include "server/request_values.h"
#include "server/voice_turn.h"
#include "speech/audio_file.h"
#include "speech/front_end.h"
#include "speech/tts.h"

namespace codriver::server {
namespace {

using nlohmann::json;

std::string base64(const std::vector<std::uint8_t>& bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::uint32_t chunk = (bytes[i] << 16) | (i + 1 < bytes.size() ? bytes[i + 1] << 8 : 0) |
                                (i + 2 < bytes.size() ? bytes[i + 2] : 0);
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[chunk & 63] : '=';
  }
  return out;
}

void check_audio_content_type(const httplib::Request& req) {
  const std::string type = req.get_header_value("Content-Type");
  for (const char* accepted :
       {"audio/wav", "audio/x-wav", "audio/wave", "application/octet-stream"}) {
    if (type.rfind(accepted, 0) == 0) return;
  }
  throw HttpError(415, "unsupported_media_type",
                  "Send the recording as audio/wav (16-bit PCM), not \"" + type + "\".",
                  "请以 audio/wav（16位PCM）格式发送录音。");
}

// Releases a voice slot however the request ends.
class VoiceSlot {
 public:
  VoiceSlot(std::atomic<std::size_t>& in_use, std::size_t limit) : in_use_(in_use) {
    if (in_use_.fetch_add(1) >= limit) {
      in_use_.fetch_sub(1);
      throw HttpError(503, "busy",
                      "The co-driver is already listening to " + std::to_string(limit) +
                          " recordings: try again in a moment.",
                      "正在处理其他语音请求，请稍后再试。");
    }
  }
  ~VoiceSlot() { in_use_.fetch_sub(1); }
  VoiceSlot(const VoiceSlot&) = delete;
  VoiceSlot& operator=(const VoiceSlot&) = delete;

 private:
  std::atomic<std::size_t>& in_use_;
};

speech::AudioBuffer decoded(const std::string& body) {
  if (body.empty())
    throw bad_request("The request has no recording in its body.", "请求中没有录音。");
  try {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(body.data());
    return speech::decode_audio({bytes, body.size()});
  } catch (const std::exception& error) {
    throw bad_request(std::string("The recording cannot be read: ") + error.what(),
                      "无法读取录音，请发送WAV格式（16位PCM）。");
  }
}

}  // namespace

void CockpitServer::Impl::install_voice() {
  http.Post("/v1/ask/audio", [this](const httplib::Request& req, httplib::Response& res) {
    answer_guarded(res, [&] {
      check_audio_content_type(req);
      check_parameters(req, {"lang", "speech"});
      check_body_size(req, options.max_audio_bytes);
      const auto language = optional_language_value(parameter(req, "lang"));
      const bool speak = boolean_value("speech", parameter(req, "speech"), true);
      VoiceSlot slot(voice_requests, options.max_voice_requests);
      const speech::Utterance utterance = speech::clean_utterance(decoded(req.body));
      speech::Transcript transcript;
      if (utterance.heard) {
        std::lock_guard lock(recogniser_mutex);
        if (!recogniser) {
          recogniser = embedded_recognizer(cockpit.with_agent(recogniser_sentences));
        }
        transcript = recogniser->transcribe(utterance.audio);
      }
      const VoiceAnswer voice = cockpit.with_agent([&](agent::Agent& agent) {
        return answer_transcript(agent, transcript, language, options.min_confidence);
      });
      const json answer = agent::to_json(voice.answer);
      if (voice.acted) cockpit.publish_answer(voice.transcript, answer);
      json audio = nullptr;
      if (speak && !voice.answer.speech.empty()) {
        const auto spoken = speech::synthesize(voice.answer.speech, voice.answer.lang);
        audio = "data:audio/wav;base64," + base64(speech::encode_wav(spoken));
      }
      send_json(res,
                json{{"transcript", voice.transcript}, {"answer", answer}, {"audio", audio}}.dump(
                    -1, ' ', false, json::error_handler_t::replace));
    });
  });
}

}  // namespace codriver::server
