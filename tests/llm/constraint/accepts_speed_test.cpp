#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "constraint_test_support.h"

// accepts() runs for every candidate token the sampler tries, so it must stay cheap. This
// measures it on navigate_to's schema (five anyOf alternatives) and prints the cost; the
// bound checked is loose, so the test stays deterministic on a loaded machine.
namespace codriver::llm::engine::testing {
namespace {

constexpr const char* kNavigateTo = R"({
  "type": "object",
  "properties": {
    "destination": {"type": "string", "minLength": 1, "maxLength": 200},
    "category": {"type": "string",
                 "enum": ["restaurant", "cafe", "fast_food", "parking", "charging_station", "fuel"]},
    "cuisine": {"type": "string", "maxLength": 40},
    "saved_place": {"type": "string", "enum": ["home", "work"]},
    "lat": {"type": "number", "minimum": -90, "maximum": 90},
    "lon": {"type": "number", "minimum": -180, "maximum": 180},
    "place_id": {"type": "integer", "minimum": 1}
  },
  "additionalProperties": false,
  "anyOf": [{"required": ["destination"]}, {"required": ["category"]},
            {"required": ["saved_place"]}, {"required": ["lat", "lon"]},
            {"required": ["place_id"]}]
})";

struct Case {
  const char* state;  // what was accepted before
  std::vector<std::string> tokens;
};

double nanoseconds_per_accepts(const JsonSchemaConstraint& constraint,
                               const std::vector<std::string>& tokens, int rounds, int& accepted) {
  accepted = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < rounds; ++round) {
    for (const auto& token : tokens)
      accepted += constraint.accepts(token) ? 1 : 0;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return seconds * 1e9 / (static_cast<double>(rounds) * static_cast<double>(tokens.size()));
}

TEST(ConstraintSpeed, AcceptsCostsWellUnderAMicrosecondForTypicalTokens) {
  const std::vector<Case> cases = {
      {"", {"{\"", "{", "[", "\"", "hello", " {"}},
      {"{\"", {"destination", "dest", "category", "cuisine", "lat", "xyz", "\":"}},
      {"{\"destination\": \"", {"Casino", " de", " Monte", "-Carlo", "北京", "\"", "\"}", "\\n"}},
      {"{\"category\": \"rest", {"aurant", "aurant\"", "aurant\"}", "o", "x"}},
      {"{\"lat\": 43.7", {"3", "384", "1", "e", "}", ", \"", "999"}},
      {"{\"place_id\": 12, \"", {"cuisine", "destination", "lon", "place_id", "zz"}},
  };
  constexpr int kRounds = 20000;
  double worst = 0;
  for (const auto& test_case : cases) {
    auto constraint = after(kNavigateTo, test_case.state);
    int accepted = 0;
    const double ns = nanoseconds_per_accepts(constraint, test_case.tokens, kRounds, accepted);
    std::cout << "accepts() after '" << test_case.state << "': " << ns << " ns per token ("
              << accepted / kRounds << " of " << test_case.tokens.size() << " accepted)\n";
    worst = std::max(worst, ns);
  }
  EXPECT_LT(worst, 20000.0);  // far above what it measures; catches only a blow-up
}

}  // namespace
}  // namespace codriver::llm::engine::testing
