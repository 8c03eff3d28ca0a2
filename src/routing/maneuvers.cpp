#include "routing/maneuvers.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "geo/distance.h"
#include "geo/projection.h"

namespace codriver::routing {

namespace {

using map::EdgeId;
using map::NodeId;
using map::format::EdgeRecord;
using map::format::RoadClass;

constexpr double kTinyLegM = 1.0;         // shorter pieces of road never start a step
constexpr double kBearingSampleM = 10.0;  // bearings span this much road: short segments are noise
constexpr double kStraightDeg = 20.0;
// Along the same road, a junction bending it less than this is no turn.
constexpr double kSameRoadTurnDeg = 30.0;
constexpr double kForkDeg = 45.0;       // roads within this of straight compete at a fork
constexpr double kPlainTurnDeg = 60.0;  // from here on a turn is more than a bend
constexpr double kUturnDeg = 170.0;
constexpr double kClearlyDeg = 10.0;  // a branch this much less straight is clearly not the way on
constexpr double kRampSideDeg = 5.0;  // a merge closer to straight than this has no side
constexpr double kArriveSideM = 1.0;  // a destination closer to the road has no side
constexpr double kShortStepM = 30.0;  // a step shorter than this may fold into its neighbours

// One path edge as driven.
struct Leg {
  EdgeId id = 0;
  const EdgeRecord* edge = nullptr;
  double length_m = 0;
  double duration_s = 0;
  std::size_t begin = 0, end = 0;  // its first and last point in the route polyline
  std::size_t full_end = 0;        // its target node in Route::full

  bool tiny() const { return length_m < kTinyLegM; }
};

struct Route {
  std::vector<Leg> legs;
  std::vector<geo::LatLon> points;  // the polyline, cut at the route's ends
  // The edges' whole shapes joined: bearings near the ends read past the cuts, so
  // a route starting 20 cm before a junction still knows which way it came.
  std::vector<geo::LatLon> full;
};

bool is_roundabout(const EdgeRecord& edge) {
  return edge.flags & map::format::edge_flags::kRoundabout;
}

bool is_highway(RoadClass c) {
  return c == RoadClass::kMotorway || c == RoadClass::kTrunk;
}

bool is_highway_link(RoadClass c) {
  return c == RoadClass::kMotorwayLink || c == RoadClass::kTrunkLink;
}

bool is_link(RoadClass c) {
  return is_highway_link(c) || c == RoadClass::kPrimaryLink || c == RoadClass::kSecondaryLink ||
         c == RoadClass::kTertiaryLink;
}

bool is_reverse_twin(const EdgeRecord& a, const EdgeRecord& b) {
  return a.way_id == b.way_id && a.source == b.target && a.target == b.source &&
         a.shape_begin == b.shape_begin;
}

// Signed difference from bearing `from` to bearing `to` in (-180, 180]: negative is left.
double turn_angle(double from, double to) {
  const double a = std::fmod(to - from + 540.0, 360.0) - 180.0;
  return a <= -180.0 ? 180.0 : a;
}

geo::LatLon interpolate(geo::LatLon a, geo::LatLon b, double t) {
  return {a.lat + (b.lat - a.lat) * t, a.lon + (b.lon - a.lon) * t};
}

// The point `at_m` metres along `line`; the exact end points outside (0, length).
geo::LatLon point_along(const std::vector<geo::LatLon>& line, double at_m) {
  if (at_m <= 0) return line.front();
  double walked = 0;
  for (std::size_t i = 1; i < line.size(); ++i) {
    const double d = geo::distance_m(line[i - 1], line[i]);
    if (d > 0 && walked + d > at_m) return interpolate(line[i - 1], line[i], (at_m - walked) / d);
    walked += d;
  }
  return line.back();
}

// The part of `line` between two fractions of its length.
std::vector<geo::LatLon> cut(const std::vector<geo::LatLon>& line, double from, double to) {
  const double total = geo::polyline_length_m(line);
  const double start = from * total, stop = to * total;
  std::vector<geo::LatLon> part{point_along(line, start)};
  double walked = 0;
  for (std::size_t i = 1; i + 1 < line.size(); ++i) {
    walked += geo::distance_m(line[i - 1], line[i]);
    if (walked > start && walked < stop) part.push_back(line[i]);
  }
  part.push_back(to >= 1.0 ? line.back() : point_along(line, stop));
  return part;
}

// Appends `part` without repeating points; returns the index of part's first point.
std::size_t append(std::vector<geo::LatLon>& line, const std::vector<geo::LatLon>& part) {
  const bool joined = !line.empty() && line.back() == part.front();
  const std::size_t first = joined ? line.size() - 1 : line.size();
  for (const geo::LatLon& p : part) {
    if (line.empty() || line.back() != p) line.push_back(p);
  }
  return first;
}

Route assemble(const map::RoadGraph& graph, const RoutePath& path) {
  Route route;
  for (std::size_t j = 0; j < path.edges.size(); ++j) {
    const PathEdge& pe = path.edges[j];
    if (pe.edge >= graph.edge_count()) throw std::invalid_argument("route edge out of range");
    Leg leg{pe.edge, &graph.edges[pe.edge]};
    if (j > 0 && route.legs.back().edge->target != leg.edge->source) {
      throw std::invalid_argument("route edges " + std::to_string(j - 1) + " and " +
                                  std::to_string(j) + " do not meet");
    }
    const double from = std::clamp(pe.from_fraction, 0.0, 1.0);
    const double to = std::clamp(pe.to_fraction, from, 1.0);
    leg.length_m = leg.edge->length_m * (to - from);
    leg.duration_s = pe.duration_s;
    const std::vector<geo::LatLon> shape = graph.edge_geometry(pe.edge);
    leg.begin = append(route.points, cut(shape, from, to));
    leg.end = route.points.size() - 1;
    append(route.full, shape);
    leg.full_end = route.full.size() - 1;
    route.legs.push_back(leg);
  }
  return route;
}

// Bearing of `line` at `index`, to (ahead) or from (behind) the first point at least
// kBearingSampleM away, else the farthest; nullopt when the line never leaves the point.
std::optional<double> bearing_at(const std::vector<geo::LatLon>& line, std::size_t index,
                                 bool ahead) {
  const geo::LatLon origin = line[index];
  std::optional<geo::LatLon> far;
  double far_m = 0;
  const std::ptrdiff_t step = ahead ? 1 : -1;
  const auto size = static_cast<std::ptrdiff_t>(line.size());
  for (auto i = static_cast<std::ptrdiff_t>(index) + step; i >= 0 && i < size; i += step) {
    const double d = geo::distance_m(origin, line[i]);
    if (d > far_m) far = line[i], far_m = d;
    if (d >= kBearingSampleM) break;
  }
  if (!far) return std::nullopt;
  return ahead ? geo::initial_bearing_deg(origin, *far) : geo::initial_bearing_deg(*far, origin);
}

// Name and ref identify a road; a ref alone counts only where there is no name, so a
// street keeping its name while its ref changes is not announced again.
bool same_road(const Step& step, const map::StreetName& road) {
  if (!step.name.empty() && !road.name.empty()) return step.name == road.name;
  return step.name == road.name && step.ref == road.ref;
}

// Rank of a road class for drivers: 0 motorway ... 8 track; a link ranks with its road.
int importance(RoadClass c) {
  switch (c) {
    case RoadClass::kMotorway:
    case RoadClass::kMotorwayLink:
      return 0;
    case RoadClass::kTrunk:
    case RoadClass::kTrunkLink:
      return 1;
    case RoadClass::kPrimary:
    case RoadClass::kPrimaryLink:
      return 2;
    case RoadClass::kSecondary:
    case RoadClass::kSecondaryLink:
      return 3;
    case RoadClass::kTertiary:
    case RoadClass::kTertiaryLink:
      return 4;
    case RoadClass::kUnclassified:
    case RoadClass::kResidential:
      return 5;
    case RoadClass::kLivingStreet:
      return 6;
    case RoadClass::kService:
      return 7;
    default:
      return 8;
  }
}

struct Branch {
  double angle = 0;  // turn angle from the route's incoming bearing
  bool roundabout = false;
  // A road a driver does not take for the way on, being far below both the road the
  // route comes on and the one it takes: a ramp off a through road, a road two ranks
  // below (a car park entrance off an avenue).
  bool minor = false;
};

// A node the route passes, between legs[leg - 1] and legs[leg].
struct Junction {
  std::size_t leg = 0;
  const EdgeRecord* in = nullptr;
  const EdgeRecord* out = nullptr;
  bool same_name = false;    // out goes on along the road the current step follows
  bool out_unnamed = false;  // neither name nor ref
  double bearing_in = 0, bearing_out = 0, angle = 0;
  std::vector<Branch> others;  // roads the route could take instead; never the U-turn

  bool all_minor() const {
    return std::all_of(others.begin(), others.end(), [](const Branch& b) { return b.minor; });
  }
};

bool minor_beside(RoadClass branch, RoadClass road) {
  return (is_link(branch) && !is_link(road)) || importance(branch) >= importance(road) + 2;
}

Junction make_junction(const map::RoadGraph& graph, const Route& route, std::size_t leg,
                       const Step& current) {
  const Leg& before = route.legs[leg - 1];
  Junction x;
  x.leg = leg;
  x.in = before.edge;
  x.out = route.legs[leg].edge;
  const map::StreetName out_name = graph.street_name(*x.out);
  x.same_name = same_road(current, out_name);
  x.out_unnamed = out_name.name.empty() && out_name.ref.empty();
  x.bearing_in = bearing_at(route.full, before.full_end, false).value_or(0.0);
  x.bearing_out = bearing_at(route.full, before.full_end, true).value_or(x.bearing_in);
  x.angle = turn_angle(x.bearing_in, x.bearing_out);
  const NodeId node = before.edge->target;
  const auto out = graph.out_edges(node);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const EdgeId id = graph.first_edge(node) + static_cast<EdgeId>(i);
    if (id == route.legs[leg].id || is_reverse_twin(*x.in, out[i])) continue;
    const double bearing = bearing_at(graph.edge_geometry(id), 0, true).value_or(x.bearing_in);
    x.others.push_back({turn_angle(x.bearing_in, bearing), is_roundabout(out[i]),
                        minor_beside(out[i].road_class, x.in->road_class) &&
                            minor_beside(out[i].road_class, x.out->road_class)});
  }
  return x;
}

struct Maneuver {
  ManeuverType type;
  Direction direction;
};

Direction side_by_sign(double angle) {
  if (std::abs(angle) < kRampSideDeg) return Direction::kStraight;
  return angle < 0 ? Direction::kSlightLeft : Direction::kSlightRight;
}

// Which side the route leaves by, relative to the road most nearly straight on.
Direction side_of(const Junction& x) {
  if (x.others.empty()) return side_by_sign(x.angle);
  const auto ahead = std::min_element(x.others.begin(), x.others.end(), [](auto& a, auto& b) {
    return std::abs(a.angle) < std::abs(b.angle);
  });
  if (x.angle == ahead->angle) return Direction::kStraight;
  return x.angle < ahead->angle ? Direction::kSlightLeft : Direction::kSlightRight;
}

std::optional<Maneuver> ramp_maneuver(const Junction& x) {
  const RoadClass from = x.in->road_class, to = x.out->road_class;
  if (is_highway(from) && is_link(to)) return Maneuver{ManeuverType::kOffRamp, side_of(x)};
  if (is_link(from) && is_highway(to)) {
    // A ramp joining from the right meets the road heading left of it and straightens
    // by steering right; the driver merges left into the traffic. Hence the minus.
    return Maneuver{ManeuverType::kMerge, side_by_sign(-x.angle)};
  }
  if (!is_link(from) && !is_highway(from) && is_highway_link(to)) {
    return Maneuver{ManeuverType::kOnRamp, side_of(x)};
  }
  return std::nullopt;
}

// The roads that compete with the route's for "straight on": within kForkDeg, not minor.
std::vector<double> rivals(const Junction& x) {
  std::vector<double> angles;
  for (const Branch& b : x.others) {
    if (!b.minor && std::abs(b.angle) < kForkDeg) angles.push_back(b.angle);
  }
  return angles;
}

std::optional<Maneuver> fork_maneuver(const Junction& x) {
  const std::vector<double> ahead = rivals(x);
  const double taken = std::abs(x.angle);
  if (taken >= kForkDeg || ahead.empty()) return std::nullopt;
  // Nearly straight on while the others clearly veer off: a continuation, not a fork.
  const bool obvious =
      taken < kStraightDeg && std::all_of(ahead.begin(), ahead.end(), [&](double a) {
        return std::abs(a) >= kStraightDeg && std::abs(a) >= taken + kClearlyDeg;
      });
  if (obvious) return std::nullopt;
  const auto [lo, hi] = std::minmax_element(ahead.begin(), ahead.end());
  if (x.angle < *lo) return Maneuver{ManeuverType::kFork, Direction::kSlightLeft};
  if (x.angle > *hi) return Maneuver{ManeuverType::kFork, Direction::kSlightRight};
  return Maneuver{ManeuverType::kFork, Direction::kStraight};
}

// A T: no road goes on ahead, the route turns one way and another road leaves the other.
bool end_of_road(const Junction& x) {
  if (std::abs(x.angle) < kPlainTurnDeg || !rivals(x).empty()) return false;
  return std::any_of(x.others.begin(), x.others.end(), [&](const Branch& b) {
    return !b.minor && std::abs(b.angle) >= kPlainTurnDeg && (b.angle < 0) != (x.angle < 0);
  });
}

// A new name is worth a step; following a road that merely loses its name is not.
std::optional<Maneuver> name_change(const Junction& x, Direction turn) {
  if (x.out_unnamed) return std::nullopt;
  return Maneuver{ManeuverType::kContinue, turn};
}

// The maneuver at a junction outside roundabouts, or nullopt when the step goes on.
std::optional<Maneuver> classify(const Junction& x) {
  const Direction turn = classify_turn(x.angle);
  if (is_reverse_twin(*x.in, *x.out) || turn == Direction::kUturn) {
    return Maneuver{ManeuverType::kUturn, Direction::kUturn};
  }
  if (const auto ramp = ramp_maneuver(x)) return ramp;
  // A bend, a node splitting the road, or driveways beside it.
  if (x.same_name && x.all_minor() && std::abs(x.angle) < kPlainTurnDeg) return std::nullopt;
  if (x.others.empty()) return x.same_name ? std::nullopt : name_change(x, turn);
  if (const auto fork = fork_maneuver(x)) return fork;
  if (end_of_road(x)) return Maneuver{ManeuverType::kEndOfRoad, turn};
  if (x.same_name && std::abs(x.angle) < kSameRoadTurnDeg) return std::nullopt;
  if (turn == Direction::kStraight) return name_change(x, turn);
  return Maneuver{ManeuverType::kTurn, turn};
}

// The exit's number among the exits leaving this node: exits farther round from the
// roundabout's own continuation are passed first, whichever way traffic circulates.
int exit_rank_at_node(const Junction& x) {
  const auto ring =
      std::find_if(x.others.begin(), x.others.end(), [](const Branch& b) { return b.roundabout; });
  if (ring == x.others.end()) return 1;
  const double taken = std::abs(turn_angle(ring->angle, x.angle));
  return 1 + static_cast<int>(std::count_if(x.others.begin(), x.others.end(), [&](auto& b) {
           return !b.roundabout && std::abs(turn_angle(ring->angle, b.angle)) > taken;
         }));
}

int exits_at_node(const Junction& x) {
  return static_cast<int>(
      std::count_if(x.others.begin(), x.others.end(), [](auto& b) { return !b.roundabout; }));
}

class StepBuilder {
 public:
  StepBuilder(const map::RoadGraph& graph, const Route& route) : graph_(graph), route_(route) {}

  std::vector<Step> build(std::optional<geo::LatLon> destination) {
    depart();
    add_leg(0);
    for (std::size_t j = 1; j < route_.legs.size(); ++j) {
      junction(j);
      add_leg(j);
    }
    arrive(destination);
    return std::move(steps_);
  }

 private:
  void depart() {
    Step step;
    step.type = ManeuverType::kDepart;
    step.location = route_.points.front();
    step.bearing_after =
        bearing_at(route_.points, 0, true).value_or(bearing_at(route_.full, 0, true).value_or(0.0));
    steps_.push_back(step);
    in_roundabout_ = is_roundabout(*route_.legs[0].edge);
  }

  void junction(std::size_t j) {
    const Junction x = make_junction(graph_, route_, j, steps_.back());
    if (in_roundabout_) {
      circulate(x);
      return;
    }
    if (is_roundabout(*x.out)) {
      start_step({ManeuverType::kRoundabout, Direction::kStraight}, x);
      in_roundabout_ = roundabout_step_ = true;
      exits_passed_ = 0;
      return;
    }
    // Tiny legs join the step before; a route starting just short of a junction
    // departs onto the road after it.
    if (route_.legs[j].tiny() || (j == 1 && route_.legs[0].tiny())) return;
    if (const auto maneuver = classify(x)) start_step(*maneuver, x);
  }

  // A node on the roundabout: count the exits passed, or complete the step at the exit.
  void circulate(const Junction& x) {
    if (is_roundabout(*x.out)) {
      exits_passed_ += exits_at_node(x);
      return;
    }
    in_roundabout_ = false;
    if (!roundabout_step_) {
      start_step({ManeuverType::kExitRoundabout, classify_turn(x.angle)}, x);
      return;
    }
    roundabout_step_ = false;
    Step& step = steps_.back();
    step.roundabout_exit = exits_passed_ + exit_rank_at_node(x);
    step.bearing_after = x.bearing_out;
    step.direction = classify_turn(turn_angle(step.bearing_before, x.bearing_out));
    named_ = false;  // the step takes the exit road's name
  }

  void start_step(Maneuver maneuver, const Junction& x) {
    Step step;
    step.type = maneuver.type;
    step.direction = maneuver.direction;
    step.geometry_begin = step.geometry_end = route_.legs[x.leg].begin;
    step.location = route_.points[step.geometry_begin];
    step.bearing_before = x.bearing_in;
    step.bearing_after = x.bearing_out;
    steps_.push_back(step);
    named_ = false;
  }

  void add_leg(std::size_t j) {
    const Leg& leg = route_.legs[j];
    Step& step = steps_.back();
    step.distance_m += leg.length_m;
    step.duration_s += leg.duration_s;
    step.geometry_end = leg.end;
    // A step is named after its first leg of real length (inside a roundabout, after
    // the ring until the exit renames it).
    if (!named_) {
      set_names(step, *leg.edge);
      named_ = !leg.tiny();
    }
    if (!leg.tiny()) road_leg_ = j;
  }

  void arrive(std::optional<geo::LatLon> destination) {
    Step step;
    step.type = ManeuverType::kArrive;
    step.geometry_begin = step.geometry_end = route_.points.size() - 1;
    step.location = route_.points.back();
    step.bearing_before =
        bearing_at(route_.points, step.geometry_end, false)
            .value_or(bearing_at(route_.full, route_.full.size() - 1, false).value_or(0.0));
    set_names(step, *route_.legs[road_leg_].edge);
    if (destination) step.direction = side(step, *destination);
    steps_.push_back(step);
  }

  // Which side of the last stretch of road the destination lies on.
  static Direction side(const Step& arrive, geo::LatLon destination) {
    const geo::LatLon behind =
        geo::destination(arrive.location, arrive.bearing_before + 180.0, kBearingSampleM);
    const double offset =
        geo::project_on_segment(destination, behind, arrive.location).cross_track_m;
    if (std::abs(offset) < kArriveSideM) return Direction::kStraight;
    return offset > 0 ? Direction::kRight : Direction::kLeft;
  }

  void set_names(Step& step, const EdgeRecord& edge) const {
    const map::StreetName name = graph_.street_name(edge);
    step.name = name.name;
    step.name_zh = name.name_zh;
    step.name_en = name.name_en;
    step.ref = name.ref;
  }

  const map::RoadGraph& graph_;
  const Route& route_;
  std::vector<Step> steps_;
  bool named_ = false;        // the current step has its name from a leg of real length
  std::size_t road_leg_ = 0;  // the last leg of real length: the arrival's road
  bool in_roundabout_ = false;
  bool roundabout_step_ = false;  // the current step is a kRoundabout awaiting its exit
  int exits_passed_ = 0;
};

bool turn_like(ManeuverType type) {
  return type == ManeuverType::kTurn || type == ManeuverType::kContinue ||
         type == ManeuverType::kEndOfRoad || type == ManeuverType::kFork;
}

int side_sign(Direction d) {
  if (d == Direction::kSlightLeft || d == Direction::kLeft || d == Direction::kSharpLeft) return -1;
  if (d == Direction::kSlightRight || d == Direction::kRight || d == Direction::kSharpRight)
    return 1;
  return 0;
}

bool unnamed(const Step& step) {
  return step.name.empty() && step.name_zh.empty() && step.name_en.empty() && step.ref.empty();
}

// A short unnamed link between two turns the same way (across a dual carriageway's median,
// a slip lane cutting a corner): the driver makes one maneuver, not two.
bool is_connector(const Step& step, const Step& next) {
  const int side = side_sign(step.direction), next_side = side_sign(next.direction);
  return step.distance_m < kShortStepM && unnamed(step) && turn_like(step.type) &&
         turn_like(next.type) && side != 0 && (next_side == side || next_side == 0);
}

// Puts the road of steps[i + 1] into steps[i] and removes it.
void absorb_next(std::vector<Step>& steps, std::size_t i) {
  Step& step = steps[i];
  const Step& next = steps[i + 1];
  step.distance_m += next.distance_m;
  step.duration_s += next.duration_s;
  step.geometry_end = next.geometry_end;
  steps.erase(steps.begin() + static_cast<std::ptrdiff_t>(i) + 1);
}

void merge_connector(std::vector<Step>& steps, std::size_t i) {
  Step& step = steps[i];
  const Step& next = steps[i + 1];
  step.name = next.name;
  step.name_zh = next.name_zh;
  step.name_en = next.name_en;
  step.ref = next.ref;
  step.bearing_after = next.bearing_after;
  step.direction = classify_turn(turn_angle(step.bearing_before, step.bearing_after));
  step.type = step.direction == Direction::kUturn      ? ManeuverType::kUturn
              : step.direction == Direction::kStraight ? ManeuverType::kContinue
                                                       : ManeuverType::kTurn;
  absorb_next(steps, i);
}

// Second pass over the steps, as OSRM and Valhalla do: two-turn connectors become one
// maneuver, and a new name held for less than kShortStepM is not announced.
void collapse(std::vector<Step>& steps) {
  for (std::size_t i = 1; i + 2 < steps.size();) {  // steps[i + 1] is never the arrival
    if (is_connector(steps[i], steps[i + 1])) {
      merge_connector(steps, i);
    } else if (steps[i].type == ManeuverType::kContinue && steps[i].distance_m < kShortStepM) {
      absorb_next(steps, i - 1);
    } else {
      ++i;
    }
  }
}

}  // namespace

Direction classify_turn(double angle_deg) {
  const double a = std::abs(angle_deg);
  const bool left = angle_deg < 0;
  if (a < kStraightDeg) return Direction::kStraight;
  if (a < 60.0) return left ? Direction::kSlightLeft : Direction::kSlightRight;
  if (a < 120.0) return left ? Direction::kLeft : Direction::kRight;
  if (a < kUturnDeg) return left ? Direction::kSharpLeft : Direction::kSharpRight;
  return Direction::kUturn;
}

std::vector<Step> build_steps(const map::RoadGraph& graph, const RoutePath& path,
                              std::vector<geo::LatLon>* polyline,
                              std::optional<geo::LatLon> destination) {
  if (polyline) polyline->clear();
  if (path.edges.empty()) return {};
  Route route = assemble(graph, path);
  std::vector<Step> steps = StepBuilder(graph, route).build(destination);
  collapse(steps);
  if (polyline) *polyline = std::move(route.points);
  return steps;
}

std::string_view maneuver_type_name(ManeuverType type) {
  switch (type) {
    case ManeuverType::kDepart:
      return "depart";
    case ManeuverType::kArrive:
      return "arrive";
    case ManeuverType::kContinue:
      return "continue";
    case ManeuverType::kTurn:
      return "turn";
    case ManeuverType::kUturn:
      return "uturn";
    case ManeuverType::kRoundabout:
      return "roundabout";
    case ManeuverType::kExitRoundabout:
      return "exit roundabout";
    case ManeuverType::kMerge:
      return "merge";
    case ManeuverType::kFork:
      return "fork";
    case ManeuverType::kOnRamp:
      return "on ramp";
    case ManeuverType::kOffRamp:
      return "off ramp";
    case ManeuverType::kEndOfRoad:
      return "end of road";
  }
  return "unknown";
}

std::string_view direction_name(Direction direction) {
  switch (direction) {
    case Direction::kStraight:
      return "straight";
    case Direction::kSlightLeft:
      return "slight left";
    case Direction::kLeft:
      return "left";
    case Direction::kSharpLeft:
      return "sharp left";
    case Direction::kSlightRight:
      return "slight right";
    case Direction::kRight:
      return "right";
    case Direction::kSharpRight:
      return "sharp right";
    case Direction::kUturn:
      return "uturn";
  }
  return "unknown";
}

std::string maneuver_name(ManeuverType type, Direction direction) {
  std::string name(maneuver_type_name(type));
  const bool has_modifier = type != ManeuverType::kDepart && type != ManeuverType::kUturn &&
                            type != ManeuverType::kRoundabout;
  if (has_modifier && direction != Direction::kStraight) {
    name += ' ';
    name += direction_name(direction);
  }
  return name;
}

}  // namespace codriver::routing
