#include "speech/tts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "support/test_support.h"

namespace codriver::speech {
namespace {

using routing::Language;

constexpr std::string_view kEnglishAnswer =
    "In 300 m, turn left onto Main Street. Then continue for 1.2 km; you will arrive at 21:05.";
constexpr std::string_view kChineseAnswer =
    "300米后左转进入中山路，然后继续行驶1.2公里，预计21:05到达。";

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

void expect_audible_speech(const AudioBuffer& audio, double min_s, double max_s) {
  EXPECT_EQ(audio.sample_rate, 16000);
  EXPECT_GE(audio.duration_s(), min_s);
  EXPECT_LE(audio.duration_s(), max_s);
  EXPECT_GT(dbfs(rms_level(audio.samples)), -35.0);
  EXPECT_GT(peak_level(audio.samples), 0.1);
}

TEST(Tts, ShortEnglishSentenceIsAudible16kHzSpeech) {
  expect_audible_speech(synthesize("Turn left in 300 m.", Language::kEnglish), 0.5, 5.0);
}

TEST(Tts, ShortChineseSentenceIsAudible16kHzSpeech) {
  expect_audible_speech(synthesize("300米后左转。", Language::kChinese), 0.5, 5.0);
}

TEST(Tts, LongerTextGivesLongerAudio) {
  for (Language language : {Language::kEnglish, Language::kChinese}) {
    const std::string_view answer =
        language == Language::kEnglish ? kEnglishAnswer : kChineseAnswer;
    const double one = synthesize(answer, language).duration_s();
    const double three =
        synthesize(std::string(answer) + " " + std::string(answer) + " " + std::string(answer),
                   language)
            .duration_s();
    EXPECT_GT(three, 2.5 * one);
    EXPECT_LT(three, 3.5 * one);
  }
}

TEST(Tts, NumbersAreSpokenNotSkipped) {
  // "in 300 m" must say "three hundred metres", which takes far longer than nothing.
  const double with_number = synthesize("Turn left in 300 m.", Language::kEnglish).duration_s();
  const double without = synthesize("Turn left.", Language::kEnglish).duration_s();
  EXPECT_GT(with_number, without + 0.8);
}

TEST(Tts, EmptyOrUnspeakableTextGivesEmptyAudio) {
  for (Language language : {Language::kEnglish, Language::kChinese}) {
    for (std::string_view text : {"", "   ", "🚗🚀👍", "**\n---\n**", "\x01\x02\x7f"}) {
      const AudioBuffer audio = synthesize(text, language);
      EXPECT_EQ(audio.sample_rate, 16000);
      EXPECT_TRUE(audio.samples.empty()) << text;
    }
  }
}

TEST(Tts, HostileTextIsSafeAndBounded) {
  std::string hostile;
  for (int i = 0; i < 10'000; ++i)
    hostile += static_cast<char>((i * 131 + 7) % 256);
  hostile += "🚗\x1b[31m<speak>&amp;[[h@l'oU]]</speak>";
  for (Language language : {Language::kEnglish, Language::kChinese}) {
    const AudioBuffer audio = synthesize(hostile, language);
    EXPECT_EQ(audio.sample_rate, 16000);
    EXPECT_LT(audio.duration_s(), 600.0);
  }
  // 10 kB of ordinary words: cut near kMaxSpokenTextBytes (about four minutes), not refused.
  std::string long_text;
  while (long_text.size() < 10'000)
    long_text += "Keep going straight on the motorway. ";
  const AudioBuffer audio = synthesize(long_text, Language::kEnglish);
  EXPECT_GT(audio.duration_s(), 60.0);
  EXPECT_LT(audio.duration_s(), 400.0);
}

TEST(Tts, RateOptionChangesDuration) {
  SynthesisOptions slow;
  slow.words_per_minute = 120;
  SynthesisOptions fast;
  fast.words_per_minute = 300;
  const double slow_s = synthesize(kEnglishAnswer, Language::kEnglish, slow).duration_s();
  const double fast_s = synthesize(kEnglishAnswer, Language::kEnglish, fast).duration_s();
  EXPECT_LT(fast_s, 0.7 * slow_s);
}

TEST(Tts, VariantAndVoiceLists) {
  const std::vector<std::string> voices = available_voices();
  EXPECT_TRUE(contains(voices, "en-us"));
  EXPECT_TRUE(contains(voices, "cmn"));
  EXPECT_GT(voices.size(), 50u);
  const std::vector<std::string> variants = available_voice_variants();
  EXPECT_TRUE(contains(variants, "f3"));
  SynthesisOptions female;
  female.variant = "f3";
  const AudioBuffer plain = synthesize("Turn right.", Language::kEnglish);
  const AudioBuffer varied = synthesize("Turn right.", Language::kEnglish, female);
  expect_audible_speech(varied, 0.3, 3.0);
  EXPECT_NE(plain.samples, varied.samples);
}

TEST(Tts, BadOptionsAreActionableErrors) {
  SynthesisOptions too_slow;
  too_slow.words_per_minute = 10;
  try {
    synthesize("Hello", Language::kEnglish, too_slow);
    FAIL() << "a rate of 10 words/min was accepted";
  } catch (const AudioError& error) {
    EXPECT_NE(std::string(error.what()).find("80..450"), std::string::npos) << error.what();
  }
  SynthesisOptions unknown;
  unknown.variant = "no-such-variant";
  try {
    synthesize("Hello", Language::kEnglish, unknown);
    FAIL() << "an unknown variant was accepted";
  } catch (const AudioError& error) {
    EXPECT_NE(std::string(error.what()).find("no-such-variant"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("available_voice_variants"), std::string::npos);
  }
}

// espeak-ng carries a little state from one utterance to the next, so repeated calls are
// not bit-identical; what must hold is that threads never get each other's voice or text.
TEST(Tts, ConcurrentCallsEachGetTheirOwnSpeech) {
  const double english_s = synthesize(kEnglishAnswer, Language::kEnglish).duration_s();
  const double chinese_s = synthesize(kChineseAnswer, Language::kChinese).duration_s();
  ASSERT_GT(chinese_s, 1.2 * english_s);  // far enough apart to tell a mix-up
  std::vector<AudioBuffer> results(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&results, i] {
      results[i] = i % 2 == 0 ? synthesize(kEnglishAnswer, Language::kEnglish)
                              : synthesize(kChineseAnswer, Language::kChinese);
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  for (std::size_t i = 0; i < results.size(); ++i) {
    const double expected_s = i % 2 == 0 ? english_s : chinese_s;
    EXPECT_NEAR(results[i].duration_s(), expected_s, 0.05 * expected_s) << "thread " << i;
  }
}

TEST(Tts, MissingVoiceDataIsAClearAudioError) {
  // A fresh process, so that espeak-ng is initialised there with the empty data folder.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        const testing::TempDir empty;
        ::setenv("ESPEAK_DATA_PATH", empty.path().c_str(), 1);
        int code = 2;
        try {
          synthesize("Hello", Language::kEnglish);
        } catch (const AudioError& error) {
          const std::string message = error.what();
          code = message.find("espeak-ng-data") != std::string::npos &&
                         message.find(empty.path().string()) != std::string::npos
                     ? 0
                     : 1;
        }
        std::exit(code);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(Tts, RealTimeFactorOfATypicalAnswer) {
  for (Language language : {Language::kEnglish, Language::kChinese}) {
    const std::string_view answer =
        language == Language::kEnglish ? kEnglishAnswer : kChineseAnswer;
    synthesize(answer, language);  // voice loaded, caches warm
    const auto start = std::chrono::steady_clock::now();
    const AudioBuffer audio = synthesize(answer, language);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_GT(audio.duration_s(), 0.0);
    std::cout << (language == Language::kEnglish ? "[en] " : "[zh] ") << "synthesised "
              << audio.duration_s() << " s of speech in " << seconds * 1000.0
              << " ms, real-time factor " << seconds / audio.duration_s() << "\n";
  }
}

}  // namespace
}  // namespace codriver::speech
