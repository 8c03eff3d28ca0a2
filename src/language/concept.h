#pragma once

#include <string_view>

// What a cue word or phrase means to the parser. Surface words of both languages map
// onto these, so the rules that pick an intent are written once, for meanings.
namespace codriver::language {

enum class Concept {
  // Actions.
  kNavigate,        // navigate, take me to, 导航, 带我去
  kGo,              // a bare "go"/"去"/"到": navigation only with a target after it
  kAddStop,         // add a stop, stop by, 途经, 顺路去
  kCancel,          // cancel/stop/end the navigation, 取消导航
  kFind,            // find, look for, any, 找, 有没有, 推荐
  kEat,             // restaurant, eat, hungry, 餐厅, 吃饭
  kCuisine,         // value: a cuisine key
  kCategory,        // value: cafe, fast_food, fuel (places the parser names directly)
  kPark,            // parking, 停车场
  kCharge,          // charger, charging station, 充电桩
  kPlanCharge,      // enough charge to reach, charging plan, 能开到吗
  kEta,             // when will we arrive, 几点到
  kTimeLeft,        // how long, 还要多久
  kDistanceLeft,    // how far, 还有多远
  kNextTurn,        // next turn, 下个路口怎么走
  kRouteStatus,     // route status, how's the trip
  kLight,           // traffic light, 红绿灯
  kGreen,           // turn green, 绿灯
  kSpeedAdvice,     // how fast should I go, 建议车速
  kBattery,         // battery, charge level, 电量
  kRange,           // range, how far can I drive, 续航
  kVehicleStatus,   // vehicle status, 车况
  kCurrentSpeed,    // how fast am I going, 车速
  kLike,            // I like, 我喜欢
  kDislike,         // I don't like, 我讨厌
  kRemember,        // remember, from now on, 记住, 设为
  kSaveAs,          // "my home is", "set ... as home", 我家在
  kAvoid,           // never suggest, 别再推荐
  kForget,          // forget me, delete my data, 删除我的数据
  kLanguageSwitch,  // speak Chinese, 说英文; value: zh or en
  // Places and anchors.
  kHome,
  kWork,
  kHere,         // here, my location, 这里
  kDestination,  // the destination, 目的地
  kAlongRoute,   // on the way, 顺路
  kNearAnchor,   // "near"/"close to" before a name, "附近" after one
  kNearby,       // nearby, around here, 附近 (with no name)
  // Constraints.
  kNegation,     // not, don't, 不, 别
  kCheap,        // cheap, 便宜
  kModerate,     // not too expensive, 别太贵
  kUpscale,      // fancy, 高档
  kExpensive,    // expensive, 贵 (negated: moderate)
  kFar,          // far, 远 (negated: closer)
  kOpenNow,      // open now, 营业
  kCovered,      // covered, indoor, 室内
  kParkingType,  // value: underground, multi-storey, surface
  kFree,         // free, 免费
  kFast,         // fast charging, 快充
  kSocket,       // value: type2, ccs, chademo, gb_t, tesla
  kClosest,      // closest, nearest, closer, 最近, 近一点
  kCheapest,     // cheapest, cheaper, 最便宜, 便宜一点
  kBest,         // best, top rated, 最好
  // Dialog.
  kYes,
  kNo,
  kThat,        // that one, there, 那家, 那里
  kWhatAbout,   // what about, how about, 那...呢
  kCorrection,  // I meant, actually, 我是说
  kTellMore,    // tell me about, details, 介绍一下
  kGreeting,
  kThanks,
  kHelp,
  kArticle,  // a, an, the, some, one: explained, carries nothing
  kFiller,   // um, please, 帮我, 一下: explained, carries nothing
};

}  // namespace codriver::language
