#include "routing/maneuvers.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "geo/distance.h"
#include "geo/projection.h"
#include "routing/instructions.h"
#include "routing/maneuver_fixture.h"

namespace codriver::routing {
namespace {

using maneuver_testing::at;
using maneuver_testing::kMotorway;
using maneuver_testing::kMotorwayLink;
using maneuver_testing::kOnewayResidential;
using maneuver_testing::kPrimary;
using maneuver_testing::kResidential;
using maneuver_testing::kRoundabout;
using maneuver_testing::Names;
using maneuver_testing::TestMap;
using MT = ManeuverType;

std::vector<MT> types_of(const std::vector<Step>& steps) {
  std::vector<MT> types;
  for (const Step& step : steps)
    types.push_back(step.type);
  return types;
}

void expect_near_point(geo::LatLon actual, geo::LatLon expected, double tolerance_m = 0.05) {
  EXPECT_LT(geo::distance_m(actual, expected), tolerance_m)
      << actual.lat << "," << actual.lon << " vs " << expected.lat << "," << expected.lon;
}

// What holds for every route: depart first, arrive last, distances adding up to the
// route, steps tiling the polyline, and each maneuver where its geometry starts.
void expect_well_formed(const std::vector<Step>& steps, const RoutePath& path,
                        const std::vector<geo::LatLon>& line) {
  ASSERT_GE(steps.size(), 2u);
  EXPECT_EQ(steps.front().type, MT::kDepart);
  EXPECT_EQ(steps.back().type, MT::kArrive);
  double total = 0;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    total += steps[i].distance_m;
    EXPECT_EQ(steps[i].location, line[steps[i].geometry_begin]) << "step " << i;
    EXPECT_LE(steps[i].geometry_begin, steps[i].geometry_end) << "step " << i;
    if (i > 0) {
      EXPECT_EQ(steps[i].geometry_begin, steps[i - 1].geometry_end) << "step " << i;
    }
  }
  EXPECT_NEAR(total, path.distance_m, 1.0);
  EXPECT_NEAR(total, geo::polyline_length_m(line), 1.0);
  EXPECT_EQ(steps.back().geometry_end, line.size() - 1);
  EXPECT_EQ(steps.back().distance_m, 0.0);
  for (std::size_t i = 1; i < line.size(); ++i)
    EXPECT_NE(line[i - 1], line[i]) << "repeated point " << i;
}

// A four-way crossing:           5
//                                |  Rue Grimaldi
//   Boulevard Albert 1er   3 --- 2 --- 4
//                                |
//                                1
class ManeuverCrossingTest : public ::testing::Test {
 protected:
  ManeuverCrossingTest() {
    map.node(1, 0, -300);
    map.node(2, 0, 0);
    map.node(5, 0, 300);
    map.node(3, -300, 0);
    map.node(4, 300, 0);
    map.way(100, {1, 2, 5}, kResidential, {"Rue Grimaldi"});
    map.way(101, {3, 2, 4}, kPrimary, {"Boulevard Albert 1er", "阿尔贝一世大道"});
  }

  std::vector<Step> steps(const RoutePath& path,
                          std::optional<geo::LatLon> destination = std::nullopt) {
    std::vector<Step> result = build_steps(map.graph(), path, &line, destination);
    expect_well_formed(result, path, line);
    return result;
  }

  TestMap map;
  std::vector<geo::LatLon> line;
};

TEST_F(ManeuverCrossingTest, TurnsLeftOntoTheCrossStreet) {
  const auto s = steps(map.path({1, 2, 3}));
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kTurn, MT::kArrive}));
  EXPECT_EQ(s[0].name, "Rue Grimaldi");
  EXPECT_NEAR(s[0].bearing_after, 0.0, 0.5);
  EXPECT_NEAR(s[0].distance_m, 300.0, 0.5);
  expect_near_point(s[0].location, map.position(1));
  EXPECT_EQ(s[1].direction, Direction::kLeft);
  EXPECT_EQ(s[1].name, "Boulevard Albert 1er");
  EXPECT_EQ(s[1].name_zh, "阿尔贝一世大道");
  EXPECT_NEAR(s[1].bearing_before, 0.0, 0.5);
  EXPECT_NEAR(s[1].bearing_after, 270.0, 0.5);
  EXPECT_NEAR(s[1].distance_m, 300.0, 0.5);
  EXPECT_GT(s[1].duration_s, 0.0);
  expect_near_point(s[1].location, map.position(2));
  expect_near_point(s[2].location, map.position(3));
  EXPECT_EQ(s[2].name, "Boulevard Albert 1er");

  EXPECT_EQ(instruction_text(s[0], nullptr, Language::kEnglish), "Head north on Rue Grimaldi");
  EXPECT_EQ(instruction_text(s[0], nullptr, Language::kChinese), "向北出发，沿Rue Grimaldi行驶");
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kEnglish),
            "In 300 m, turn left onto Boulevard Albert 1er");
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kChinese), "300米后左转进入阿尔贝一世大道");
  EXPECT_EQ(instruction_text(s[2], &s[1], Language::kEnglish),
            "In 300 m, you will arrive at your destination");
  EXPECT_EQ(instruction_text(s[2], nullptr, Language::kChinese), "到达目的地");
}

TEST_F(ManeuverCrossingTest, TurnsRight) {
  const auto s = steps(map.path({1, 2, 4}));
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kTurn, MT::kArrive}));
  EXPECT_EQ(s[1].direction, Direction::kRight);
  EXPECT_EQ(maneuver_name(s[1].type, s[1].direction), "turn right");
}

TEST_F(ManeuverCrossingTest, StraightOnTheSameRoadIsOneStep) {
  const auto s = steps(map.path({1, 2, 5}));
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kArrive}));
  EXPECT_NEAR(s[0].distance_m, 600.0, 0.5);
  EXPECT_EQ(s[0].geometry_end, line.size() - 1);
}

TEST_F(ManeuverCrossingTest, PolylineStartsAndEndsAtTheCutPoints) {
  const auto s = steps(map.path({1, 2, 3}, 0.25, 0.5));
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kTurn, MT::kArrive}));
  ASSERT_EQ(line.size(), 3u);
  expect_near_point(line.front(), at(0, -225));
  expect_near_point(line[1], map.position(2));
  expect_near_point(line.back(), at(-150, 0));
  EXPECT_NEAR(s[0].distance_m, 225.0, 0.5);
  EXPECT_NEAR(s[1].distance_m, 150.0, 0.5);
  EXPECT_EQ(s[1].geometry_begin, 1u);
  expect_near_point(s[2].location, at(-150, 0));
}

TEST_F(ManeuverCrossingTest, UturnOnTheSameRoad) {
  const auto s = steps(map.path({1, 2, 1}, 0.0, 0.5));
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kUturn, MT::kArrive}));
  EXPECT_EQ(s[1].direction, Direction::kUturn);
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kEnglish), "In 300 m, make a U-turn");
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kChinese), "300米后掉头");
}

TEST_F(ManeuverCrossingTest, ArrivalSideFromTheDestinationPoint) {
  const RoutePath path = map.path({1, 2}, 0.0, 0.5);
  EXPECT_EQ(steps(path, at(25, -150)).back().direction, Direction::kRight);
  EXPECT_EQ(steps(path, at(-25, -150)).back().direction, Direction::kLeft);
  EXPECT_EQ(steps(path, at(0.2, -150)).back().direction, Direction::kStraight);
  EXPECT_EQ(steps(path).back().direction, Direction::kStraight);
  const Step arrive = steps(path, at(25, -150)).back();
  EXPECT_EQ(instruction_text(arrive, nullptr, Language::kEnglish),
            "You have arrived at your destination, on the right");
  EXPECT_EQ(instruction_text(arrive, nullptr, Language::kChinese), "到达目的地，目的地在右侧");
}

TEST_F(ManeuverCrossingTest, NoStepForATurnJustBeforeArriving) {
  // The destination is 30 cm into the cross street: the driver has arrived at the corner.
  const auto s = steps(map.path({1, 2, 4}, 0.0, 0.001));
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kArrive}));
  EXPECT_NEAR(s[0].distance_m, 300.3, 0.05);
}

TEST_F(ManeuverCrossingTest, StartingJustBeforeAJunctionDepartsOntoTheNextRoad) {
  const auto s = steps(map.path({1, 2, 4}, 0.999));
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kArrive}));
  EXPECT_EQ(s[0].name, "Boulevard Albert 1er");
  EXPECT_NEAR(s[0].distance_m, 300.3, 0.05);
  EXPECT_EQ(instruction_text(s[0], nullptr, Language::kEnglish),
            "Head east on Boulevard Albert 1er");
}

TEST_F(ManeuverCrossingTest, EmptyAndBrokenPaths) {
  line = {at(0, 0)};
  EXPECT_TRUE(build_steps(map.graph(), RoutePath{}, &line).empty());
  EXPECT_TRUE(line.empty());
  RoutePath broken;
  broken.edges = {PathEdge{map.edge(1, 2)}, PathEdge{map.edge(3, 2)}};
  EXPECT_THROW(build_steps(map.graph(), broken, nullptr), std::invalid_argument);
  broken.edges = {PathEdge{static_cast<map::EdgeId>(map.graph().edge_count())}};
  EXPECT_THROW(build_steps(map.graph(), broken, nullptr), std::invalid_argument);
}

TEST_F(ManeuverCrossingTest, ARouteWithinOneEdge) {
  const auto s = steps(map.path({1, 2}, 0.2, 0.6));
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kArrive}));
  EXPECT_NEAR(s[0].distance_m, 120.0, 0.5);
  EXPECT_EQ(line.size(), 2u);
  // A route of no length at all still departs and arrives.
  const auto still = build_steps(map.graph(), map.path({1, 2}, 0.5, 0.5), &line);
  ASSERT_EQ(types_of(still), (std::vector{MT::kDepart, MT::kArrive}));
  EXPECT_EQ(line.size(), 1u);
  EXPECT_NEAR(still[0].bearing_after, 0.0, 0.5) << "from the edge's direction";
}

// A T junction, reached over a 50 cm edge (a signal just before the junction splits Rue A).
//   3 --- 2 --- 4   Rue B
//         6 (signal, 0.5 m south of 2)
//         |
//         1         Rue A
class ManeuverTJunctionTest : public ::testing::Test {
 protected:
  ManeuverTJunctionTest() {
    map.node(1, 0, -200);
    map.node(6, 0, -0.5);
    map.node(2, 0, 0);
    map.node(3, -200, 0);
    map.node(4, 200, 0);
    map.way(200, {1, 6, 2}, kResidential, {"Rue A"});
    map.way(201, {3, 2, 4}, kResidential, {"Rue B"});
    map.signal(6);
  }
  TestMap map;
};

TEST_F(ManeuverTJunctionTest, EndOfRoadAndNoStepForTheTinyEdge) {
  std::vector<geo::LatLon> line;
  const RoutePath path = map.path({1, 6, 2, 4});
  ASSERT_EQ(path.edges.size(), 3u);
  const auto s = build_steps(map.graph(), path, &line);
  expect_well_formed(s, path, line);
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kEndOfRoad, MT::kArrive}));
  EXPECT_EQ(s[1].direction, Direction::kRight);
  EXPECT_EQ(s[1].name, "Rue B");
  expect_near_point(s[1].location, map.position(2));
  EXPECT_NEAR(s[0].distance_m, 200.0, 0.5);
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kEnglish),
            "In 200 m, at the end of the road, turn right onto Rue B");
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kChinese), "200米后在道路尽头右转，进入Rue B");
  EXPECT_EQ(maneuver_name(s[1].type, s[1].direction), "end of road right");
}

// A fork: Avenue A splits 20° left into Avenue L and 20° right into Avenue R.
class ManeuverForkTest : public ::testing::Test {
 protected:
  ManeuverForkTest() {
    map.node(1, 0, -200);
    map.node(2, 0, 0);
    map.node(3, -70, 190);
    map.node(4, 70, 190);
    map.way(300, {1, 2}, kPrimary, {"Avenue A"});
    map.way(301, {2, 3}, kPrimary, {"Avenue L"});
    map.way(302, {2, 4}, kPrimary, {"Avenue R", "右大道"});
  }
  TestMap map;
};

TEST_F(ManeuverForkTest, KeepsRightOrLeft) {
  const auto right = build_steps(map.graph(), map.path({1, 2, 4}), nullptr);
  ASSERT_EQ(types_of(right), (std::vector{MT::kDepart, MT::kFork, MT::kArrive}));
  EXPECT_EQ(right[1].direction, Direction::kSlightRight);
  EXPECT_EQ(instruction_text(right[1], nullptr, Language::kEnglish),
            "Keep right at the fork onto Avenue R");
  EXPECT_EQ(instruction_text(right[1], nullptr, Language::kChinese), "在岔路口靠右，进入右大道");
  const auto left = build_steps(map.graph(), map.path({1, 2, 3}), nullptr);
  ASSERT_EQ(types_of(left), (std::vector{MT::kDepart, MT::kFork, MT::kArrive}));
  EXPECT_EQ(left[1].direction, Direction::kSlightLeft);
  EXPECT_EQ(instruction_text(left[1], &left[0], Language::kEnglish),
            "In 200 m, keep left at the fork onto Avenue L");
}

TEST(ManeuverSideRoadTest, GoingStraightOnPastABranchIsNoFork) {
  TestMap map;
  map.node(1, 0, -200);
  map.node(2, 0, 0);
  map.node(5, 0, 200);
  map.node(4, 90, 190);  // 25° right
  map.way(310, {1, 2, 5}, kPrimary, {"Avenue A"});
  map.way(311, {2, 4}, kPrimary, {"Avenue B"});
  EXPECT_EQ(types_of(build_steps(map.graph(), map.path({1, 2, 5}), nullptr)),
            (std::vector{MT::kDepart, MT::kArrive}));
  const auto branch = build_steps(map.graph(), map.path({1, 2, 4}), nullptr);
  ASSERT_EQ(types_of(branch), (std::vector{MT::kDepart, MT::kFork, MT::kArrive}));
  EXPECT_EQ(branch[1].direction, Direction::kSlightRight);
}

// A motorway (La Provençale, A8) eastwards 1 - 2 - 3 - 8 with an exit at 2 down to a T
// junction with Avenue de Verdun (6 - 5 - 7), and an entry at 3 from Boulevard du Larvotto
// (10 - 11 - 12), looping up from its westbound side.
class ManeuverMotorwayTest : public ::testing::Test {
 protected:
  ManeuverMotorwayTest() {
    map.node(1, 0, 0);
    map.node(2, 1000, 0);
    map.node(3, 2000, 0);
    map.node(8, 3000, 0);
    map.node(4, 1300, -100);
    map.node(5, 1300, -300);
    map.node(6, 1000, -300);
    map.node(7, 1600, -300);
    map.node(10, 1200, -600);
    map.node(11, 1500, -600);
    map.node(12, 1800, -600);
    map.node(13, 1700, -100);
    map.way(400, {1, 2, 3, 8}, kMotorway, {"La Provençale", "", "", "A8"});
    map.way(401, {2, 4, 5}, kMotorwayLink);
    map.way(402, {6, 5, 7}, kPrimary, {"Avenue de Verdun"});
    map.way(403, {10, 11, 12}, kPrimary, {"Boulevard du Larvotto"});
    map.way(404, {11, 13, 3}, kMotorwayLink);
  }
  TestMap map;
};

TEST_F(ManeuverMotorwayTest, StayingOnTheMotorwayPastExitsAndEntries) {
  const auto s = build_steps(map.graph(), map.path({1, 2, 3, 8}), nullptr);
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kArrive}));
  EXPECT_EQ(instruction_text(s[0], nullptr, Language::kEnglish), "Head east on La Provençale");
}

TEST_F(ManeuverMotorwayTest, OffRampThenEndOfRoad) {
  std::vector<geo::LatLon> line;
  const RoutePath path = map.path({1, 2, 5, 7});
  const auto s = build_steps(map.graph(), path, &line);
  expect_well_formed(s, path, line);
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kOffRamp, MT::kEndOfRoad, MT::kArrive}));
  EXPECT_EQ(s[1].direction, Direction::kSlightRight);
  EXPECT_EQ(s[1].name, "");
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kEnglish),
            "In 1 km, take the exit on the right");
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kChinese), "1公里后从右侧出口驶出");
  EXPECT_EQ(s[2].direction, Direction::kLeft);
  EXPECT_EQ(s[2].name, "Avenue de Verdun");
  EXPECT_EQ(maneuver_name(s[1].type, s[1].direction), "off ramp slight right");
}

TEST_F(ManeuverMotorwayTest, OnRampThenMerge) {
  std::vector<geo::LatLon> line;
  const RoutePath path = map.path({12, 11, 3, 8});
  const auto s = build_steps(map.graph(), path, &line);
  expect_well_formed(s, path, line);
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kOnRamp, MT::kMerge, MT::kArrive}));
  EXPECT_EQ(s[0].name, "Boulevard du Larvotto");
  EXPECT_EQ(s[1].direction, Direction::kSlightRight);
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kEnglish),
            "In 300 m, take the ramp on the right");
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kChinese), "300米后从右侧匝道驶入");
  EXPECT_EQ(s[2].direction, Direction::kSlightLeft) << "joining from the right";
  EXPECT_EQ(s[2].ref, "A8");
  EXPECT_EQ(instruction_text(s[2], nullptr, Language::kEnglish), "Merge left onto La Provençale");
  EXPECT_EQ(instruction_text(s[2], nullptr, Language::kChinese), "向左汇入La Provençale");
}

// A counterclockwise roundabout of radius 30 m with four two-way roads (exits) at S, E,
// N and W, and a one-way road that only enters it between E and N (not an exit).
class ManeuverRoundaboutTest : public ::testing::Test {
 protected:
  ManeuverRoundaboutTest() {
    const double d = 21.2;
    map.node(20, 0, -30);  // S
    map.node(24, d, -d);
    map.node(21, 30, 0);  // E
    map.node(25, d, d);
    map.node(22, 0, 30);  // N
    map.node(26, -d, d);
    map.node(23, -30, 0);  // W
    map.node(27, -d, -d);
    map.node(30, 0, -230);
    map.node(31, 230, 0);
    map.node(32, 0, 230);
    map.node(33, -230, 0);
    map.node(34, 160, 160);
    map.way(500, {20, 24, 21, 25, 22, 26, 23, 27, 20}, kRoundabout, {"", "", "", ""});
    map.way(501, {30, 20}, kResidential, {"Avenue Sud"});
    map.way(502, {21, 31}, kResidential, {"Avenue Est"});
    map.way(503, {22, 32}, kResidential, {"Avenue X", "X"});
    map.way(504, {23, 33}, kResidential, {"Avenue Ouest"});
    map.way(505, {34, 25}, kOnewayResidential, {"Rue Entrée"});
  }

  std::vector<Step> steps(const RoutePath& path) {
    std::vector<Step> result = build_steps(map.graph(), path, &line);
    expect_well_formed(result, path, line);
    return result;
  }

  TestMap map;
  std::vector<geo::LatLon> line;
};

TEST_F(ManeuverRoundaboutTest, SecondExitStraightOn) {
  const auto s = steps(map.path({30, 20, 21, 25, 22, 32}));
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kRoundabout, MT::kArrive}));
  EXPECT_EQ(s[1].roundabout_exit, 2) << "E, then N; the entry-only road is not an exit";
  EXPECT_EQ(s[1].direction, Direction::kStraight);
  EXPECT_EQ(s[1].name, "Avenue X");
  expect_near_point(s[1].location, map.position(20));
  EXPECT_NEAR(s[1].bearing_before, 0.0, 0.5);
  EXPECT_NEAR(s[1].bearing_after, 0.0, 0.5);
  EXPECT_NEAR(s[0].distance_m, 200.0, 0.5);
  EXPECT_NEAR(s[1].distance_m, 200.0 + geo::polyline_length_m(std::span(line).subspan(1, 5)), 0.5);
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kEnglish),
            "In 200 m, at the roundabout, take the 2nd exit onto Avenue X");
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kChinese),
            "200米后进入环岛，从第2个出口驶出，进入X");
  EXPECT_EQ(maneuver_name(s[1].type, s[1].direction), "roundabout");
}

TEST_F(ManeuverRoundaboutTest, FirstAndThirdExits) {
  const auto first = steps(map.path({30, 20, 21, 31}));
  ASSERT_EQ(types_of(first), (std::vector{MT::kDepart, MT::kRoundabout, MT::kArrive}));
  EXPECT_EQ(first[1].roundabout_exit, 1);
  EXPECT_EQ(first[1].direction, Direction::kRight);
  EXPECT_EQ(first[1].name, "Avenue Est");
  const auto third = steps(map.path({30, 20, 21, 25, 22, 23, 33}));
  ASSERT_EQ(types_of(third), (std::vector{MT::kDepart, MT::kRoundabout, MT::kArrive}));
  EXPECT_EQ(third[1].roundabout_exit, 3);
  EXPECT_EQ(third[1].direction, Direction::kLeft);
  EXPECT_EQ(third[1].name, "Avenue Ouest");
}

TEST_F(ManeuverRoundaboutTest, AllTheWayRoundIsTheFourthExit) {
  const auto s = steps(map.path({30, 20, 21, 25, 22, 23, 20, 30}));
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kRoundabout, MT::kArrive}));
  EXPECT_EQ(s[1].roundabout_exit, 4);
  EXPECT_EQ(s[1].direction, Direction::kUturn);
}

TEST_F(ManeuverRoundaboutTest, EndingInsideTheRoundabout) {
  const auto s = steps(map.path({30, 20, 21}, 0.0, 0.5));
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kRoundabout, MT::kArrive}));
  EXPECT_EQ(s[1].roundabout_exit, 0);
  EXPECT_EQ(instruction_text(s[1], nullptr, Language::kEnglish), "Enter the roundabout");
  EXPECT_EQ(instruction_text(s[1], nullptr, Language::kChinese), "进入环岛");
}

TEST_F(ManeuverRoundaboutTest, StartingInsideTheRoundabout) {
  const auto s = steps(map.path({20, 21, 25, 22, 32}, 0.5));
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kExitRoundabout, MT::kArrive}));
  EXPECT_EQ(s[1].name, "Avenue X");
  expect_near_point(s[1].location, map.position(22));
  EXPECT_EQ(instruction_text(s[1], nullptr, Language::kEnglish),
            "Exit the roundabout onto Avenue X");
}

TEST(ManeuverBendTest, ABendWithoutASideRoadIsNoTurn) {
  TestMap map;
  map.node(1, 0, -200);
  map.node(2, 0, 0);
  map.node(3, 200, 0);
  map.way(600, {1, 2}, kResidential, {"Rue A"});
  map.way(601, {2, 3}, kResidential, {"Rue A"});
  const auto s = build_steps(map.graph(), map.path({1, 2, 3}), nullptr);
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kArrive}));
  EXPECT_NEAR(s[0].distance_m, 400.0, 0.5);
}

TEST(ManeuverBendTest, SameNameTurningAtAJunctionIsATurn) {
  TestMap map;
  map.node(1, 0, -200);
  map.node(2, 0, 0);
  map.node(3, 200, 0);
  map.node(4, 0, 200);
  map.way(600, {1, 2, 3}, kResidential, {"Rue A"});
  map.way(601, {2, 4}, kResidential, {"Rue B"});
  const auto s = build_steps(map.graph(), map.path({1, 2, 3}), nullptr);
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kTurn, MT::kArrive}));
  EXPECT_EQ(s[1].direction, Direction::kRight);
  EXPECT_EQ(instruction_text(s[1], nullptr, Language::kEnglish), "Turn right onto Rue A");
  EXPECT_EQ(instruction_text(s[1], nullptr, Language::kChinese), "右转进入Rue A");
}

TEST(ManeuverNameChangeTest, StraightOnOntoANewName) {
  TestMap map;
  map.node(1, 0, -200);
  map.node(2, 0, 0);
  map.node(3, 0, 200);
  map.node(4, 0, 500);
  map.way(700, {1, 2}, kResidential, {"Rue A"});
  map.way(701, {2, 3}, kResidential, {"Rue B", "乙路"});
  map.way(702, {3, 4}, kResidential, {"", "", "", "D 6007"});
  std::vector<geo::LatLon> line;
  const RoutePath path = map.path({1, 2, 3, 4});
  const auto s = build_steps(map.graph(), path, &line);
  expect_well_formed(s, path, line);
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kContinue, MT::kContinue, MT::kArrive}));
  EXPECT_EQ(s[1].direction, Direction::kStraight);
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kEnglish), "In 200 m, continue onto Rue B");
  EXPECT_EQ(instruction_text(s[1], &s[0], Language::kChinese), "200米后继续沿乙路行驶");
  EXPECT_EQ(s[2].name, "");
  EXPECT_EQ(s[2].ref, "D 6007");
  EXPECT_EQ(instruction_text(s[2], nullptr, Language::kEnglish), "Continue onto D 6007");
  EXPECT_NEAR(s[2].distance_m, 300.0, 0.5);
}

TEST(ManeuverNameChangeTest, LosingTheNameIsNoStep) {
  TestMap map;
  map.node(1, 0, -200);
  map.node(2, 0, 0);
  map.node(3, 0, 200);
  map.way(710, {1, 2}, kResidential, {"Rue A"});
  map.way(711, {2, 3}, kResidential);
  const auto s = build_steps(map.graph(), map.path({1, 2, 3}), nullptr);
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kArrive}));
  EXPECT_NEAR(s[0].distance_m, 400.0, 0.5);
}

TEST(ManeuverNameChangeTest, ANameHeldForAFewMetresIsNotAnnounced) {
  TestMap map;
  map.node(1, 0, -200);
  map.node(2, 0, 0);
  map.node(3, 0, 10);
  map.node(4, 200, 10);
  map.node(5, -200, 10);
  map.node(6, 0, 210);
  map.way(720, {1, 2}, kResidential, {"Rue A"});
  map.way(721, {2, 3}, kResidential, {"Rue B"});
  map.way(722, {5, 3, 4}, kResidential, {"Rue C"});
  map.way(723, {3, 6}, kResidential, {"Rue D"});
  const auto s = build_steps(map.graph(), map.path({1, 2, 3, 4}), nullptr);
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kTurn, MT::kArrive}));
  EXPECT_EQ(s[0].name, "Rue A");
  EXPECT_NEAR(s[0].distance_m, 210.0, 0.5);
  EXPECT_EQ(s[1].name, "Rue C");
}

TEST(ManeuverDrivewayTest, ServiceRoadsBesideABendAreNoJunction) {
  TestMap map;
  map.node(1, 0, -200);
  map.node(2, 0, 0);
  map.node(3, 128.6, 153.2);  // 40° right
  map.node(4, -100, 100);     // a car park entrance, 45° left
  map.way(730, {1, 2, 3}, {{"highway", "secondary"}}, {"Route de Menton"});
  map.way(731, {2, 4}, {{"highway", "service"}});
  EXPECT_EQ(types_of(build_steps(map.graph(), map.path({1, 2, 3}), nullptr)),
            (std::vector{MT::kDepart, MT::kArrive}));
  const auto in = build_steps(map.graph(), map.path({1, 2, 4}), nullptr);
  ASSERT_EQ(types_of(in), (std::vector{MT::kDepart, MT::kTurn, MT::kArrive}));
  EXPECT_EQ(in[1].direction, Direction::kSlightLeft);
}

// A dual carriageway (Avenue A, one way each side, 20 m apart) with a crossover.
TEST(ManeuverDualCarriagewayTest, TwoTurnsThroughTheMedianAreOneUturn) {
  TestMap map;
  map.node(1, 0, -200);
  map.node(2, 0, 0);
  map.node(3, 0, 200);
  map.node(4, -20, 200);
  map.node(5, -20, 0);
  map.node(6, -20, -200);
  const map::OsmTags oneway{{"highway", "primary"}, {"oneway", "yes"}};
  map.way(800, {1, 2, 3}, oneway, {"Avenue A"});
  map.way(801, {4, 5, 6}, oneway, {"Avenue A"});
  map.way(802, {2, 5}, kResidential);
  std::vector<geo::LatLon> line;
  const RoutePath path = map.path({1, 2, 5, 6});
  const auto s = build_steps(map.graph(), path, &line);
  expect_well_formed(s, path, line);
  ASSERT_EQ(types_of(s), (std::vector{MT::kDepart, MT::kUturn, MT::kArrive}));
  EXPECT_EQ(s[1].name, "Avenue A");
  EXPECT_NEAR(s[1].distance_m, 220.0, 0.5);
  expect_near_point(s[1].location, map.position(2));
  EXPECT_NEAR(s[1].bearing_after, 180.0, 0.5);
}

TEST(ManeuverNameStringsTest, StableStrings) {
  EXPECT_EQ(maneuver_name(MT::kDepart, Direction::kStraight), "depart");
  EXPECT_EQ(maneuver_name(MT::kTurn, Direction::kSharpLeft), "turn sharp left");
  EXPECT_EQ(maneuver_name(MT::kFork, Direction::kSlightLeft), "fork slight left");
  EXPECT_EQ(maneuver_name(MT::kContinue, Direction::kStraight), "continue");
  EXPECT_EQ(maneuver_name(MT::kUturn, Direction::kUturn), "uturn");
  EXPECT_EQ(maneuver_name(MT::kArrive, Direction::kRight), "arrive right");
  EXPECT_EQ(maneuver_type_name(MT::kOnRamp), "on ramp");
  EXPECT_EQ(maneuver_type_name(MT::kExitRoundabout), "exit roundabout");
  EXPECT_EQ(direction_name(Direction::kSlightRight), "slight right");
}

TEST(ManeuverClassifyTurnTest, AngleBands) {
  EXPECT_EQ(classify_turn(0), Direction::kStraight);
  EXPECT_EQ(classify_turn(-19.9), Direction::kStraight);
  EXPECT_EQ(classify_turn(20), Direction::kSlightRight);
  EXPECT_EQ(classify_turn(-59), Direction::kSlightLeft);
  EXPECT_EQ(classify_turn(60), Direction::kRight);
  EXPECT_EQ(classify_turn(-119), Direction::kLeft);
  EXPECT_EQ(classify_turn(120), Direction::kSharpRight);
  EXPECT_EQ(classify_turn(-169), Direction::kSharpLeft);
  EXPECT_EQ(classify_turn(170), Direction::kUturn);
  EXPECT_EQ(classify_turn(-180), Direction::kUturn);
}

}  // namespace
}  // namespace codriver::routing
