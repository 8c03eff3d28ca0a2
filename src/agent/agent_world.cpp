#include "agent/agent_world.h"

#include <algorithm>
#include <limits>
#include <map>

#include "geo/bounding_box.h"
#include "geo/distance.h"
#include "language/chinese_script.h"
#include "language/text_fold.h"
#include "places/cuisine.h"
#include "places/place_names.h"
#include "routing/route_trace.h"

namespace codriver::agent {
namespace {

// A wrong destination is worse than a question: only close matches count.
constexpr double kSureMatch = 0.75;

// Every named street once, at the point of it nearest its middle: a destination a driver
// can say ("Boulevard Princesse Charlotte"). Keyed by the name as tagged.
std::vector<Street> streets_of(const map::RoadGraph& graph) {
  struct Points {
    std::vector<geo::LatLon> positions;
    std::string name_zh, name_en;
  };
  std::map<std::string, Points, std::less<>> by_name;
  for (map::NodeId node = 0; node < graph.node_count(); ++node) {
    for (const auto& edge : graph.out_edges(node)) {
      const map::StreetName street = graph.street_name(edge);
      if (street.name.empty()) continue;
      Points& points = by_name[std::string(street.name)];
      points.positions.push_back(graph.position(node));
      if (points.name_zh.empty()) points.name_zh = street.name_zh;
      if (points.name_en.empty()) points.name_en = street.name_en;
    }
  }
  std::vector<Street> streets;
  for (auto& [name, points] : by_name) {
    geo::LatLon mean{0, 0};
    for (const auto& p : points.positions) {
      mean.lat += p.lat / points.positions.size();
      mean.lon += p.lon / points.positions.size();
    }
    const auto middle =
        std::min_element(points.positions.begin(), points.positions.end(),
                         [&](const geo::LatLon& a, const geo::LatLon& b) {
                           return geo::distance_m(a, mean) < geo::distance_m(b, mean);
                         });
    streets.push_back({name, points.name_zh, points.name_en, *middle});
  }
  return streets;
}

language::Gazetteer gazetteer_of(map::PlacesReader& places, const std::vector<Street>& streets) {
  language::Gazetteer gazetteer;
  for (std::size_t i = 0; i < streets.size(); ++i) {
    const auto id = street_id(i);
    for (const std::string* name : {&streets[i].name, &streets[i].name_zh, &streets[i].name_en}) {
      if (!name->empty()) gazetteer.add(id, *name, "street");
    }
  }
  for (const auto& stored : places.all_places(std::nullopt)) {
    const map::Place& place = stored.place;
    const std::string kind(map::category_name(place.category));
    for (const std::string* name : {&place.name, &place.name_en, &place.name_zh}) {
      if (!name->empty()) gazetteer.add(stored.id, *name, kind);
    }
  }
  return gazetteer;
}

}  // namespace

AgentWorld::AgentWorld(const AgentOptions& options)
    : bundle_path_(options.bundle),
      session_(routing::open_routing_session(options.bundle)),
      places_(std::make_unique<map::PlacesReader>(session_.bundle->places_path())),
      memory_(Memory::open(options.memory_path)),
      streets_(streets_of(session_.bundle->graph())),
      gazetteer_(gazetteer_of(*places_, streets_)) {
  if (options.car) {
    dialog.car = *options.car;
  } else {
    place_car_on_map();
  }
}

// The car starts in the sample city's centre; on any other map that is nowhere near a
// road, so it starts at the road node nearest the map's centre instead.
void AgentWorld::place_car_on_map() {
  const map::RoadGraph& graph = session_.bundle->graph();
  geo::BoundingBox box;
  for (map::NodeId node = 0; node < graph.node_count(); ++node)
    box.extend(graph.position(node));
  if (box.empty || box.contains(dialog.car.position())) return;
  const geo::LatLon centre = box.center();
  double best = std::numeric_limits<double>::infinity();
  for (map::NodeId node = 0; node < graph.node_count(); ++node) {
    const double distance = geo::distance_m(centre, graph.position(node));
    if (distance >= best) continue;
    best = distance;
    dialog.car.lat = graph.position(node).lat;
    dialog.car.lon = graph.position(node).lon;
  }
}

const signals::RsuSimulator& AgentWorld::signals() {
  if (!signals_) signals_ = std::make_unique<signals::RsuSimulator>(session_.bundle->graph());
  return *signals_;
}

language::CueLexicon AgentWorld::lexicon() const {
  language::CueLexicon lexicon = language::CueLexicon::standard();
  for (const auto& cuisine : places::cuisine_vocabulary()) {
    std::vector<std::string_view> words = cuisine.words;
    words.push_back(cuisine.key);
    words.push_back(cuisine.label_en);
    for (std::string_view word : words) {
      std::string folded = language::fold_text(language::to_simplified(word));
      for (char& c : folded) {
        if (c == '_') c = ' ';
      }
      // One Chinese character alone ("面") is part of too many other words.
      if (folded.size() <= 3 && static_cast<unsigned char>(folded[0]) >= 0x80) continue;
      lexicon.add(folded, language::Concept::kCuisine, cuisine.key);
    }
  }
  return lexicon;
}

std::vector<std::string> AgentWorld::place_names() {
  std::vector<std::string> names;
  for (const auto& stored : places_->all_places(std::nullopt)) {
    for (const std::string* name : {&stored.place.name, &stored.place.name_en}) {
      if (!name->empty()) names.push_back(*name);
    }
  }
  return names;
}

std::vector<std::string> AgentWorld::street_names() const {
  std::vector<std::string> names;
  for (const auto& street : streets_) {
    names.push_back(street.name);
    if (!street.name_en.empty()) names.push_back(street.name_en);
  }
  return names;
}

std::vector<std::string> AgentWorld::cuisine_words() {
  std::vector<std::string> words;
  for (const auto& cuisine : places::cuisine_vocabulary()) {
    words.emplace_back(cuisine.label_en);
    for (std::string_view word : cuisine.words) {
      if (!word.empty() && static_cast<unsigned char>(word[0]) < 0x80) words.emplace_back(word);
    }
  }
  return words;
}

std::optional<ResolvedPlace> AgentWorld::place_by_id(std::int64_t id, routing::Language language) {
  const auto stored = places_->place(id);
  if (!stored) return std::nullopt;
  return ResolvedPlace{places::display_name(stored->place, language), stored->place.position, id};
}

std::optional<ResolvedPlace> AgentWorld::find_named_place(const std::string& text) {
  const auto matches = gazetteer_.lookup(text, 1, kSureMatch);
  if (!matches.empty() && matches.front().id < 0) {
    const Street& street = streets_[street_index(matches.front().id)];
    return ResolvedPlace{street.name, street.position, std::nullopt};
  }
  if (!matches.empty()) {
    const auto stored = places_->place(matches.front().id);
    if (stored) return ResolvedPlace{matches.front().name, stored->place.position, stored->id};
  }
  const auto ids = places_->ids_by_name(text, 1);
  if (!ids.empty()) {
    const auto stored = places_->place(ids.front());
    if (stored) return ResolvedPlace{stored->place.name, stored->place.position, stored->id};
  }
  return std::nullopt;
}

}  // namespace codriver::agent

namespace codriver::agent {

void AgentWorld::start_drive() {
  stop_drive();
  if (!dialog.route) return;
  std::vector<routing::TracePoint> trace;
  for (const auto& leg : dialog.route->legs) {
    auto part = routing::trace_route(session_.bundle->graph(), leg.path);
    const double distance = trace.empty() ? 0 : trace.back().distance_m;
    const double time = trace.empty() ? 0 : trace.back().time_s;
    for (auto& point : part) {
      point.distance_m += distance;
      point.time_s += time;
    }
    trace.insert(trace.end(), part.begin() + (trace.empty() || part.empty() ? 0 : 1), part.end());
  }
  if (trace.size() < 2) return;
  drive_ =
      std::make_unique<vehicle::DriveSimulator>(std::move(trace), signals(), feeds::Clock::now());
  drive_energy_kwh_ = 0;
  drive_clock_s_ = 0;
}

void AgentWorld::stop_drive() {
  if (drive_) dialog.car.speed_kmh = 0;  // the simulated car has nowhere to go: it parks
  drive_.reset();
}

void AgentWorld::advance(double seconds) {
  if (!drive_ || !dialog.route || seconds <= 0) return;
  drive_clock_s_ += seconds;
  const double until = drive_clock_s_;
  bool driving = true;
  while (driving && drive_->state().time_s < until)
    driving = drive_->step();
  const vehicle::DriveState& state = drive_->state();
  CarState& car = dialog.car;
  car.lat = state.position.lat;
  car.lon = state.position.lon;
  car.heading_deg = state.heading_deg;
  car.speed_kmh = driving ? state.speed_mps * 3.6 : 0;
  const double used_kwh = drive_->stats().energy_kwh - drive_energy_kwh_;
  drive_energy_kwh_ = drive_->stats().energy_kwh;
  car.soc_percent = std::max(0.0, car.soc_percent - 100.0 * used_kwh / car.capacity_kwh);
  dialog.route->progress_m = state.progress_m;
  if (!driving) {
    dialog.route.reset();  // arrived
    stop_drive();
  }
}

}  // namespace codriver::agent
