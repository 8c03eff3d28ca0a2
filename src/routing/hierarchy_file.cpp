#include "routing/hierarchy_file.h"

#include <chrono>
#include <cstring>
#include <fstream>
#include <string>

#include "map/checksum.h"
#include "map/errors.h"

namespace codriver::routing {

namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'C', 'D', 'R', 'H', 'I', 'E', 'R', '1'};
constexpr std::uint32_t kVersion = 2;  // 2: an uncontracted core

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t graph_crc32;  // of the graph.bin it was built from
  std::uint32_t profile;      // profile_fingerprint
  std::uint32_t core_rank;
  std::uint64_t vertices;
  std::uint64_t up_arcs;
  std::uint64_t down_arcs;
};
static_assert(sizeof(Header) == 48);
static_assert(sizeof(ChArc) == 16);

template <typename T>
void write_array(std::ofstream& out, const std::vector<T>& items) {
  out.write(reinterpret_cast<const char*>(items.data()),
            static_cast<std::streamsize>(items.size() * sizeof(T)));
}

template <typename T>
std::vector<T> read_array(std::ifstream& in, std::uint64_t count, std::uint64_t bytes_left,
                          const fs::path& path) {
  if (count > bytes_left / sizeof(T)) {
    throw map::BundleError(path.string() + " is truncated or corrupt; run `codriver prepare`");
  }
  std::vector<T> items(count);
  in.read(reinterpret_cast<char*>(items.data()), static_cast<std::streamsize>(count * sizeof(T)));
  if (!in) throw map::BundleError(path.string() + " is truncated; run `codriver prepare`");
  return items;
}

}  // namespace

std::uint32_t profile_fingerprint(const CarProfile& p) {
  const std::string numbers =
      std::to_string(p.maxspeed_factor) + ";" + std::to_string(p.turn_penalty_s) + ";" +
      std::to_string(p.uturn_penalty_s) + ";" + std::to_string(p.traffic_signal_delay_s) + ";" +
      std::to_string(p.destination_penalty_s) + ";" + std::to_string(p.private_penalty_s) + ";" +
      std::to_string(p.right_hand_traffic) + ";turn-graph-v1";
  return map::crc32_of(std::as_bytes(std::span(numbers.data(), numbers.size())));
}

PrepareReport prepare_bundle(const fs::path& directory, const CarProfile& profile) {
  const auto start = std::chrono::steady_clock::now();
  // A damaged or missing ch.bin must not stop us from rebuilding it.
  map::MapBundle::forget_file(directory, kHierarchyFile);
  const map::MapBundle bundle = map::MapBundle::open(directory);
  const TurnGraph turns = TurnGraph::build(bundle.graph(), profile);
  ContractionStats stats;
  const ContractionHierarchy ch =
      ContractionHierarchy::build(turns, vertex_lengths_dm(bundle.graph()), &stats);

  Header header{};
  std::memcpy(header.magic, kMagic, sizeof(kMagic));
  header.version = kVersion;
  header.graph_crc32 = bundle.file_crc32(map::kGraphFile);
  header.profile = profile_fingerprint(profile);
  header.vertices = ch.vertex_count();
  header.core_rank = ch.core_rank();
  header.up_arcs = ch.up_array().size();
  header.down_arcs = ch.down_array().size();
  const fs::path path = directory / kHierarchyFile;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(&header), sizeof(header));
    write_array(out, ch.rank_array());
    write_array(out, ch.first_up_array());
    write_array(out, ch.up_array());
    write_array(out, ch.first_down_array());
    write_array(out, ch.down_array());
    if (!out) throw map::BundleError("cannot write " + path.string());
  }
  map::MapBundle::record_file(directory, kHierarchyFile);
  PrepareReport report{turns.vertex_count(),
                       turns.turn_count(),
                       stats.shortcuts,
                       ch.vertex_count() - ch.core_rank(),
                       0,
                       fs::file_size(path)};
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

std::shared_ptr<const ContractionHierarchy> load_hierarchy(const map::MapBundle& bundle,
                                                           const CarProfile& profile) {
  if (!bundle.has_file(kHierarchyFile)) return nullptr;
  const fs::path path = bundle.directory() / kHierarchyFile;
  std::ifstream in(path, std::ios::binary);
  Header header{};
  in.read(reinterpret_cast<char*>(&header), sizeof(header));
  if (!in || std::memcmp(header.magic, kMagic, sizeof(kMagic)) != 0) {
    throw map::BundleError(path.string() + " is not a codriver hierarchy; run `codriver prepare`");
  }
  if (header.version != kVersion) {
    throw map::BundleError(path.string() + " has hierarchy version " +
                           std::to_string(header.version) + "; run `codriver prepare`");
  }
  if (header.graph_crc32 != bundle.file_crc32(map::kGraphFile) ||
      header.vertices != bundle.graph().edge_count()) {
    throw map::BundleError(path.string() + " was built for another graph; run `codriver prepare`");
  }
  if (header.profile != profile_fingerprint(profile)) return nullptr;
  std::uint64_t left = fs::file_size(path) - sizeof(header);
  const auto n = header.vertices;
  auto rank = read_array<std::uint32_t>(in, n, left, path);
  left -= n * 4;
  auto first_up = read_array<std::uint32_t>(in, n + 1, left, path);
  left -= (n + 1) * 4;
  auto up = read_array<ChArc>(in, header.up_arcs, left, path);
  left -= header.up_arcs * sizeof(ChArc);
  auto first_down = read_array<std::uint32_t>(in, n + 1, left, path);
  left -= (n + 1) * 4;
  auto down = read_array<ChArc>(in, header.down_arcs, left, path);
  try {
    return std::make_shared<ContractionHierarchy>(ContractionHierarchy::from_arrays(
        std::move(rank), std::move(first_up), std::move(up), std::move(first_down), std::move(down),
        header.core_rank));
  } catch (const std::invalid_argument& error) {
    throw map::BundleError(path.string() + " is corrupt (" + error.what() +
                           "); run `codriver prepare`");
  }
}

}  // namespace codriver::routing
