#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "places/ev_model.h"

// Charging stops for an electric car: which chargers to stop at and how much to charge at
// each so the trip takes the least time (driving + charging + a fixed overhead per stop),
// with the charge on every arrival at or above the reserve. Pure: it sees a table of legs,
// not the map (ev_route_plan.h builds the table from the road network).
namespace codriver::places {

// SoC comparisons allow this much rounding: a leg that uses exactly the charge above the
// reserve is feasible, and a stop has to add more than this.
inline constexpr double kSocTolerance = 1e-9;

struct ChargerSite {
  std::string id;
  double power_kw = 50.0;  // what the charger delivers at most
};

struct LegCost {
  double duration_s = 0;
  double distance_m = 0;
};

// Nodes: 0 is the origin, 1..n the chargers, n+1 the destination. Legs into the origin and
// out of the destination are never used.
class LegTable {
 public:
  explicit LegTable(std::size_t charger_count);

  std::size_t node_count() const { return node_count_; }
  std::size_t destination() const { return node_count_ - 1; }

  void set(std::size_t from, std::size_t to, LegCost leg);
  // nullopt: no road from `from` to `to`.
  const std::optional<LegCost>& at(std::size_t from, std::size_t to) const;

 private:
  std::size_t node_count_;
  std::vector<std::optional<LegCost>> legs_;  // row-major, node_count_ x node_count_
};

struct EvPlannerOptions {
  // Departure charges are multiples of this step (and max_charge_soc itself): 0.01 is 1%.
  double soc_step = 0.01;
};

struct ChargingStop {
  std::size_t charger = 0;  // index into the chargers given to the planner
  std::string charger_id;
  double charger_kw = 0;
  double arrival_soc = 0;
  double departure_soc = 0;
  double energy_added_kwh = 0;
  double charge_time_s = 0;
  double arrival_time_s = 0;    // since leaving the origin
  double departure_time_s = 0;  // arrival + overhead + charging
  double drive_time_s = 0;      // of the leg that ends here
  double distance_m = 0;        // of that leg
};

enum class PlanProblem {
  kNone,
  kStartBelowReserve,  // the battery already holds less than the reserve
  kNoRoad,             // no chain of legs reaches the destination at all
  kOutOfRange,         // legs exist, but not with enough charge, even charging fully
  kInvalidStop,        // evaluate_plan only: a stop adds no charge or exceeds max_charge_soc
};

// A stable name for scripts: "none", "start_below_reserve", "no_road", "out_of_range",
// "invalid_stop".
const char* plan_problem_name(PlanProblem problem);

struct ChargingPlan {
  bool feasible = false;
  PlanProblem problem = PlanProblem::kNone;
  std::string reason_en;  // for the driver, empty when feasible
  std::string reason_zh;

  std::vector<ChargingStop> stops;  // in driving order; empty when no charge is needed
  double drive_time_s = 0;
  double charge_time_s = 0;    // charging only
  double overhead_time_s = 0;  // stop_overhead_s per stop
  double total_time_s = 0;     // drive + charge + overhead: the arrival time
  double distance_m = 0;
  double arrival_soc = 0;  // at the destination
  double final_leg_drive_time_s = 0;
  double final_leg_distance_m = 0;
};

// Charger departure levels on the SoC grid: step, 2*step, ... below max_charge_soc, and
// max_charge_soc itself. Throws std::invalid_argument for a step outside (0, 0.5].
std::vector<double> charge_levels(double soc_step, double max_charge_soc);

// The fastest plan (ties: fewer stops) where every stop charges to a level of
// charge_levels(); a charger is visited at most once. Throws std::invalid_argument for bad
// parameters, a table whose size does not match the chargers, or a charger power <= 0.
//
// Exact on that grid: A* (lower bound: the least driving time left) over (charger,
// departure level) states, where reaching level g+1 from level g at the same charger costs
// the extra charging time, so a state is settled once with the best (time, stops). Should
// that plan visit a charger twice (rare: it takes odd legs, such as a fast charger reached
// only through a slow one), the search runs again tracking visits to the chargers it repeated,
// labels then being dominated by earlier ones with a subset of those visits, until no charger
// repeats. O(n^2 L log(nL)) for n chargers and L levels without repeats.
ChargingPlan plan_charging(const std::vector<ChargerSite>& chargers, const LegTable& legs,
                           const EvParameters& vehicle, const EvPlannerOptions& options = {});

// The plan for a given sequence of (charger, departure soc): times and charges along it;
// feasible=false (kNoRoad, kOutOfRange, kInvalidStop) where the sequence cannot be driven.
// For checking, and for a plan the driver chose.
ChargingPlan evaluate_plan(const std::vector<ChargerSite>& chargers, const LegTable& legs,
                           const EvParameters& vehicle,
                           const std::vector<std::pair<std::size_t, double>>& stops);

}  // namespace codriver::places
