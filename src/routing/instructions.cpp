#include "routing/instructions.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace codriver::routing {

namespace {

constexpr double kThenM = 5.0;  // closer than this, "in 0 m" would be silly: say "then"

enum class Side { kNone, kLeft, kRight };

Side side_of(Direction direction) {
  switch (direction) {
    case Direction::kSlightLeft:
    case Direction::kLeft:
    case Direction::kSharpLeft:
      return Side::kLeft;
    case Direction::kSlightRight:
    case Direction::kRight:
    case Direction::kSharpRight:
      return Side::kRight;
    default:
      return Side::kNone;
  }
}

std::string_view compass(double bearing, Language language) {
  static constexpr std::array<std::string_view, 8> kEnglish = {
      "north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest"};
  static constexpr std::array<std::string_view, 8> kChinese = {"北", "东北", "东", "东南",
                                                               "南", "西南", "西", "西北"};
  double b = std::fmod(bearing, 360.0);
  if (!(b >= 0)) b = std::isfinite(b) ? b + 360.0 : 0.0;
  const auto sector = static_cast<std::size_t>(std::lround(b / 45.0)) % 8;
  return language == Language::kEnglish ? kEnglish[sector] : kChinese[sector];
}

// ---- English ----

std::string_view english_turn(Direction direction) {
  switch (direction) {
    case Direction::kSlightLeft:
      return "slightly left";
    case Direction::kLeft:
      return "left";
    case Direction::kSharpLeft:
      return "sharp left";
    case Direction::kSlightRight:
      return "slightly right";
    case Direction::kRight:
      return "right";
    case Direction::kSharpRight:
      return "sharp right";
    case Direction::kUturn:
      return "around";
    default:
      return "straight";
  }
}

std::string english_side(Direction direction, std::string_view before) {
  const Side side = side_of(direction);
  if (side == Side::kNone) return "";
  return std::string(before) + (side == Side::kLeft ? "left" : "right");
}

std::string english_body(const Step& step) {
  const std::string_view name = road_name(step, Language::kEnglish);
  const auto onto = [&](std::string text) {
    if (!name.empty()) text.append(" onto ").append(name);
    return text;
  };
  const Direction dir = step.direction;
  switch (step.type) {
    case ManeuverType::kDepart: {
      std::string text = "head " + std::string(compass(step.bearing_after, Language::kEnglish));
      if (!name.empty()) text.append(" on ").append(name);
      return text;
    }
    case ManeuverType::kContinue:
      if (dir == Direction::kStraight) return name.empty() ? "continue straight" : onto("continue");
      return onto("continue " + std::string(english_turn(dir)));
    case ManeuverType::kTurn:
      if (dir == Direction::kStraight) return onto("go straight");
      return onto("turn " + std::string(english_turn(dir)));
    case ManeuverType::kUturn:
      return "make a U-turn";
    case ManeuverType::kRoundabout:
      if (step.roundabout_exit <= 0) return "enter the roundabout";
      return onto("at the roundabout, take the " +
                  ordinal(step.roundabout_exit, Language::kEnglish) + " exit");
    case ManeuverType::kExitRoundabout:
      return onto("exit the roundabout");
    case ManeuverType::kMerge:
      return onto("merge" + english_side(dir, " "));
    case ManeuverType::kFork: {
      const std::string side = english_side(dir, "");
      return onto("keep " + (side.empty() ? std::string("straight") : side) + " at the fork");
    }
    case ManeuverType::kOnRamp:
      return onto("take the ramp" + english_side(dir, " on the "));
    case ManeuverType::kOffRamp:
      return onto("take the exit" + english_side(dir, " on the "));
    case ManeuverType::kEndOfRoad:
      return onto("at the end of the road, turn " + std::string(english_turn(dir)));
    case ManeuverType::kArrive:
      break;
  }
  return "";
}

std::string english_arrive(const Step& step, const Step* previous) {
  std::string text =
      previous ? "you will arrive at your destination" : "you have arrived at your destination";
  return text + english_side(step.direction, ", on the ");
}

std::string english(const Step& step, const Step* previous) {
  if (step.type == ManeuverType::kDepart) previous = nullptr;
  std::string body =
      step.type == ManeuverType::kArrive ? english_arrive(step, previous) : english_body(step);
  std::string text;
  if (previous) {
    text = previous->distance_m < kThenM
               ? "Then, "
               : "In " + format_distance(previous->distance_m, Language::kEnglish) + ", ";
  } else if (!body.empty() && body[0] >= 'a' && body[0] <= 'z') {
    body[0] = static_cast<char>(body[0] - 'a' + 'A');  // bodies start with a lowercase word
  }
  return text + body;
}

// ---- Chinese ----

std::string_view chinese_turn(Direction direction) {
  switch (direction) {
    case Direction::kSlightLeft:
      return "向左前方转弯";
    case Direction::kLeft:
      return "左转";
    case Direction::kSharpLeft:
      return "向左后方转弯";
    case Direction::kSlightRight:
      return "向右前方转弯";
    case Direction::kRight:
      return "右转";
    case Direction::kSharpRight:
      return "向右后方转弯";
    case Direction::kUturn:
      return "掉头";
    default:
      return "直行";
  }
}

std::string_view chinese_heading(Direction direction) {
  switch (direction) {
    case Direction::kSlightLeft:
      return "向左前方";
    case Direction::kLeft:
      return "向左";
    case Direction::kSharpLeft:
      return "向左后方";
    case Direction::kSlightRight:
      return "向右前方";
    case Direction::kRight:
      return "向右";
    case Direction::kSharpRight:
      return "向右后方";
    default:
      return "";
  }
}

std::string chinese_side(Direction direction, std::string_view left, std::string_view right) {
  const Side side = side_of(direction);
  if (side == Side::kNone) return "";
  return std::string(side == Side::kLeft ? left : right);
}

std::string chinese_body(const Step& step) {
  const std::string name(road_name(step, Language::kChinese));
  const std::string then_onto = name.empty() ? "" : "，进入" + name;
  const Direction dir = step.direction;
  switch (step.type) {
    case ManeuverType::kDepart:
      return "向" + std::string(compass(step.bearing_after, Language::kChinese)) + "出发" +
             (name.empty() ? "" : "，沿" + name + "行驶");
    case ManeuverType::kContinue:
      if (dir == Direction::kStraight) return name.empty() ? "继续直行" : "继续沿" + name + "行驶";
      return "继续" + std::string(chinese_heading(dir)) + "行驶" + then_onto;
    case ManeuverType::kTurn:
      return std::string(chinese_turn(dir)) + (name.empty() ? "" : "进入" + name);
    case ManeuverType::kUturn:
      return "掉头";
    case ManeuverType::kRoundabout:
      if (step.roundabout_exit <= 0) return "进入环岛";
      return "进入环岛，从" + ordinal(step.roundabout_exit, Language::kChinese) + "个出口驶出" +
             then_onto;
    case ManeuverType::kExitRoundabout:
      return "驶出环岛" + then_onto;
    case ManeuverType::kMerge:
      return chinese_side(dir, "向左", "向右") + "汇入" + (name.empty() ? "主路" : name);
    case ManeuverType::kFork:
      return "在岔路口" +
             (side_of(dir) == Side::kNone ? "直行" : chinese_side(dir, "靠左", "靠右")) + then_onto;
    case ManeuverType::kOnRamp:
      if (side_of(dir) == Side::kNone) return name.empty() ? "驶入匝道" : "经匝道驶入" + name;
      return "从" + chinese_side(dir, "左侧", "右侧") + "匝道驶入" + name;
    case ManeuverType::kOffRamp:
      return "从" + chinese_side(dir, "左侧", "右侧") + "出口驶出" + then_onto;
    case ManeuverType::kEndOfRoad:
      return "在道路尽头" + std::string(chinese_turn(dir)) + then_onto;
    case ManeuverType::kArrive:
      break;
  }
  return "";
}

std::string chinese(const Step& step, const Step* previous) {
  if (step.type == ManeuverType::kDepart) previous = nullptr;
  std::string text;
  if (previous) {
    text = previous->distance_m < kThenM
               ? "随后"
               : format_distance(previous->distance_m, Language::kChinese) + "后";
  }
  if (step.type != ManeuverType::kArrive) return text + chinese_body(step);
  return text + "到达目的地" + chinese_side(step.direction, "，目的地在左侧", "，目的地在右侧");
}

}  // namespace

std::string_view road_name(const Step& step, Language language) {
  const std::string& preferred = language == Language::kEnglish ? step.name_en : step.name_zh;
  if (!preferred.empty()) return preferred;
  if (!step.name.empty()) return step.name;
  return step.ref;
}

std::string ordinal(int n, Language language) {
  if (language == Language::kChinese) return "第" + std::to_string(n);
  const int tens = n % 100, units = n % 10;
  std::string_view suffix = "th";
  if (tens < 11 || tens > 13) {
    if (units == 1) suffix = "st";
    if (units == 2) suffix = "nd";
    if (units == 3) suffix = "rd";
  }
  return std::to_string(n) + std::string(suffix);
}

std::string format_distance(double metres, Language language) {
  const bool english = language == Language::kEnglish;
  if (!std::isfinite(metres) || metres < 0) metres = 0;
  metres = std::min(metres, 1e9);  // keeps the text short whatever comes in
  const double step = metres < 100 ? 5.0 : 10.0;
  const double rounded = std::round(metres / step) * step;
  if (rounded < 1000) {
    return std::to_string(static_cast<long long>(rounded)) + (english ? " m" : "米");
  }
  const double km = std::round(metres / 100.0) / 10.0;
  char text[64];
  std::snprintf(text, sizeof text, km == std::floor(km) ? "%.0f" : "%.1f", km);
  return std::string(text) + (english ? " km" : "公里");
}

std::string instruction_text(const Step& step, const Step* previous, Language language) {
  return language == Language::kEnglish ? english(step, previous) : chinese(step, previous);
}

}  // namespace codriver::routing
