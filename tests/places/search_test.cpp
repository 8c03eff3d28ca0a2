#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "geo/distance.h"
#include "places/place_search.h"
#include "places_fixture.h"

namespace codriver::places {
namespace {

using testing::PlacesFixture;

// The reference: scan every place, filter, measure, sort.
std::vector<std::int64_t> brute_force(const std::vector<map::StoredPlace>& all, geo::LatLon center,
                                      double radius_m, std::size_t k, const PlaceFilter& filter) {
  std::vector<std::pair<double, std::int64_t>> hits;
  for (const auto& stored : all) {
    const double distance = geo::distance_m(center, stored.place.position);
    if (distance <= radius_m && !rejection(stored.place, filter)) hits.emplace_back(distance, stored.id);
  }
  std::sort(hits.begin(), hits.end());
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < hits.size() && i < k; ++i) ids.push_back(hits[i].second);
  return ids;
}

std::vector<std::int64_t> ids_of(const std::vector<RankedPlace>& places) {
  std::vector<std::int64_t> ids;
  for (const auto& place : places) ids.push_back(place.stored.id);
  return ids;
}

PlaceFilter random_filter(std::mt19937& rng) {
  static const std::vector<std::vector<map::PlaceCategory>> choices = {
      {},
      {map::PlaceCategory::kRestaurant},
      {map::PlaceCategory::kParking},
      {map::PlaceCategory::kCafe, map::PlaceCategory::kFastFood},
      {map::PlaceCategory::kFuel}};
  PlaceFilter filter;
  filter.categories = choices[rng() % choices.size()];
  return filter;
}

TEST(PlaceSearchMonaco, NearestKEqualsBruteForce) {
  auto& monaco = PlacesFixture::monaco();
  const auto all = monaco.places->all_places(std::nullopt);
  ASSERT_GT(all.size(), 200u);
  std::mt19937 rng(20261124);
  for (int query = 0; query < 300; ++query) {
    const geo::LatLon center = testing::random_point_among(all, rng);
    const std::size_t k = 1 + rng() % 25;
    const PlaceFilter filter = random_filter(rng);
    const auto found = nearest_places(*monaco.places, center, k, filter, 50000);
    ASSERT_EQ(ids_of(found), brute_force(all, center, 50000, k, filter)) << "query " << query;
    for (std::size_t i = 1; i < found.size(); ++i) EXPECT_LE(found[i - 1].distance_m, found[i].distance_m);
  }
}

TEST(PlaceSearchMonaco, WithinRadiusEqualsBruteForce) {
  auto& monaco = PlacesFixture::monaco();
  const auto all = monaco.places->all_places(std::nullopt);
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> radius(10, 1500);
  for (int query = 0; query < 300; ++query) {
    const geo::LatLon center = testing::random_point_among(all, rng);
    const double r = radius(rng);
    const PlaceFilter filter = random_filter(rng);
    ASSERT_EQ(ids_of(places_within(*monaco.places, center, r, filter)),
              brute_force(all, center, r, all.size(), filter))
        << "query " << query << " radius " << r;
  }
}

TEST(PlaceSearchMonaco, NoRadiusOrNoKFindsNothing) {
  auto& monaco = PlacesFixture::monaco();
  const geo::LatLon casino{43.7396, 7.4276};
  EXPECT_TRUE(places_within(*monaco.places, casino, 0, {}).empty());
  EXPECT_TRUE(places_within(*monaco.places, casino, -5, {}).empty());
  EXPECT_TRUE(nearest_places(*monaco.places, casino, 0, {}).empty());
  // Far from every place: the growing search stops at its bound.
  EXPECT_TRUE(nearest_places(*monaco.places, {0.0, 0.0}, 3, {}, 5000).empty());
}

TEST(PlaceSearchMonaco, NamesMatchByPrefixAndWithTypos) {
  auto& monaco = PlacesFixture::monaco();
  const auto name_of = [&](std::int64_t id) { return monaco.places->place(id)->place.name; };
  const auto first = [&](std::string_view text) {
    const auto ids = match_names(*monaco.places, text, 5);
    return ids.empty() ? std::string() : name_of(ids.front());
  };
  EXPECT_EQ(first("pecheurs"), "Chemin des Pêcheurs");  // accent not typed
  EXPECT_EQ(first("pech"), "Chemin des Pêcheurs");      // prefix
  EXPECT_EQ(first("pecheusr"), "Chemin des Pêcheurs");  // transposed letters
  EXPECT_EQ(first("pechuers chemn"), "Chemin des Pêcheurs");  // a typo in each word
  EXPECT_TRUE(match_names(*monaco.places, "zzzzqqqq", 5).empty());
  EXPECT_TRUE(match_names(*monaco.places, "\" OR 1=1 --", 5).empty());
  EXPECT_TRUE(match_names(*monaco.places, "", 5).empty());
}

TEST(PlaceSearchMonaco, RankedSearchExplainsItself) {
  auto& monaco = PlacesFixture::monaco();
  PlaceQuery query;
  query.near = {43.7396, 7.4276};
  query.radius_m = 800;
  query.filter.categories = {map::PlaceCategory::kRestaurant};
  query.limit = 5;
  const auto ranked = search_places(*monaco.places, query, {});
  ASSERT_FALSE(ranked.empty());
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const auto& place = ranked[i];
    EXPECT_LE(place.distance_m, 800);
    ASSERT_FALSE(place.components.empty());
    EXPECT_EQ(place.components.front().key, "distance");
    EXPECT_FALSE(place.why(Language::kEnglish).empty());
    EXPECT_EQ(place.why(Language::kEnglish).size(), place.why(Language::kChinese).size());
    if (i > 0) {
      EXPECT_GE(ranked[i - 1].score, place.score);
    }
  }
}

}  // namespace
}  // namespace codriver::places
