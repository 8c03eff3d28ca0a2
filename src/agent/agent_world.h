#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "agent/dialog_state.h"
#include "agent/memory.h"
#include "language/cue_lexicon.h"
#include "language/gazetteer.h"
#include "map/places_db.h"
#include "routing/routing_session.h"
#include "signals/rsu_simulator.h"
#include "vehicle/drive_simulator.h"

// Everything the tools act on: the map (roads, places, signals), the driver's memory,
// and the conversation's state with the car in it.
namespace codriver::agent {

struct AgentOptions {
  std::filesystem::path bundle;
  std::filesystem::path memory_path = ":memory:";
  std::optional<CarState> car = std::nullopt;  // where the car starts; default: on the roads
};

// A place the driver named, found on the map.
struct ResolvedPlace {
  std::string name;
  geo::LatLon position;
  std::optional<std::int64_t> place_id;
};

struct Street {
  std::string name, name_zh, name_en;
  geo::LatLon position;  // on the street, near its middle
};

// Streets share the gazetteer with places: they get negative ids.
inline std::int64_t street_id(std::size_t index) {
  return -static_cast<std::int64_t>(index) - 1;
}
inline std::size_t street_index(std::int64_t id) {
  return static_cast<std::size_t>(-id - 1);
}

class AgentWorld {
 public:
  explicit AgentWorld(const AgentOptions& options);

  const routing::Router& router() const { return *session_.router; }
  map::PlacesReader& places() { return *places_; }
  Memory& memory() { return memory_; }
  const language::Gazetteer& gazetteer() const { return gazetteer_; }
  // The signal plans of the map's traffic lights, derived on first use.
  const signals::RsuSimulator& signals();

  // What the map calls things, for the speech recogniser's vocabulary: named places
  // (every language tagged), streets, and the English cuisine words.
  std::vector<std::string> place_names();
  std::vector<std::string> street_names() const;
  static std::vector<std::string> cuisine_words();

  // The cue vocabulary with the map's and the places module's words added (cuisines).
  language::CueLexicon lexicon() const;

  // A place by what the driver called it: the gazetteer first, then the places index.
  std::optional<ResolvedPlace> find_named_place(const std::string& text);
  std::optional<ResolvedPlace> place_by_id(std::int64_t id, routing::Language language);

  const std::filesystem::path& bundle_path() const { return bundle_path_; }

  // The simulated car drives the active route (through the simulated lights): started
  // when a route is set, moved on by `advance`, which updates the car and the progress.
  void start_drive();
  void stop_drive();
  void advance(double seconds);
  // The simulated drive now, null when the car is not driving a trip.
  const vehicle::DriveState* drive_state() const { return drive_ ? &drive_->state() : nullptr; }

  DialogState dialog;

 private:
  void place_car_on_map();

  std::filesystem::path bundle_path_;
  routing::RoutingSession session_;
  std::unique_ptr<map::PlacesReader> places_;
  Memory memory_;
  std::vector<Street> streets_;
  language::Gazetteer gazetteer_;
  std::unique_ptr<signals::RsuSimulator> signals_;
  std::unique_ptr<vehicle::DriveSimulator> drive_;
  double drive_energy_kwh_ = 0;
  // The drive time asked for so far: the simulator moves in whole steps, and measuring
  // each advance from where it stopped would let the overshoots add up (the car would
  // run ahead of the clock when advanced in small slices).
  double drive_clock_s_ = 0;
};

}  // namespace codriver::agent
