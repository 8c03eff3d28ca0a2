#pragma once

#include <optional>
#include <string>
#include <vector>

#include "map/places_db.h"
#include "places/cuisine.h"
#include "places/parking_availability.h"

// Ranking that explains itself. Every result carries the components its score is
// made of: each a 0..1 goodness, the weight it counted with, and a short reason in
// both languages, so the agent can say why a place came first.
namespace codriver::places {

// How much each component counts. Preferences (the agent's memory) adjust these.
struct RankingWeights {
  double distance = 1.0;      // straight-line or walking distance from the point asked about
  double detour = 1.0;        // extra driving time for a place along the route
  double open = 0.8;          // open at the time asked
  double rating = 0.4;        // where the map (or memory) knows one
  double price = 0.3;         // cheaper is better, when the price is known
  double preference = 0.6;    // cuisine/brand the driver likes or avoids
  double availability = 1.0;  // live free spaces of a parking lot
  double parking_type = 0.2;  // covered/multi-storey/underground vs street side
  double capacity = 0.2;      // a big lot is a safer bet when nothing live is known
  double power = 0.5;         // charger power
};

struct Preferences {
  RankingWeights weights;
  std::vector<std::string> liked_cuisines;     // cuisine keys ("sichuan")
  std::vector<std::string> disliked_cuisines;
  std::vector<std::string> liked_brands;       // as tagged, case-insensitive
  bool prefer_covered_parking = false;
  bool prefer_cheap = false;                   // doubles the weight of price
};

struct ScoreComponent {
  std::string key;     // "distance", "detour", "open", "rating", "price", ...
  double value = 0;    // in the component's own unit (m, s, level, free spaces, kW)
  double goodness = 0; // 0 (worst) .. 1 (best)
  double weight = 0;
  std::string why_en, why_zh;  // "open until 22:00" / "营业至22:00"; may be empty
};

// Whether a place is open at the time asked, with the detail to say.
struct OpenInfo {
  std::optional<bool> open;  // nullopt: the hours are unknown or could not be read
  std::string detail_en, detail_zh;  // "open until 22:00" / "营业至22:00"
};

struct RankedPlace {
  map::StoredPlace stored;
  double distance_m = 0;             // straight line from the point asked about
  std::optional<double> walk_m;      // parking: walking distance to the destination
  std::optional<double> detour_s;    // along the route: extra driving time
  std::optional<double> detour_m;
  double route_position_m = 0;       // along the route: where the detour leaves it
  OpenInfo open;
  std::optional<LotReading> availability;
  std::vector<ScoreComponent> components;
  double score = 0;                  // weighted mean of the components' goodness

  std::vector<std::string> why(Language language) const;
};

// Fills `components` and `score` from what the search has filled in. `scale_m` is the
// distance at which closeness is worth half (the search radius / 2 is a good value).
void score_place(RankedPlace& place, const Preferences& preferences, double scale_m);

// Best first; ties keep the closer place first.
void sort_by_score(std::vector<RankedPlace>& places);

// "3 min" / "3分钟" (at least 1 min for anything above zero).
std::string minutes_text(double seconds, Language language);

}  // namespace codriver::places
