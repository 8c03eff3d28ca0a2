#include "vehicle/vehicle_state.h"

#include <gtest/gtest.h>

#include <thread>

#include "vehicle/gps_fix.h"

namespace codriver::vehicle {
namespace {

using namespace std::chrono_literals;

const feeds::Clock::time_point kNow = *parse_vss_timestamp("2026-11-24T21:05:00Z");

std::string payload(const VssValue& value, feeds::Clock::time_point when) {
  return format_payload(value, when);
}

IngestResult put(VehicleState& state, std::string_view path, const VssValue& value,
                 feeds::Clock::time_point when, feeds::Clock::time_point now = kNow) {
  return state.ingest(topic_for(path), payload(value, when), now);
}

TEST(VehicleState, SnapshotGivesTypedCurrentValuesWithTheirAge) {
  VehicleState state;
  put(state, vss::kLatitude, 43.7384, kNow - 300ms);
  put(state, vss::kLongitude, 7.4246, kNow - 200ms);
  put(state, vss::kHeading, 90.0, kNow - 200ms);
  put(state, vss::kSpeed, 42.5, kNow - 100ms);
  put(state, vss::kStateOfCharge, 63.5, kNow - 10s);
  put(state, vss::kRange, 212000.0, kNow - 10s);
  put(state, vss::kNetCapacity, 75.0, kNow - 48h);
  put(state, vss::kIsCharging, false, kNow - 10s);
  put(state, vss::kPowertrainType, std::string("ELECTRIC"), kNow - 48h);

  const VehicleSnapshot snapshot = state.snapshot(kNow);
  ASSERT_TRUE(snapshot.position);
  EXPECT_EQ(snapshot.position->value, (geo::LatLon{43.7384, 7.4246}));
  EXPECT_EQ(snapshot.position->age, 300ms) << "a fix is as old as its older coordinate";
  ASSERT_TRUE(snapshot.speed_kmh);
  EXPECT_EQ(snapshot.speed_kmh->value, 42.5);
  EXPECT_EQ(snapshot.speed_kmh->age, 100ms);
  EXPECT_EQ(snapshot.heading_deg->value, 90.0);
  EXPECT_EQ(snapshot.soc_percent->value, 63.5);
  EXPECT_EQ(snapshot.soc_percent->age, 10s);
  EXPECT_EQ(snapshot.range_m->value, 212000.0);
  EXPECT_EQ(snapshot.net_capacity_kwh->value, 75.0) << "capacity describes the car: never stale";
  EXPECT_FALSE(snapshot.is_charging->value);
  EXPECT_EQ(snapshot.powertrain_type->value, "ELECTRIC");
  EXPECT_FALSE(snapshot.horizontal_accuracy_m);
  EXPECT_TRUE(snapshot.stale.empty());
}

TEST(VehicleState, OldValuesAreStaleNeverCurrent) {
  VehicleState state;
  put(state, vss::kLatitude, 43.7384, kNow);
  put(state, vss::kLongitude, 7.4246, kNow);
  put(state, vss::kSpeed, 30.0, kNow);
  put(state, vss::kStateOfCharge, 80.0, kNow);
  EXPECT_TRUE(state.snapshot(kNow + 5s).speed_kmh) << "5 s is still current";
  const VehicleSnapshot later = state.snapshot(kNow + 6s);
  EXPECT_FALSE(later.position);
  EXPECT_FALSE(later.speed_kmh);
  ASSERT_TRUE(later.soc_percent) << "the battery may be a minute old";
  EXPECT_EQ(later.stale,
            (std::vector<std::string>{std::string(vss::kLatitude), std::string(vss::kLongitude),
                                      std::string(vss::kSpeed)}));
  const VehicleSnapshot much_later = state.snapshot(kNow + 61s);
  EXPECT_FALSE(much_later.soc_percent);
  EXPECT_EQ(much_later.stale.size(), 4u);
  // Stale values are still there for whoever wants to say "as of a minute ago".
  ASSERT_TRUE(state.latest(vss::kStateOfCharge));
  EXPECT_EQ(std::get<double>(state.latest(vss::kStateOfCharge)->value), 80.0);
}

TEST(VehicleState, OlderValuesArrivingLateAreIgnored) {
  VehicleState state;
  EXPECT_EQ(put(state, vss::kSpeed, 50.0, kNow - 1s), IngestResult::kStored);
  EXPECT_EQ(put(state, vss::kSpeed, 48.0, kNow - 1500ms), IngestResult::kIgnoredOlder);
  EXPECT_EQ(put(state, vss::kSpeed, 49.0, kNow - 1s), IngestResult::kIgnoredOlder)
      << "the same instant again (a retained message on reconnect) changes nothing";
  EXPECT_EQ(put(state, vss::kSpeed, 52.0, kNow - 900ms), IngestResult::kStored)
      << "a tenth of a second newer is newer";
  EXPECT_EQ(state.snapshot(kNow).speed_kmh->value, 52.0);
}

TEST(VehicleState, RejectedMessagesStoreNothing) {
  VehicleState state;
  put(state, vss::kStateOfCharge, 70.0, kNow - 2s);
  const auto kind_of = [&](std::string_view topic, const std::string& body) {
    try {
      state.ingest(topic, body, kNow);
    } catch (const VssError& error) {
      return error.kind();
    }
    ADD_FAILURE() << "accepted " << body;
    return VssErrorKind::kMalformedPayload;
  };
  const std::string soc = topic_for(vss::kStateOfCharge);
  EXPECT_EQ(kind_of(soc, payload(101.0, kNow)), VssErrorKind::kOutOfRange);
  EXPECT_EQ(kind_of(soc, payload(true, kNow)), VssErrorKind::kWrongType);
  EXPECT_EQ(kind_of(soc, R"({"value": 50, "timestamp": "soon"})"), VssErrorKind::kBadTimestamp);
  EXPECT_EQ(kind_of(soc, payload(50.0, kNow + 3s)), VssErrorKind::kFutureTimestamp);
  EXPECT_EQ(kind_of("codriver/vss/Vehicle/Teleport", payload(1.0, kNow)),
            VssErrorKind::kUnknownPath);
  EXPECT_EQ(kind_of(soc, std::string(4096, ' ')), VssErrorKind::kOversizedPayload);
  EXPECT_EQ(std::get<double>(state.latest(vss::kStateOfCharge)->value), 70.0);
  EXPECT_EQ(state.all().size(), 1u);

  EXPECT_EQ(put(state, vss::kStateOfCharge, 69.0, kNow + 1500ms), IngestResult::kStored)
      << "a clock a little ahead is tolerated";
  EXPECT_EQ(state.snapshot(kNow).soc_percent->age, 0ms) << "and its age reads zero, not negative";
}

TEST(VehicleState, UpdatesFromInsideTheProcessAreCheckedToo) {
  VehicleState state;
  EXPECT_EQ(state.update({std::string(vss::kSpeed), 88.0, kNow}, kNow), IngestResult::kStored);
  EXPECT_THROW(state.update({"Vehicle.Unknown", 1.0, kNow}, kNow), VssError);
  EXPECT_THROW(state.update({std::string(vss::kHeading), 361.0, kNow}, kNow), VssError);
  EXPECT_THROW(state.update({std::string(vss::kSpeed), std::string("fast"), kNow}, kNow), VssError);
}

TEST(VehicleState, CoordinatesFromDifferentFixesAreNotPaired) {
  VehicleState state;
  put(state, vss::kLatitude, 43.70, kNow - 3s);
  put(state, vss::kLongitude, 7.40, kNow);
  EXPECT_FALSE(state.snapshot(kNow).position) << "a latitude 3 s older than its longitude";
  put(state, vss::kLatitude, 43.71, kNow - 500ms);
  ASSERT_TRUE(state.snapshot(kNow).position);
  EXPECT_EQ(state.snapshot(kNow).position->value.lat, 43.71);
}

TEST(VehicleState, RangeFallsBackToTheBatteryRange) {
  VehicleState state;
  put(state, vss::kBatteryRange, 180000.0, kNow);
  EXPECT_EQ(state.snapshot(kNow).range_m->value, 180000.0);
  put(state, vss::kRange, 190000.0, kNow);
  EXPECT_EQ(state.snapshot(kNow).range_m->value, 190000.0);
}

TEST(VehicleState, GivesTheMapMatcherAFix) {
  VehicleState state;
  EXPECT_FALSE(gps_fix_from(state.snapshot(kNow)));
  put(state, vss::kLatitude, 43.7384, kNow - 100ms);
  put(state, vss::kLongitude, 7.4246, kNow - 100ms);
  put(state, vss::kSpeed, 36.0, kNow - 50ms);
  put(state, vss::kHorizontalAccuracy, 4.5, kNow - 100ms);
  const auto fix = gps_fix_from(state.snapshot(kNow));
  ASSERT_TRUE(fix);
  EXPECT_EQ(fix->timestamp, kNow - 100ms);
  EXPECT_DOUBLE_EQ(*fix->speed_mps, 10.0);
  EXPECT_EQ(fix->horizontal_accuracy_m, 4.5);
  EXPECT_FALSE(fix->heading_deg);
}

TEST(VehicleState, ManyWritersAndReadersAtOnce) {
  VehicleState state;
  std::vector<std::thread> threads;
  for (int writer = 0; writer < 4; ++writer) {
    threads.emplace_back([&state, writer] {
      for (int i = 0; i < 500; ++i)
        put(state, vss::kSpeed, static_cast<double>(i % 200), kNow - 10s + (i * 4 + writer) * 1ms);
    });
  }
  threads.emplace_back([&state] {
    for (int i = 0; i < 500; ++i)
      state.snapshot(kNow);
  });
  for (std::thread& thread : threads)
    thread.join();
  EXPECT_EQ(state.latest(vss::kSpeed)->timestamp, kNow - 10s + (499 * 4 + 3) * 1ms)
      << "the newest value wins whatever order the threads ran in";
}

}  // namespace
}  // namespace codriver::vehicle
