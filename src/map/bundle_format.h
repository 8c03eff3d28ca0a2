#pragma once

#include <cstdint>
#include <type_traits>

// The on-disk layout of a map bundle's road graph (graph.bin). Every record is a
// trivially copyable struct with a fixed size so that the file can be mapped and
// used in place: loading a bundle allocates nothing per node or edge.
//
// graph.bin = FileHeader, SectionEntry[section_count], then the sections, each
// aligned to kSectionAlignment. All integers are little-endian.
namespace codriver::map::format {

inline constexpr char kGraphMagic[8] = {'C', 'D', 'R', 'G', 'R', 'A', 'P', 'H'};
// Bumped whenever a record or section changes meaning. A reader refuses newer files.
inline constexpr std::uint32_t kGraphFormatVersion = 1;
inline constexpr std::uint32_t kEndianMarker = 0x01020304;
inline constexpr std::uint64_t kSectionAlignment = 64;

struct FileHeader {
  char magic[8];
  std::uint32_t format_version;
  std::uint32_t endian_marker;
  std::uint64_t file_bytes;  // the whole file, so truncation is detected before any section is read
  std::uint32_t section_count;
  std::uint32_t section_table_crc32;
  std::uint32_t reserved[2];
};
static_assert(sizeof(FileHeader) == 40);

enum class SectionId : std::uint32_t {
  kNodes = 1,             // NodeRecord[node_count]
  kNodeOsmIds = 2,        // std::int64_t[node_count]
  kFirstOut = 3,          // std::uint32_t[node_count + 1], CSR offsets into kEdges
  kEdges = 4,             // EdgeRecord[edge_count], sorted by source
  kShapePoints = 5,       // NodeRecord[...], intermediate geometry of edges
  kNames = 6,             // NameRecord[name_count]; index 0 is the empty name
  kStrings = 7,           // char[], NUL-terminated UTF-8 strings; offset 0 is ""
  kTurnRestrictions = 8,  // TurnRestrictionRecord[]
  kTrafficSignals = 9,    // TrafficSignalRecord[]
};
inline constexpr std::uint32_t kSectionKinds = 9;

struct SectionEntry {
  SectionId id;
  std::uint32_t element_bytes;  // sizeof the record, checked against the reader's
  std::uint64_t offset;
  std::uint64_t count;
  std::uint32_t crc32;
  std::uint32_t reserved;
};
static_assert(sizeof(SectionEntry) == 32);

// Coordinates in 1e-7 degrees, as OSM stores them: exact and half the size of doubles.
struct NodeRecord {
  std::int32_t lat_e7;
  std::int32_t lon_e7;
};
static_assert(sizeof(NodeRecord) == 8);

enum class RoadClass : std::uint8_t {
  kMotorway,
  kMotorwayLink,
  kTrunk,
  kTrunkLink,
  kPrimary,
  kPrimaryLink,
  kSecondary,
  kSecondaryLink,
  kTertiary,
  kTertiaryLink,
  kUnclassified,
  kResidential,
  kLivingStreet,
  kService,
  kTrack,
  kCount,
};

enum class Access : std::uint8_t {
  kYes,
  kDestination,  // allowed only to reach somewhere on it
  kPrivate,      // kept so that a trip can start or end there; routing avoids transit
};

namespace edge_flags {
inline constexpr std::uint16_t kForward = 1 << 0;  // travels in the OSM way's direction
inline constexpr std::uint16_t kRoundabout = 1 << 1;
inline constexpr std::uint16_t kMaxspeedTagged = 1 << 2;  // speed from maxspeed, not a default
inline constexpr std::uint16_t kToll = 1 << 3;
inline constexpr std::uint16_t kTunnel = 1 << 4;
inline constexpr std::uint16_t kBridge = 1 << 5;
inline constexpr std::uint16_t kOneway = 1 << 6;  // no edge exists in the other direction
inline constexpr std::uint16_t kKnownMask = (1 << 7) - 1;
}  // namespace edge_flags

// One directed edge between two graph nodes. Both directions of a two-way road
// share their intermediate shape points; a backward edge reads them in reverse.
struct EdgeRecord {
  std::uint32_t source;
  std::uint32_t target;
  std::uint32_t shape_begin;  // into kShapePoints
  std::uint32_t name;         // into kNames
  std::int64_t way_id;
  float length_m;
  std::uint16_t shape_count;
  std::uint16_t flags;  // edge_flags
  std::uint8_t speed_kmh;
  RoadClass road_class;
  Access access;
  std::uint8_t lanes;  // 0 when untagged
  std::uint32_t reserved;
};
static_assert(sizeof(EdgeRecord) == 40);

// Offsets into kStrings; 0 means absent.
struct NameRecord {
  std::uint32_t name;
  std::uint32_t name_zh;
  std::uint32_t name_en;
  std::uint32_t ref;
};
static_assert(sizeof(NameRecord) == 16);

enum class RestrictionKind : std::uint8_t { kNo, kOnly };

// "From edge, through via node, to edge" is forbidden (kNo) or the only way on (kOnly).
struct TurnRestrictionRecord {
  std::uint32_t from_edge;
  std::uint32_t via_node;
  std::uint32_t to_edge;
  RestrictionKind kind;
  std::uint8_t reserved[3];
  std::int64_t osm_relation_id;
};
static_assert(sizeof(TurnRestrictionRecord) == 24);

// traffic_signals:direction relative to the OSM way the edge belongs to.
enum class SignalDirection : std::uint8_t { kBoth, kForward, kBackward };

struct TrafficSignalRecord {
  std::uint32_t node;
  SignalDirection direction;
  std::uint8_t reserved[3];
  std::int64_t osm_node_id;
};
static_assert(sizeof(TrafficSignalRecord) == 16);

static_assert(std::is_trivially_copyable_v<EdgeRecord>);
static_assert(std::is_trivially_copyable_v<TurnRestrictionRecord>);

}  // namespace codriver::map::format
