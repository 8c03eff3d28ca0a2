#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/monaco_cli_fixture.h"

namespace codriver::testing {
namespace {

using nlohmann::json;

class ListenCliTest : public MonacoCliTest {
 protected:
  static std::string cache() {
    return "CODRIVER_CACHE_DIR=" + (scratch_cache_.path()).string() + " ";
  }
  static inline TempDir scratch_cache_;
};

TEST_F(ListenCliTest, ARecordingIsHeardAnsweredAndSpoken) {
  TempDir out;
  const std::string answer_wav = (out / "answer.wav").string();
  const auto result = run_codriver_with_env(
      cache(), "listen --map " + bundle() + " --json --say-to " + answer_wav + " " +
                   shared_data("speech/en/goforward.wav").string() + " 2>/dev/null");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json report = json::parse(result.stdout_only);
  EXPECT_TRUE(report["heard"].get<bool>());
  ASSERT_TRUE(report.contains("asr")) << result.output;
  EXPECT_EQ(report["asr"]["backend"], "embedded");
  EXPECT_FALSE(report["asr"]["nbest"].empty());
  EXPECT_FALSE(report["answer"]["speech"].get<std::string>().empty());
  const std::string spoken = read_file(answer_wav);
  ASSERT_GT(spoken.size(), 44u + 16000u) << result.output;  // a header and half a second
  EXPECT_EQ(spoken.substr(0, 4), "RIFF");
}

TEST_F(ListenCliTest, SilenceIsNothingHeardAndBytesAreAClearError) {
  TempDir out;
  const auto silence = out / "silence.wav";
  ASSERT_EQ(std::system(("sox -n -r 16000 -c 1 -b 16 " + silence.string() + " trim 0 2").c_str()),
            0);
  const auto heard = run_codriver_with_env(
      cache(), "listen --map " + bundle() + " --json " + silence.string() + " 2>/dev/null");
  ASSERT_EQ(heard.exit_code, 0) << heard.output;
  EXPECT_FALSE(json::parse(heard.stdout_only)["heard"].get<bool>());
  const auto junk = out / "junk.wav";
  write_file(junk, "this is not audio at all");
  const auto bad = run_codriver("listen --map " + bundle() + " " + junk.string() + " 2>&1");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.output.find("not an audio file"), std::string::npos) << bad.output;
  const auto no_mic = run_codriver("listen --map " + bundle() + " --mic --device nosuchcard 2>&1");
  EXPECT_NE(no_mic.exit_code, 0);
  EXPECT_NE(no_mic.output.find("no audio device"), std::string::npos) << no_mic.output;
}

}  // namespace
}  // namespace codriver::testing
