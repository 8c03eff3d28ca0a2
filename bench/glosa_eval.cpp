// GLOSA evaluation: the same simulated drives across the sample city with and without
// Green Light Optimal Speed Advisory, through the RSU simulator's traffic lights.
//
//   build-bench/bench/glosa_eval                       # Monaco, 200 drives, fixed-time plans
//   CODRIVER_GLOSA_DRIVES=500 CODRIVER_GLOSA_ACTUATED=10 build-bench/bench/glosa_eval
//   CODRIVER_GLOSA_OSM=../shared/data/osm/nyc_greenwich_village.osm.pbf build-bench/bench/glosa_eval
//
// For each drive: a random origin and destination on the road network, a random start
// time, and the same route, lights and start time in both runs. Reported per mode: stops,
// time waiting, travel time and energy (the drive simulator's EV model without
// regeneration), as means and as the ratio GLOSA / baseline over the drives that pass at
// least one light.
#include <cstdio>
#include <cstdlib>
#include <random>

#include "latency_stats.h"
#include "map/bundle.h"
#include "routing/contraction_hierarchy.h"
#include "routing/router.h"
#include "support/test_support.h"
#include "vehicle/drive_simulator.h"

namespace {

using namespace codriver;

struct Totals {
  double stops = 0, waiting = 0, time = 0, energy = 0, distance = 0;
  int red_crossings = 0, drives = 0, lights = 0;
  std::vector<double> stops_per_drive;

  void add(const vehicle::DriveStats& s) {
    stops += s.stops;
    waiting += s.waiting_s;
    time += s.travel_time_s;
    energy += s.energy_kwh;
    distance += s.distance_m;
    red_crossings += s.red_crossings;
    lights += s.lights_passed;
    stops_per_drive.push_back(s.stops);
    ++drives;
  }
};

double env_number(const char* name, double fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::atof(value) : fallback;
}

void print_row(const char* what, double baseline, double glosa, int drives) {
  std::printf("| %s | %.2f | %.2f | %+.1f%% |\n", what, baseline / drives, glosa / drives,
              baseline > 0 ? (glosa / baseline - 1) * 100 : 0.0);
}

}  // namespace

int main() {
  codriver::testing::TempDir scratch;
  const char* osm = std::getenv("CODRIVER_GLOSA_OSM");
  map::import_bundle(osm != nullptr ? std::filesystem::path(osm)
                                    : codriver::testing::shared_data("osm/monaco.osm.pbf"),
                     scratch / "monaco");
  const auto bundle = map::MapBundle::open(scratch / "monaco");
  const auto& graph = bundle.graph();
  const routing::CarProfile profile;
  auto hierarchy = std::make_shared<routing::ContractionHierarchy>(routing::ContractionHierarchy::build(
      routing::TurnGraph::build(graph, profile), routing::vertex_lengths_dm(graph)));
  routing::Router router(graph, profile, hierarchy);
  signals::PlanOptions plans;
  plans.max_extension_s = env_number("CODRIVER_GLOSA_ACTUATED", 0);
  const signals::RsuSimulator rsu(graph, plans);
  const int wanted = static_cast<int>(env_number("CODRIVER_GLOSA_DRIVES", 200));
  std::mt19937 rng(20261124);
  std::uniform_int_distribution<std::size_t> node(0, graph.node_count() - 1);
  std::uniform_real_distribution<double> start_offset(0, 3600);
  Totals baseline, glosa;
  int attempts = 0, without_lights = 0;
  while (baseline.drives < wanted && attempts < wanted * 20) {
    ++attempts;
    routing::Leg leg;
    try {
      leg = router.route({graph.position(static_cast<map::NodeId>(node(rng)))},
                         {graph.position(static_cast<map::NodeId>(node(rng)))});
    } catch (const routing::RoutingError&) {
      continue;
    }
    if (leg.path.distance_m < 800) continue;
    const auto trace = routing::trace_route(graph, leg.path);
    const signals::Instant start{std::chrono::seconds(1795000000) +
                                 std::chrono::milliseconds(static_cast<long>(start_offset(rng) * 1000))};
    vehicle::DriveOptions options;
    const auto plain = vehicle::DriveSimulator(trace, rsu, start, options).run();
    options.follow_glosa = true;
    const auto advised = vehicle::DriveSimulator(trace, rsu, start, options).run();
    if (!plain.arrived || !advised.arrived) continue;
    if (plain.lights_passed == 0) {
      ++without_lights;
      continue;
    }
    baseline.add(plain);
    glosa.add(advised);
  }
  const int n = baseline.drives;
  std::printf("%d drives (each with at least one light; %d drawn routes had none), %s plans, "
              "%zu signalised intersections, %.1f lights per drive, %.2f km per drive\n\n",
              n, without_lights, plans.max_extension_s > 0 ? "actuated" : "fixed-time",
              rsu.intersections().size(), static_cast<double>(baseline.lights) / n,
              baseline.distance / n / 1000);
  std::printf("| per drive (mean) | baseline | GLOSA | change |\n| --- | ---: | ---: | ---: |\n");
  print_row("stops", baseline.stops, glosa.stops, n);
  print_row("time waiting at a standstill (s)", baseline.waiting, glosa.waiting, n);
  print_row("travel time (s)", baseline.time, glosa.time, n);
  print_row("energy (Wh)", baseline.energy * 1000, glosa.energy * 1000, n);
  std::printf("\nred-light crossings: baseline %d, GLOSA %d\n", baseline.red_crossings,
              glosa.red_crossings);
  const auto b = bench::stats_of(baseline.stops_per_drive), g = bench::stats_of(glosa.stops_per_drive);
  std::printf("stops per drive: median %.1f → %.1f, p99 %.0f → %.0f\n", b.median, g.median, b.p99, g.p99);
}
