#include "places/place_search.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>

#include "geo/bounding_box.h"
#include "geo/distance.h"
#include "places/open_state.h"

namespace codriver::places {

namespace {

std::optional<map::PlaceCategory> single_category(const PlaceFilter& filter) {
  if (filter.categories.size() == 1) return filter.categories.front();
  return std::nullopt;
}

void sort_by_distance(std::vector<RankedPlace>& places) {
  std::sort(places.begin(), places.end(), [](const RankedPlace& a, const RankedPlace& b) {
    return a.distance_m != b.distance_m ? a.distance_m < b.distance_m
                                        : a.stored.id < b.stored.id;
  });
}

// Optimal string alignment distance (Levenshtein plus adjacent transpositions),
// stopping early once every path exceeds `bound`.
int edit_distance(std::string_view a, std::string_view b, int bound) {
  if (std::abs(static_cast<int>(a.size()) - static_cast<int>(b.size())) > bound) return bound + 1;
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int row_best = bound + 1;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
      row_best = std::min(row_best, d[i][j]);
    }
    if (row_best > bound) return bound + 1;
  }
  return d[a.size()][b.size()];
}

// Typos allowed in a word: none in short words, where one letter changes the word.
int allowed_typos(std::size_t length) { return length < 4 ? 0 : (length < 8 ? 1 : 2); }

// Lower-case ASCII words; a word with any non-ASCII letter is left to the exact pass.
std::vector<std::string> latin_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool ascii = true;
  const auto finish = [&] {
    if (!word.empty() && ascii) words.push_back(word);
    word.clear();
    ascii = true;
  };
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      ascii = false;
      word += c;
    } else if (std::isalnum(u)) {
      word += static_cast<char>(std::tolower(u));
    } else {
      finish();
    }
  }
  finish();
  return words;
}

// For each typed word, the index terms it may be a misspelling (or a prefix) of.
std::vector<std::vector<std::string>> spelling_alternatives(const std::vector<std::string>& words,
                                                            const std::vector<std::string>& terms) {
  std::vector<std::vector<std::string>> groups;
  for (const std::string& word : words) {
    std::vector<std::string> group;
    const int bound = allowed_typos(word.size());
    for (const std::string& term : terms) {
      const std::string_view head = std::string_view(term).substr(0, word.size());
      if (edit_distance(word, term, bound) <= bound ||
          (term.size() > word.size() && edit_distance(word, head, bound) <= bound)) {
        group.push_back(term);
      }
      if (group.size() >= 50) break;
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace

std::vector<RankedPlace> places_within(map::PlacesReader& places, geo::LatLon center,
                                       double radius_m, const PlaceFilter& filter) {
  std::vector<RankedPlace> found;
  if (!(radius_m > 0)) return found;
  geo::BoundingBox box;
  box.extend(center);
  for (map::StoredPlace& stored :
       places.places_in_box(box.expanded_by_m(radius_m), single_category(filter))) {
    const double distance = geo::distance_m(center, stored.place.position);
    if (distance > radius_m || rejection(stored.place, filter)) continue;
    RankedPlace place;
    place.stored = std::move(stored);
    place.distance_m = distance;
    found.push_back(std::move(place));
  }
  sort_by_distance(found);
  return found;
}

std::vector<RankedPlace> nearest_places(map::PlacesReader& places, geo::LatLon center,
                                        std::size_t k, const PlaceFilter& filter,
                                        double max_radius_m) {
  if (k == 0) return {};
  double radius = std::min(250.0, max_radius_m);
  while (true) {
    auto found = places_within(places, center, radius, filter);
    // Every place within `radius` is in `found`, so once k are, they are the k nearest.
    if (found.size() >= k || radius >= max_radius_m) {
      if (found.size() > k) found.resize(k);
      return found;
    }
    // Places per area is roughly constant, so k places need about sqrt(k / found) times
    // the radius; grow at least twofold so sparse maps take few rounds.
    const double density_guess =
        1.1 * std::sqrt(static_cast<double>(k) / std::max<double>(0.5, found.size()));
    radius = std::min(max_radius_m, radius * std::clamp(density_guess, 1.5, 4.0));
  }
}

std::vector<std::int64_t> match_names(map::PlacesReader& places, std::string_view text,
                                      int limit) {
  std::vector<std::int64_t> ids = places.ids_by_name(text, limit);
  if (static_cast<int>(ids.size()) >= limit) return ids;
  const std::vector<std::string> words = latin_words(text);
  if (words.empty()) return ids;
  for (std::int64_t id : places.ids_by_terms(spelling_alternatives(words, places.name_terms()),
                                             limit)) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    if (static_cast<int>(ids.size()) >= limit) break;
  }
  return ids;
}

std::vector<RankedPlace> rank_candidates(std::vector<RankedPlace> candidates,
                                         const std::optional<feeds::CivilTime>& at,
                                         bool open_only, const Preferences& preferences,
                                         double scale_m, int limit) {
  std::vector<RankedPlace> ranked;
  for (RankedPlace& place : candidates) {
    if (at) place.open = open_info(place.stored.place, *at);
    if (open_only && place.open.open == false) continue;
    score_place(place, preferences, scale_m);
    ranked.push_back(std::move(place));
  }
  sort_by_score(ranked);
  if (limit >= 0 && ranked.size() > static_cast<std::size_t>(limit)) ranked.resize(limit);
  return ranked;
}

std::vector<RankedPlace> search_places(map::PlacesReader& places, const PlaceQuery& query,
                                       const Preferences& preferences) {
  std::vector<RankedPlace> candidates = places_within(places, query.near, query.radius_m,
                                                      query.filter);
  if (!query.name.empty()) {
    const auto ids = match_names(places, query.name, 200);
    std::erase_if(candidates, [&](const RankedPlace& place) {
      return std::find(ids.begin(), ids.end(), place.stored.id) == ids.end();
    });
  }
  return rank_candidates(std::move(candidates), query.at, query.open_only, preferences,
                         query.radius_m / 2, query.limit);
}

}  // namespace codriver::places
