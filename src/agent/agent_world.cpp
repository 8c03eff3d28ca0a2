#include "agent/agent_world.h"

#include "language/chinese_script.h"
#include "language/text_fold.h"
#include "places/cuisine.h"
#include "places/place_names.h"

namespace codriver::agent {
namespace {

// A wrong destination is worse than a question: only close matches count.
constexpr double kSureMatch = 0.75;

language::Gazetteer gazetteer_of(map::PlacesReader& places) {
  language::Gazetteer gazetteer;
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
      gazetteer_(gazetteer_of(*places_)) {}

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
