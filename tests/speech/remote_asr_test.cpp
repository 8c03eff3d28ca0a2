#include "speech/remote_asr.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "speech/local_http_server.h"
#include "speech/transcription_response.h"

namespace codriver::speech {
namespace {

using testing::HttpReply;
using testing::HttpRequest;
using testing::LocalHttpServer;

// 0.25 s of a 440 Hz tone at 16 kHz: 4000 samples, 8000 bytes of PCM.
AudioBuffer short_tone() {
  AudioBuffer audio;
  for (int i = 0; i < 4000; ++i) {
    audio.samples.push_back(static_cast<std::int16_t>(8000 * std::sin(i * 2 * M_PI * 440 / 16000)));
  }
  return audio;
}

RemoteAsrOptions options_for(const LocalHttpServer& server) {
  RemoteAsrOptions options;
  options.base_url = server.base_url();
  options.timeout_s = 2;
  return options;
}

std::string error_of(RemoteRecognizer& recognizer, const AudioBuffer& audio) {
  try {
    recognizer.transcribe(audio);
  } catch (const AsrError& error) {
    return error.what();
  }
  return "no error";
}

HttpReply canned(int status, std::string body) {
  return HttpReply{status, std::move(body)};
}

TEST(RemoteRecognizer, SendsMultipartWavAndReadsText) {
  LocalHttpServer server(
      [](const HttpRequest&) { return canned(200, R"({"text":" Go forward, ten meters."})"); });
  RemoteAsrOptions options = options_for(server);
  options.api_key = "sk-test-123";
  options.language = "en";
  options.response_format = "json";
  RemoteRecognizer recognizer(options);

  const Transcript transcript = recognizer.transcribe(short_tone());

  ASSERT_TRUE(transcript.heard());
  EXPECT_EQ(transcript.nbest.front().text, "go forward ten meters");
  EXPECT_DOUBLE_EQ(transcript.nbest.front().confidence, kUnscoredRemoteConfidence);
  std::printf("[ remote asr ] round trip to local server: %.1f ms\n", transcript.decode_s * 1e3);

  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  const HttpRequest& request = requests.front();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.path, "/v1/audio/transcriptions");
  EXPECT_EQ(request.header("authorization"), "Bearer sk-test-123");
  EXPECT_EQ(request.header("expect"), "");
  const auto parts = testing::parse_multipart(request);
  ASSERT_EQ(parts.count("file"), 1u);
  const std::string& wav = parts.at("file").content;
  ASSERT_EQ(wav.size(), 44u + 8000u);
  EXPECT_EQ(wav.substr(0, 4), "RIFF");
  EXPECT_EQ(wav.substr(8, 8), "WAVEfmt ");
  EXPECT_EQ(wav.substr(36, 4), "data");
  EXPECT_EQ(static_cast<unsigned char>(wav[24]) | static_cast<unsigned char>(wav[25]) << 8,
            16000 & 0xFFFF);
  EXPECT_EQ(parts.at("file").filename, "audio.wav");
  EXPECT_EQ(parts.at("file").content_type, "audio/wav");
  ASSERT_EQ(parts.count("model"), 1u);
  EXPECT_EQ(parts.at("model").content, "whisper-1");
  EXPECT_EQ(parts.at("language").content, "en");
  EXPECT_EQ(parts.at("response_format").content, "json");
}

TEST(RemoteRecognizer, OmitsKeyAndLanguageWhenUnsetAndAcceptsV1BaseUrl) {
  LocalHttpServer server([](const HttpRequest&) { return canned(200, R"({"text":"你好。"})"); });
  RemoteAsrOptions options = options_for(server);
  options.base_url += "/v1/";
  RemoteRecognizer recognizer(options);
  EXPECT_EQ(recognizer.endpoint(), server.base_url() + "/v1/audio/transcriptions");

  EXPECT_EQ(recognizer.transcribe(short_tone()).nbest.at(0).text, "你好");

  const HttpRequest request = server.requests().at(0);
  EXPECT_EQ(request.header("authorization"), "");
  const auto parts = testing::parse_multipart(request);
  EXPECT_EQ(parts.count("language"), 0u);
  EXPECT_EQ(parts.at("response_format").content, "verbose_json");
}

TEST(RemoteRecognizer, ConfidenceFromVerboseJsonSegments) {
  // Segment 1: 2 s, exp(-0.1) * (1 - 0.0); segment 2: 1 s, exp(-1.0) * (1 - 0.5).
  LocalHttpServer server([](const HttpRequest&) {
    return canned(200, R"({"text":"turn left then stop","segments":[
        {"start":0.0,"end":2.0,"avg_logprob":-0.1,"no_speech_prob":0.0},
        {"start":2.0,"end":3.0,"avg_logprob":-1.0,"no_speech_prob":0.5}]})");
  });
  RemoteRecognizer recognizer(options_for(server));
  const double expected = (2 * std::exp(-0.1) + 1 * std::exp(-1.0) * 0.5) / 3;
  EXPECT_NEAR(recognizer.transcribe(short_tone()).nbest.at(0).confidence, expected, 1e-9);
  EXPECT_NEAR(expected, 0.6646, 1e-4);
}

TEST(RemoteRecognizer, BlankTextIsNothingHeard) {
  LocalHttpServer server([](const HttpRequest&) { return canned(200, R"({"text":"  "})"); });
  RemoteRecognizer recognizer(options_for(server));
  EXPECT_FALSE(recognizer.transcribe(short_tone()).heard());
}

TEST(RemoteRecognizer, EmptyAudioNeedsNoRequest) {
  LocalHttpServer server([](const HttpRequest&) { return canned(500, ""); });
  RemoteRecognizer recognizer(options_for(server));
  EXPECT_FALSE(recognizer.transcribe(AudioBuffer{}).heard());
  EXPECT_TRUE(server.requests().empty());
}

TEST(RemoteRecognizer, UnauthorisedSaysToFixTheKeyWithoutShowingIt) {
  LocalHttpServer server([](const HttpRequest&) {
    return canned(401, R"({"error":{"message":"Incorrect API key provided: sk-sec***123"}})");
  });
  RemoteAsrOptions options = options_for(server);
  options.api_key = "sk-secret-123";
  RemoteRecognizer recognizer(options);
  const std::string message = error_of(recognizer, short_tone());
  EXPECT_NE(message.find("HTTP 401"), std::string::npos) << message;
  EXPECT_NE(message.find("api_key"), std::string::npos) << message;
  EXPECT_EQ(message.find("sk-sec"), std::string::npos) << message;
  EXPECT_EQ(message.find("123"), std::string::npos) << message;
}

TEST(RemoteRecognizer, NotFoundNamesUrlAndModel) {
  LocalHttpServer server([](const HttpRequest&) {
    return canned(404, R"({"error":{"message":"model 'whisper-9' not found"}})");
  });
  RemoteAsrOptions options = options_for(server);
  options.model = "whisper-9";
  RemoteRecognizer recognizer(options);
  const std::string message = error_of(recognizer, short_tone());
  EXPECT_NE(message.find("HTTP 404"), std::string::npos) << message;
  EXPECT_NE(message.find(recognizer.endpoint()), std::string::npos) << message;
  EXPECT_NE(message.find("base_url"), std::string::npos) << message;
  EXPECT_NE(message.find("server said: model 'whisper-9' not found"), std::string::npos) << message;
}

TEST(RemoteRecognizer, TooLargeSaysToSendShorterAudio) {
  LocalHttpServer server([](const HttpRequest&) { return canned(413, "Payload Too Large"); });
  RemoteRecognizer recognizer(options_for(server));
  const std::string message = error_of(recognizer, short_tone());
  EXPECT_NE(message.find("HTTP 413"), std::string::npos) << message;
  EXPECT_NE(message.find("shorter utterances"), std::string::npos) << message;
}

TEST(RemoteRecognizer, ServerErrorQuotesTheServer) {
  LocalHttpServer server([](const HttpRequest&) {
    return canned(500, R"({"error":{"message":"CUDA out of memory"}})");
  });
  RemoteRecognizer recognizer(options_for(server));
  const std::string message = error_of(recognizer, short_tone());
  EXPECT_NE(message.find("HTTP 500"), std::string::npos) << message;
  EXPECT_NE(message.find("on-board recognizer"), std::string::npos) << message;
  EXPECT_NE(message.find("CUDA out of memory"), std::string::npos) << message;
}

TEST(RemoteRecognizer, MalformedJsonIsAnAsrError) {
  LocalHttpServer server([](const HttpRequest&) {
    HttpReply reply = canned(200, "<html>Welcome to nginx!</html>");
    reply.content_type = "text/html";
    return reply;
  });
  RemoteRecognizer recognizer(options_for(server));
  const std::string message = error_of(recognizer, short_tone());
  EXPECT_NE(message.find("\"text\""), std::string::npos) << message;
  EXPECT_NE(message.find("Welcome to nginx"), std::string::npos) << message;

  EXPECT_THROW(parse_transcription_response(R"({"text": 12})"), AsrError);
  EXPECT_THROW(parse_transcription_response(R"({"text": "cut off)"), AsrError);
  EXPECT_THROW(parse_transcription_response(""), AsrError);
}

TEST(RemoteRecognizer, StalledServerTimesOut) {
  LocalHttpServer server([](const HttpRequest&) {
    HttpReply reply;
    reply.stall = true;  // answers only when the test ends
    return reply;
  });
  RemoteAsrOptions options = options_for(server);
  options.timeout_s = 0.5;
  RemoteRecognizer recognizer(options);
  const auto started = std::chrono::steady_clock::now();
  const std::string message = error_of(recognizer, short_tone());
  const double waited =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_NE(message.find("no answer from"), std::string::npos) << message;
  EXPECT_NE(message.find("timeout_s"), std::string::npos) << message;
  EXPECT_EQ(server.requests().size(), 1u);
  std::printf("[ remote asr ] gave up on a stalled server after %.2f s (timeout 0.5 s)\n", waited);
}

TEST(RemoteRecognizer, RefusedConnectionSaysToStartTheServer) {
  RemoteAsrOptions options;
  options.base_url = "http://127.0.0.1:" + std::to_string(testing::closed_local_port());
  RemoteRecognizer recognizer(options);
  const std::string message = error_of(recognizer, short_tone());
  EXPECT_NE(message.find("could not connect"), std::string::npos) << message;
  EXPECT_NE(message.find("start the transcription server"), std::string::npos) << message;
}

TEST(RemoteRecognizer, RejectsUnusableOptions) {
  RemoteAsrOptions options;
  EXPECT_THROW(RemoteRecognizer{options}, AsrError);  // no base_url
  options.base_url = "127.0.0.1:8080";
  EXPECT_THROW(RemoteRecognizer{options}, AsrError);  // no scheme
  options.base_url = "http://127.0.0.1:8080";
  options.timeout_s = 0;
  EXPECT_THROW(RemoteRecognizer{options}, AsrError);
  options.timeout_s = 5;
  options.model.clear();
  EXPECT_THROW(RemoteRecognizer{options}, AsrError);
}

TEST(TranscriptText, NormalisedToLowerCaseWords) {
  EXPECT_EQ(normalise_transcript_text(" Turn LEFT at 10:30, then go 2.5 km!"),
            "turn left at 10:30 then go 2.5 km");
  EXPECT_EQ(normalise_transcript_text("Don't stop... Co-driver?"), "don't stop co driver");
  EXPECT_EQ(normalise_transcript_text("前方左转，然后直行。"), "前方左转 然后直行");
}

}  // namespace
}  // namespace codriver::speech
