#include "signals/glosa.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

namespace codriver::signals {
namespace {

constexpr double kForever = std::numeric_limits<double>::infinity();
constexpr double kLimit = 50 / 3.6;

PhaseWindow phase(LightColour colour, double start, double end) {
  return {colour, start, end, end, std::nullopt, std::nullopt};
}

Approach approach(double distance, double speed_kmh, std::vector<PhaseWindow> phases) {
  return {distance, speed_kmh / 3.6, kLimit, std::move(phases)};
}

TEST(Glosa, KeepsTheSpeedWhenItMeetsTheGreen) {
  // 200 m at 50 km/h: 14.4 s; green until 30 s.
  const Advice advice = advise(approach(200, 50, {phase(LightColour::kGreen, 0, 30),
                                                  phase(LightColour::kYellow, 30, 33),
                                                  phase(LightColour::kRed, 33, kForever)}));
  EXPECT_EQ(advice.kind, AdviceKind::kKeep);
  EXPECT_NEAR(*advice.arrival_s, 14.4, 0.1);
}

TEST(Glosa, SlowsDownToArriveAfterTheRedEnds) {
  // 300 m at 50 km/h would arrive in 21.6 s, red until 30 s: slow down instead of stopping.
  const Advice advice = advise(approach(300, 50, {phase(LightColour::kRed, 0, 30),
                                                  phase(LightColour::kGreen, 30, 60)}));
  ASSERT_EQ(advice.kind, AdviceKind::kSlowTo);
  EXPECT_LT(*advice.speed_mps, 50 / 3.6);
  EXPECT_GE(*advice.speed_mps, GlosaParameters{}.min_speed_mps);
  EXPECT_GE(*advice.arrival_s, 31.0 - 1e-6) << "arrives after green plus the margin";
  EXPECT_LE(*advice.arrival_s, 59.0);
}

TEST(Glosa, SpeedsUpOnlyWithinTheLimit) {
  // 250 m at 30 km/h arrives in 30 s but green ends at 22 s; at 50 km/h it would make it.
  auto a = approach(250, 30, {phase(LightColour::kGreen, 0, 22), phase(LightColour::kRed, 22, 80),
                              phase(LightColour::kGreen, 80, 120)});
  const Advice advice = advise(a);
  ASSERT_EQ(advice.kind, AdviceKind::kSpeedTo);
  EXPECT_LE(*advice.speed_mps, kLimit + 1e-9);
  EXPECT_LE(*advice.arrival_s, 21.0 + 1e-6);
  a.speed_limit_mps = 30 / 3.6;  // now only an illegal speed would make it
  EXPECT_EQ(advise(a).kind, AdviceKind::kStop);
  EXPECT_NEAR(*advise(a).green_in_s, 80, 1e-9) << "says when the next green starts";
}

TEST(Glosa, WarnsWhenARedCannotBeStoppedForComfortably) {
  // 15 m at 50 km/h: stopping takes 38.6 m at 2.5 m/s².
  const Advice advice = advise(approach(15, 50, {phase(LightColour::kYellow, 0, 0.5),
                                                 phase(LightColour::kRed, 0.5, 40)}));
  EXPECT_EQ(advice.kind, AdviceKind::kRedWarning);
}

TEST(Glosa, GoWhenStoppedAtGreenAndNoAdviceWithoutData) {
  EXPECT_EQ(advise(approach(3, 0, {phase(LightColour::kGreen, 0, 20)})).kind, AdviceKind::kGo);
  EXPECT_EQ(advise(approach(100, 40, {})).kind, AdviceKind::kNoData);
  EXPECT_EQ(advise(approach(100, 40, {phase(LightColour::kUnknown, 0, 10)})).kind,
            AdviceKind::kNoData);
  EXPECT_EQ(advise(approach(100, 40, {phase(LightColour::kDark, 0, 10)})).kind,
            AdviceKind::kNoData);
}

TEST(Glosa, UncertainEndsAreReadConservatively) {
  // The red ends between 10 and 40 s (likely 12 s at low confidence): the advice must not
  // count on a green before 40 s.
  PhaseWindow red{LightColour::kRed, 0, 10, 40, 12.0, 0.3};
  PhaseWindow green{LightColour::kGreen, 10, 70, 90, std::nullopt, std::nullopt};
  const Advice unsure = advise(approach(400, 50, {red, green}));
  ASSERT_TRUE(unsure.arrival_s);
  EXPECT_GE(*unsure.arrival_s, 41.0 - 1e-6);
  red.confidence = 0.95;  // trusted: the green starts at 12 s
  const Advice sure = advise(approach(400, 50, {red, green}));
  ASSERT_TRUE(sure.arrival_s);
  EXPECT_LT(*sure.arrival_s, 41.0);
  EXPECT_GE(*sure.arrival_s, 13.0 - 1e-6);
}

// Following the advice at the advised speed really arrives inside a green: checked by
// integrating the motion in small steps for many random situations.
TEST(Glosa, AdviceIsConsistentWithTheMotion) {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> distance(20, 500), speed(0, 50), red(0, 40), green(5, 40);
  int advised = 0;
  for (int i = 0; i < 2000; ++i) {
    const double r = red(rng), g = green(rng);
    const Approach a = approach(distance(rng), speed(rng),
                                {phase(LightColour::kRed, 0, r), phase(LightColour::kGreen, r, r + g),
                                 phase(LightColour::kRed, r + g, kForever)});
    const Advice advice = advise(a);
    if (!advice.speed_mps) continue;
    ++advised;
    const GlosaParameters p;
    double x = 0, v = a.speed_mps, t = 0;
    const double target = *advice.speed_mps;
    while (x < a.distance_m && t < 200) {
      const double dt = 0.001;
      if (v < target) v = std::min(target, v + p.acceleration_mps2 * dt);
      if (v > target) v = std::max(target, v - p.comfortable_deceleration_mps2 * dt);
      x += v * dt;
      t += dt;
    }
    EXPECT_NEAR(t, *advice.arrival_s, 0.05) << i;
    EXPECT_GE(t, r + p.margin_s - 0.05) << i;
    EXPECT_LE(t, r + g - p.margin_s + 0.05) << i;
  }
  EXPECT_GT(advised, 500);
}

TEST(Glosa, TravelTimeCoversEveryCase) {
  const GlosaParameters p;
  EXPECT_DOUBLE_EQ(travel_time_s(0, 10, 10, p), 0);
  EXPECT_NEAR(travel_time_s(100, 10, 10, p), 10, 1e-9);
  // From rest to 10 m/s takes 6.67 s and 33.3 m, then 66.7 m at 10 m/s.
  EXPECT_NEAR(travel_time_s(100, 0, 10, p), 10.0 / 1.5 + (100 - 100.0 / 3) / 10, 1e-9);
  // Too short to reach the speed: d = a t² / 2.
  EXPECT_NEAR(travel_time_s(3, 0, 10, p), std::sqrt(2 * 3 / 1.5), 1e-9);
}

}  // namespace
}  // namespace codriver::signals
