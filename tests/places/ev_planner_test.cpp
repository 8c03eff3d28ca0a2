#include "places/ev_planner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <limits>
#include <random>
#include <set>
#include <stdexcept>

#include "places/ev_route_plan.h"
#include "routing/matrix.h"
#include "routing/routing_fixture.h"

namespace codriver::places {
namespace {

// ---- Helpers -------------------------------------------------------------------------

// A car that uses exactly 1% of its battery per km at any speed: hand cases read in km.
EvParameters one_percent_per_km() {
  EvParameters car;
  car.capacity_kwh = 20;
  car.start_soc = 0.8;
  car.reserve_soc = 0.1;
  car.consumption.rolling_resistance = 0;
  car.consumption.drag_area_m2 = 0;
  car.consumption.auxiliary_kw = 0;
  car.consumption.traffic_loss_kwh_per_100km = 20;
  return car;
}

LegCost at_100_kmh(double km) {
  return {km * 36.0, km * 1000.0};
}

// A straight road from the origin (km 0) to the destination, with chargers at km marks.
LegTable straight_road(double destination_km, const std::vector<double>& charger_km) {
  std::vector<double> km{0.0};
  km.insert(km.end(), charger_km.begin(), charger_km.end());
  km.push_back(destination_km);
  LegTable legs(charger_km.size());
  for (std::size_t from = 0; from + 1 < km.size(); ++from) {
    for (std::size_t to = 1; to < km.size(); ++to) {
      if (from != to) legs.set(from, to, at_100_kmh(std::abs(km[to] - km[from])));
    }
  }
  return legs;
}

std::vector<ChargerSite> sites(const std::vector<double>& power_kw) {
  std::vector<ChargerSite> chargers;
  for (std::size_t i = 0; i < power_kw.size(); ++i) {
    chargers.push_back({"c" + std::to_string(i), power_kw[i]});
  }
  return chargers;
}

std::vector<std::string> stop_ids(const ChargingPlan& plan) {
  std::vector<std::string> ids;
  for (const ChargingStop& stop : plan.stops)
    ids.push_back(stop.charger_id);
  return ids;
}

// What every feasible plan must satisfy, whatever the search did.
void expect_consistent(const ChargingPlan& plan, const EvParameters& car,
                       const std::vector<double>& levels) {
  ASSERT_TRUE(plan.feasible);
  double clock = 0, charging = 0;
  std::set<std::size_t> visited;
  for (const ChargingStop& stop : plan.stops) {
    EXPECT_TRUE(visited.insert(stop.charger).second) << "a charger visited twice";
    EXPECT_GE(stop.arrival_soc, car.reserve_soc - kSocTolerance);
    EXPECT_GT(stop.departure_soc, stop.arrival_soc);
    EXPECT_LE(stop.departure_soc, car.max_charge_soc + kSocTolerance);
    EXPECT_NE(std::find(levels.begin(), levels.end(), stop.departure_soc), levels.end());
    EXPECT_NEAR(stop.arrival_time_s, clock + stop.drive_time_s, 1e-6);
    EXPECT_NEAR(stop.departure_time_s,
                stop.arrival_time_s + car.stop_overhead_s + stop.charge_time_s, 1e-6);
    clock = stop.departure_time_s;
    charging += stop.charge_time_s;
  }
  EXPECT_GE(plan.arrival_soc, car.reserve_soc - kSocTolerance);
  EXPECT_NEAR(plan.charge_time_s, charging, 1e-6);
  EXPECT_NEAR(plan.overhead_time_s, car.stop_overhead_s * plan.stops.size(), 1e-6);
  EXPECT_NEAR(plan.total_time_s, plan.drive_time_s + plan.charge_time_s + plan.overhead_time_s,
              1e-6);
  EXPECT_NEAR(plan.total_time_s, clock + plan.final_leg_drive_time_s, 1e-6);
}

// ---- Hand cases ----------------------------------------------------------------------

TEST(EvPlanner, NoStopWhenTheBatteryIsEnough) {
  const EvParameters car = one_percent_per_km();
  const auto chargers = sites({150, 150});
  const ChargingPlan plan = plan_charging(chargers, straight_road(60, {20, 40}), car);
  ASSERT_TRUE(plan.feasible);
  EXPECT_TRUE(plan.stops.empty());
  EXPECT_NEAR(plan.arrival_soc, 0.2, 1e-9);
  EXPECT_NEAR(plan.total_time_s, 60 * 36.0, 1e-9);
  EXPECT_EQ(plan.charge_time_s, 0);
  EXPECT_EQ(plan.problem, PlanProblem::kNone);
  EXPECT_TRUE(plan.reason_en.empty());
}

TEST(EvPlanner, OneStopChargesJustWhatTheRestNeeds) {
  const EvParameters car = one_percent_per_km();
  const auto chargers = sites({150});
  const ChargingPlan plan = plan_charging(chargers, straight_road(150, {70}), car);
  ASSERT_TRUE(plan.feasible) << plan.reason_en;
  ASSERT_EQ(plan.stops.size(), 1u);
  const ChargingStop& stop = plan.stops[0];
  EXPECT_EQ(stop.charger_id, "c0");
  EXPECT_NEAR(stop.arrival_soc, 0.1, 1e-9);  // exactly the reserve
  EXPECT_NEAR(stop.departure_soc, 0.9, 1e-9);
  EXPECT_NEAR(plan.arrival_soc, 0.1, 1e-9);
  EXPECT_NEAR(stop.energy_added_kwh, 16, 1e-9);
  EXPECT_NEAR(stop.charge_time_s, car.charging.charge_time_s(0.1, 0.9, 150, 20), 1e-6);
  EXPECT_NEAR(stop.arrival_time_s, 70 * 36.0, 1e-9);
  EXPECT_NEAR(plan.total_time_s, 150 * 36.0 + 300 + stop.charge_time_s, 1e-6);
  expect_consistent(plan, car, charge_levels(0.01, 1.0));
}

TEST(EvPlanner, TwoStopsWhenOneCannotBridgeTheGap) {
  const EvParameters car = one_percent_per_km();
  // From km 60 nothing but km 140 is within range of the destination; km 100 is a decoy
  // that would make three stops.
  const auto chargers = sites({150, 150, 150});
  const ChargingPlan plan = plan_charging(chargers, straight_road(220, {60, 100, 140}), car);
  ASSERT_TRUE(plan.feasible) << plan.reason_en;
  EXPECT_EQ(stop_ids(plan), (std::vector<std::string>{"c0", "c2"}));
  EXPECT_NEAR(plan.stops[0].departure_soc, 0.9, 1e-9);
  EXPECT_NEAR(plan.stops[1].departure_soc, 0.9, 1e-9);
  expect_consistent(plan, car, charge_levels(0.01, 1.0));
}

TEST(EvPlanner, InfeasibleSaysWhyInBothLanguages) {
  const EvParameters car = one_percent_per_km();
  const ChargingPlan plan = plan_charging(sites({150}), straight_road(200, {20}), car);
  EXPECT_FALSE(plan.feasible);
  EXPECT_EQ(plan.problem, PlanProblem::kOutOfRange);
  EXPECT_STREQ(plan_problem_name(plan.problem), "out_of_range");
  EXPECT_NE(plan.reason_en.find("100%"), std::string::npos) << plan.reason_en;
  EXPECT_NE(plan.reason_en.find("10%"), std::string::npos) << plan.reason_en;
  EXPECT_NE(plan.reason_zh.find("充电站"), std::string::npos) << plan.reason_zh;
  EXPECT_TRUE(plan.stops.empty());
}

TEST(EvPlanner, NoRoadAndLowStartAreTheirOwnProblems) {
  EvParameters car = one_percent_per_km();
  LegTable cut(1);
  cut.set(0, 1, at_100_kmh(10));  // the charger is reachable, the destination is not
  const ChargingPlan no_road = plan_charging(sites({50}), cut, car);
  EXPECT_EQ(no_road.problem, PlanProblem::kNoRoad);
  EXPECT_FALSE(no_road.reason_zh.empty());

  car.start_soc = 0.05;
  const ChargingPlan low = plan_charging(sites({50}), straight_road(10, {5}), car);
  EXPECT_EQ(low.problem, PlanProblem::kStartBelowReserve);
  EXPECT_NE(low.reason_en.find("5%"), std::string::npos) << low.reason_en;
  EXPECT_NE(low.reason_zh.find("保留电量"), std::string::npos);
}

TEST(EvPlanner, ReserveIsRespected) {
  EvParameters car = one_percent_per_km();
  const auto chargers = sites({50});
  const LegTable legs = straight_road(60, {30});
  EXPECT_TRUE(plan_charging(chargers, legs, car).stops.empty());  // arrives with 20%
  car.reserve_soc = 0.3;
  const ChargingPlan plan = plan_charging(chargers, legs, car);
  ASSERT_TRUE(plan.feasible);
  ASSERT_EQ(plan.stops.size(), 1u);
  EXPECT_NEAR(plan.stops[0].arrival_soc, 0.5, 1e-9);
  EXPECT_NEAR(plan.stops[0].departure_soc, 0.6, 1e-9);
  EXPECT_NEAR(plan.arrival_soc, 0.3, 1e-9);
}

TEST(EvPlanner, MaxChargeCapsEveryStop) {
  EvParameters car = one_percent_per_km();
  car.max_charge_soc = 0.8;
  // 80% takes the car 70 km past the reserve, so 60 -> 140 needs a stop between.
  const ChargingPlan plan =
      plan_charging(sites({150, 150, 150}), straight_road(200, {60, 100, 140}), car);
  ASSERT_TRUE(plan.feasible) << plan.reason_en;
  EXPECT_EQ(stop_ids(plan), (std::vector<std::string>{"c0", "c1", "c2"}));
  for (const ChargingStop& stop : plan.stops)
    EXPECT_LE(stop.departure_soc, 0.8 + 1e-12);
  car.max_charge_soc = 0.5;
  EXPECT_EQ(plan_charging(sites({150}), straight_road(150, {70}), car).problem,
            PlanProblem::kOutOfRange);
}

// Chargers A (22 kW, on the road at km 70) and B (150 kW, `detour_km` off the road there).
LegTable fork(double detour_km) {
  LegTable legs(2);
  legs.set(0, 1, at_100_kmh(70));
  legs.set(1, 3, at_100_kmh(80));
  legs.set(0, 2, at_100_kmh(70 + detour_km));
  legs.set(2, 3, at_100_kmh(80 + detour_km));
  legs.set(1, 2, at_100_kmh(detour_km));
  legs.set(2, 1, at_100_kmh(detour_km));
  legs.set(0, 3, at_100_kmh(150));
  return legs;
}

TEST(EvPlanner, AFasterChargerSlightlyOffTheRoadWins) {
  EvParameters car = one_percent_per_km();
  car.start_soc = 0.85;
  const std::vector<ChargerSite> chargers{{"slow-on-road", 22}, {"fast-off-road", 150}};
  const ChargingPlan near = plan_charging(chargers, fork(2), car);
  ASSERT_TRUE(near.feasible);
  EXPECT_EQ(stop_ids(near), std::vector<std::string>{"fast-off-road"});
  // 0.8 -> 0.92 of 20 kWh at 22 kW takes 39 min; 4 km more driving takes 2.4 min.
  EXPECT_LT(near.total_time_s, evaluate_plan(chargers, fork(2), car, {{0, 0.9}}).total_time_s);

  // Far enough off the road, the detour costs more than slow charging does.
  car.start_soc = 0.95;
  const ChargingPlan far = plan_charging(chargers, fork(60), car);
  ASSERT_TRUE(far.feasible);
  EXPECT_EQ(stop_ids(far), std::vector<std::string>{"slow-on-road"});
}

TEST(EvPlanner, NeverVisitsAChargerTwiceEvenWhenLegsMakeItTempting) {
  // The slow charger is the only way in and out; the fast one is a short spur from it.
  // Topping up at the slow one, charging fully at the fast one and coming back would be
  // quicker, but a plan visits each charger once.
  EvParameters car = one_percent_per_km();
  car.start_soc = 0.5;
  LegTable legs(2);
  legs.set(0, 1, at_100_kmh(10));
  legs.set(1, 2, at_100_kmh(1));
  legs.set(2, 1, at_100_kmh(1));
  legs.set(1, 3, at_100_kmh(80));
  const std::vector<ChargerSite> chargers{{"slow", 11}, {"fast", 250}};
  const ChargingPlan plan = plan_charging(chargers, legs, car);
  ASSERT_TRUE(plan.feasible);
  EXPECT_EQ(stop_ids(plan), std::vector<std::string>{"slow"});
  EXPECT_NEAR(plan.stops[0].departure_soc, 0.9, 1e-9);
  expect_consistent(plan, car, charge_levels(0.01, 1.0));
}

TEST(EvPlanner, EvaluatePlanRejectsStopsThatDoNotCharge) {
  const EvParameters car = one_percent_per_km();
  const auto chargers = sites({150});
  const LegTable legs = straight_road(150, {70});
  EXPECT_EQ(evaluate_plan(chargers, legs, car, {{0, 0.05}}).problem, PlanProblem::kInvalidStop);
  EXPECT_EQ(evaluate_plan(chargers, legs, car, {{0, 0.5}}).problem, PlanProblem::kOutOfRange);
  EXPECT_TRUE(evaluate_plan(chargers, legs, car, {{0, 0.95}}).feasible);
}

TEST(EvPlanner, RejectsBadInput) {
  const EvParameters car = one_percent_per_km();
  EXPECT_THROW(plan_charging(sites({150, 150}), straight_road(10, {5}), car),
               std::invalid_argument);  // two chargers, a table for one
  EXPECT_THROW(plan_charging(sites({0}), straight_road(10, {5}), car), std::invalid_argument);
  EXPECT_THROW(plan_charging(sites({50}), straight_road(10, {5}), car, {.soc_step = 0}),
               std::invalid_argument);
  LegTable legs(0);
  EXPECT_THROW(legs.set(0, 1, {-1, 10}), std::invalid_argument);
  EXPECT_THROW(legs.set(0, 5, {1, 10}), std::out_of_range);
}

TEST(EvPlanner, ChargeLevelsEndAtTheMaximum) {
  EXPECT_EQ(charge_levels(0.25, 1.0), (std::vector<double>{0.25, 0.5, 0.75, 1.0}));
  EXPECT_EQ(charge_levels(0.25, 0.8), (std::vector<double>{0.25, 0.5, 0.75, 0.8}));
  EXPECT_EQ(charge_levels(0.01, 1.0).size(), 100u);
}

// ---- Against exhaustive search -------------------------------------------------------

struct Best {
  bool found = false;
  double time_s = 0;
  std::size_t stops = 0;

  void offer(double time, std::size_t stop_count) {
    constexpr double kSame = 1e-6;
    if (!found || time < time_s - kSame) {
      *this = {true, time, stop_count};
    } else if (time <= time_s + kSame) {
      time_s = std::min(time_s, time);
      stops = std::min(stops, stop_count);
    }
  }
};

// Every ordered sequence of distinct chargers with every departure level of the grid,
// written as plainly as possible. Branches that cannot beat the best complete plan even
// if the rest were pure driving on the quickest legs (Floyd-Warshall) are cut.
//
// A first pass charges fully at every stop. Every leg of a random trip uses some charge,
// so a full charge is always a valid stop and reaches whatever a smaller one reaches: no
// plan in that pass means no plan at all (which would otherwise take minutes to prove),
// and its best plan bounds the full pass from the start.
class BruteForce {
 public:
  BruteForce(const std::vector<ChargerSite>& chargers, const LegTable& legs,
             const EvParameters& car, double soc_step)
      : chargers_(chargers),
        legs_(legs),
        car_(car),
        levels_(charge_levels(soc_step, car.max_charge_soc)),
        used_(chargers.size(), false),
        quickest_to_end_s_(quickest_to_destination(legs)) {}

  Best solve() {
    if (car_.start_soc < car_.reserve_soc - kSocTolerance) return best_;
    full_charges_only_ = true;
    visit(0, car_.start_soc, 0.0, 0);
    if (!best_.found) return best_;
    full_charges_only_ = false;
    visit(0, car_.start_soc, 0.0, 0);
    return best_;
  }

 private:
  static std::vector<double> quickest_to_destination(const LegTable& legs) {
    const std::size_t n = legs.node_count();
    std::vector<double> d(n * n, std::numeric_limits<double>::infinity());
    for (std::size_t i = 0; i < n; ++i) {
      d[i * n + i] = 0;
      for (std::size_t j = 0; j < n; ++j) {
        if (legs.at(i, j)) d[i * n + j] = std::min(d[i * n + j], legs.at(i, j)->duration_s);
      }
    }
    for (std::size_t k = 0; k < n; ++k) {
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j)
          d[i * n + j] = std::min(d[i * n + j], d[i * n + k] + d[k * n + j]);
      }
    }
    std::vector<double> to_end(n);
    for (std::size_t i = 0; i < n; ++i)
      to_end[i] = d[i * n + legs.destination()];
    return to_end;
  }

  double soc_used(std::size_t from, std::size_t to) const {
    const auto& leg = *legs_.at(from, to);
    return car_.consumption.leg_energy_kwh(leg.distance_m, leg.duration_s) / car_.capacity_kwh;
  }

  void visit(std::size_t node, double soc, double time, std::size_t stops) {
    if (best_.found && time + quickest_to_end_s_[node] > best_.time_s + 1e-6) return;
    const std::size_t destination = legs_.destination();
    if (legs_.at(node, destination) &&
        soc - soc_used(node, destination) >= car_.reserve_soc - kSocTolerance) {
      best_.offer(time + legs_.at(node, destination)->duration_s, stops);
    }
    for (std::size_t c = 0; c < chargers_.size(); ++c) {
      if (used_[c] || !legs_.at(node, c + 1)) continue;
      const double arrival = soc - soc_used(node, c + 1);
      if (arrival < car_.reserve_soc - kSocTolerance) continue;
      const double arrived_at = time + legs_.at(node, c + 1)->duration_s + car_.stop_overhead_s;
      used_[c] = true;
      for (double level : levels_) {
        if (level <= arrival + kSocTolerance) continue;
        if (full_charges_only_ && level != levels_.back()) continue;
        const double charging = car_.charging.charge_time_s(
            std::max(arrival, 0.0), level, chargers_[c].power_kw, car_.capacity_kwh);
        visit(c + 1, level, arrived_at + charging, stops + 1);
      }
      used_[c] = false;
    }
  }

  const std::vector<ChargerSite>& chargers_;
  const LegTable& legs_;
  const EvParameters& car_;
  std::vector<double> levels_;
  std::vector<bool> used_;
  std::vector<double> quickest_to_end_s_;
  bool full_charges_only_ = false;
  Best best_;
};

struct RandomTrip {
  std::vector<ChargerSite> chargers;
  LegTable legs{0};
  EvParameters car;
  EvPlannerOptions options;
};

template <typename T>
T pick(std::mt19937& random, std::initializer_list<T> choices) {
  std::uniform_int_distribution<std::size_t> index(0, choices.size() - 1);
  return *(choices.begin() + index(random));
}

// Points in a plane: origin, chargers scattered around the way, destination; legs bend
// by a random factor, run at random speeds, and one in ten is missing.
RandomTrip random_trip(std::mt19937& random, std::size_t max_chargers) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto between = [&](double low, double high) { return low + (high - low) * unit(random); };
  RandomTrip trip;
  const std::size_t count = std::uniform_int_distribution<std::size_t>(0, max_chargers)(random);
  const double length_km = between(60, 400);
  std::vector<std::pair<double, double>> at{{0, 0}};
  for (std::size_t i = 0; i < count; ++i) {
    at.emplace_back(between(-0.1, 1.1) * length_km, between(-0.2, 0.2) * length_km);
    trip.chargers.push_back(
        {"c" + std::to_string(i), pick(random, {7.0, 11.0, 22.0, 50.0, 100.0, 150.0, 350.0})});
  }
  at.emplace_back(length_km, 0);
  trip.legs = LegTable(count);
  for (std::size_t from = 0; from + 1 < at.size(); ++from) {
    for (std::size_t to = 1; to < at.size(); ++to) {
      if (from == to || unit(random) < 0.1) continue;
      const double km = std::hypot(at[to].first - at[from].first, at[to].second - at[from].second) *
                        between(1.0, 1.4);
      trip.legs.set(from, to, {km / between(30, 130) * 3600, km * 1000});
    }
  }
  trip.car.capacity_kwh = between(20, 80);
  trip.car.start_soc = between(0.15, 1.0);
  trip.car.reserve_soc = between(0.05, 0.2);
  trip.car.max_charge_soc = pick(random, {0.8, 0.9, 1.0});
  trip.car.stop_overhead_s = pick(random, {0.0, 120.0, 300.0, 600.0});
  // Brute force grows with levels^stops: fine grids with few chargers.
  trip.options.soc_step = count <= 3   ? pick(random, {0.01, 0.02, 0.05, 0.1})
                          : count == 4 ? pick(random, {0.02, 0.05, 0.1})
                                       : pick(random, {0.05, 0.1});
  return trip;
}

TEST(EvPlanner, AgreesWithExhaustiveSearchOnSmallRandomTrips) {
  std::mt19937 random(2024);
  int feasible = 0, with_stops = 0, with_two_or_more = 0;
  for (int round = 0; round < 1000; ++round) {
    SCOPED_TRACE("case " + std::to_string(round));
    const RandomTrip trip = random_trip(random, 6);
    const ChargingPlan plan = plan_charging(trip.chargers, trip.legs, trip.car, trip.options);
    const Best best = BruteForce(trip.chargers, trip.legs, trip.car, trip.options.soc_step).solve();
    ASSERT_EQ(plan.feasible, best.found) << plan.reason_en;
    if (!best.found) continue;
    ++feasible;
    with_stops += !plan.stops.empty();
    with_two_or_more += plan.stops.size() >= 2;
    EXPECT_NEAR(plan.total_time_s, best.time_s, 1e-6);
    EXPECT_EQ(plan.stops.size(), best.stops);
    expect_consistent(plan, trip.car,
                      charge_levels(trip.options.soc_step, trip.car.max_charge_soc));
  }
  // The random trips exercise every kind of answer.
  EXPECT_GT(feasible, 200);
  EXPECT_GT(with_stops, 100);
  EXPECT_GT(with_two_or_more, 30);
  EXPECT_LT(feasible, 1000);
}

TEST(EvPlanner, FiftyCandidatesPlanQuickly) {
  std::mt19937 random(50);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const double length_km = 900;
  std::vector<std::pair<double, double>> at{{0, 0}};
  std::vector<ChargerSite> chargers;
  for (int i = 0; i < 50; ++i) {
    at.emplace_back(unit(random) * length_km, (unit(random) - 0.5) * 40);
    chargers.push_back({"c" + std::to_string(i), i % 3 == 0 ? 50.0 : 150.0});
  }
  at.emplace_back(length_km, 0);
  LegTable legs(chargers.size());
  for (std::size_t from = 0; from + 1 < at.size(); ++from) {
    for (std::size_t to = 1; to < at.size(); ++to) {
      const double km =
          1.2 * std::hypot(at[to].first - at[from].first, at[to].second - at[from].second);
      if (from != to) legs.set(from, to, {km / 100 * 3600, km * 1000});
    }
  }
  EvParameters car;
  car.capacity_kwh = 60;
  car.start_soc = 0.9;

  const auto started = std::chrono::steady_clock::now();
  const ChargingPlan plan = plan_charging(chargers, legs, car, {.soc_step = 0.01});
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  std::cout << "[ timing   ] 50 candidates, 1% steps: " << ms << " ms, " << plan.stops.size()
            << " stops\n";
  RecordProperty("plan_ms", std::to_string(ms));
  ASSERT_TRUE(plan.feasible) << plan.reason_en;
  EXPECT_GE(plan.stops.size(), 2u);
  expect_consistent(plan, car, charge_levels(0.01, 1.0));
}

// ---- On the road network -------------------------------------------------------------

class EvOnMonaco : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    monaco_ =
        new routing::testing::RoutingFixture(codriver::testing::shared_data("osm/monaco.osm.pbf"));
  }
  static void TearDownTestSuite() {
    delete monaco_;
    monaco_ = nullptr;
  }
  static const routing::Router& router() { return *monaco_->router; }

  static routing::testing::RoutingFixture* monaco_;
};

routing::testing::RoutingFixture* EvOnMonaco::monaco_ = nullptr;

const routing::Waypoint kFontvieille{{43.7280, 7.4150}};
const routing::Waypoint kLarvotto{{43.7440, 7.4330}};

// Chargers on points along the straight line between the two ends, pushed a little aside.
std::vector<ChargerCandidate> chargers_between(geo::LatLon from, geo::LatLon to, int count) {
  std::vector<ChargerCandidate> chargers;
  for (int i = 1; i <= count; ++i) {
    const double t = static_cast<double>(i) / (count + 1);
    const geo::LatLon p{from.lat + t * (to.lat - from.lat) + (i % 2 ? 0.0004 : -0.0004),
                        from.lon + t * (to.lon - from.lon)};
    chargers.push_back(
        {"charger-" + std::to_string(i), p, i % 2 ? 50.0 : 22.0, "Borne " + std::to_string(i)});
  }
  return chargers;
}

TEST_F(EvOnMonaco, PlanMatchesTheTravelMatrix) {
  const auto on_land = chargers_between(kFontvieille.position, kLarvotto.position, 6);
  auto chargers = on_land;
  chargers.push_back({"in-the-sea", {43.70, 7.45}, 150.0, "nowhere"});

  EvParameters car;
  const auto direct = routing::travel_matrix(router(), {kFontvieille}, {kLarvotto});
  ASSERT_TRUE(direct.duration(0, 0).has_value());
  const double direct_kwh =
      car.consumption.leg_energy_kwh(*direct.distance(0, 0), *direct.duration(0, 0));
  // A battery so small that the direct drive needs more than the charge above the reserve.
  car.capacity_kwh = direct_kwh / 0.6;
  car.start_soc = 0.5;

  const EvRoutePlan trip = plan_ev_route(router(), kFontvieille, kLarvotto, chargers, car);
  EXPECT_EQ(trip.unusable_chargers, std::vector<std::string>{"in-the-sea"});
  ASSERT_TRUE(trip.plan.feasible) << trip.plan.reason_en;
  ASSERT_GE(trip.plan.stops.size(), 1u);
  ASSERT_EQ(trip.stops.size(), trip.plan.stops.size());
  expect_consistent(trip.plan, car, charge_levels(0.01, car.max_charge_soc));

  // Each leg is the matrix's cell, and each charge follows from the model.
  std::vector<routing::Waypoint> points{kFontvieille};
  for (const ChargerCandidate& c : on_land)
    points.emplace_back(c.position);
  points.push_back(kLarvotto);
  const auto matrix = routing::travel_matrix(router(), points, points);
  std::size_t from = 0;
  double soc = car.start_soc;
  for (const RoutedChargingStop& stop : trip.stops) {
    const std::size_t to = stop.charge.charger + 1;
    EXPECT_EQ(stop.position, chargers[stop.charge.charger].position);
    EXPECT_EQ(stop.name, chargers[stop.charge.charger].name);
    EXPECT_NEAR(stop.charge.drive_time_s, *matrix.duration(from, to), 1e-6);
    EXPECT_NEAR(stop.charge.distance_m, *matrix.distance(from, to), 1e-6);
    const double used =
        car.consumption.leg_energy_kwh(*matrix.distance(from, to), *matrix.duration(from, to)) /
        car.capacity_kwh;
    EXPECT_NEAR(stop.charge.arrival_soc, soc - used, 1e-9);
    soc = stop.charge.departure_soc;
    from = to;
  }
  EXPECT_NEAR(trip.plan.final_leg_drive_time_s, *matrix.duration(from, points.size() - 1), 1e-6);

  // Routing through the stops drives what the plan counted.
  const auto legs = router().route_via(trip.waypoints());
  ASSERT_EQ(legs.size(), trip.stops.size() + 1);
  double driven = 0;
  for (const routing::Leg& leg : legs)
    driven += leg.path.duration_s;
  EXPECT_NEAR(driven, trip.plan.drive_time_s, 1.0);
}

TEST_F(EvOnMonaco, AFullBatteryNeedsNoStopAndBadEndsThrow) {
  const EvRoutePlan trip =
      plan_ev_route(router(), kFontvieille, kLarvotto,
                    chargers_between(kFontvieille.position, kLarvotto.position, 3), EvParameters{});
  ASSERT_TRUE(trip.plan.feasible);
  EXPECT_TRUE(trip.stops.empty());
  EXPECT_GT(trip.plan.arrival_soc, 0.7);
  EXPECT_THROW(plan_ev_route(router(), {{43.60, 7.20}}, kLarvotto, {}, EvParameters{}),
               routing::RoutingError);
}

}  // namespace
}  // namespace codriver::places
