#include "map/osm_importer.h"

#include <osmium/area/assembler.hpp>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/relations/relations_manager.hpp>
#include <osmium/visitor.hpp>
#include <unordered_map>
#include <unordered_set>

#include "geo/centroid.h"
#include "map/errors.h"
#include "map/graph_builder.h"
#include "map/road_profile.h"

namespace codriver::map {

namespace {

using LocationIndex =
    osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
using LocationHandler = osmium::handler::NodeLocationsForWays<LocationIndex, LocationIndex>;

OsmTags tags_of(const osmium::TagList& list) {
  OsmTags tags;
  for (const osmium::Tag& tag : list)
    tags.add(tag.key(), tag.value());
  return tags;
}

geo::LatLon latlon(const osmium::Location& location) {
  return {location.lat(), location.lon()};
}

format::SignalDirection signal_direction(const OsmTags& tags) {
  const std::string_view value = tags.first_of({"traffic_signals:direction", "direction"});
  if (value == "forward") return format::SignalDirection::kForward;
  if (value == "backward") return format::SignalDirection::kBackward;
  return format::SignalDirection::kBoth;
}

bool is_entrance(const OsmTags& tags) {
  return tags.has("entrance") || tags.has("amenity", "parking_entrance");
}

// Pass 1: turn restrictions, and which place relations we expect areas for.
class RelationPass : public osmium::handler::Handler {
 public:
  RelationPass(GraphBuilder& builder, ImportStats& stats, OsmObjectCounts& read)
      : builder_(builder), stats_(stats), read_(read) {}

  void relation(const osmium::Relation& relation) {
    ++read_.relations;
    const OsmTags tags = tags_of(relation.tags());
    const std::string_view type = tags.get("type");
    if (type == "restriction" || type.starts_with("restriction:")) {
      read_restriction(relation, tags, type);
    } else if (place_category(tags)) {
      if (type == "multipolygon") {
        place_relations.insert(relation.id());
      } else {
        stats_.warn("place_relation_not_multipolygon", 'r', relation.id());
      }
    }
  }

  std::unordered_set<osmium::object_id_type> place_relations;

 private:
  void read_restriction(const osmium::Relation& relation, const OsmTags& tags,
                        std::string_view type) {
    const std::string_view mode = type == "restriction" ? "" : type.substr(12);
    if (!mode.empty() && mode != "motorcar" && mode != "motor_vehicle" && mode != "vehicle") {
      return;  // for bicycles, buses, ...: not ours
    }
    const std::string_view value =
        tags.first_of({"restriction:motorcar", "restriction:motor_vehicle", "restriction:vehicle",
                       "restriction"});
    if (value.empty()) {
      stats_.warn(tags.has("restriction:conditional") ? "turn_restriction_conditional_ignored"
                                                      : "turn_restriction_without_value",
                  'r', relation.id());
      return;
    }
    if (tags.get("except").find("motorcar") != std::string_view::npos) return;  // cars exempt
    OsmTurnRestriction restriction;
    restriction.relation_id = relation.id();
    if (value.starts_with("no_")) {
      restriction.kind = format::RestrictionKind::kNo;
    } else if (value.starts_with("only_")) {
      restriction.kind = format::RestrictionKind::kOnly;
    } else {
      stats_.warn("turn_restriction_unknown_value", 'r', relation.id());
      return;
    }
    if (read_members(relation, restriction)) builder_.add_turn_restriction(std::move(restriction));
  }

  bool read_members(const osmium::Relation& relation, OsmTurnRestriction& restriction) {
    int via_nodes = 0;
    for (const osmium::RelationMember& member : relation.members()) {
      const std::string_view role = member.role();
      if (role == "from" && member.type() == osmium::item_type::way) {
        restriction.from_ways.push_back(member.ref());
      } else if (role == "to" && member.type() == osmium::item_type::way) {
        restriction.to_ways.push_back(member.ref());
      } else if (role == "via" && member.type() == osmium::item_type::way) {
        stats_.warn("turn_restriction_via_way_unsupported", 'r', relation.id());
        return false;
      } else if (role == "via" && member.type() == osmium::item_type::node) {
        restriction.via_node = member.ref();
        ++via_nodes;
      }
    }
    if (via_nodes != 1 || restriction.from_ways.empty() || restriction.to_ways.empty()) {
      stats_.warn("turn_restriction_malformed", 'r', relation.id());
      return false;
    }
    return true;
  }

  GraphBuilder& builder_;
  ImportStats& stats_;
  OsmObjectCounts& read_;
};

// Collects places and grows the bounding box.
class PlaceEmitter {
 public:
  PlaceEmitter(const PlaceSink& sink, geo::BoundingBox& bbox) : sink_(sink), bbox_(bbox) {}

  void emit(PlaceCategory category, const OsmTags& tags, char osm_type, std::int64_t osm_id,
            geo::LatLon position, std::optional<geo::LatLon> entrance) {
    Place place = place_from_tags(category, tags);
    place.osm_type = osm_type;
    place.osm_id = osm_id;
    place.position = position;
    place.entrance = entrance;
    bbox_.extend(position);
    sink_(place);
  }

 private:
  const PlaceSink& sink_;
  geo::BoundingBox& bbox_;
};

// Pass 2: node locations, traffic signals, place nodes and entrances.
class NodePass : public osmium::handler::Handler {
 public:
  NodePass(GraphBuilder& builder, PlaceEmitter& places, ImportStats& stats, OsmObjectCounts& read)
      : builder_(builder), places_(places), stats_(stats), read_(read) {}

  void node(const osmium::Node& node) {
    ++read_.nodes;
    if (!node.location().valid()) {
      stats_.warn("node_invalid_location", 'n', node.id());
      return;
    }
    if (node.tags().empty()) return;
    const OsmTags tags = tags_of(node.tags());
    if (tags.has("highway", "traffic_signals")) {
      builder_.add_traffic_signal(node.id(), signal_direction(tags));
    }
    if (is_entrance(tags)) entrances.emplace(node.id(), latlon(node.location()));
    if (const auto category = place_category(tags)) {
      places_.emit(*category, tags, 'n', node.id(), latlon(node.location()), std::nullopt);
    }
  }

  std::unordered_map<osmium::object_id_type, geo::LatLon> entrances;

 private:
  GraphBuilder& builder_;
  PlaceEmitter& places_;
  ImportStats& stats_;
  OsmObjectCounts& read_;
};

// Pass 3: car roads and place ways.
class WayPass : public osmium::handler::Handler {
 public:
  WayPass(GraphBuilder& builder, PlaceEmitter& places, ImportStats& stats, OsmObjectCounts& read,
          const std::unordered_map<osmium::object_id_type, geo::LatLon>& entrances)
      : builder_(builder), places_(places), stats_(stats), read_(read), entrances_(entrances) {}

  void way(const osmium::Way& way) {
    ++read_.ways;
    if (way.tags().empty()) return;
    const OsmTags tags = tags_of(way.tags());
    if (tags.has("highway")) add_road(way, tags);
    if (const auto category = place_category(tags)) add_place(way, tags, *category);
  }

 private:
  void add_road(const osmium::Way& way, const OsmTags& tags) {
    const RoadDecision decision = classify_car_road(tags);
    if (decision.rejection == RoadRejection::kNoCarAccess) {
      stats_.warn("road_closed_to_cars", 'w', way.id());
    } else if (decision.rejection == RoadRejection::kTimeDependentOneway) {
      stats_.warn("road_reversible_oneway_skipped", 'w', way.id());
    }
    if (!decision.road) return;
    OsmCarWay car_way;
    car_way.id = way.id();
    car_way.road = *decision.road;
    car_way.name =
        builder_.intern_name(clean_text(tags.get("name")), clean_text(chinese_name(tags)),
                             clean_text(tags.get("name:en")), clean_text(tags.get("ref")));
    car_way.node_ids.reserve(way.nodes().size());
    for (const osmium::NodeRef& ref : way.nodes())
      car_way.node_ids.push_back(ref.ref());
    builder_.add_way(std::move(car_way));
  }

  void add_place(const osmium::Way& way, const OsmTags& tags, PlaceCategory category) {
    std::vector<geo::LatLon> ring;
    std::optional<geo::LatLon> entrance;
    for (const osmium::NodeRef& ref : way.nodes()) {
      if (ref.location().valid()) ring.push_back(latlon(ref.location()));
      if (const auto it = entrances_.find(ref.ref()); !entrance && it != entrances_.end()) {
        entrance = it->second;
      }
    }
    if (ring.empty()) {
      stats_.warn("place_way_without_locations", 'w', way.id());
      return;
    }
    const bool closed =
        way.nodes().size() >= 4 && way.nodes().front().ref() == way.nodes().back().ref();
    const auto position = closed ? geo::ring_centroid(ring) : geo::vertex_mean(ring);
    places_.emit(category, tags, 'w', way.id(), *position, entrance);
  }

  GraphBuilder& builder_;
  PlaceEmitter& places_;
  ImportStats& stats_;
  OsmObjectCounts& read_;
  const std::unordered_map<osmium::object_id_type, geo::LatLon>& entrances_;
};

// A multipolygon's centroid: outer rings add their area-weighted centroids, inner rings remove
// theirs.
std::optional<geo::LatLon> area_centroid(
    const osmium::Area& area,
    const std::unordered_map<osmium::object_id_type, geo::LatLon>& entrances,
    std::optional<geo::LatLon>& entrance) {
  double weight = 0, lat = 0, lon = 0;
  const auto add_ring = [&](const osmium::NodeRefList& ring, double sign) {
    std::vector<geo::LatLon> points;
    for (const osmium::NodeRef& ref : ring) {
      points.push_back(latlon(ref.location()));
      if (const auto it = entrances.find(ref.ref()); !entrance && it != entrances.end()) {
        entrance = it->second;
      }
    }
    const double area_m2 = std::abs(geo::ring_area_m2(points)) * sign;
    const auto centre = geo::ring_centroid(points);
    if (!centre) return;
    weight += area_m2;
    lat += centre->lat * area_m2;
    lon += centre->lon * area_m2;
  };
  for (const auto& outer : area.outer_rings()) {
    add_ring(outer, 1.0);
    for (const auto& inner : area.inner_rings(outer))
      add_ring(inner, -1.0);
  }
  if (weight <= 0) return std::nullopt;
  return geo::LatLon{lat / weight, lon / weight};
}

// Collects the member ways of place multipolygons and assembles their areas.
// libosmium's own MultipolygonManager insists on ID-sorted input; real extracts
// (and hand-edited files) are not always sorted, and member lookup does not need it.
class PlaceAreaManager
    : public osmium::relations::RelationsManager<PlaceAreaManager, false, true, false, false> {
 public:
  bool new_relation(const osmium::Relation& relation) const {
    const OsmTags tags = tags_of(relation.tags());
    return tags.has("type", "multipolygon") && place_category(tags).has_value();
  }

  bool new_member(const osmium::Relation&, const osmium::RelationMember& member,
                  std::size_t) const noexcept {
    return member.type() == osmium::item_type::way;
  }

  void complete_relation(const osmium::Relation& relation) {
    std::vector<const osmium::Way*> ways;
    for (const auto& member : relation.members()) {
      if (member.ref() != 0) ways.push_back(this->get_member_way(member.ref()));
    }
    try {
      osmium::area::Assembler assembler{config_};
      assembler(relation, ways, this->buffer());
    } catch (const osmium::invalid_location&) {
      // Counted afterwards as an incomplete multipolygon.
    }
  }

 private:
  // The assembler keeps a reference to its configuration, so it must outlive it.
  osmium::area::Assembler::config_type config_;
};

}  // namespace

OsmImport import_osm(const std::filesystem::path& input, const PlaceSink& on_place) {
  if (!std::filesystem::is_regular_file(input)) {
    throw ImportError("cannot import " + input.string() + ": no such file");
  }
  OsmImport result;
  GraphBuilder builder(result.stats);
  PlaceEmitter places(on_place, result.bbox);
  try {
    const osmium::io::File file{input.string()};
    PlaceAreaManager areas;
    RelationPass relation_pass(builder, result.stats, result.read);
    {
      osmium::io::Reader reader{file, osmium::osm_entity_bits::relation};
      osmium::apply(reader, areas, relation_pass);
      reader.close();
      areas.prepare_for_lookup();
    }

    LocationIndex positive, negative;
    LocationHandler locations{positive, negative};
    locations.ignore_errors();  // ways with unknown nodes are counted by GraphBuilder
    NodePass node_pass(builder, places, result.stats, result.read);
    {
      osmium::io::Reader reader{file, osmium::osm_entity_bits::node};
      osmium::apply(reader, locations, node_pass);
      reader.close();
    }

    WayPass way_pass(builder, places, result.stats, result.read, node_pass.entrances);
    std::unordered_set<osmium::object_id_type> assembled;
    {
      osmium::io::Reader reader{file, osmium::osm_entity_bits::way};
      osmium::apply(reader, locations, way_pass,
                    areas.handler([&](osmium::memory::Buffer&& buffer) {
                      for (const osmium::Area& area : buffer.select<osmium::Area>()) {
                        if (area.from_way()) continue;  // place ways are handled by WayPass
                        const OsmTags tags = tags_of(area.tags());
                        const auto category = place_category(tags);
                        std::optional<geo::LatLon> entrance;
                        const auto centre = area_centroid(area, node_pass.entrances, entrance);
                        if (!category || !centre) continue;
                        assembled.insert(area.orig_id());
                        places.emit(*category, tags, 'r', area.orig_id(), *centre, entrance);
                      }
                    }));
      reader.close();
    }
    for (const auto id : relation_pass.place_relations) {
      if (!assembled.contains(id)) result.stats.warn("place_multipolygon_incomplete", 'r', id);
    }

    result.graph = builder.build([&](std::int64_t id) -> std::optional<geo::LatLon> {
      const osmium::Location location = locations.get_node_location(id);
      if (!location.valid()) return std::nullopt;
      return latlon(location);
    });
  } catch (const std::exception& error) {
    throw ImportError("cannot import " + input.string() + ": " + error.what());
  }
  for (const auto& node : result.graph.nodes)
    result.bbox.extend(to_latlon(node));
  if (result.graph.nodes.empty()) {
    throw ImportError("cannot import " + input.string() +
                      ": it holds no road a car can drive (is it an OSM extract?)");
  }
  return result;
}

}  // namespace codriver::map
