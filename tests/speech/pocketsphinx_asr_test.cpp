#include "speech/pocketsphinx_asr.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

#include "speech/audio_file.h"
#include "support/test_support.h"

// The end-to-end check (map names -> agent's sentences -> model -> recognition) needs the
// agent's sentence generator: this test program links the agent library for it.
#include "agent/command_sentences.h"

namespace codriver::speech {
namespace {

using codriver::testing::shared_data;
using codriver::testing::TempDir;

void print_timing(std::string_view what, const Transcript& transcript, const AudioBuffer& audio) {
  std::cout << "  " << what << ": \"" << (transcript.heard() ? transcript.nbest[0].text : "")
            << "\" confidence " << (transcript.heard() ? transcript.nbest[0].confidence : 0.0)
            << ", decoded " << audio.duration_s() << " s of audio in " << transcript.decode_s
            << " s, real-time factor " << transcript.decode_s / audio.duration_s() << "\n";
  for (std::size_t i = 1; i < transcript.nbest.size(); ++i) {
    std::cout << "    alternative " << i << ": \"" << transcript.nbest[i].text << "\" "
              << transcript.nbest[i].confidence << "\n";
  }
}

const DomainModel& movement_model() {
  static const TempDir cache;
  static const DomainModel model = build_domain_model(
      {"go forward ten meters", "go forward two meters", "go backward five meters",
       "go back ten meters", "turn left", "turn right", "stop here", "cancel",
       "navigate to boulevard princesse charlotte", "find a restaurant nearby"},
      cache.path());
  return model;
}

TEST(PocketSphinxRecognizer, RecognisesARealRecording) {
  const AudioBuffer audio = read_audio_file(shared_data("speech/en/goforward.wav"));
  PocketSphinxRecognizer recognizer(movement_model());
  const Transcript transcript = recognizer.transcribe(audio);
  ASSERT_TRUE(transcript.heard());
  EXPECT_EQ(transcript.nbest.front().text, "go forward ten meters");
  for (const auto& hypothesis : transcript.nbest) {
    EXPECT_GE(hypothesis.confidence, 0.0);
    EXPECT_LE(hypothesis.confidence, transcript.nbest.front().confidence);
  }
  EXPECT_LE(transcript.nbest.size(), 5u);
  EXPECT_GT(transcript.decode_s, 0.0);
  print_timing("goforward.wav", transcript, audio);
}

TEST(PocketSphinxRecognizer, NbestIsLimitedAndDistinct) {
  const AudioBuffer audio = read_audio_file(shared_data("speech/en/goforward.wav"));
  PocketSphinxRecognizer recognizer(movement_model(), 2);
  const Transcript transcript = recognizer.transcribe(audio);
  ASSERT_TRUE(transcript.heard());
  EXPECT_LE(transcript.nbest.size(), 2u);
  if (transcript.nbest.size() == 2) EXPECT_NE(transcript.nbest[0].text, transcript.nbest[1].text);
}

TEST(PocketSphinxRecognizer, SilenceAndEmptyAudioAreNothingHeard) {
  PocketSphinxRecognizer recognizer(movement_model());
  EXPECT_FALSE(recognizer.transcribe(AudioBuffer{}).heard());
  EXPECT_TRUE(recognizer.transcribe(AudioBuffer{}).nbest.empty());
  const AudioBuffer silence{16000, std::vector<std::int16_t>(32000, 0)};
  EXPECT_FALSE(recognizer.transcribe(silence).heard());
}

TEST(PocketSphinxRecognizer, WrongSampleRateIsAnError) {
  PocketSphinxRecognizer recognizer(movement_model());
  const AudioBuffer telephone{8000, std::vector<std::int16_t>(8000, 1000)};
  EXPECT_THROW(recognizer.transcribe(telephone), AsrError);
}

TEST(PocketSphinxRecognizer, MissingModelFilesAreAnError) {
  DomainModel missing = movement_model();
  missing.lm_path = "/nonexistent/domain.lm";
  EXPECT_THROW(PocketSphinxRecognizer{missing}, AsrError);
}

// Synthesises `text` with the espeak-ng command line, converted with sox to the 16 kHz
// mono 16-bit the recogniser takes (without dither, which is random: the audio and so the
// result would change from run to run); empty when either tool is missing.
AudioBuffer synthesised(const TempDir& scratch, const std::string& text) {
  const auto raw = scratch / "espeak.wav";
  const auto converted = scratch / "command.wav";
  const std::string command = "espeak-ng -v en-us -w '" + raw.string() + "' \"" + text +
                              "\" && sox -D '" + raw.string() + "' -r 16000 -c 1 -b 16 '" +
                              converted.string() + "'";
  if (std::system(command.c_str()) != 0) return {};
  return read_audio_file(converted);
}

TEST(PocketSphinxRecognizer, HearsAStreetNameWithTheMapModel) {
  const TempDir scratch;
  const AudioBuffer audio = synthesised(scratch, "navigate to boulevard princesse charlotte");
  if (audio.samples.empty()) GTEST_SKIP() << "espeak-ng or sox is not installed";
  const auto sentences = agent::command_sentences(
      {"Monte-Carlo", "Casino", "Fontvieille", "La Condamine"},
      {"Boulevard Princesse-Charlotte", "Avenue de Grimaldi", "Rue des Spélugues",
       "Avenue Princesse Grace", "Boulevard du Larvotto", "Avenue de la Costa"},
      {"italian", "french", "japanese", "pizza"});
  const DomainModel model = build_domain_model(sentences, scratch / "cache");
  std::cout << "  map model: " << sentences.size() << " sentences, " << model.vocabulary
            << " words, " << model.oov_words << " pronounced by eSpeak or letter rules\n";
  PocketSphinxRecognizer recognizer(model);
  const Transcript transcript = recognizer.transcribe(audio);
  print_timing("espeak command", transcript, audio);
  ASSERT_TRUE(transcript.heard());
  EXPECT_NE(transcript.nbest.front().text.find("princesse charlotte"), std::string::npos)
      << transcript.nbest.front().text;
}

}  // namespace
}  // namespace codriver::speech
