#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "map/road_graph.h"

// graph.bin: serialising a RoadGraph and validating one read back from disk.
namespace codriver::map {

std::vector<std::byte> serialize_graph(const RoadGraph& graph);

enum class Verify { kStructure, kStructureAndChecksums };

// A view into `bytes` (which must stay alive and be 8-byte aligned). Every offset,
// count and cross-reference is checked first, so a truncated, corrupt or
// hostile file throws BundleError and never yields a view that reads out of bounds.
RoadGraph parse_graph(std::span<const std::byte> bytes,
                      Verify verify = Verify::kStructureAndChecksums);

}  // namespace codriver::map
