#pragma once

#include <map>

#include "map/graph_builder.h"

// A five-node road network small enough to reason about by hand:
//
//   3 --- 2 --- 1        way 10: 1-2-3, two-way residential "Rue A" / "甲路"
//         |              way 11: 2-4-5, oneway primary, signal at 4
//         4 (signal)     way 12: 5-99, node 99 missing from the extract
//         |              way 13: a single node
//         5              relation 1: no_left_turn from way 10 via 2 onto way 11
namespace codriver::map::testing {

inline const std::map<std::int64_t, geo::LatLon> kFixturePositions = {
    {1, {43.7300, 7.4200}}, {2, {43.7300, 7.4210}}, {3, {43.7300, 7.4220}},
    {4, {43.7290, 7.4210}}, {5, {43.7280, 7.4210}}, {7, {43.7280, 7.4230}}};

inline RoadGraphData build_fixture_graph(ImportStats& stats) {
  GraphBuilder builder(stats);
  OsmCarWay a{10, {1, 2, 3}, classify_car_road({{"highway", "residential"}}).road.value(), 0};
  a.name = builder.intern_name("Rue A", "甲路", "A Street", "");
  builder.add_way(a);
  builder.add_way(
      {11,
       {2, 4, 5},
       classify_car_road({{"highway", "primary"}, {"oneway", "yes"}, {"maxspeed", "50"}})
           .road.value(),
       builder.intern_name("", "", "", "D 6007")});
  builder.add_way({12, {5, 99}, classify_car_road({{"highway", "service"}}).road.value(), 0});
  builder.add_way({13, {7}, classify_car_road({{"highway", "service"}}).road.value(), 0});
  builder.add_traffic_signal(4, format::SignalDirection::kForward);
  builder.add_traffic_signal(1000, format::SignalDirection::kBoth);  // on no car road
  builder.add_turn_restriction({1, {10}, 2, {11}, format::RestrictionKind::kNo});
  builder.add_turn_restriction(
      {2, {77}, 2, {11}, format::RestrictionKind::kOnly});  // way 77 unknown
  return builder.build([](std::int64_t id) -> std::optional<geo::LatLon> {
    const auto it = kFixturePositions.find(id);
    if (it == kFixturePositions.end()) return std::nullopt;
    return it->second;
  });
}

}  // namespace codriver::map::testing
