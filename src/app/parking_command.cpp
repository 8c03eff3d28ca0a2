#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/commands.h"
#include "app/place_output.h"
#include "app/routing_session.h"
#include "feeds/mqtt_client.h"
#include "places/open_state.h"
#include "places/parking.h"

namespace codriver::app {

namespace {

using nlohmann::json;

struct ParkingOptions {
  std::filesystem::path map;
  std::string dest, lang = "en", mqtt, open_at;
  std::vector<std::filesystem::path> availability_files;
  double max_walk_m = 1000;
  int limit = 5, mqtt_wait_ms = 1500, max_age_s = 900;
  bool free_only = false, covered = false, include_full = false, json = false;
  std::optional<double> car_height_m;
  std::vector<std::string> parking_types;
};

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Feed messages from files and from the broker's retained parking topics; a bad message
// is reported and skipped, the others still count.
void load_availability(const ParkingOptions& o, places::AvailabilityBoard& board) {
  const auto now = feeds::Clock::now();
  const auto ingest = [&](std::string_view source, std::string_view message) {
    try {
      board.ingest(message, now);
    } catch (const places::FeedError& error) {
      std::cerr << "codriver: parking feed " << source << ": " << error.what() << " (skipped)\n";
    }
  };
  for (const auto& file : o.availability_files) ingest(file.string(), read_text(file));
  if (o.mqtt.empty()) return;
  feeds::MqttClient client(feeds::parse_endpoint(o.mqtt), "codriver-parking-cli");
  client.subscribe(places::kParkingTopicFilter,
                   [&](std::string_view topic, std::string_view payload) { ingest(topic, payload); });
  std::this_thread::sleep_for(std::chrono::milliseconds(o.mqtt_wait_ms));
}

void run_parking(const ParkingOptions& o) {
  const routing::Language language = parse_language(o.lang);
  const geo::LatLon dest = parse_lat_lon(o.dest);
  if (!geo::is_valid(dest)) throw std::invalid_argument("--dest " + o.dest + " is not on Earth");
  if (o.limit < 1 || o.limit > 1000) throw std::invalid_argument("--limit must be 1..1000");
  if (!(o.max_walk_m > 0 && o.max_walk_m <= 10000)) {
    throw std::invalid_argument("--max-walk must be more than 0 and at most 10000 m");
  }
  places::AvailabilityBoard board{std::chrono::seconds(o.max_age_s)};
  load_availability(o, board);
  map::MapBundle bundle = map::MapBundle::open(o.map);
  map::PlacesReader reader(o.map / "places.sqlite");
  places::ParkingQuery query;
  query.destination = dest;
  query.max_walk_m = o.max_walk_m;
  query.limit = o.limit;
  query.include_full = o.include_full;
  query.filter.free_only = o.free_only;
  if (o.covered) query.filter.covered = true;
  query.filter.car_height_m = o.car_height_m;
  query.filter.parking_types = o.parking_types;
  query.at = o.open_at.empty() ? places::local_now() : *feeds::parse_civil_time(o.open_at);
  const auto lots = places::parking_near(reader, query, {}, &board, feeds::Clock::now());
  const bool zh = language == routing::Language::kChinese;
  print_places(lots, o.json, language, "parking", json{{"live_lots", board.size()}},
               zh ? "目的地附近没有找到停车场" : "No parking found near the destination");
}

}  // namespace

void add_parking_command(CLI::App& app) {
  auto o = std::make_shared<ParkingOptions>();
  CLI::App* command = app.add_subcommand("parking", "Parking near a destination, with live spaces");
  command->add_option("--map", o->map, "map bundle")->required();
  command->add_option("--dest", o->dest, "LAT,LON of the destination")->required();
  command->add_option("--max-walk", o->max_walk_m, "longest walk in metres (default 1000)");
  command->add_option("--limit", o->limit, "number of results (default 5)");
  command->add_flag("--free", o->free_only, "only lots that charge no fee");
  command->add_flag("--covered", o->covered, "only covered lots");
  command->add_option("--car-height", o->car_height_m, "leave out lots lower than this (m)");
  command->add_option("--parking-type", o->parking_types, "surface, multi-storey, underground");
  command->add_option("--availability", o->availability_files,
                      "a parking feed message (JSON file); repeatable");
  command->add_option("--mqtt", o->mqtt, "HOST:PORT of the broker with the codriver/parking/# feed");
  command->add_option("--mqtt-wait-ms", o->mqtt_wait_ms, "how long to listen (default 1500)");
  command->add_option("--max-age-s", o->max_age_s, "older live counts are shown as stale (900)");
  command->add_flag("--include-full", o->include_full, "also lots reported full or closed");
  command->add_option("--open-at", o->open_at, "local time (default: now)");
  command->add_option("--lang", o->lang, "en or zh");
  command->add_flag("--json", o->json, "print JSON");
  command->callback([o] { run_parking(*o); });
}

}  // namespace codriver::app
