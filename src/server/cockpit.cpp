#include "server/cockpit.h"

#include <cmath>

#include "agent/light_view.h"
#include "agent/route_view.h"
#include "feeds/timestamp.h"
#include "places/open_state.h"
#include "places/parking.h"
#include "places/place_card.h"
#include "places/place_search.h"
#include "routing/instructions.h"
#include "server/http_error.h"
#include "server/map_geometry.h"
#include "signals/light_report.h"

namespace codriver::server {
namespace {

using nlohmann::json;
using routing::Language;

constexpr std::array<Language, 2> kLanguages = {Language::kEnglish, Language::kChinese};

json optional_number(const std::optional<double>& value) {
  return value ? json(*value) : json(nullptr);
}

std::string dumped(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json maneuver_json(const agent::ActiveRoute& route, std::size_t step, Language language) {
  // No "In 200 m, ..." lead-in: the screen shows the distance beside the instruction.
  return {{"instruction", routing::instruction_text(route.steps[step], nullptr, language)},
          {"distance_m", agent::step_start_m(route, step)}};
}

json next_maneuver_json(const agent::ActiveRoute& route, Language language) {
  const std::size_t next = agent::next_step(route);
  if (next >= route.steps.size()) return nullptr;
  json maneuver = maneuver_json(route, next, language);
  maneuver["distance_m"] = agent::step_start_m(route, next) - route.progress_m;
  return maneuver;
}

json light_json(const agent::LightView& view, Language language) {
  const signals::LightAhead& light = view.light;
  return {{"intersection", view.intersection},
          {"lat", view.position.lat},
          {"lon", view.position.lon},
          {"distance_m", light.distance_m},
          {"state", signals::colour_name(light.colour)},
          {"time_to_change_s", optional_number(light.time_to_change.likely_s)},
          {"min_s", optional_number(light.time_to_change.min_s)},
          {"max_s", optional_number(light.time_to_change.max_s)},
          {"advice", signals::advice_kind_name(light.advice.kind)},
          {"advised_speed_kmh",
           light.advice.speed_mps ? json(*light.advice.speed_mps * 3.6) : json(nullptr)},
          {"sentence", signals::light_sentence(light, view.intersection, language)},
          {"live", light.live},
          {"source", "simulated"}};
}

}  // namespace

std::unique_lock<std::timed_mutex> Cockpit::hold() {
  std::unique_lock lock(mutex_, std::defer_lock);
  if (!lock.try_lock_for(kBusyWait)) {
    throw HttpError(503, "busy",
                    "The co-driver is still busy with an earlier request: try again in a moment.",
                    "副驾驶正在处理之前的请求，请稍后再试。");
  }
  return lock;
}

Cockpit::Cockpit(const agent::AgentOptions& options, agent::ModelOptions models, EventHub& events)
    : events_(events), agent_(options), map_name_(options.bundle.filename().string()) {
  agent_.set_models(std::move(models));
  map_geometry_ = dumped(map_geometry_json(agent_.world().router().graph()));
  advance(0);  // screens that connect now get the car, the trip and the light at once
}

json Cockpit::ask(const AskRequest& request) {
  const json answer = with_agent([&](agent::Agent& agent) {
    return agent::to_json(agent.ask(request.text, request.language));
  });
  publish_answer(request.text, answer);
  return answer;
}

void Cockpit::publish_answer(const std::string& question, const json& answer) {
  const std::string data = dumped({{"question", question}, {"answer", answer}});
  events_.publish("answer", data, data);
}

std::string Cockpit::map_geometry_within(const geo::BoundingBox& box) {
  // The road graph is read-only (mapped from the bundle): no lock needed.
  return dumped(map_geometry_json(agent_.world().router().graph(), box));
}

json Cockpit::vehicle() {
  const auto lock = hold();
  return vehicle_locked();
}

json Cockpit::vehicle_locked() const {
  const agent::CarState& car = agent_.state().car;
  const double heading = std::fmod(std::fmod(car.heading_deg, 360.0) + 360.0, 360.0);
  return {{"lat", car.lat},
          {"lon", car.lon},
          {"heading_deg", heading},
          {"speed_kmh", std::max(0.0, car.speed_kmh)},
          {"soc_percent", std::clamp(car.soc_percent, 0.0, 100.0)},
          {"capacity_kwh", car.capacity_kwh},
          {"moving", car.moving()},
          {"source", "simulated"}};
}

json Cockpit::route(Language language) {
  const auto lock = hold();
  return route_locked(language);
}

json Cockpit::route_locked(Language language) const {
  const auto& active = agent_.state().route;
  if (!active) return {{"active", false}};
  json out = agent::route_json(*active, language);
  out.erase("type");
  out["active"] = true;
  out["progress_m"] = active->progress_m;
  json geometry = json::array();
  for (const geo::LatLon& point : active->geometry)
    geometry.push_back({point.lat, point.lon});
  out["geometry"] = std::move(geometry);
  out["next_maneuver"] = next_maneuver_json(*active, language);
  json steps = json::array();
  for (std::size_t i = 0; i < active->steps.size(); ++i)
    steps.push_back(maneuver_json(*active, i, language));
  out["steps"] = std::move(steps);
  return out;
}

json Cockpit::signals(Language language) {
  const auto lock = hold();
  json intersections = json::array();
  for (const auto& derived : agent_.world().signals().intersections()) {
    const signals::Intersection& intersection = derived.intersection;
    intersections.push_back({{"id", intersection.id.id},
                             {"name", intersection.name},
                             {"lat", intersection.ref_point.lat},
                             {"lon", intersection.ref_point.lon}});
  }
  const auto light = agent::light_ahead_of_car(agent_.world());
  return {{"light", light ? light_json(*light, language) : json(nullptr)},
          {"intersections", std::move(intersections)}};
}

json Cockpit::places(const PlacesRequest& request) {
  places::PlaceQuery query;
  try {
    query.filter.categories = places::categories_from_list(request.categories);
  } catch (const std::invalid_argument& error) {
    throw bad_request(error.what(),
                      "未知类别：可用 restaurant、cafe、fast_food、food_court、food、parking、"
                      "charging_station、fuel。");
  }
  if (!request.cuisine.empty()) {
    query.filter.cuisine = places::find_cuisine(request.cuisine);
    if (query.filter.cuisine == nullptr)
      throw bad_request(
          "Unknown cuisine \"" + request.cuisine + "\": try e.g. sichuan, pizza, noodles.",
          "未知菜系“" + request.cuisine + "”：例如 川菜、披萨、面条。");
  }
  query.radius_m = request.radius_m;
  query.limit = request.limit;
  query.name = request.name;
  query.at = places::local_now();
  query.open_only = request.open_now;
  const auto lock = hold();
  query.near = request.near.value_or(agent_.state().car.position());
  auto& world = agent_.world();
  json cards = json::array();
  for (const auto& place :
       places::search_places(world.places(), query, world.memory().preferences()))
    cards.push_back(places::place_json(place, request.language));
  return {{"near", {query.near.lat, query.near.lon}}, {"places", std::move(cards)}};
}

json Cockpit::parking(const ParkingRequest& request) {
  places::ParkingQuery query;
  query.max_walk_m = request.max_walk_m;
  query.limit = request.limit;
  if (request.covered) query.filter.covered = true;
  query.filter.free_only = request.free_only;
  query.at = places::local_now();
  const auto lock = hold();
  const auto& state = agent_.state();
  query.destination = request.near.value_or(state.route ? state.route->destination().position
                                                        : state.car.position());
  auto& world = agent_.world();
  json cards = json::array();
  for (const auto& lot : places::parking_near(world.places(), query, world.memory().preferences(),
                                              nullptr, feeds::Clock::now()))
    cards.push_back(places::place_json(lot, request.language));
  return {{"destination", {query.destination.lat, query.destination.lon}},
          {"lots", std::move(cards)}};
}

void Cockpit::reset() {
  {
    const auto lock = hold();
    agent_.reset();
    publish_changes();
  }
  events_.forget_latest("answer");
  events_.publish("reset", "{}", "{}");
}

void Cockpit::advance(double seconds) {
  std::unique_lock lock(mutex_);
  agent_.advance(seconds);
  publish_changes();
  const auto light = agent::light_ahead_of_car(agent_.world());
  std::array<std::string, 2> ticks;
  for (std::size_t i = 0; i < kLanguages.size(); ++i)
    ticks[i] = dumped(tick_locked(kLanguages[i], light));
  events_.publish("tick", std::move(ticks[0]), std::move(ticks[1]));
}

json Cockpit::tick_locked(Language language, const std::optional<agent::LightView>& light) {
  const auto& active = agent_.state().route;
  json progress = nullptr, maneuver = nullptr;
  if (active) {
    progress = {{"progress_m", active->progress_m},
                {"remaining_m", active->remaining_m()},
                {"remaining_s", active->remaining_s()}};
    maneuver = next_maneuver_json(*active, language);
  }
  return {{"time", feeds::format_rfc3339(feeds::Clock::now())},
          {"vehicle", vehicle_locked()},
          {"progress", std::move(progress)},
          {"maneuver", std::move(maneuver)},
          {"light", light ? light_json(*light, language) : json(nullptr)}};
}

Cockpit::RouteSignature Cockpit::route_signature() const {
  const auto& active = agent_.state().route;
  if (!active) return {false, 0, 0, 0};
  return {true, active->started_unix_s, active->distance_m, active->destination().position.lat};
}

void Cockpit::publish_changes() {
  const RouteSignature now = route_signature();
  if (now == published_route_ && events_.last_id() > 0) return;
  published_route_ = now;
  events_.publish("route", dumped(route_locked(Language::kEnglish)),
                  dumped(route_locked(Language::kChinese)));
}

}  // namespace codriver::server
