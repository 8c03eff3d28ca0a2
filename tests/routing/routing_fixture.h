#pragma once

#include <memory>
#include <string>

#include "map/bundle.h"
#include "routing/contraction_hierarchy.h"
#include "routing/router.h"
#include "support/test_support.h"

// A router over a bundle imported from OSM XML written in the test, or from shared data.
namespace codriver::routing::testing {

struct RoutingFixture {
  codriver::testing::TempDir scratch;
  std::unique_ptr<map::MapBundle> bundle;
  std::shared_ptr<const ContractionHierarchy> hierarchy;
  std::unique_ptr<Router> router;

  explicit RoutingFixture(const std::filesystem::path& osm_file) {
    map::import_bundle(osm_file, scratch / "bundle");
    bundle = std::make_unique<map::MapBundle>(map::MapBundle::open(scratch / "bundle"));
    const CarProfile profile;
    hierarchy = std::make_shared<ContractionHierarchy>(ContractionHierarchy::build(
        TurnGraph::build(bundle->graph(), profile), vertex_lengths_dm(bundle->graph())));
    router = std::make_unique<Router>(bundle->graph(), profile, hierarchy);
  }

  RoutingFixture(const RoutingFixture&) = delete;
  RoutingFixture& operator=(const RoutingFixture&) = delete;

  static std::unique_ptr<RoutingFixture> from_xml(std::string_view body) {
    codriver::testing::TempDir holder;
    const auto file = holder / "map.osm";
    codriver::testing::write_file(
        file, "<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6'>\n" + std::string(body) +
                  "\n</osm>\n");
    return std::make_unique<RoutingFixture>(file);
  }
};

}  // namespace codriver::routing::testing
