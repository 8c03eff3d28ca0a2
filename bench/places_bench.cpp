// Place-search latency against brute force, measured in the same run.
//
//   build-bench/bench/places_bench                       # Monaco + a synthetic 100k-place city
//   CODRIVER_BENCH_SYNTHETIC_PLACES=1000000 build-bench/bench/places_bench
//
// Each query is timed on its own (steady_clock); the table gives median and p99 in µs
// and the brute-force/ours ratio. Brute force is the naive reference a first version
// would write: every place in memory, filter, measure every distance, sort. Along the
// route, the reference is one point-to-point CH route per (route sample, place) pair
// instead of two many-to-many matrices.
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <random>
#include <string>

#include "geo/distance.h"
#include "latency_stats.h"
#include "map/bundle.h"
#include "map/places_db.h"
#include "places/along_route.h"
#include "places/parking.h"
#include "places/place_search.h"
#include "routing/contraction_hierarchy.h"
#include "routing/router.h"
#include "support/test_support.h"

namespace {

using namespace codriver;
using bench::stats_of;

std::size_t env_size(const char* name, std::size_t fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::strtoull(value, nullptr, 10) : fallback;
}

struct Row {
  std::string what;
  bench::Stats ours, reference;
};

void print(const std::vector<Row>& rows) {
  std::printf("\n| query | n | ours median / p99 µs | brute force median / p99 µs | "
              "brute ÷ ours (median) |\n| --- | ---: | ---: | ---: | ---: |\n");
  for (const Row& r : rows) {
    std::printf("| %s | %zu | %.1f / %.1f | %.1f / %.1f | %.1f× |\n", r.what.c_str(), r.ours.count,
                r.ours.median, r.ours.p99, r.reference.median, r.reference.p99,
                r.ours.median > 0 ? r.reference.median / r.ours.median : 0.0);
  }
}

std::vector<std::int64_t> brute_nearest(const std::vector<map::StoredPlace>& all, geo::LatLon at,
                                        std::size_t k, const places::PlaceFilter& filter) {
  std::vector<std::pair<double, std::int64_t>> hits;
  for (const auto& s : all)
    if (!places::rejection(s.place, filter))
      hits.emplace_back(geo::distance_m(at, s.place.position), s.id);
  const std::size_t keep = std::min(k, hits.size());
  std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(keep), hits.end());
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < keep; ++i) ids.push_back(hits[i].second);
  return ids;
}

std::vector<std::int64_t> brute_within(const std::vector<map::StoredPlace>& all, geo::LatLon at,
                                       double radius, const places::PlaceFilter& filter) {
  std::vector<std::pair<double, std::int64_t>> hits;
  for (const auto& s : all) {
    const double d = geo::distance_m(at, s.place.position);
    if (d <= radius && !places::rejection(s.place, filter)) hits.emplace_back(d, s.id);
  }
  std::sort(hits.begin(), hits.end());
  std::vector<std::int64_t> ids;
  for (const auto& h : hits) ids.push_back(h.second);
  return ids;
}

// Runs ours and the reference on the same inputs; counts disagreements.
void point_queries(const std::string& label, map::PlacesReader& reader, std::size_t queries,
                   std::vector<Row>& rows) {
  const auto all = reader.all_places(std::nullopt);
  geo::BoundingBox box;
  for (const auto& s : all) box.extend(s.place.position);
  std::mt19937 rng(20261124);
  std::uniform_real_distribution<double> lat(box.min_lat, box.max_lat), lon(box.min_lon, box.max_lon);
  places::PlaceFilter restaurants;
  restaurants.categories = {map::PlaceCategory::kRestaurant};
  std::vector<double> ours_k, ref_k, ours_r, ref_r;
  std::size_t wrong = 0;
  for (std::size_t q = 0; q < queries; ++q) {
    const geo::LatLon at{lat(rng), lon(rng)};
    std::vector<places::RankedPlace> found;
    std::vector<std::int64_t> expected;
    ours_k.push_back(bench::time_us([&] { found = places::nearest_places(reader, at, 10, restaurants); }));
    ref_k.push_back(bench::time_us([&] { expected = brute_nearest(all, at, 10, restaurants); }));
    if (found.size() != expected.size()) ++wrong;
    ours_r.push_back(bench::time_us([&] { found = places::places_within(reader, at, 500, restaurants); }));
    ref_r.push_back(bench::time_us([&] { expected = brute_within(all, at, 500, restaurants); }));
    if (found.size() != expected.size()) ++wrong;
  }
  rows.push_back({label + ": nearest 10 restaurants", stats_of(ours_k), stats_of(ref_k)});
  rows.push_back({label + ": restaurants within 500 m", stats_of(ours_r), stats_of(ref_r)});
  std::printf("%s: %zu places, %zu queries, %zu disagreements with brute force\n", label.c_str(),
              all.size(), queries, wrong);
}

// A city of `count` places spread uniformly over ~20 km × 20 km, a quarter restaurants.
std::filesystem::path synthetic_places(const std::filesystem::path& dir, std::size_t count) {
  const auto path = dir / "synthetic_places.sqlite";
  map::PlacesWriter writer(path);
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> lat(31.10, 31.28), lon(121.35, 121.56);
  for (std::size_t i = 0; i < count; ++i) {
    map::Place p;
    p.osm_id = static_cast<std::int64_t>(i + 1);
    p.category = static_cast<map::PlaceCategory>(i % 7);
    p.position = {lat(rng), lon(rng)};
    p.name = "Place " + std::to_string(i);
    p.tags_json = "{}";
    writer.add(p);
  }
  writer.finish();
  return path;
}

void route_queries(routing::Router& router, map::PlacesReader& reader, std::vector<Row>& rows) {
  std::mt19937 rng(3);
  const auto all = reader.all_places(std::nullopt);
  std::vector<double> ours, reference;
  for (int q = 0; q < 20; ++q) {
    const auto& a = all[rng() % all.size()].place.position;
    const auto& b = all[rng() % all.size()].place.position;
    routing::Leg leg;
    try {
      leg = router.route({a}, {b});
    } catch (const routing::RoutingError&) {
      continue;
    }
    places::AlongRouteQuery query;
    query.filter.categories = {map::PlaceCategory::kRestaurant, map::PlaceCategory::kCafe};
    query.corridor_m = 500;
    ours.push_back(bench::time_us([&] { places::places_along_route(reader, router, leg.path, query, {}); }));
    reference.push_back(bench::time_us([&] {
      const auto trace = routing::trace_route(router.graph(), leg.path);
      auto candidates = places::places_near_route(reader, trace, query);
      const auto samples = routing::resample_trace(trace, query.sample_spacing_m);
      for (const auto& c : candidates)
        for (const auto& s : samples) {
          try {
            router.route({s.position, s.bearing_deg}, {c.stored.place.position});
            router.route({c.stored.place.position}, {s.position, s.bearing_deg});
          } catch (const routing::RoutingError&) {
          }
        }
    }));
  }
  rows.push_back({"Monaco: restaurants/cafés along a route (500 m corridor)", stats_of(ours),
                  stats_of(reference)});
}

void parking_queries(map::PlacesReader& reader, std::vector<Row>& rows) {
  const auto all = reader.all_places(map::PlaceCategory::kParking);
  std::mt19937 rng(5);
  std::vector<double> ours, reference;
  for (int q = 0; q < 500; ++q) {
    const geo::LatLon dest = all[rng() % all.size()].place.position;
    places::ParkingQuery query;
    query.destination = dest;
    ours.push_back(bench::time_us([&] { places::parking_near(reader, query, {}, nullptr, {}); }));
    reference.push_back(bench::time_us([&] {
      std::vector<places::RankedPlace> lots;
      for (const auto& s : reader.all_places(map::PlaceCategory::kParking)) {
        places::RankedPlace lot;
        lot.stored = s;
        lot.walk_m = places::walking_distance_m(s.place, dest);
        if (*lot.walk_m <= query.max_walk_m) lots.push_back(lot);
      }
      places::rank_candidates(lots, std::nullopt, false, {}, 333, 5);
    }));
  }
  rows.push_back({"Monaco: parking near a destination", stats_of(ours), stats_of(reference)});
}

}  // namespace

int main() {
  codriver::testing::TempDir scratch;
  const auto osm = codriver::testing::shared_data("osm/monaco.osm.pbf");
  map::import_bundle(osm, scratch / "monaco");
  const auto bundle = map::MapBundle::open(scratch / "monaco");
  const routing::CarProfile profile;
  auto hierarchy = std::make_shared<routing::ContractionHierarchy>(routing::ContractionHierarchy::build(
      routing::TurnGraph::build(bundle.graph(), profile), routing::vertex_lengths_dm(bundle.graph())));
  routing::Router router(bundle.graph(), profile, hierarchy);
  map::PlacesReader monaco(scratch / "monaco" / "places.sqlite");
  std::vector<Row> rows;
  point_queries("Monaco", monaco, 2000, rows);
  parking_queries(monaco, rows);
  route_queries(router, monaco, rows);
  const std::size_t synthetic = env_size("CODRIVER_BENCH_SYNTHETIC_PLACES", 100000);
  if (synthetic > 0) {
    map::PlacesReader city(synthetic_places(scratch.path(), synthetic));
    point_queries("synthetic " + std::to_string(synthetic), city, 500, rows);
  }
  print(rows);
  std::printf("\npeak RSS %.1f MB\n", static_cast<double>(bench::peak_rss_bytes()) / 1e6);
}
