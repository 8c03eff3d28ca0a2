#include "language/slot_filling.h"

#include <algorithm>

#include "language/text_fold.h"

namespace codriver::language {
namespace {

constexpr double kTargetNameScore = 0.75;
constexpr std::size_t kMinChunkBytes = 2;

bool is_place_concept(Concept meaning) {
  return meaning == Concept::kPark || meaning == Concept::kCharge ||
         meaning == Concept::kCategory || meaning == Concept::kEat || meaning == Concept::kCuisine;
}

std::string category_of(const PositionedCue& cue) {
  switch (cue.meaning) {
    case Concept::kPark:
      return "parking";
    case Concept::kCharge:
      return "charging_station";
    case Concept::kCategory:
      return cue.value;
    default:
      return "restaurant";
  }
}

bool only_spaces_or_articles(const UtteranceAnalysis& analysis, std::size_t from, std::size_t to) {
  if (from >= to) return true;
  for (std::size_t i = from; i < to; ++i) {
    if (analysis.text.folded[i] == ' ') continue;
    const bool in_article = std::any_of(analysis.cues.begin(), analysis.cues.end(), [&](auto& c) {
      return (c.meaning == Concept::kArticle || c.meaning == Concept::kFiller) && c.begin <= i &&
             i < c.end;
    });
    if (!in_article) return false;
  }
  return true;
}

// The name's span grown over unexplained words right beside it: the gazetteer may
// know "casino" where the driver said "monte carlo casino".
std::string name_as_said(const UtteranceAnalysis& analysis, const GazetteerMatch& name) {
  std::size_t begin = name.begin, end = name.end;
  // "Parking du Port": the gazetteer may start at "du" when "parking" is a cue word.
  const std::string whole = fold_text(name.name);
  const std::string& folded = analysis.text.folded;
  if (begin >= 2 && folded[begin - 1] == ' ') {
    std::size_t word = begin - 1;
    while (word > 0 && folded[word - 1] != ' ')
      --word;
    const std::string before = folded.substr(word, begin - 1 - word);
    const std::string spoken = folded.substr(begin, end - begin);
    if (!before.empty() && whole.find(before + " " + spoken) != std::string::npos) begin = word;
  }
  for (const auto& chunk : analysis.unexplained) {
    if (chunk.end <= begin && only_spaces_or_articles(analysis, chunk.end, begin) &&
        begin - chunk.end <= 1) {
      begin = chunk.begin;
    }
    if (chunk.begin >= end && chunk.begin - end <= 1) end = chunk.end;
  }
  return analysis.text.original_span(begin, end);
}

const TextChunk* longest_chunk(const UtteranceAnalysis& analysis) {
  const TextChunk* best = nullptr;
  for (const auto& chunk : analysis.unexplained) {
    if (chunk.end - chunk.begin < kMinChunkBytes) continue;
    if (best == nullptr || chunk.end - chunk.begin > best->end - best->begin) best = &chunk;
  }
  return best;
}

// The words right after `position`, skipping articles: a name or an unexplained chunk.
std::optional<std::string> phrase_after(const UtteranceAnalysis& analysis, std::size_t position) {
  for (const auto& name : analysis.names) {
    if (name.begin >= position && only_spaces_or_articles(analysis, position, name.begin)) {
      return name_as_said(analysis, name);
    }
  }
  for (const auto& chunk : analysis.unexplained) {
    if (chunk.begin >= position && only_spaces_or_articles(analysis, position, chunk.begin) &&
        chunk.end - chunk.begin >= kMinChunkBytes) {
      return chunk.text;
    }
  }
  return std::nullopt;
}

// The words right before `position` (Chinese puts the anchor first: "赌场附近").
std::optional<std::string> phrase_before(const UtteranceAnalysis& analysis, std::size_t position) {
  for (const auto& name : analysis.names) {
    if (name.end <= position && only_spaces_or_articles(analysis, name.end, position)) {
      return name_as_said(analysis, name);
    }
  }
  for (const auto& chunk : analysis.unexplained) {
    if (chunk.end <= position && only_spaces_or_articles(analysis, chunk.end, position) &&
        chunk.end - chunk.begin >= kMinChunkBytes) {
      return chunk.text;
    }
  }
  return std::nullopt;
}

void add_unique(nlohmann::json& array, const std::string& value) {
  if (std::find(array.begin(), array.end(), value) == array.end()) array.push_back(value);
}

void fill_price(const UtteranceAnalysis& analysis, nlohmann::json& arguments) {
  if (analysis.has_positive(Concept::kCheap)) {
    arguments["max_price_level"] = 1;
  } else if (analysis.has(Concept::kModerate)) {
    arguments["max_price_level"] = 2;
  } else if (const auto* expensive = analysis.first(Concept::kExpensive); expensive) {
    if (expensive->negated) {
      arguments["max_price_level"] = 2;
    } else {
      arguments["min_price_level"] = 3;
    }
  } else if (const auto* upscale = analysis.first(Concept::kUpscale); upscale) {
    if (upscale->negated) {
      arguments["max_price_level"] = 2;
    } else {
      arguments["min_price_level"] = 3;
    }
  }
}

std::string clock_text(int minute_of_day) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", (minute_of_day / 60) % 24, minute_of_day % 60);
  return text;
}

// When the driver names only a part of the day, the time people usually mean by it.
std::optional<int> typical_minute(const std::string& part_of_day) {
  if (part_of_day == "morning") return 9 * 60;
  if (part_of_day == "noon") return 12 * 60;
  if (part_of_day == "afternoon") return 15 * 60;
  if (part_of_day == "evening") return 19 * 60;
  if (part_of_day == "night") return 21 * 60;
  return std::nullopt;
}

void fill_time(const UtteranceAnalysis& analysis, nlohmann::json& arguments) {
  if (analysis.has_positive(Concept::kOpenNow)) arguments["open_now"] = true;
  if (!analysis.time) return;
  const TimeExpression& time = *analysis.time;
  if (time.now) {
    arguments["open_now"] = true;
    return;
  }
  std::optional<int> minute = time.minute_of_day;
  if (!minute) minute = typical_minute(time.part_of_day);
  if (minute) {
    arguments["open_at"] = clock_text(*minute);
    arguments.erase("open_now");
  }
  if (time.day_offset != 0) arguments["day_offset"] = time.day_offset;
}

const Quantity* quantity_of(const UtteranceAnalysis& analysis, QuantityKind kind) {
  for (const auto& quantity : analysis.quantities) {
    if (quantity.kind == kind) return &quantity;
  }
  return nullptr;
}

}  // namespace

nlohmann::json navigation_target(const UtteranceAnalysis& analysis) {
  nlohmann::json target = nlohmann::json::object();
  if (analysis.coordinates) {
    target["lat"] = analysis.coordinates->first;
    target["lon"] = analysis.coordinates->second;
    return target;
  }
  if (const auto* name = analysis.best_name(kTargetNameScore); name) {
    target["destination"] = name_as_said(analysis, *name);
    return target;
  }
  if (analysis.has_positive(Concept::kHome)) return {{"saved_place", "home"}};
  if (analysis.has_positive(Concept::kWork)) return {{"saved_place", "work"}};
  if (const auto* chunk = longest_chunk(analysis); chunk) {
    target["destination"] = chunk->text;
    return target;
  }
  if (auto category = named_category(analysis); category) {
    target["category"] = *category;
    for (const auto* cuisine : analysis.all(Concept::kCuisine)) {
      if (!cuisine->negated) {
        target["cuisine"] = cuisine->value;
        break;
      }
    }
  }
  return target;
}

std::optional<std::string> near_place(const UtteranceAnalysis& analysis) {
  for (const auto* anchor : analysis.all(Concept::kNearAnchor)) {
    if (auto after = phrase_after(analysis, anchor->end); after) return after;
    if (auto before = phrase_before(analysis, anchor->begin); before) return before;
  }
  for (const auto* nearby : analysis.all(Concept::kNearby)) {
    if (auto before = phrase_before(analysis, nearby->begin); before) return before;
  }
  if (const auto* name = analysis.best_name(kTargetNameScore); name) {
    return name_as_said(analysis, *name);
  }
  return std::nullopt;
}

void fill_search_area(const UtteranceAnalysis& analysis, nlohmann::json& arguments) {
  if (analysis.has_positive(Concept::kAlongRoute)) {
    arguments["near"] = "route";
  } else if (analysis.has(Concept::kDestination)) {
    arguments["near"] = "destination";
  } else if (auto anchor = near_place(analysis); anchor) {
    arguments["near_place"] = *anchor;
  }
  if (const auto* distance = quantity_of(analysis, QuantityKind::kDistance); distance) {
    arguments["radius_m"] = distance->value;
  }
  if (analysis.has(Concept::kClosest)) {
    arguments["sort"] = "distance";
  } else if (analysis.has(Concept::kCheapest)) {
    arguments["sort"] = "price";
  } else if (analysis.has(Concept::kBest)) {
    arguments["sort"] = "rating";
  }
}

void fill_restaurant_constraints(const UtteranceAnalysis& analysis, nlohmann::json& arguments) {
  nlohmann::json excluded = nlohmann::json::array();
  for (const auto* cuisine : analysis.all(Concept::kCuisine)) {
    if (cuisine->negated) {
      add_unique(excluded, cuisine->value);
    } else if (!arguments.contains("cuisine")) {
      arguments["cuisine"] = cuisine->value;
    }
  }
  if (!excluded.empty()) arguments["exclude_cuisines"] = excluded;
  if (const auto* category = analysis.first(Concept::kCategory);
      category && !category->negated && category->value != "fuel") {
    arguments["category"] = category->value;
  }
  fill_price(analysis, arguments);
  fill_time(analysis, arguments);
  if (const auto* people = quantity_of(analysis, QuantityKind::kPeople); people) {
    arguments["party_size"] = static_cast<int>(people->value);
  }
}

void fill_parking_constraints(const UtteranceAnalysis& analysis, nlohmann::json& arguments) {
  if (const auto* covered = analysis.first(Concept::kCovered); covered) {
    arguments["covered"] = !covered->negated;
  }
  if (const auto* type = analysis.first(Concept::kParkingType); type && !type->negated) {
    arguments["parking_type"] = type->value;
  }
  if (analysis.has_positive(Concept::kFree)) arguments["free"] = true;
  fill_price(analysis, arguments);
}

void fill_charger_constraints(const UtteranceAnalysis& analysis, nlohmann::json& arguments) {
  if (analysis.has_positive(Concept::kFast)) arguments["min_power_kw"] = 50;
  if (const auto* power = quantity_of(analysis, QuantityKind::kPower); power) {
    arguments["min_power_kw"] = power->value;
  }
  if (const auto* socket = analysis.first(Concept::kSocket); socket && !socket->negated) {
    arguments["socket"] = socket->value;
  }
  if (analysis.has_positive(Concept::kFree)) arguments["free"] = true;
}

std::optional<nlohmann::json> result_reference(const UtteranceAnalysis& analysis) {
  if (!analysis.ordinals.empty())
    return nlohmann::json{{"ordinal", analysis.ordinals.front().value}};
  if (analysis.has(Concept::kClosest)) return nlohmann::json{{"compare", "closer"}};
  if (analysis.has(Concept::kCheapest) || analysis.has(Concept::kCheap)) {
    return nlohmann::json{{"compare", "cheaper"}};
  }
  if (analysis.has(Concept::kBest)) return nlohmann::json{{"compare", "better"}};
  for (const auto* cuisine : analysis.all(Concept::kCuisine)) {
    if (!cuisine->negated) return nlohmann::json{{"cuisine", cuisine->value}};
  }
  if (analysis.has(Concept::kThat)) return nlohmann::json{{"that", true}};
  return std::nullopt;
}

std::optional<std::string> named_category(const UtteranceAnalysis& analysis) {
  const PositionedCue* head = nullptr;
  for (const auto& cue : analysis.cues) {
    if (!is_place_concept(cue.meaning) || cue.negated) continue;
    // English names the thing first ("parking near a restaurant"); Chinese last
    // ("有停车场的餐厅").
    if (head == nullptr || analysis.language == routing::Language::kChinese) head = &cue;
  }
  if (head == nullptr) {
    // "快充", "a CCS one": the charger's own words name chargers; "地下停车场", "停车楼"
    // parking; "不要日料" is still about food.
    if (analysis.has(Concept::kFast) || analysis.has(Concept::kSocket)) return "charging_station";
    if (analysis.has(Concept::kParkingType)) return "parking";
    if (analysis.has(Concept::kCuisine)) return "restaurant";
    return std::nullopt;
  }
  return category_of(*head);
}

}  // namespace codriver::language
