// `codriver signals decode FILE|- [--time ISO8601] [--json]`: any SPaT or MAP codriver
// reads (J2735 UPER as hex or binary, ODE JSON, ProcessedSpat/ProcessedMap, CSAE 53 SPAT
// JSON; told apart by content) printed for people or as codriver's normalised JSON.
//
// The `signals` command holds subcommands; its light-ahead mode (`signals --map ...`)
// goes on the command itself, beside `decode`.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "app/commands.h"
#include "app/light_ahead_command.h"
#include "geo/projection.h"
#include "signals/iso_time.h"
#include "signals/message_decoder.h"
#include "signals/signals_json.h"

namespace codriver::app {

namespace {

constexpr std::size_t kMaxInputBytes = 16 * 1024 * 1024;

struct DecodeCommandOptions {
  std::string input;  // a path, or "-" for standard input
  std::string time;
  bool json = false;
};

std::string read_input(const std::string& input) {
  std::string data;
  if (input == "-") {
    data.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(input, std::ios::binary);
    if (!in) throw std::invalid_argument("cannot read " + input);
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (data.size() > kMaxInputBytes) throw std::invalid_argument(input + " is larger than 16 MiB");
  return data;
}

std::string optional_time(const std::optional<signals::Instant>& t) {
  return t ? signals::format_iso8601(*t) : "?";
}

void print_event(const signals::MovementEvent& e) {
  std::cout << signals::phase_name(e.state) << " ("
            << signals::colour_name(signals::colour_of(e.state)) << ")";
  if (e.min_end || e.max_end) {
    std::cout << ", ends " << optional_time(e.min_end);
    if (e.max_end != e.min_end) std::cout << " .. " << optional_time(e.max_end);
  }
  if (e.likely_end) std::cout << ", likely " << signals::format_iso8601(*e.likely_end);
  if (e.beyond_an_hour) std::cout << ", some times more than an hour away";
}

void print_spat(const signals::SpatMessage& spat) {
  for (const signals::IntersectionSignals& in : spat.intersections) {
    std::cout << "intersection " << in.id.id << ", revision " << in.revision << ", at "
              << optional_time(in.timestamp) << "\n";
    for (const signals::SignalGroupState& group : in.signal_groups) {
      std::cout << "  signal group " << group.signal_group << ": ";
      for (std::size_t i = 0; i < group.events.size(); ++i) {
        if (i > 0) std::cout << "; then ";
        print_event(group.events[i]);
      }
      std::cout << "\n";
    }
  }
}

void print_lane(const signals::Lane& lane) {
  std::cout << "  lane " << lane.id << ":";
  if (lane.ingress_approach) std::cout << " ingress approach " << *lane.ingress_approach;
  if (lane.egress_approach) std::cout << " egress approach " << *lane.egress_approach;
  std::cout << ", " << signals::lane_type_name(lane.type);
  std::vector<geo::LatLon> line;
  for (const signals::LaneNode& node : lane.nodes)
    line.push_back(node.position);
  std::cout << ", " << lane.nodes.size() << " nodes, "
            << static_cast<long>(geo::polyline_length_m(line)) << " m";
  for (const signals::LaneConnection& c : lane.connects_to) {
    std::cout << " -> lane " << c.lane;
    if (c.signal_group) std::cout << " (signal group " << *c.signal_group << ")";
  }
  std::cout << "\n";
}

void print_map(const signals::MapMessage& map) {
  for (const signals::Intersection& in : map.intersections) {
    std::cout.precision(10);
    std::cout << "intersection " << in.id.id << ", revision " << in.revision << ", reference point "
              << in.ref_point.lat << "," << in.ref_point.lon << ", " << in.lanes.size()
              << " lanes\n";
    for (const signals::Lane& lane : in.lanes)
      print_lane(lane);
  }
}

void run_decode(const DecodeCommandOptions& o) {
  signals::DecodeOptions options;
  if (!o.time.empty()) {
    options.reference = signals::parse_iso8601(o.time);
    if (!options.reference) {
      throw std::invalid_argument("--time " + o.time + " is not an ISO 8601 time with a zone");
    }
  }
  const std::string data = read_input(o.input);
  const signals::DecodedMessage decoded = signals::decode_message(data, options);
  if (o.json) {
    std::cout << signals::to_json(decoded.message).dump() << "\n";
    return;
  }
  const bool spat = std::holds_alternative<signals::SpatMessage>(decoded.message);
  std::cout << (spat ? "SPaT" : "MAP") << " (" << signals::format_name(decoded.format) << ")\n";
  if (spat) {
    print_spat(std::get<signals::SpatMessage>(decoded.message));
  } else {
    print_map(std::get<signals::MapMessage>(decoded.message));
  }
}

}  // namespace

void add_signals_command(CLI::App& app) {
  CLI::App* signals = app.add_subcommand(
      "signals", "Traffic lights: the light ahead and its advice, or decode SPaT and MAP messages");
  auto options = std::make_shared<DecodeCommandOptions>();
  CLI::App* decode = signals->add_subcommand(
      "decode",
      "Print a SPaT or MAP message (J2735 UPER as hex or binary, ODE JSON, ProcessedSpat/"
      "ProcessedMap, CSAE 53 SPAT JSON)");
  decode->add_option("FILE", options->input, "The message file, or - for standard input")
      ->required();
  decode->add_option("--time", options->time,
                     "The time the message's TimeMarks are read against (ISO 8601 with a zone; "
                     "default: its receive time if it has one, else now)");
  decode->add_flag("--json", options->json, "Print codriver's normalised JSON");
  decode->callback([options] { run_decode(*options); });
  // Without `decode`: the light ahead of a car (light_ahead_command.h).
  add_light_ahead_options(*signals);
}

}  // namespace codriver::app
