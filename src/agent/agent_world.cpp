#include "agent/agent_world.h"

#include <algorithm>
#include <map>

#include "geo/distance.h"
#include "language/chinese_script.h"
#include "language/text_fold.h"
#include "places/cuisine.h"
#include "places/place_names.h"

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
      gazetteer_(gazetteer_of(*places_, streets_)) {}

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
