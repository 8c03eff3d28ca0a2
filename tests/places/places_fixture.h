#pragma once

#include <memory>
#include <random>

#include "map/places_db.h"
#include "places/place_filter.h"
#include "routing/routing_fixture.h"

// A bundle with its router and its places database, from shared data or hand-made XML.
namespace codriver::places::testing {

struct PlacesFixture {
  std::unique_ptr<routing::testing::RoutingFixture> routing;
  std::unique_ptr<map::PlacesReader> places;

  explicit PlacesFixture(std::unique_ptr<routing::testing::RoutingFixture> fixture)
      : routing(std::move(fixture)),
        places(std::make_unique<map::PlacesReader>(routing->scratch / "bundle" /
                                                   "places.sqlite")) {}

  static PlacesFixture& monaco() {
    static PlacesFixture fixture(std::make_unique<routing::testing::RoutingFixture>(
        codriver::testing::shared_data("osm/monaco.osm.pbf")));
    return fixture;
  }
  static std::unique_ptr<PlacesFixture> from_xml(std::string_view body) {
    return std::make_unique<PlacesFixture>(routing::testing::RoutingFixture::from_xml(body));
  }

  const routing::Router& router() const { return *routing->router; }
};

// A uniformly random point in the box of the map's places.
inline geo::LatLon random_point_among(const std::vector<map::StoredPlace>& all, std::mt19937& rng) {
  geo::BoundingBox box;
  for (const auto& stored : all) box.extend(stored.place.position);
  std::uniform_real_distribution<double> lat(box.min_lat, box.max_lat), lon(box.min_lon, box.max_lon);
  return {lat(rng), lon(rng)};
}

}  // namespace codriver::places::testing
