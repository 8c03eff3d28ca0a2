#include "places/ev_planner.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <queue>
#include <stdexcept>

namespace codriver::places {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::string percent(double soc) {
  return std::to_string(std::lround(soc * 100.0)) + "%";
}

// ---- The table and the problem, checked and precomputed ------------------------------

void check_leg(const LegCost& leg) {
  if (!std::isfinite(leg.duration_s) || leg.duration_s < 0 || !std::isfinite(leg.distance_m) ||
      leg.distance_m < 0) {
    throw std::invalid_argument("a leg's duration and distance must be finite and not negative");
  }
}

void check_inputs(const std::vector<ChargerSite>& chargers, const LegTable& legs,
                  const EvParameters& vehicle) {
  vehicle.validate();
  if (legs.node_count() != chargers.size() + 2) {
    throw std::invalid_argument("the leg table has " + std::to_string(legs.node_count()) +
                                " nodes, but origin + " + std::to_string(chargers.size()) +
                                " chargers + destination make " +
                                std::to_string(chargers.size() + 2));
  }
  for (const ChargerSite& charger : chargers) {
    if (!std::isfinite(charger.power_kw) || charger.power_kw <= 0) {
      throw std::invalid_argument("charger '" + charger.id + "' has no positive power (kW)");
    }
  }
}

// The share of the battery a leg uses; NaN where there is no leg.
double leg_soc(const LegTable& legs, const EvParameters& vehicle, std::size_t from,
               std::size_t to) {
  const auto& leg = legs.at(from, to);
  if (!leg) return std::numeric_limits<double>::quiet_NaN();
  return vehicle.consumption.leg_energy_kwh(leg->distance_m, leg->duration_s) /
         vehicle.capacity_kwh;
}

// The least driving time from each node to the destination, ignoring the battery: a lower
// bound on the rest of any plan, which steers the search (A*) and detects "no road".
std::vector<double> drive_time_to_destination(const LegTable& legs) {
  const std::size_t count = legs.node_count();
  std::vector<double> best(count, kInfinity);
  std::vector<bool> done(count, false);
  best[legs.destination()] = 0;
  for (std::size_t round = 0; round < count; ++round) {
    std::size_t next = count;
    for (std::size_t v = 0; v < count; ++v) {
      if (!done[v] && best[v] < kInfinity && (next == count || best[v] < best[next])) next = v;
    }
    if (next == count) break;
    done[next] = true;
    for (std::size_t u = 0; u < count; ++u) {
      const auto& leg = legs.at(u, next);
      if (u != next && leg) best[u] = std::min(best[u], leg->duration_s + best[next]);
    }
  }
  return best;
}

struct Problem {
  const std::vector<ChargerSite>& chargers;
  const LegTable& legs;
  const EvParameters& vehicle;
  std::vector<double> levels;
  std::vector<double> leg_soc;                    // row-major over nodes; NaN: no leg
  std::vector<std::vector<double>> level_time_s;  // per charger: time from empty to a level
  std::vector<double> lower_bound_s;              // per node: drive time to the destination

  Problem(const std::vector<ChargerSite>& c, const LegTable& l, const EvParameters& v,
          const EvPlannerOptions& options)
      : chargers(c),
        legs(l),
        vehicle(v),
        levels(charge_levels(options.soc_step, v.max_charge_soc)) {
    const std::size_t nodes = legs.node_count();
    leg_soc.resize(nodes * nodes);
    for (std::size_t from = 0; from < nodes; ++from) {
      for (std::size_t to = 0; to < nodes; ++to) {
        leg_soc[from * nodes + to] = places::leg_soc(legs, vehicle, from, to);
      }
    }
    for (const ChargerSite& charger : chargers) {
      std::vector<double> times;
      for (double level : levels)
        times.push_back(time_from_empty_s(charger, level));
      level_time_s.push_back(std::move(times));
    }
    lower_bound_s = drive_time_to_destination(legs);
  }

  std::size_t charger_count() const { return chargers.size(); }
  double soc_used(std::size_t from, std::size_t to) const {
    return leg_soc[from * legs.node_count() + to];
  }
  double drive_s(std::size_t from, std::size_t to) const { return legs.at(from, to)->duration_s; }
  double time_from_empty_s(const ChargerSite& charger, double soc) const {
    return vehicle.charging.time_from_empty_s(std::clamp(soc, 0.0, 1.0), charger.power_kw,
                                              vehicle.capacity_kwh);
  }
  bool arrives_above_reserve(double arrival_soc) const {
    return arrival_soc >= vehicle.reserve_soc - kSocTolerance;
  }
  // The first level a stop arriving with `arrival_soc` can charge to; levels.size() if none.
  std::size_t first_level_above(double arrival_soc) const {
    return static_cast<std::size_t>(
        std::upper_bound(levels.begin(), levels.end(), arrival_soc + kSocTolerance) -
        levels.begin());
  }
};

// ---- The search ----------------------------------------------------------------------
//
// States: (charger, departure level) for every charger and level, then the origin and the
// destination. A label is one way to reach a state. Arriving at a charger leads to its
// lowest level above the arrival charge; "charge one level more" leads from (c, g) to
// (c, g+1) at the cost of the extra charging time, which the curve's additivity makes exact.

// Which chargers a label has visited, among the tracked ones (see plan_charging).
using Mask = std::vector<std::uint64_t>;

bool is_subset(const Mask& part, const Mask& whole) {
  for (std::size_t i = 0; i < part.size(); ++i) {
    if (part[i] & ~whole[i]) return false;
  }
  return true;
}

// Bit per tracked charger; kUntracked for the others, which the search may revisit.
constexpr int kUntracked = -1;

bool has_bit(const Mask& mask, int bit) {
  return bit != kUntracked && (mask[bit / 64] >> (bit % 64)) & 1u;
}

void set_bit(Mask& mask, int bit) {
  if (bit != kUntracked) mask[bit / 64] |= std::uint64_t{1} << (bit % 64);
}

struct Label {
  double time_s;
  std::uint32_t stops;
  std::uint32_t state;
  std::int64_t parent;  // label index, -1 at the origin
  Mask visited;
};

class Search {
 public:
  // `tracked_bit[c]`: the bit of charger c in the masks, or kUntracked.
  Search(const Problem& problem, const std::vector<int>& tracked_bit, std::size_t tracked_count)
      : problem_(problem),
        tracked_bit_(tracked_bit),
        mask_words_((tracked_count + 63) / 64),
        levels_(problem.levels.size()),
        origin_state_(problem.charger_count() * levels_),
        destination_state_(origin_state_ + 1),
        settled_(destination_state_ + 1) {}

  // The index of the best label at the destination, or -1 when none is reachable.
  std::int64_t run() {
    Mask none(mask_words_, 0);
    push({0.0, 0, static_cast<std::uint32_t>(origin_state_), -1, std::move(none)});
    while (!queue_.empty()) {
      const std::int64_t index = queue_.top().label;
      queue_.pop();
      if (!settle(index)) continue;
      if (labels_[index].state == destination_state_) return index;
      expand(index);
    }
    return -1;
  }

  // (charger, departure soc) in driving order; repeated visits stay visible.
  std::vector<std::pair<std::size_t, double>> stops_to(std::int64_t index) const {
    std::vector<std::pair<std::size_t, double>> stops;
    std::size_t previous_charger = problem_.charger_count();
    for (std::int64_t at = labels_[index].parent; at >= 0; at = labels_[at].parent) {
      const std::size_t state = labels_[at].state;
      if (state == origin_state_) break;
      const std::size_t charger = state / levels_;
      // Walking back, the first label of a run at one charger holds its final level.
      if (charger != previous_charger) {
        stops.emplace_back(charger, problem_.levels[state % levels_]);
      }
      previous_charger = charger;
    }
    std::reverse(stops.begin(), stops.end());
    return stops;
  }

 private:
  struct Entry {
    double key_s;  // time so far + lower bound on the rest
    std::uint32_t stops;
    std::int64_t label;
    bool operator>(const Entry& other) const {
      return key_s != other.key_s ? key_s > other.key_s : stops > other.stops;
    }
  };

  void push(Label label) {
    const double bound =
        label.state == destination_state_ ? 0.0 : problem_.lower_bound_s[node(label.state)];
    queue_.push({label.time_s + bound, label.stops, static_cast<std::int64_t>(labels_.size())});
    labels_.push_back(std::move(label));
  }

  std::size_t node(std::size_t state) const {
    if (state == origin_state_) return 0;
    if (state == destination_state_) return problem_.legs.destination();
    return state / levels_ + 1;
  }

  // Labels leave the queue in (time, stops) order, so an earlier label at the same state
  // whose visited chargers are a subset of this one's can do all it can, at least as well.
  // Without tracking, every mask is empty and the first label settles the state.
  bool settle(std::int64_t index) {
    auto& here = settled_[labels_[index].state];
    for (std::int64_t earlier : here) {
      if (is_subset(labels_[earlier].visited, labels_[index].visited)) return false;
    }
    here.push_back(index);
    return true;
  }

  void expand(std::int64_t index) {
    const std::size_t state = labels_[index].state;
    double soc = problem_.vehicle.start_soc;
    if (state != origin_state_) {
      soc = problem_.levels[state % levels_];
      charge_one_level_more(index);
    }
    const std::size_t from = node(state);
    for (std::size_t charger = 0; charger < problem_.charger_count(); ++charger) {
      if (charger + 1 != from) arrive_at_charger(index, from, soc, charger);
    }
    arrive_at_destination(index, from, soc);
  }

  void charge_one_level_more(std::int64_t index) {
    const Label& label = labels_[index];
    const std::size_t level = label.state % levels_;
    if (level + 1 >= levels_) return;
    const auto& times = problem_.level_time_s[label.state / levels_];
    push({label.time_s + times[level + 1] - times[level], label.stops, label.state + 1, index,
          label.visited});
  }

  void arrive_at_charger(std::int64_t index, std::size_t from, double soc, std::size_t charger) {
    const Label& label = labels_[index];
    if (has_bit(label.visited, tracked_bit_[charger])) return;
    const std::size_t to = charger + 1;
    const double arrival = soc - problem_.soc_used(from, to);  // NaN without a leg: fails below
    if (!problem_.arrives_above_reserve(arrival)) return;
    const std::size_t level = problem_.first_level_above(arrival);
    if (level >= levels_) return;
    const std::uint32_t state = static_cast<std::uint32_t>(charger * levels_ + level);
    if (mask_words_ == 0 && !settled_[state].empty()) return;
    const ChargerSite& site = problem_.chargers[charger];
    const double charging =
        problem_.level_time_s[charger][level] - problem_.time_from_empty_s(site, arrival);
    Mask visited = label.visited;
    set_bit(visited, tracked_bit_[charger]);
    push({label.time_s + problem_.drive_s(from, to) + problem_.vehicle.stop_overhead_s + charging,
          label.stops + 1, state, index, std::move(visited)});
  }

  void arrive_at_destination(std::int64_t index, std::size_t from, double soc) {
    const std::size_t to = problem_.legs.destination();
    const double arrival = soc - problem_.soc_used(from, to);
    if (!problem_.arrives_above_reserve(arrival)) return;
    const Label& label = labels_[index];
    push({label.time_s + problem_.drive_s(from, to), label.stops,
          static_cast<std::uint32_t>(destination_state_), index, label.visited});
  }

  const Problem& problem_;
  const std::vector<int>& tracked_bit_;
  const std::size_t mask_words_;
  const std::size_t levels_;
  const std::size_t origin_state_;
  const std::size_t destination_state_;
  std::vector<Label> labels_;
  std::vector<std::vector<std::int64_t>> settled_;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue_;
};

std::vector<std::size_t> chargers_visited_twice(
    const std::vector<std::pair<std::size_t, double>>& stops) {
  std::vector<std::size_t> chargers, repeated;
  for (const auto& stop : stops)
    chargers.push_back(stop.first);
  std::sort(chargers.begin(), chargers.end());
  for (std::size_t i = 1; i < chargers.size(); ++i) {
    if (chargers[i] == chargers[i - 1] && (repeated.empty() || repeated.back() != chargers[i])) {
      repeated.push_back(chargers[i]);
    }
  }
  return repeated;
}

// ---- Plans ---------------------------------------------------------------------------

ChargingPlan infeasible(PlanProblem problem, std::string en, std::string zh) {
  ChargingPlan plan;
  plan.problem = problem;
  plan.reason_en = std::move(en);
  plan.reason_zh = std::move(zh);
  return plan;
}

ChargingPlan start_below_reserve(const EvParameters& vehicle) {
  const std::string soc = percent(vehicle.start_soc), reserve = percent(vehicle.reserve_soc);
  return infeasible(
      PlanProblem::kStartBelowReserve,
      "The battery is at " + soc + ", below the " + reserve +
          " reserve: charge before setting off, or lower the reserve.",
      "电量为" + soc + "，低于" + reserve + "的保留电量：请先充电再出发，或降低保留电量。");
}

ChargingPlan no_road() {
  return infeasible(PlanProblem::kNoRoad, "No road connects the start to the destination.",
                    "没有道路连接起点和终点。");
}

ChargingPlan out_of_range(const EvParameters& vehicle) {
  const std::string full = percent(vehicle.max_charge_soc), reserve = percent(vehicle.reserve_soc);
  return infeasible(PlanProblem::kOutOfRange,
                    "Even charging to " + full +
                        " at every charger, the destination cannot be reached with the " + reserve +
                        " reserve left: add chargers along the way or lower the reserve.",
                    "即使在每个充电站都充到" + full + "，也无法保留" + reserve +
                        "的电量到达终点：请增加沿途的充电站或降低保留电量。");
}

ChargingPlan below_reserve_before(const EvParameters& vehicle, const std::string& where_en,
                                  const std::string& where_zh) {
  const std::string reserve = percent(vehicle.reserve_soc);
  return infeasible(PlanProblem::kOutOfRange,
                    "The charge falls below the " + reserve + " reserve before " + where_en + ".",
                    "到达" + where_zh + "之前电量低于" + reserve + "的保留电量。");
}

}  // namespace

LegTable::LegTable(std::size_t charger_count)
    : node_count_(charger_count + 2), legs_(node_count_ * node_count_) {}

void LegTable::set(std::size_t from, std::size_t to, LegCost leg) {
  if (from >= node_count_ || to >= node_count_) {
    throw std::out_of_range("leg " + std::to_string(from) + " -> " + std::to_string(to) +
                            " is outside a table of " + std::to_string(node_count_) + " nodes");
  }
  check_leg(leg);
  legs_[from * node_count_ + to] = leg;
}

const std::optional<LegCost>& LegTable::at(std::size_t from, std::size_t to) const {
  return legs_.at(from * node_count_ + to);
}

const char* plan_problem_name(PlanProblem problem) {
  switch (problem) {
    case PlanProblem::kNone:
      return "none";
    case PlanProblem::kStartBelowReserve:
      return "start_below_reserve";
    case PlanProblem::kNoRoad:
      return "no_road";
    case PlanProblem::kOutOfRange:
      return "out_of_range";
    case PlanProblem::kInvalidStop:
      return "invalid_stop";
  }
  return "unknown";
}

std::vector<double> charge_levels(double soc_step, double max_charge_soc) {
  if (!std::isfinite(soc_step) || soc_step <= 0 || soc_step > 0.5) {
    throw std::invalid_argument("soc_step must be above 0 and at most 0.5 (e.g. 0.01 for 1%)");
  }
  std::vector<double> levels;
  for (int k = 1; k * soc_step < max_charge_soc - kSocTolerance; ++k)
    levels.push_back(k * soc_step);
  levels.push_back(max_charge_soc);
  return levels;
}

ChargingPlan plan_charging(const std::vector<ChargerSite>& chargers, const LegTable& legs,
                           const EvParameters& vehicle, const EvPlannerOptions& options) {
  check_inputs(chargers, legs, vehicle);
  if (vehicle.start_soc < vehicle.reserve_soc - kSocTolerance) return start_below_reserve(vehicle);
  const Problem problem(chargers, legs, vehicle, options);
  if (!std::isfinite(problem.lower_bound_s[0])) return no_road();

  // Revisiting a charger rarely pays, so at first no visit is tracked. Should the best plan revisit
  // some chargers, track those and search again (decremental state-space relaxation): each round is
  // exact for its relaxation, and the first plan without a revisit is the best of all plans without
  // one.
  std::vector<int> tracked_bit(chargers.size(), kUntracked);
  std::size_t tracked = 0;
  for (;;) {
    Search search(problem, tracked_bit, tracked);
    const std::int64_t best = search.run();
    if (best < 0) return out_of_range(vehicle);
    const auto stops = search.stops_to(best);
    const auto repeated = chargers_visited_twice(stops);
    if (repeated.empty()) return evaluate_plan(chargers, legs, vehicle, stops);
    for (std::size_t charger : repeated)
      tracked_bit[charger] = static_cast<int>(tracked++);
  }
}

ChargingPlan evaluate_plan(const std::vector<ChargerSite>& chargers, const LegTable& legs,
                           const EvParameters& vehicle,
                           const std::vector<std::pair<std::size_t, double>>& stops) {
  check_inputs(chargers, legs, vehicle);
  ChargingPlan plan;
  double soc = vehicle.start_soc;
  std::size_t from = 0;
  for (const auto& [charger, departure_soc] : stops) {
    if (charger >= chargers.size())
      throw std::out_of_range("no charger " + std::to_string(charger));
    const ChargerSite& site = chargers[charger];
    const auto& leg = legs.at(from, charger + 1);
    if (!leg) return no_road();
    const double arrival = soc - leg_soc(legs, vehicle, from, charger + 1);
    if (arrival < vehicle.reserve_soc - kSocTolerance) {
      return below_reserve_before(vehicle, "charger '" + site.id + "'", "充电站“" + site.id + "”");
    }
    if (!(departure_soc > arrival + kSocTolerance) ||
        departure_soc > vehicle.max_charge_soc + kSocTolerance) {
      return infeasible(PlanProblem::kInvalidStop,
                        "The stop at charger '" + site.id + "' must charge above the arrival " +
                            percent(arrival) + " and at most to " +
                            percent(vehicle.max_charge_soc) + ".",
                        "在充电站“" + site.id + "”须充到高于到达时的" + percent(arrival) +
                            "，且不超过" + percent(vehicle.max_charge_soc) + "。");
    }
    ChargingStop stop;
    stop.charger = charger;
    stop.charger_id = site.id;
    stop.charger_kw = site.power_kw;
    stop.arrival_soc = arrival;
    stop.departure_soc = departure_soc;
    stop.energy_added_kwh = (departure_soc - arrival) * vehicle.capacity_kwh;
    stop.charge_time_s = vehicle.charging.charge_time_s(
        std::max(arrival, 0.0), std::min(departure_soc, 1.0), site.power_kw, vehicle.capacity_kwh);
    stop.drive_time_s = leg->duration_s;
    stop.distance_m = leg->distance_m;
    stop.arrival_time_s = plan.total_time_s + leg->duration_s;
    stop.departure_time_s = stop.arrival_time_s + vehicle.stop_overhead_s + stop.charge_time_s;

    plan.drive_time_s += leg->duration_s;
    plan.distance_m += leg->distance_m;
    plan.charge_time_s += stop.charge_time_s;
    plan.overhead_time_s += vehicle.stop_overhead_s;
    plan.total_time_s = stop.departure_time_s;
    plan.stops.push_back(std::move(stop));
    soc = departure_soc;
    from = charger + 1;
  }
  const auto& last = legs.at(from, legs.destination());
  if (!last) return no_road();
  const double arrival = soc - leg_soc(legs, vehicle, from, legs.destination());
  if (arrival < vehicle.reserve_soc - kSocTolerance) {
    return below_reserve_before(vehicle, "the destination", "终点");
  }
  plan.feasible = true;
  plan.drive_time_s += last->duration_s;
  plan.distance_m += last->distance_m;
  plan.total_time_s += last->duration_s;
  plan.final_leg_drive_time_s = last->duration_s;
  plan.final_leg_distance_m = last->distance_m;
  plan.arrival_soc = arrival;
  return plan;
}

}  // namespace codriver::places
