#include "llm/chat_model/http_retry.h"

#include <gtest/gtest.h>

namespace codriver::llm {
namespace {

using std::chrono::milliseconds;

TEST(RetryDelay, DoublesFromTheBaseWithJitterBetweenHalfAndOneAndAHalf) {
  const RetryPolicy policy{milliseconds(100), milliseconds(10000)};
  EXPECT_EQ(retry_delay(1, policy, "", 0.5), milliseconds(100));
  EXPECT_EQ(retry_delay(2, policy, "", 0.5), milliseconds(200));
  EXPECT_EQ(retry_delay(3, policy, "", 0.5), milliseconds(400));
  EXPECT_EQ(retry_delay(1, policy, "", 0.0), milliseconds(50));
  EXPECT_EQ(retry_delay(1, policy, "", 0.999), milliseconds(149));
}

TEST(RetryDelay, IsCappedByTheLongestDelay) {
  const RetryPolicy policy{milliseconds(1000), milliseconds(3000)};
  EXPECT_EQ(retry_delay(10, policy, "", 0.5), milliseconds(3000));
}

TEST(RetryDelay, HonoursRetryAfterSecondsAndGivesUpWhenItIsTooLong) {
  const RetryPolicy policy{milliseconds(100), milliseconds(5000)};
  EXPECT_EQ(retry_delay(1, policy, "2", 0.9), milliseconds(2000));
  EXPECT_EQ(retry_delay(1, policy, "0", 0.9), milliseconds(0));
  EXPECT_EQ(retry_delay(1, policy, "6", 0.5), std::nullopt);
  // An HTTP date is not read: the usual backoff applies.
  EXPECT_EQ(retry_delay(1, policy, "Wed, 21 Oct 2015 07:28:00 GMT", 0.5), milliseconds(100));
}

TEST(RetryAfterSeconds, ReadsOnlyWholeSeconds) {
  EXPECT_EQ(retry_after_seconds("30"), 30);
  EXPECT_EQ(retry_after_seconds(""), std::nullopt);
  EXPECT_EQ(retry_after_seconds("-1"), std::nullopt);
  EXPECT_EQ(retry_after_seconds("1.5"), std::nullopt);
  EXPECT_EQ(retry_after_seconds("99999999999"), std::nullopt);
}

}  // namespace
}  // namespace codriver::llm
