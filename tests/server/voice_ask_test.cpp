// POST /v1/ask/audio: a recording in, what was heard, the answer and its speech out.

#include "cockpit_fixture.h"
#include "openapi_support.h"
#include "speech/audio_file.h"
#include "speech/tts.h"

namespace codriver::server::testing {
namespace {

using nlohmann::json;

class VoiceAskTest : public CockpitFixture {
 protected:
  httplib::Result post_audio(const speech::AudioBuffer& audio, const std::string& query = "") {
    const auto wav = speech::encode_wav(audio);
    return client().Post("/v1/ask/audio" + query,
                         std::string(reinterpret_cast<const char*>(wav.data()), wav.size()),
                         "audio/wav");
  }
};

std::string decoded_base64(const std::string& text) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    const auto value = alphabet.find(c);
    if (value == std::string::npos) return "";
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

// The spoken answer comes back as a WAV the browser can play.
void expect_playable(const json& body) {
  const std::string prefix = "data:audio/wav;base64,";
  ASSERT_TRUE(body["audio"].is_string());
  const std::string url = body["audio"];
  ASSERT_EQ(url.rfind(prefix, 0), 0u);
  const std::string wav = decoded_base64(url.substr(prefix.size()));
  const auto audio =
      speech::decode_audio({reinterpret_cast<const std::uint8_t*>(wav.data()), wav.size()});
  EXPECT_GT(audio.duration_s(), 0.3);
}

TEST_F(VoiceAskTest, ASpokenQuestionIsHeardAnsweredAndSpokenBack) {
  start();
  const auto question =
      speech::synthesize("when does the light turn green", routing::Language::kEnglish);
  auto result = post_audio(question, "?lang=en");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const json body = body_of(result);
  EXPECT_EQ(schema_violations("post", "/v1/ask/audio", 200, body), "");
  EXPECT_FALSE(body["transcript"].get<std::string>().empty());
  EXPECT_FALSE(body["answer"]["speech"].get<std::string>().empty());
  expect_playable(body);
}

TEST_F(VoiceAskTest, SilenceIsAskedAgainNotActedOn) {
  start();
  speech::AudioBuffer silence;
  silence.samples.assign(16000 * 2, 0);
  auto result = post_audio(silence, "?lang=zh");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  const json body = body_of(result);
  EXPECT_EQ(body["transcript"], "");
  EXPECT_EQ(body["answer"]["intent"], "clarify");
  EXPECT_EQ(body["answer"]["lang"], "zh");
  EXPECT_TRUE(body["answer"]["tool_calls"].empty());
  expect_playable(body);
}

TEST_F(VoiceAskTest, SpeechCanBeLeftOut) {
  start();
  speech::AudioBuffer silence;
  silence.samples.assign(16000, 0);
  auto result = post_audio(silence, "?speech=false");
  ASSERT_TRUE(result);
  EXPECT_TRUE(body_of(result)["audio"].is_null());
}

TEST_F(VoiceAskTest, WhatIsNotARecordingIsRefusedWithAReason) {
  start();
  for (const std::string& body :
       {std::string("RIFF\x10\0\0\0WAVEfmt ", 16), std::string(4000, 'x')}) {
    auto result = client().Post("/v1/ask/audio", body, "audio/wav");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400);
    EXPECT_NE(body_of(result)["error"]["message"].get<std::string>().find("recording"),
              std::string::npos);
  }
  auto wrong_type = client().Post("/v1/ask/audio", "{}", "application/json");
  ASSERT_TRUE(wrong_type);
  EXPECT_EQ(wrong_type->status, 415);
}

}  // namespace
}  // namespace codriver::server::testing
