#include "signals/csae53_json.h"

#include <gtest/gtest.h>

#include "signals/iso_time.h"
#include "signals/message_decoder.h"
#include "signals/signals_error.h"

namespace codriver::signals {
namespace {

using nlohmann::json;

Instant at(const char* text) {
  return *parse_iso8601(text);
}

// A Beijing intersection's SPAT as a platform forwards it: phase 1 green with 12.5 s left,
// phase 2 red with 10..15 s left, phase 3 in the ASN.1's own "counting" form.
json beijing() {
  return json::parse(R"({
    "standard": "T/CSAE 53-2020", "messageType": "SPAT", "msgCnt": 7,
    "timestamp": "2024-05-01T08:00:00.300Z",
    "intersections": [{
      "intersectionId": {"region": 110, "id": 1001},
      "status": {"fixedTimeOperation": true},
      "phases": [
        {"id": 1, "phaseStates": [
          {"light": "protected-green", "countdown": {"start": 0, "likelyEnd": 12.5, "confidence": 0.9}},
          {"light": "yellow", "countdown": {"start": 12.5, "likelyEnd": 15.5}}]},
        {"id": 2, "phaseStates": [
          {"light": "RED", "countdown": {"minEnd": 10, "maxEnd": 15, "likelyEnd": 12}}]},
        {"id": 3, "phaseStates": [
          {"light": 6, "timing": {"counting": {"startTime": 0, "minEndTime": 100,
            "likelyEndTime": 125, "maxEndTime": 36000, "timeConfidence": 180,
            "nextStartTime": 600, "nextDuration": 300}}}]}]}]})");
}

TEST(Csae53Json, CountdownsBecomeInstantsFromTheTimestamp) {
  ASSERT_TRUE(is_csae53_spat_json(beijing()));
  const SpatMessage spat = decode_csae53_spat_json(beijing());
  EXPECT_EQ(spat.message_count, 7);
  ASSERT_EQ(spat.intersections.size(), 1u);
  const IntersectionSignals& in = spat.intersections[0];
  EXPECT_EQ(in.id, (IntersectionRef{110, 1001}));
  EXPECT_EQ(in.status, 1 << 5);
  EXPECT_EQ(in.timestamp, at("2024-05-01T08:00:00.3Z"))
      << "the message's time is the intersection's";
  ASSERT_EQ(in.signal_groups.size(), 3u);

  const SignalGroupState& one = in.signal_groups[0];
  EXPECT_EQ(one.signal_group, 1);
  ASSERT_EQ(one.events.size(), 2u);
  EXPECT_EQ(one.events[0].state, MovementPhase::kProtectedMovementAllowed);
  EXPECT_EQ(colour_of(one.events[0].state), LightColour::kGreen);
  EXPECT_FALSE(one.events[0].start) << "0: already showing";
  EXPECT_EQ(one.events[0].likely_end, at("2024-05-01T08:00:12.8Z"));
  EXPECT_EQ(one.events[0].confidence, 0.9);
  EXPECT_EQ(colour_of(one.events[1].state), LightColour::kYellow);
  EXPECT_EQ(one.events[1].start, at("2024-05-01T08:00:12.8Z"));

  const MovementEvent& red = in.signal_groups[1].events[0];
  EXPECT_EQ(red.state, MovementPhase::kStopAndRemain);
  EXPECT_EQ(red.min_end, at("2024-05-01T08:00:10.3Z"));
  EXPECT_EQ(red.max_end, at("2024-05-01T08:00:15.3Z"));
  EXPECT_EQ(red.likely_end, at("2024-05-01T08:00:12.3Z"));

  const MovementEvent& counted = in.signal_groups[2].events[0];
  EXPECT_EQ(counted.state, MovementPhase::kProtectedMovementAllowed);
  EXPECT_EQ(counted.min_end, at("2024-05-01T08:00:10.3Z"));
  EXPECT_EQ(counted.likely_end, at("2024-05-01T08:00:12.8Z"));
  EXPECT_FALSE(counted.max_end);
  EXPECT_TRUE(counted.is_beyond_an_hour(TimeField::kMaxEnd));
  EXPECT_EQ(counted.next_time, at("2024-05-01T08:01:00.3Z"));
  EXPECT_DOUBLE_EQ(*counted.confidence, 0.9);
}

TEST(Csae53Json, MinuteOfYearAndUtcTiming) {
  json doc = beijing();
  doc.erase("timestamp");
  doc["moy"] = 174240;  // 2024-05-01T00:00: 121 days into the leap year, 121 * 1440
  doc["timeStamp"] = 300;
  doc["intersections"][0]["phases"][2]["phaseStates"][0] =
      json::parse(R"({"light": "flashing-yellow", "timing": {"utcTiming": {"startUTCTime": 0,
        "minEndUTCTime": 150, "likelyEndUTCTime": 36001}}})");
  DecodeOptions options;
  options.reference = at("2024-05-01T00:00:05Z");
  const SpatMessage spat = decode_csae53_spat_json(doc, options);
  const IntersectionSignals& in = spat.intersections[0];
  EXPECT_EQ(in.timestamp, at("2024-05-01T00:00:00.3Z"));
  EXPECT_EQ(in.timestamp_parts, (TimestampParts{true, true}));
  const MovementEvent& e = in.signal_groups[2].events[0];
  EXPECT_EQ(e.state, MovementPhase::kCautionConflictingTraffic);
  EXPECT_EQ(e.start, at("2024-05-01T00:00:00Z"));
  EXPECT_EQ(e.min_end, at("2024-05-01T00:00:15Z"));
  EXPECT_FALSE(e.likely_end);
}

TEST(Csae53Json, AutoDetected) {
  const DecodedMessage decoded = decode_message(beijing().dump());
  EXPECT_EQ(decoded.format, MessageFormat::kCsae53SpatJson);
  EXPECT_EQ(std::get<SpatMessage>(decoded.message), decode_csae53_spat_json(beijing()));
}

std::string error_of(const json& doc) {
  try {
    decode_csae53_spat_json(doc);
  } catch (const SignalsError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(Csae53Json, MalformedDocumentsNameThePath) {
  json doc = beijing();
  doc["intersections"][0]["phases"][1]["phaseStates"][0]["light"] = "blue";
  EXPECT_NE(
      error_of(doc).find(
          "intersections[0].phases[1].phaseStates[0].light: \"blue\" is not a CSAE 53 LightState"),
      std::string::npos)
      << error_of(doc);
  doc = beijing();
  doc["intersections"][0]["phases"][0]["phaseStates"][0]["countdown"]["likelyEnd"] = -3;
  EXPECT_NE(error_of(doc).find("countdown.likelyEnd: -3"), std::string::npos) << error_of(doc);
  doc = beijing();
  doc["timestamp"] = "yesterday";
  EXPECT_NE(error_of(doc).find("timestamp: \"yesterday\" is not an RFC 3339 time"),
            std::string::npos)
      << error_of(doc);
  doc = beijing();
  doc["intersections"][0]["phases"] = json::array();
  EXPECT_NE(error_of(doc).find("has no phases"), std::string::npos) << error_of(doc);
  doc = beijing();
  doc["messageType"] = "MAP";
  EXPECT_NE(error_of(doc).find("only SPAT"), std::string::npos) << error_of(doc);
}

}  // namespace
}  // namespace codriver::signals
