#pragma once

#include <filesystem>
#include <memory>

#include "map/bundle.h"
#include "routing/car_profile.h"
#include "routing/contraction_hierarchy.h"

// ch.bin: the contraction hierarchy stored in a map bundle, tied to the graph it was
// built from (the graph's checksum) and to the car profile (a fingerprint of its
// numbers), so that a stale hierarchy is never used.
namespace codriver::routing {

inline constexpr const char* kHierarchyFile = "ch.bin";

struct PrepareReport {
  std::size_t vertices = 0;
  std::size_t turns = 0;
  std::size_t shortcuts = 0;
  std::size_t core_vertices = 0;  // left uncontracted (0 on ordinary road networks)
  double seconds = 0;
  std::uintmax_t bytes = 0;
};

// Builds the hierarchy for a bundle and records ch.bin in its header.
PrepareReport prepare_bundle(const std::filesystem::path& bundle_directory,
                             const CarProfile& profile = {});

// The bundle's hierarchy, or nullptr when it has none or it was built for another
// profile. Throws map::BundleError when ch.bin is corrupt or belongs to another graph.
std::shared_ptr<const ContractionHierarchy> load_hierarchy(const map::MapBundle& bundle,
                                                           const CarProfile& profile = {});

std::uint32_t profile_fingerprint(const CarProfile& profile);

}  // namespace codriver::routing
