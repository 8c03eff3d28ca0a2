#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/latlon.h"
#include "map/road_graph.h"
#include "routing/route_path.h"

// Turns a RoutePath (edges as driven) into the steps a driver hears and sees, in the
// manner of OSRM and Valhalla: consecutive edges of one road become one step, and a
// new step starts only where the driver has to do something or the road's name changes.
//
// Angles: bearings are read over at least 10 m of road on each side of a node (tiny
// shape segments are noise); the turn angle runs from -180 (left) to 180 (right).
// A side road is "minor" when it ranks two road classes below both the road the route
// comes on and the one it takes (service roads off an avenue), or is a ramp off a road
// that is not. At each node the route passes, the first rule that applies decides:
//  - Roundabouts: the edges flagged kRoundabout form one kRoundabout step at the entry,
//    "take the Nth exit". N counts the drivable exits passed, i.e. the out-edges of the
//    roundabout's nodes that leave it; roads that only enter the roundabout (one-way
//    towards it) are not counted, since a driver cannot take them. The step is named
//    after the exit road and covers it up to the next step. A route that starts inside
//    a roundabout gets kExitRoundabout where it leaves.
//  - kUturn when the route turns back on the road it came on (or by 170° or more).
//  - Motorway and trunk ramps: leaving one onto a *_link is kOffRamp, joining one from
//    a *_link kMerge, entering a motorway_link/trunk_link from any other road kOnRamp.
//  - Along the same road (same name; same ref where unnamed) through a bend, a node that
//    only splits the road, or past minor side roads below 60°: no step.
//  - At a node with no other road to take: kContinue when the name changes.
//  - kFork when another road that is not minor leaves within 45° of straight, unless the
//    route goes nearly straight on (<20°) and the others veer off by 10° more.
//  - kEndOfRoad at a T: the route turns by 60° or more, nothing goes on ahead, and a road
//    leaves to the other side.
//  - kTurn from 30° along the same road, from 20° onto another; kContinue for a new name
//    straight on.
// A new step is never made for a road without name or ref straight on (nothing to
// announce), nor at the start of a leg shorter than 1 m (zero-length edges, a route
// ending just past a junction). Then, as OSRM and Valhalla do, two turns the same way
// joined by an unnamed link under 30 m become one maneuver (crossing a dual carriageway's
// median makes a kUturn), and a new name held for under 30 m is not announced.
namespace codriver::routing {

enum class ManeuverType {
  kDepart,
  kArrive,
  kContinue,  // straight on (or along the only road) onto a road with a new name
  kTurn,
  kUturn,
  kRoundabout,      // enter, circulate and leave by exit `roundabout_exit`, in one step
  kExitRoundabout,  // leave a roundabout the route started in
  kMerge,
  kFork,
  kOnRamp,
  kOffRamp,
  kEndOfRoad,  // the road ends at a T: turn left or right
};

// The turn's sharpness and side. kArrive uses kLeft/kRight for the side of the road the
// destination lies on (kStraight: on the road or unknown); kFork and the ramps use
// kSlightLeft/kSlightRight/kStraight for the side taken, kMerge for the side merged to.
enum class Direction {
  kStraight,
  kSlightLeft,
  kLeft,
  kSharpLeft,
  kSlightRight,
  kRight,
  kSharpRight,
  kUturn,
};

struct Step {
  ManeuverType type = ManeuverType::kDepart;
  Direction direction = Direction::kStraight;
  int roundabout_exit = 0;  // 1-based for kRoundabout; 0 when the route ends inside it
  // The road this step follows; empty strings when unnamed. English text prefers
  // name_en, Chinese name_zh, both fall back to name and then ref.
  std::string name, name_zh, name_en, ref;
  geo::LatLon location;       // where the maneuver happens
  double bearing_before = 0;  // degrees from north, arriving at `location` (0 for kDepart)
  double bearing_after = 0;   // leaving it (for kRoundabout: leaving by the exit; 0 for kArrive)
  double distance_m = 0;      // of the road followed after the maneuver until the next step
  double duration_s = 0;
  std::size_t geometry_begin = 0;  // [begin, end] indices into the route polyline
  std::size_t geometry_end = 0;
};

// Direction of a signed turn angle (negative left, positive right, in degrees):
// straight below 20°, slight below 60°, plain below 120°, sharp below 170°, else U-turn.
Direction classify_turn(double angle_deg);

// The steps of `path`, kDepart first and kArrive last, with distances summing to the
// route's length; empty for an empty path. When `polyline` is given it receives the
// route's geometry: the edges' shapes joined, cut at the first and last edge's fractions
// (interpolated along their shape), without repeated points. `destination`, the point the
// user asked for (before snapping to the road), gives kArrive its side.
// Throws std::invalid_argument when an edge id is out of range or consecutive edges
// do not meet at a node.
std::vector<Step> build_steps(const map::RoadGraph& graph, const RoutePath& path,
                              std::vector<geo::LatLon>* polyline,
                              std::optional<geo::LatLon> destination = std::nullopt);

// Stable names for JSON, as OSRM spells them: "depart", "turn", "end of road", ...
std::string_view maneuver_type_name(ManeuverType type);
// "straight", "slight left", "left", "sharp left", ..., "uturn".
std::string_view direction_name(Direction direction);
// Type and modifier together where the modifier means something: "turn left",
// "fork slight right", "arrive right", "continue", "roundabout", "depart".
std::string maneuver_name(ManeuverType type, Direction direction);

}  // namespace codriver::routing
