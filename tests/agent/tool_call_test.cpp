#include "agent/tool_call.h"

#include <gtest/gtest.h>

namespace codriver::agent {
namespace {

TEST(ToolCall, SerialisesNameArgumentsAndStatus) {
  ToolCall call{"navigate_to", {{"destination", "Casino"}}, CallStatus::kPendingConfirmation};
  const auto json = to_json(call);
  EXPECT_EQ(json["name"], "navigate_to");
  EXPECT_EQ(json["arguments"]["destination"], "Casino");
  EXPECT_EQ(json["status"], "pending_confirmation");
}

}  // namespace
}  // namespace codriver::agent
