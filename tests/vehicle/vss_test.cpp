#include "vehicle/vss.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace codriver::vehicle {
namespace {

using namespace std::chrono_literals;

feeds::Clock::time_point at(std::string_view text) {
  return *parse_vss_timestamp(text);
}

VssErrorKind error_of(std::string_view topic, std::string_view payload) {
  try {
    parse_message(topic, payload);
  } catch (const VssError& error) {
    return error.kind();
  }
  ADD_FAILURE() << "accepted " << topic << " " << payload;
  return VssErrorKind::kMalformedPayload;
}

TEST(Vss, TopicsArePathsWithSlashes) {
  EXPECT_EQ(topic_for(vss::kSpeed), "codriver/vss/Vehicle/Speed");
  EXPECT_EQ(topic_for(vss::kStateOfCharge),
            "codriver/vss/Vehicle/Powertrain/TractionBattery/StateOfCharge/Current");
  EXPECT_EQ(path_for_topic("codriver/vss/Vehicle/CurrentLocation/Latitude"),
            "Vehicle.CurrentLocation.Latitude");
  EXPECT_EQ(path_for_topic("codriver/parking/x"), std::nullopt);
  EXPECT_EQ(path_for_topic("codriver/vss/"), std::nullopt);
  EXPECT_EQ(path_for_topic("codriver/vss/Vehicle.Speed"), std::nullopt) << "dots are not levels";
  for (const VssSignal& signal : known_signals())
    EXPECT_EQ(path_for_topic(topic_for(signal.path)), signal.path);
}

TEST(Vss, CatalogueFollowsVss) {
  const VssSignal* speed = find_signal(vss::kSpeed);
  ASSERT_NE(speed, nullptr);
  EXPECT_EQ(speed->unit, "km/h");
  EXPECT_EQ(speed->type, VssType::kFloat);
  const VssSignal* soc = find_signal(vss::kStateOfCharge);
  ASSERT_NE(soc, nullptr);
  EXPECT_EQ(soc->unit, "percent");
  EXPECT_EQ(soc->min, 0.0);
  EXPECT_EQ(soc->max, 100.0);
  EXPECT_EQ(find_signal(vss::kRange)->unit, "m");
  EXPECT_EQ(find_signal(vss::kRange)->type, VssType::kUint32);
  EXPECT_EQ(find_signal(vss::kNetCapacity)->unit, "kWh");
  EXPECT_EQ(find_signal(vss::kHeading)->max, 360.0);
  EXPECT_FALSE(find_signal(vss::kPowertrainType)->max_age) << "an attribute never goes stale";
  EXPECT_EQ(find_signal("Vehicle.Cabin.Sunroof.Position"), nullptr);
}

TEST(Vss, TimestampsKeepMilliseconds) {
  const auto instant = at("2026-11-24T21:05:00.250Z");
  EXPECT_EQ(instant - at("2026-11-24T21:05:00Z"), 250ms);
  EXPECT_EQ(format_vss_timestamp(instant), "2026-11-24T21:05:00.250Z");
  EXPECT_EQ(at("2026-11-24T22:05:00.5+01:00"), at("2026-11-24T21:05:00.500Z"));
  EXPECT_EQ(at("2026-11-24T21:05:00.123456789Z") - at("2026-11-24T21:05:00Z"), 123456us);
  EXPECT_EQ(parse_vss_timestamp("2026-11-24T21:05:00.Z"), std::nullopt);
  EXPECT_EQ(parse_vss_timestamp("2026-11-24T21:05:00.250"), std::nullopt) << "needs a zone";
  EXPECT_EQ(parse_vss_timestamp("yesterday"), std::nullopt);
}

TEST(Vss, PayloadsRoundTrip) {
  const auto instant = at("2026-11-24T21:05:00.250Z");
  const std::string payload = format_payload(42.5, instant);
  EXPECT_EQ(nlohmann::json::parse(payload),
            nlohmann::json::parse(R"({"value": 42.5, "timestamp": "2026-11-24T21:05:00.250Z"})"));
  const VssMessage speed = parse_message("codriver/vss/Vehicle/Speed", payload);
  EXPECT_EQ(speed.path, vss::kSpeed);
  EXPECT_EQ(std::get<double>(speed.value), 42.5);
  EXPECT_EQ(speed.timestamp, instant);

  EXPECT_EQ(format_payload(250000.0, instant).find("250000.0"), std::string::npos)
      << "whole numbers go out as integers";
  const VssMessage range = parse_message(topic_for(vss::kRange), format_payload(250000.0, instant));
  EXPECT_EQ(std::get<double>(range.value), 250000.0);
  const VssMessage type = parse_message(topic_for(vss::kPowertrainType),
                                        format_payload(std::string("ELECTRIC"), instant));
  EXPECT_EQ(std::get<std::string>(type.value), "ELECTRIC");
  const VssMessage charging =
      parse_message(topic_for(vss::kIsCharging), format_payload(true, instant));
  EXPECT_TRUE(std::get<bool>(charging.value));
}

TEST(Vss, RejectsWhatIsNotAVssMessage) {
  const std::string when = R"(, "timestamp": "2026-11-24T21:05:00Z"})";
  const std::string speed = "codriver/vss/Vehicle/Speed";
  EXPECT_EQ(error_of("codriver/vss/Vehicle/WarpFactor", R"({"value": 9)" + when),
            VssErrorKind::kUnknownPath);
  EXPECT_EQ(error_of("elsewhere/Vehicle/Speed", R"({"value": 9)" + when),
            VssErrorKind::kUnknownPath);
  EXPECT_EQ(error_of(speed, "42.5"), VssErrorKind::kMalformedPayload);
  EXPECT_EQ(error_of(speed, "{not json"), VssErrorKind::kMalformedPayload);
  EXPECT_EQ(error_of(speed, R"({"timestamp": "2026-11-24T21:05:00Z"})"),
            VssErrorKind::kMalformedPayload);
  EXPECT_EQ(error_of(speed, R"({"value": "fast")" + when), VssErrorKind::kWrongType);
  EXPECT_EQ(error_of(speed, R"({"value": null)" + when), VssErrorKind::kWrongType);
  EXPECT_EQ(error_of(topic_for(vss::kRange), R"({"value": 12.5)" + when), VssErrorKind::kWrongType)
      << "a uint32 takes whole numbers";
  EXPECT_EQ(error_of(topic_for(vss::kIsCharging), R"({"value": 1)" + when),
            VssErrorKind::kWrongType);
  EXPECT_EQ(error_of(topic_for(vss::kStateOfCharge), R"({"value": 100.5)" + when),
            VssErrorKind::kOutOfRange);
  EXPECT_EQ(error_of(topic_for(vss::kLatitude), R"({"value": -91)" + when),
            VssErrorKind::kOutOfRange);
  EXPECT_EQ(error_of(topic_for(vss::kRange), R"({"value": -1)" + when), VssErrorKind::kOutOfRange);
  EXPECT_EQ(error_of(topic_for(vss::kPowertrainType), R"({"value": "STEAM")" + when),
            VssErrorKind::kOutOfRange);
  EXPECT_EQ(error_of(speed, R"({"value": 42})"), VssErrorKind::kBadTimestamp);
  EXPECT_EQ(error_of(speed, R"({"value": 42, "timestamp": 1764018300})"),
            VssErrorKind::kBadTimestamp);
  EXPECT_EQ(error_of(speed, R"({"value": 42, "timestamp": "2026-11-24 9pm"})"),
            VssErrorKind::kBadTimestamp);
  EXPECT_EQ(error_of(speed, R"({"value": 42, "pad": ")" + std::string(2000, 'x') + "\"}"),
            VssErrorKind::kOversizedPayload);
}

TEST(Vss, ErrorsNameTheSignalAndTheProblem) {
  try {
    parse_message(topic_for(vss::kStateOfCharge),
                  R"({"value": 140, "timestamp": "2026-11-24T21:05:00Z"})");
    FAIL();
  } catch (const VssError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("StateOfCharge.Current"), std::string::npos) << message;
    EXPECT_NE(message.find("140"), std::string::npos) << message;
    EXPECT_NE(message.find("percent"), std::string::npos) << message;
  }
  EXPECT_EQ(to_string(VssErrorKind::kFutureTimestamp), "future_timestamp");
}

}  // namespace
}  // namespace codriver::vehicle
