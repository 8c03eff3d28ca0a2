#include "synthetic_network.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <osmium/builder/osm_object_builder.hpp>
#include <osmium/io/any_output.hpp>
#include <osmium/io/writer.hpp>
#include <osmium/memory/buffer.hpp>
#include <osmium/osm/box.hpp>
#include <osmium/osm/location.hpp>
#include <stdexcept>
#include <unordered_set>

namespace codriver::bench {

namespace {

// splitmix64: the same sequence on every platform and standard library (unlike the
// <random> distributions), so a seed names one network everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  bool chance(double p) { return uniform() < p; }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

 private:
  std::uint64_t state_;
};

constexpr double kMetresPerDegreeLat = 111320.0;

// A street line: row r (axis 0, west to east: position = column) or column c (axis 1,
// south to north: position = row).
struct Line {
  int axis;
  std::size_t index;
};

struct WayPiece {
  std::size_t begin;  // first position on the line
  std::int64_t id;
};

class Generator {
 public:
  explicit Generator(const SyntheticOptions& options)
      : options_(options), random_(options.seed ^ 0xC0D41BE5u) {
    if (options.nodes < 4) throw std::invalid_argument("a synthetic network needs >= 4 nodes");
    if (options.arterial_every < 1 || options.max_way_blocks < 1) {
      throw std::invalid_argument("arterial_every and max_way_blocks must be positive");
    }
    side_ = static_cast<std::size_t>(std::llround(std::sqrt(static_cast<double>(options.nodes))));
    side_ = std::max<std::size_t>(side_, 2);
    metres_per_degree_lon_ =
        kMetresPerDegreeLat * std::cos(options.origin_lat * std::numbers::pi / 180.0);
  }

  SyntheticNetwork run() {
    network_.side = side_;
    network_.intersections = side_ * side_;
    place_intersections();
    choose_oneways();
    choose_restrictions();
    for (int axis = 0; axis < 2; ++axis) {
      pieces_[axis].resize(side_);
      for (std::size_t i = 0; i < side_; ++i)
        build_ways({axis, i});
    }
    emit_restrictions();
    return std::move(network_);
  }

 private:
  bool arterial(std::size_t index) const {
    return index % static_cast<std::size_t>(options_.arterial_every) == 0;
  }
  std::size_t grid_index(std::size_t row, std::size_t column) const { return row * side_ + column; }
  // The intersection at `position` along `line`.
  std::size_t node_on(Line line, std::size_t position) const {
    return line.axis == 0 ? grid_index(line.index, position) : grid_index(position, line.index);
  }
  double lat_of(double y_m) const { return options_.origin_lat + y_m / kMetresPerDegreeLat; }
  double lon_of(double x_m) const { return options_.origin_lon + x_m / metres_per_degree_lon_; }

  void place_intersections() {
    network_.nodes.reserve(side_ * side_ * (1.0 + 2.0 * options_.shape_point_fraction) + 16);
    x_.resize(side_ * side_);
    y_.resize(side_ * side_);
    for (std::size_t r = 0; r < side_; ++r) {
      for (std::size_t c = 0; c < side_; ++c) {
        const std::size_t i = grid_index(r, c);
        x_[i] = c * options_.spacing_m + random_.uniform(-options_.jitter_m, options_.jitter_m);
        y_[i] = r * options_.spacing_m + random_.uniform(-options_.jitter_m, options_.jitter_m);
        const int arterials = int(arterial(r)) + int(arterial(c));
        const bool signal = (arterials == 2 && random_.chance(options_.arterial_signal_fraction)) ||
                            (arterials == 1 && random_.chance(options_.mixed_signal_fraction));
        network_.traffic_signals += signal;
        network_.nodes.push_back(
            {static_cast<std::int64_t>(i + 1), lat_of(y_[i]), lon_of(x_[i]), signal});
      }
    }
  }

  // Direction of travel along each line: 0 both ways, +1 increasing position, -1 decreasing.
  void choose_oneways() {
    for (int axis = 0; axis < 2; ++axis) {
      direction_[axis].assign(side_, 0);
      for (std::size_t i = 0; i < side_; ++i) {
        if (!arterial(i) && random_.chance(options_.oneway_fraction)) {
          direction_[axis][i] = random_.chance(0.5) ? 1 : -1;
          ++network_.oneway_streets;
        }
      }
    }
  }
  bool allows(Line line, int sign) const {
    const int d = direction_[line.axis][line.index];
    return d == 0 || d == sign;
  }

  struct PlannedRestriction {
    std::size_t row, column;
    int axis, sign;  // the approach: travelling along `axis` in direction `sign`
    bool straight_only;
  };

  void choose_restrictions() {
    for (int axis = 0; axis < 2; ++axis)
      breaks_[axis].assign(side_, {});
    for (std::size_t r = 1; r + 1 < side_; ++r) {
      for (std::size_t c = 1; c + 1 < side_; ++c) {
        if (!random_.chance(options_.restriction_fraction)) continue;
        PlannedRestriction p{r, c, random_.below(2), random_.chance(0.5) ? 1 : -1,
                             random_.chance(0.4)};
        const Line along{p.axis, p.axis == 0 ? r : c};
        const Line across{1 - p.axis, p.axis == 0 ? c : r};
        // Left of travelling east (+ along a row) is north (+ along a column); left of
        // travelling north is west.
        const int left_sign = p.axis == 0 ? p.sign : -p.sign;
        // The restricted movement must be one a car could otherwise make.
        if (!allows(along, p.sign) || (!p.straight_only && !allows(across, left_sign))) continue;
        planned_.push_back(p);
        breaks_[0][r].insert(c);
        breaks_[1][c].insert(r);
      }
    }
  }

  void build_ways(Line line) {
    const int direction = direction_[line.axis][line.index];
    const bool is_arterial = arterial(line.index);
    const std::size_t number = line.index + 1;
    // name (Chinese, as mapped in China) and name:en: 纬 for rows, 经 for columns.
    const std::string zh = std::string(line.axis == 0 ? "纬" : "经") + std::to_string(number) +
                           (is_arterial ? "路" : "弄");
    const std::string en = std::string(line.axis == 0 ? "Wei " : "Jing ") + std::to_string(number) +
                           (is_arterial ? " Road" : " Lane");
    const auto& breaks = breaks_[line.axis][line.index];
    std::size_t begin = 0;
    while (begin + 1 < side_) {
      std::size_t end = std::min(side_ - 1, begin + 1 + random_.below(options_.max_way_blocks));
      for (std::size_t p = begin + 1; p < end; ++p) {
        if (breaks.count(p)) {
          end = p;
          break;
        }
      }
      SyntheticWay way;
      way.id = static_cast<std::int64_t>(network_.ways.size() + 1);
      way.arterial = is_arterial;
      way.name = zh;
      way.name_en = en;
      for (std::size_t p = begin; p <= end; ++p) {
        const std::size_t node = node_on(line, p);
        way.nodes.push_back(static_cast<std::int64_t>(node + 1));
        if (p < end && random_.chance(options_.shape_point_fraction)) {
          way.nodes.push_back(add_shape_point(node, node_on(line, p + 1)));
        }
      }
      way.oneway = 0;
      if (direction != 0) {
        // Mapped both ways: nodes in the direction of travel with oneway=yes, or against
        // it with oneway=-1.
        const bool reverse_tag = random_.chance(0.5);
        const bool nodes_against_travel = (direction < 0) != reverse_tag;
        if (nodes_against_travel) std::reverse(way.nodes.begin(), way.nodes.end());
        way.oneway = reverse_tag ? -1 : 1;
      }
      pieces_[line.axis][line.index].push_back({begin, way.id});
      network_.ways.push_back(std::move(way));
      begin = end;
    }
  }

  std::int64_t add_shape_point(std::size_t a, std::size_t b) {
    const double dx = x_[b] - x_[a], dy = y_[b] - y_[a];
    const double length = std::max(std::hypot(dx, dy), 1.0);
    const double offset = random_.uniform(-12.0, 12.0);  // a bend, perpendicular to the block
    const double x = (x_[a] + x_[b]) / 2 - dy / length * offset;
    const double y = (y_[a] + y_[b]) / 2 + dx / length * offset;
    const auto id = static_cast<std::int64_t>(network_.nodes.size() + 1);
    network_.nodes.push_back({id, lat_of(y), lon_of(x), false});
    return id;
  }

  // The way on `line` that starts at `position` (leaving it in the + direction) or ends there.
  std::int64_t way_starting(Line line, std::size_t position) const {
    const auto& pieces = pieces_[line.axis][line.index];
    const auto it = std::lower_bound(pieces.begin(), pieces.end(), position,
                                     [](const WayPiece& w, std::size_t p) { return w.begin < p; });
    if (it == pieces.end() || it->begin != position) throw std::logic_error("no way starts there");
    return it->id;
  }
  std::int64_t way_ending(Line line, std::size_t position) const {
    const auto& pieces = pieces_[line.axis][line.index];
    const auto it = std::lower_bound(pieces.begin(), pieces.end(), position,
                                     [](const WayPiece& w, std::size_t p) { return w.begin < p; });
    if (it == pieces.begin()) throw std::logic_error("no way ends there");
    return std::prev(it)->id;
  }
  // The way that arrives at `position` travelling in direction `sign`, or leaves it so.
  std::int64_t arriving(Line line, std::size_t position, int sign) const {
    return sign > 0 ? way_ending(line, position) : way_starting(line, position);
  }
  std::int64_t leaving(Line line, std::size_t position, int sign) const {
    return sign > 0 ? way_starting(line, position) : way_ending(line, position);
  }

  void emit_restrictions() {
    for (const PlannedRestriction& p : planned_) {
      const Line along{p.axis, p.axis == 0 ? p.row : p.column};
      const Line across{1 - p.axis, p.axis == 0 ? p.column : p.row};
      const std::size_t at_along = p.axis == 0 ? p.column : p.row;
      const std::size_t at_across = p.axis == 0 ? p.row : p.column;
      SyntheticRestriction r;
      r.id = static_cast<std::int64_t>(network_.restrictions.size() + 1);
      r.via_node = static_cast<std::int64_t>(grid_index(p.row, p.column) + 1);
      r.from_way = arriving(along, at_along, p.sign);
      if (p.straight_only) {
        r.to_way = leaving(along, at_along, p.sign);
        r.restriction = "only_straight_on";
      } else {
        const int left_sign = p.axis == 0 ? p.sign : -p.sign;
        r.to_way = leaving(across, at_across, left_sign);
        r.restriction = "no_left_turn";
      }
      network_.restrictions.push_back(std::move(r));
    }
  }

  const SyntheticOptions& options_;
  Random random_;
  std::size_t side_ = 0;
  double metres_per_degree_lon_ = 0;
  std::vector<double> x_, y_;
  std::vector<int> direction_[2];
  std::vector<std::unordered_set<std::size_t>> breaks_[2];
  std::vector<std::vector<WayPiece>> pieces_[2];
  std::vector<PlannedRestriction> planned_;
  SyntheticNetwork network_;
};

}  // namespace

SyntheticNetwork generate_synthetic_network(const SyntheticOptions& options) {
  return Generator(options).run();
}

void write_osm(const SyntheticNetwork& network, const std::filesystem::path& file) {
  osmium::io::Header header;
  header.set("generator", "codriver bench/make_synthetic_osm");
  osmium::Box box;
  for (const SyntheticNode& n : network.nodes)
    box.extend(osmium::Location{n.lon, n.lat});
  header.add_box(box);
  osmium::io::Writer writer{osmium::io::File{file.string()}, header, osmium::io::overwrite::allow};

  constexpr std::size_t kFlushBytes = 8u << 20;
  osmium::memory::Buffer buffer{kFlushBytes + (1u << 20), osmium::memory::Buffer::auto_grow::yes};
  const auto commit = [&] {
    buffer.commit();
    if (buffer.committed() >= kFlushBytes) {
      writer(std::move(buffer));
      buffer =
          osmium::memory::Buffer{kFlushBytes + (1u << 20), osmium::memory::Buffer::auto_grow::yes};
    }
  };
  const osmium::Timestamp timestamp{"2025-01-01T00:00:00Z"};

  for (const SyntheticNode& n : network.nodes) {
    {
      osmium::builder::NodeBuilder node{buffer};
      node.set_id(n.id).set_version(1).set_timestamp(timestamp).set_location(
          osmium::Location{n.lon, n.lat});
      if (n.traffic_signal) {
        osmium::builder::TagListBuilder tags{node};
        tags.add_tag("highway", "traffic_signals");
      }
    }
    commit();
  }
  for (const SyntheticWay& w : network.ways) {
    {
      osmium::builder::WayBuilder way{buffer};
      way.set_id(w.id).set_version(1).set_timestamp(timestamp);
      {
        osmium::builder::WayNodeListBuilder refs{way};
        for (std::int64_t id : w.nodes)
          refs.add_node_ref(id);
      }
      osmium::builder::TagListBuilder tags{way};
      tags.add_tag("highway", w.arterial ? "primary" : "residential");
      if (w.arterial) tags.add_tag("maxspeed", "60");
      if (w.oneway != 0) tags.add_tag("oneway", w.oneway > 0 ? "yes" : "-1");
      tags.add_tag("name", w.name);
      tags.add_tag("name:en", w.name_en);
    }
    commit();
  }
  for (const SyntheticRestriction& r : network.restrictions) {
    {
      osmium::builder::RelationBuilder relation{buffer};
      relation.set_id(r.id).set_version(1).set_timestamp(timestamp);
      {
        osmium::builder::RelationMemberListBuilder members{relation};
        members.add_member(osmium::item_type::way, r.from_way, "from");
        members.add_member(osmium::item_type::node, r.via_node, "via");
        members.add_member(osmium::item_type::way, r.to_way, "to");
      }
      osmium::builder::TagListBuilder tags{relation};
      tags.add_tag("type", "restriction");
      tags.add_tag("restriction", r.restriction);
    }
    commit();
  }
  writer(std::move(buffer));
  writer.close();
}

}  // namespace codriver::bench
