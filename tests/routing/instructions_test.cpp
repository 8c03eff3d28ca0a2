#include "routing/instructions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace codriver::routing {
namespace {

constexpr Language kEn = Language::kEnglish;
constexpr Language kZh = Language::kChinese;

Step make_step(ManeuverType type, Direction direction, std::string name = "",
               std::string name_zh = "", std::string ref = "") {
  Step step;
  step.type = type;
  step.direction = direction;
  step.name = std::move(name);
  step.name_zh = std::move(name_zh);
  step.ref = std::move(ref);
  return step;
}

Step driven(double metres) {
  Step step = make_step(ManeuverType::kContinue, Direction::kStraight, "Somewhere");
  step.distance_m = metres;
  return step;
}

TEST(InstructionFormatDistanceTest, RoundsForSpeech) {
  EXPECT_EQ(format_distance(0, kEn), "0 m");
  EXPECT_EQ(format_distance(47, kEn), "45 m");
  EXPECT_EQ(format_distance(48, kEn), "50 m");
  EXPECT_EQ(format_distance(97.4, kEn), "95 m");
  EXPECT_EQ(format_distance(98, kEn), "100 m");
  EXPECT_EQ(format_distance(304, kEn), "300 m");
  EXPECT_EQ(format_distance(306, kEn), "310 m");
  EXPECT_EQ(format_distance(994, kEn), "990 m");
  EXPECT_EQ(format_distance(996, kEn), "1 km");
  EXPECT_EQ(format_distance(1000, kEn), "1 km");
  EXPECT_EQ(format_distance(1240, kEn), "1.2 km");
  EXPECT_EQ(format_distance(1960, kEn), "2 km");
  EXPECT_EQ(format_distance(12345, kEn), "12.3 km");
  EXPECT_EQ(format_distance(300, kZh), "300米");
  EXPECT_EQ(format_distance(1200, kZh), "1.2公里");
  EXPECT_EQ(format_distance(2000, kZh), "2公里");
  EXPECT_EQ(format_distance(-5, kEn), "0 m");
  EXPECT_EQ(format_distance(std::nan(""), kEn), "0 m");
  EXPECT_EQ(format_distance(std::numeric_limits<double>::infinity(), kZh), "0米");
}

TEST(InstructionOrdinalTest, EnglishSuffixes) {
  EXPECT_EQ(ordinal(1, kEn), "1st");
  EXPECT_EQ(ordinal(2, kEn), "2nd");
  EXPECT_EQ(ordinal(3, kEn), "3rd");
  EXPECT_EQ(ordinal(4, kEn), "4th");
  EXPECT_EQ(ordinal(11, kEn), "11th");
  EXPECT_EQ(ordinal(12, kEn), "12th");
  EXPECT_EQ(ordinal(13, kEn), "13th");
  EXPECT_EQ(ordinal(21, kEn), "21st");
  EXPECT_EQ(ordinal(22, kEn), "22nd");
  EXPECT_EQ(ordinal(111, kEn), "111th");
  EXPECT_EQ(ordinal(3, kZh), "第3");
}

TEST(InstructionRoadNameTest, PreferredThenNameThenRef) {
  Step step = make_step(ManeuverType::kTurn, Direction::kLeft, "Boulevard Albert 1er",
                        "阿尔贝一世大道", "D 6007");
  EXPECT_EQ(road_name(step, kEn), "Boulevard Albert 1er");
  EXPECT_EQ(road_name(step, kZh), "阿尔贝一世大道");
  step.name_en = "Albert I Boulevard";
  EXPECT_EQ(road_name(step, kEn), "Albert I Boulevard");
  step = make_step(ManeuverType::kTurn, Direction::kLeft, "长安街");
  EXPECT_EQ(road_name(step, kZh), "长安街");
  step = make_step(ManeuverType::kTurn, Direction::kLeft, "", "", "G4");
  EXPECT_EQ(road_name(step, kEn), "G4");
  EXPECT_EQ(road_name(step, kZh), "G4");
  EXPECT_EQ(road_name(Step{}, kEn), "");
}

TEST(InstructionTextTest, TurnsAnnouncedAhead) {
  const Step before = driven(300);
  const Step left =
      make_step(ManeuverType::kTurn, Direction::kLeft, "Boulevard Albert 1er", "阿尔贝一世大道");
  EXPECT_EQ(instruction_text(left, &before, kEn), "In 300 m, turn left onto Boulevard Albert 1er");
  EXPECT_EQ(instruction_text(left, &before, kZh), "300米后左转进入阿尔贝一世大道");
  EXPECT_EQ(instruction_text(left, nullptr, kEn), "Turn left onto Boulevard Albert 1er");
  EXPECT_EQ(instruction_text(left, nullptr, kZh), "左转进入阿尔贝一世大道");
  const Step close = driven(3);
  EXPECT_EQ(instruction_text(left, &close, kEn), "Then, turn left onto Boulevard Albert 1er");
  EXPECT_EQ(instruction_text(left, &close, kZh), "随后左转进入阿尔贝一世大道");
}

TEST(InstructionTextTest, EveryTurnDirection) {
  const auto en = [](Direction d) {
    return instruction_text(make_step(ManeuverType::kTurn, d, "X"), nullptr, kEn);
  };
  const auto zh = [](Direction d) {
    return instruction_text(make_step(ManeuverType::kTurn, d, "X"), nullptr, kZh);
  };
  EXPECT_EQ(en(Direction::kSlightLeft), "Turn slightly left onto X");
  EXPECT_EQ(en(Direction::kSharpRight), "Turn sharp right onto X");
  EXPECT_EQ(en(Direction::kRight), "Turn right onto X");
  EXPECT_EQ(en(Direction::kStraight), "Go straight onto X");
  EXPECT_EQ(zh(Direction::kSlightLeft), "向左前方转弯进入X");
  EXPECT_EQ(zh(Direction::kSlightRight), "向右前方转弯进入X");
  EXPECT_EQ(zh(Direction::kSharpLeft), "向左后方转弯进入X");
  EXPECT_EQ(zh(Direction::kRight), "右转进入X");
  const Step unnamed = make_step(ManeuverType::kTurn, Direction::kRight);
  EXPECT_EQ(instruction_text(unnamed, nullptr, kEn), "Turn right");
  EXPECT_EQ(instruction_text(unnamed, nullptr, kZh), "右转");
}

TEST(InstructionTextTest, DepartAndArrive) {
  Step depart = make_step(ManeuverType::kDepart, Direction::kStraight, "Rue Grimaldi");
  EXPECT_EQ(instruction_text(depart, nullptr, kEn), "Head north on Rue Grimaldi");
  EXPECT_EQ(instruction_text(depart, nullptr, kZh), "向北出发，沿Rue Grimaldi行驶");
  depart.bearing_after = 224;
  const Step before = driven(500);
  EXPECT_EQ(instruction_text(depart, &before, kEn), "Head southwest on Rue Grimaldi")
      << "a departure is never announced ahead";
  depart.bearing_after = 359;
  depart.name.clear();
  EXPECT_EQ(instruction_text(depart, nullptr, kEn), "Head north");
  EXPECT_EQ(instruction_text(depart, nullptr, kZh), "向北出发");
  depart.bearing_after = 100;
  EXPECT_EQ(instruction_text(depart, nullptr, kZh), "向东出发");

  Step arrive = make_step(ManeuverType::kArrive, Direction::kStraight);
  EXPECT_EQ(instruction_text(arrive, nullptr, kEn), "You have arrived at your destination");
  EXPECT_EQ(instruction_text(arrive, nullptr, kZh), "到达目的地");
  arrive.direction = Direction::kRight;
  EXPECT_EQ(instruction_text(arrive, nullptr, kEn),
            "You have arrived at your destination, on the right");
  EXPECT_EQ(instruction_text(arrive, nullptr, kZh), "到达目的地，目的地在右侧");
  arrive.direction = Direction::kLeft;
  EXPECT_EQ(instruction_text(arrive, &before, kEn),
            "In 500 m, you will arrive at your destination, on the left");
  EXPECT_EQ(instruction_text(arrive, &before, kZh), "500米后到达目的地，目的地在左侧");
}

TEST(InstructionTextTest, ContinueAndUturn) {
  const Step on = make_step(ManeuverType::kContinue, Direction::kStraight, "X", "X路");
  EXPECT_EQ(instruction_text(on, nullptr, kEn), "Continue onto X");
  EXPECT_EQ(instruction_text(on, nullptr, kZh), "继续沿X路行驶");
  const Step bend = make_step(ManeuverType::kContinue, Direction::kSlightLeft, "X");
  EXPECT_EQ(instruction_text(bend, nullptr, kEn), "Continue slightly left onto X");
  EXPECT_EQ(instruction_text(bend, nullptr, kZh), "继续向左前方行驶，进入X");
  const Step unnamed = make_step(ManeuverType::kContinue, Direction::kStraight);
  EXPECT_EQ(instruction_text(unnamed, nullptr, kEn), "Continue straight");
  EXPECT_EQ(instruction_text(unnamed, nullptr, kZh), "继续直行");
  const Step uturn = make_step(ManeuverType::kUturn, Direction::kUturn, "X");
  const Step before = driven(120);
  EXPECT_EQ(instruction_text(uturn, nullptr, kEn), "Make a U-turn");
  EXPECT_EQ(instruction_text(uturn, &before, kEn), "In 120 m, make a U-turn");
  EXPECT_EQ(instruction_text(uturn, nullptr, kZh), "掉头");
}

TEST(InstructionTextTest, Roundabouts) {
  Step step = make_step(ManeuverType::kRoundabout, Direction::kStraight, "Avenue X", "X");
  step.roundabout_exit = 2;
  const Step before = driven(200);
  EXPECT_EQ(instruction_text(step, &before, kEn),
            "In 200 m, at the roundabout, take the 2nd exit onto Avenue X");
  EXPECT_EQ(instruction_text(step, &before, kZh), "200米后进入环岛，从第2个出口驶出，进入X");
  step.roundabout_exit = 11;
  step.name = step.name_zh = "";
  EXPECT_EQ(instruction_text(step, nullptr, kEn), "At the roundabout, take the 11th exit");
  EXPECT_EQ(instruction_text(step, nullptr, kZh), "进入环岛，从第11个出口驶出");
  step.roundabout_exit = 0;
  EXPECT_EQ(instruction_text(step, nullptr, kEn), "Enter the roundabout");
  const Step out = make_step(ManeuverType::kExitRoundabout, Direction::kRight, "Avenue X", "X");
  EXPECT_EQ(instruction_text(out, nullptr, kEn), "Exit the roundabout onto Avenue X");
  EXPECT_EQ(instruction_text(out, nullptr, kZh), "驶出环岛，进入X");
}

TEST(InstructionTextTest, ForksMergesAndRamps) {
  const Step fork = make_step(ManeuverType::kFork, Direction::kSlightLeft, "X", "X路");
  EXPECT_EQ(instruction_text(fork, nullptr, kEn), "Keep left at the fork onto X");
  EXPECT_EQ(instruction_text(fork, nullptr, kZh), "在岔路口靠左，进入X路");
  const Step middle = make_step(ManeuverType::kFork, Direction::kStraight);
  EXPECT_EQ(instruction_text(middle, nullptr, kEn), "Keep straight at the fork");
  EXPECT_EQ(instruction_text(middle, nullptr, kZh), "在岔路口直行");

  const Step merge = make_step(ManeuverType::kMerge, Direction::kSlightLeft, "", "", "A8");
  EXPECT_EQ(instruction_text(merge, nullptr, kEn), "Merge left onto A8");
  EXPECT_EQ(instruction_text(merge, nullptr, kZh), "向左汇入A8");
  const Step plain_merge = make_step(ManeuverType::kMerge, Direction::kStraight);
  EXPECT_EQ(instruction_text(plain_merge, nullptr, kEn), "Merge");
  EXPECT_EQ(instruction_text(plain_merge, nullptr, kZh), "汇入主路");

  const Step on_ramp = make_step(ManeuverType::kOnRamp, Direction::kSlightRight);
  EXPECT_EQ(instruction_text(on_ramp, nullptr, kEn), "Take the ramp on the right");
  EXPECT_EQ(instruction_text(on_ramp, nullptr, kZh), "从右侧匝道驶入");
  const Step named_ramp = make_step(ManeuverType::kOnRamp, Direction::kSlightLeft, "", "", "A8");
  EXPECT_EQ(instruction_text(named_ramp, nullptr, kEn), "Take the ramp on the left onto A8");
  EXPECT_EQ(instruction_text(named_ramp, nullptr, kZh), "从左侧匝道驶入A8");
  const Step ahead_ramp = make_step(ManeuverType::kOnRamp, Direction::kStraight);
  EXPECT_EQ(instruction_text(ahead_ramp, nullptr, kEn), "Take the ramp");
  EXPECT_EQ(instruction_text(ahead_ramp, nullptr, kZh), "驶入匝道");

  const Step off_ramp = make_step(ManeuverType::kOffRamp, Direction::kSlightRight, "Sortie 56");
  const Step before = driven(1500);
  EXPECT_EQ(instruction_text(off_ramp, &before, kEn),
            "In 1.5 km, take the exit on the right onto Sortie 56");
  EXPECT_EQ(instruction_text(off_ramp, &before, kZh), "1.5公里后从右侧出口驶出，进入Sortie 56");

  const Step end = make_step(ManeuverType::kEndOfRoad, Direction::kLeft, "Quai Antoine 1er");
  EXPECT_EQ(instruction_text(end, nullptr, kEn),
            "At the end of the road, turn left onto Quai Antoine 1er");
  EXPECT_EQ(instruction_text(end, nullptr, kZh), "在道路尽头左转，进入Quai Antoine 1er");
}

TEST(InstructionTextTest, NamesPassThroughUnchanged) {
  const std::string hostile = "Rue \"100%\" {0} %s <b>&amp;</b> 'x'";
  const Step step = make_step(ManeuverType::kTurn, Direction::kRight, hostile);
  EXPECT_EQ(instruction_text(step, nullptr, kEn), "Turn right onto " + hostile);
  EXPECT_EQ(instruction_text(step, nullptr, kZh), "右转进入" + hostile);
  // A name starting with a lowercase letter is not the start of the sentence.
  const Step lower = make_step(ManeuverType::kContinue, Direction::kStraight, "avenue x");
  EXPECT_EQ(instruction_text(lower, nullptr, kEn), "Continue onto avenue x");
}

}  // namespace
}  // namespace codriver::routing
