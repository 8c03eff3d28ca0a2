#include "routing/contraction_hierarchy.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <queue>
#include <stdexcept>
#include <thread>

namespace codriver::routing {

namespace {

// An arc of the graph being contracted. Shortcuts remember the vertex they bypass.
struct DynamicArc {
  EdgeId vertex;
  Weight weight;
  EdgeId middle;
  std::uint32_t distance_dm;  // length driven along the arc, decimetres
};
static_assert(sizeof(DynamicArc) == 16);

using Adjacency = std::vector<std::vector<DynamicArc>>;

// A vertex the witness search must reach, and the cost of reaching it through the
// vertex being contracted.
struct WitnessTarget {
  EdgeId vertex;
  Weight through;
};

// Bounded Dijkstra from one in-neighbour that ignores the vertex being contracted: for
// each target, is there a path at most as long as the one through that vertex? A
// target is decided as soon as a label reaches it within its bound (a witness) or the
// queue passes its bound (none). Deciding targets early matters: on the grids most
// pairs have a witness one or two arcs away, while exploring the whole ball up to the
// largest bound, as the search used to, ran 46% of the searches into the settle
// budget on the 10k grid (now 92 of 1.0 M; a search settles 54 vertices on average).
// The budget is a safety net: a missed witness only costs an unneeded shortcut.
class WitnessSearch {
 public:
  explicit WitnessSearch(std::size_t n) : marks_(n) {}

  // `targets` sorted by `through`, largest first; witnessed[k] answers targets[k].
  void run(const Adjacency& out, EdgeId source, EdgeId excluded,
           std::span<const WitnessTarget> targets, std::vector<char>& witnessed) {
    start(targets, witnessed);
    reach(source, 0, targets, witnessed);
    std::size_t largest = 0;  // the pending target with the largest bound
    for (std::size_t settled = 0; pending_ > 0 && !queue_.empty() && settled < kSettleLimit;) {
      std::pop_heap(queue_.begin(), queue_.end(), std::greater<>());
      const Weight weight = static_cast<Weight>(queue_.back() >> 32);
      const auto vertex = static_cast<EdgeId>(queue_.back());
      queue_.pop_back();
      if (weight != label(vertex)) continue;
      while (witnessed[largest])
        ++largest;
      // Past every pending bound, nothing can be a witness any more.
      const Weight bound = targets[largest].through;
      if (weight > bound) break;
      ++settled;
      for (const DynamicArc& arc : out[vertex]) {
        const Weight candidate = weight + arc.weight;
        if (candidate <= bound && arc.vertex != excluded && candidate < label(arc.vertex)) {
          reach(arc.vertex, candidate, targets, witnessed);
        }
      }
    }
  }

 private:
  static constexpr std::size_t kSettleLimit = 1000;

  // Everything the search keeps per vertex, in one place: one cache miss, not two.
  struct Mark {
    Weight weight = kInfiniteWeight;
    std::uint32_t round = 0;  // the weight is valid in this round only
    std::uint32_t target = 0;
    std::uint32_t target_round = 0;
  };

  void start(std::span<const WitnessTarget> targets, std::vector<char>& witnessed) {
    if (++round_ == 0) {  // the stamps wrapped: forget them for real
      std::fill(marks_.begin(), marks_.end(), Mark{});
      round_ = 1;
    }
    witnessed.assign(targets.size(), 0);
    for (std::size_t k = 0; k < targets.size(); ++k) {
      marks_[targets[k].vertex].target = static_cast<std::uint32_t>(k);
      marks_[targets[k].vertex].target_round = round_;
    }
    pending_ = targets.size();
    queue_.clear();
  }

  Weight label(EdgeId v) const {
    return marks_[v].round == round_ ? marks_[v].weight : kInfiniteWeight;
  }

  void reach(EdgeId v, Weight weight, std::span<const WitnessTarget> targets,
             std::vector<char>& witnessed) {
    Mark& mark = marks_[v];
    mark.weight = weight;
    mark.round = round_;
    queue_.push_back(std::uint64_t{weight} << 32 | v);
    std::push_heap(queue_.begin(), queue_.end(), std::greater<>());
    if (mark.target_round == round_ && !witnessed[mark.target] &&
        weight <= targets[mark.target].through) {
      witnessed[mark.target] = 1;
      --pending_;
    }
  }

  std::vector<Mark> marks_;
  std::uint32_t round_ = 0;
  std::size_t pending_ = 0;
  std::vector<std::uint64_t> queue_;  // weight << 32 | vertex
};

struct Shortcut {
  EdgeId from, to;
  Weight weight;
  std::uint32_t distance_dm;
};

// The shortcuts that contracting a vertex needs: one witness search per in-arc. On
// busy vertices (where almost all the time goes) a helper thread takes in-arcs from
// the same counter. The result does not depend on the threads: each search is
// independent, and the shortcuts come out in in-arc order.
class ShortcutFinder {
 public:
  ShortcutFinder(std::size_t n, unsigned threads) : workers_{Worker(n), Worker(n)} {
    if (threads > 1) helper_ = std::thread([this] { serve(); });
  }
  ~ShortcutFinder() {
    if (!helper_.joinable()) return;
    stop_.store(true);
    generation_.fetch_add(1, std::memory_order_release);
    generation_.notify_one();
    helper_.join();
  }
  ShortcutFinder(const ShortcutFinder&) = delete;
  ShortcutFinder& operator=(const ShortcutFinder&) = delete;

  void find(const Adjacency& out, const Adjacency& in, EdgeId v, std::vector<Shortcut>& shortcuts) {
    out_ = &out;
    v_ = v;
    ins_ = in[v];
    outs_ = out[v];
    std::sort(outs_.begin(), outs_.end(),
              [](const DynamicArc& a, const DynamicArc& b) { return a.weight > b.weight; });
    next_.store(0, std::memory_order_relaxed);
    const bool shared =
        helper_.joinable() && ins_.size() >= 2 && ins_.size() * outs_.size() >= kSharedPairs;
    std::uint32_t generation = 0;
    if (shared) {
      generation = generation_.fetch_add(1, std::memory_order_release) + 1;
      generation_.notify_one();
    }
    work(workers_[0]);
    if (shared) {
      for (std::uint32_t seen; (seen = done_.load(std::memory_order_acquire)) != generation;)
        done_.wait(seen);
    }
    merge(shared, shortcuts);
  }

 private:
  // Below this many (in, out) pairs, handing work over costs more than it saves.
  static constexpr std::size_t kSharedPairs = 64;

  struct Worker {
    explicit Worker(std::size_t n) : search(n) {}
    WitnessSearch search;
    std::vector<WitnessTarget> targets;
    std::vector<std::uint32_t> out_index;  // of each target in outs_
    std::vector<char> witnessed;
    std::vector<std::pair<std::size_t, Shortcut>> found;  // by in-arc index
  };

  void serve() {
    std::uint32_t seen = 0;
    while (true) {
      generation_.wait(seen, std::memory_order_acquire);
      seen = generation_.load(std::memory_order_acquire);
      if (stop_.load()) return;
      work(workers_[1]);
      done_.store(seen, std::memory_order_release);
      done_.notify_one();
    }
  }

  void work(Worker& w) {
    w.found.clear();
    for (std::size_t k; (k = next_.fetch_add(1, std::memory_order_relaxed)) < ins_.size();) {
      const DynamicArc& i = ins_[k];
      w.targets.clear();
      w.out_index.clear();
      for (std::uint32_t x = 0; x < outs_.size(); ++x) {
        if (outs_[x].vertex == i.vertex) continue;
        w.targets.push_back({outs_[x].vertex, i.weight + outs_[x].weight});
        w.out_index.push_back(x);
      }
      if (w.targets.empty()) continue;
      w.search.run(*out_, i.vertex, v_, w.targets, w.witnessed);
      for (std::size_t t = 0; t < w.targets.size(); ++t) {
        if (w.witnessed[t]) continue;
        const DynamicArc& o = outs_[w.out_index[t]];
        w.found.push_back(
            {k, {i.vertex, o.vertex, w.targets[t].through, i.distance_dm + o.distance_dm}});
      }
    }
  }

  void merge(bool shared, std::vector<Shortcut>& shortcuts) {
    shortcuts.clear();
    const auto& a = workers_[0].found;
    const auto& b = workers_[1].found;
    std::size_t x = 0, y = 0;
    const std::size_t b_size = shared ? b.size() : 0;
    while (x < a.size() || y < b_size) {
      const bool take_a = y == b_size || (x < a.size() && a[x].first < b[y].first);
      shortcuts.push_back(take_a ? a[x++].second : b[y++].second);
    }
  }

  Worker workers_[2];
  std::thread helper_;
  std::atomic<bool> stop_{false};
  std::atomic<std::uint32_t> generation_{0};
  std::atomic<std::uint32_t> done_{0};
  // The job: set before generation_ is raised, read-only while it runs.
  const Adjacency* out_ = nullptr;
  EdgeId v_ = 0;
  std::vector<DynamicArc> ins_;
  std::vector<DynamicArc> outs_;  // heaviest first, so that targets come sorted
  std::atomic<std::size_t> next_{0};
};

// Contracts vertices in order of a priority that keeps the hierarchy sparse: how many
// arcs contracting a vertex would add against what it removes, plus how many of its
// neighbours are gone (which spreads contraction evenly), with lazy updates.
class Contractor {
 public:
  Contractor(const TurnGraph& graph, const std::vector<std::uint32_t>& length_dm,
             std::size_t core_average_degree, unsigned threads)
      : core_average_degree_(core_average_degree),
        n_(graph.vertex_count()),
        out_(n_),
        in_(n_),
        finder_(n_, threads),
        deleted_neighbours_(n_, 0),
        dirty_(n_, 0),
        priority_(n_, 0.0),
        position_(n_, {0, 0}) {
    for (EdgeId v = 0; v < n_; ++v) {
      for (const Turn& t : graph.turns_from(v)) {
        if (t.edge == v) continue;  // a loop never shortens a path
        add_or_improve({v, t.edge, t.weight, length_dm[t.edge]}, kNoMiddle);
      }
    }
  }

  // Returns the rank of the first core vertex (n when everything was contracted).
  std::uint32_t contract_all(std::vector<std::uint32_t>& rank) {
    std::vector<Shortcut> shortcuts;
    for (EdgeId v = 0; v < n_; ++v) {
      priority_[v] = priority(v, shortcuts);
      queue_.emplace(priority_[v], v);
    }
    rank.assign(n_, 0);
    std::vector<bool> contracted(n_, false);
    std::uint32_t next_rank = 0;
    while (!queue_.empty()) {
      const auto [key, v] = queue_.top();
      queue_.pop();
      if (contracted[v] || key != priority_[v]) continue;  // stale entry
      if (!still_smallest(v, shortcuts)) continue;
      const std::size_t remaining = n_ - next_rank;
      if (remaining > kMinCore && arcs_ > core_average_degree_ * remaining) break;
      contract(v, shortcuts);
      contracted[v] = true;
      rank[v] = next_rank++;
    }
    // What is left is the core: dense enough that contracting it further would cost more
    // shortcuts than it saves. Its vertices keep all their arcs, and queries search it
    // with plain bidirectional Dijkstra.
    const std::uint32_t core_rank = next_rank;
    for (EdgeId v = 0; v < n_; ++v) {
      if (!contracted[v]) rank[v] = next_rank++;
    }
    return core_rank;
  }

  std::size_t shortcut_count() const { return shortcut_count_; }

  // Once contraction is over, every vertex's out-arcs climb (or stay in the core), and
  // so do its in-arcs read backwards.
  Adjacency& up() { return out_; }
  Adjacency& down() { return in_; }

 private:
  static constexpr std::size_t kMinCore = 64;

  // Lazy update: a priority goes stale only when a neighbour is contracted (dirty_).
  // Recompute it on the way out and requeue v unless it is still the smallest (other
  // keys may be stale too, which costs some order quality but saves re-evaluating
  // every neighbour after each contraction: that gave 14% fewer shortcuts on a
  // 2 500-node grid for 7 times the witness searches). Either way `shortcuts` is left
  // ready for contracting v; a clean vertex needs no second search.
  bool still_smallest(EdgeId v, std::vector<Shortcut>& shortcuts) {
    if (!dirty_[v]) {
      finder_.find(out_, in_, v, shortcuts);
      return true;
    }
    priority_[v] = priority(v, shortcuts);
    dirty_[v] = 0;
    if (queue_.empty() || priority_[v] <= queue_.top().first) return true;
    queue_.emplace(priority_[v], v);
    return false;
  }

  double priority(EdgeId v, std::vector<Shortcut>& shortcuts) {
    finder_.find(out_, in_, v, shortcuts);
    const double removed = static_cast<double>(in_[v].size() + out_[v].size());
    return 4.0 * static_cast<double>(shortcuts.size()) - 2.0 * removed +
           2.0 * deleted_neighbours_[v];
  }

  void contract(EdgeId v, std::vector<Shortcut>& shortcuts) {
    for (const Shortcut& s : shortcuts)
      add_or_improve(s, v);
    shortcut_count_ += shortcuts.size();
    neighbours_.clear();
    for (const DynamicArc& a : out_[v])
      neighbours_.push_back(a.vertex);
    for (const DynamicArc& a : in_[v])
      neighbours_.push_back(a.vertex);
    retire(v);
    std::sort(neighbours_.begin(), neighbours_.end());
    neighbours_.erase(std::unique(neighbours_.begin(), neighbours_.end()), neighbours_.end());
    for (EdgeId u : neighbours_) {
      ++deleted_neighbours_[u];
      dirty_[u] = 1;
    }
  }

  // Adds the arc, or lowers an existing one between the same pair: parallel arcs never
  // survive, only the lightest. Shortcuts come grouped by `from`, so an index of
  // from's out-arcs, rebuilt when `from` changes, finds an existing arc in O(1) (a
  // linear scan made this cubic in the degree of the vertex being contracted).
  void add_or_improve(const Shortcut& s, EdgeId middle) {
    auto& outs = out_[s.from];
    if (indexed_ != s.from) index_out_arcs(s.from);
    const DynamicArc arc{s.to, s.weight, middle, s.distance_dm};
    if (position_[s.to].round == index_round_) {
      DynamicArc& existing = outs[position_[s.to].index];
      if (s.weight >= existing.weight) return;
      existing = arc;
      auto& ins = in_[s.to];
      *std::find_if(ins.begin(), ins.end(), [&](const DynamicArc& a) {
        return a.vertex == s.from;
      }) = {s.from, s.weight, middle, s.distance_dm};
      return;
    }
    position_[s.to] = {static_cast<std::uint32_t>(outs.size()), index_round_};
    outs.push_back(arc);
    in_[s.to].push_back({s.from, s.weight, middle, s.distance_dm});
    ++arcs_;
  }

  void index_out_arcs(EdgeId from) {
    indexed_ = from;
    ++index_round_;
    const auto& outs = out_[from];
    for (std::size_t k = 0; k < outs.size(); ++k)
      position_[outs[k].vertex] = {static_cast<std::uint32_t>(k), index_round_};
  }

  // Detaches v from the graph; its remaining arcs, which all lead to vertices not yet
  // contracted, stay as its climbing arcs (trimmed to fit: at a million road nodes the
  // slack left by growing lists would be gigabytes).
  void retire(EdgeId v) {
    indexed_ = kNoMiddle;  // positions in the lists below change
    arcs_ -= out_[v].size() + in_[v].size();
    for (const DynamicArc& o : out_[v])
      detach(in_[o.vertex], v);
    for (const DynamicArc& i : in_[v])
      detach(out_[i.vertex], v);
    out_[v].shrink_to_fit();
    in_[v].shrink_to_fit();
  }

  static void detach(std::vector<DynamicArc>& arcs, EdgeId v) {
    std::erase_if(arcs, [v](const DynamicArc& a) { return a.vertex == v; });
    if (arcs.capacity() > 2 * arcs.size() + 16) arcs.shrink_to_fit();
  }

  struct Position {
    std::uint32_t index;
    std::uint32_t round;
  };

  std::size_t core_average_degree_;
  std::size_t n_;
  Adjacency out_, in_;
  ShortcutFinder finder_;
  std::vector<std::uint32_t> deleted_neighbours_;
  std::vector<char> dirty_;
  std::vector<double> priority_;
  std::priority_queue<std::pair<double, EdgeId>, std::vector<std::pair<double, EdgeId>>,
                      std::greater<>>
      queue_;
  std::vector<Position> position_;
  EdgeId indexed_ = kNoMiddle;
  std::uint32_t index_round_ = 0;
  std::vector<EdgeId> neighbours_;
  std::size_t shortcut_count_ = 0;
  std::size_t arcs_ = 0;  // among vertices not yet contracted
};

// Moves the lists into one array, freeing each list as it goes (at a million road
// nodes the lists and the arrays would not fit in memory together).
void flatten(Adjacency& lists, std::vector<std::uint32_t>& first, std::vector<ChArc>& arcs) {
  std::size_t total = 0;
  for (const auto& list : lists)
    total += list.size();
  arcs.reserve(total);
  first.assign(1, 0);
  for (auto& list : lists) {
    for (const DynamicArc& a : list)
      arcs.push_back({a.vertex, a.weight, a.middle, a.distance_dm});
    first.push_back(static_cast<std::uint32_t>(arcs.size()));
    std::vector<DynamicArc>().swap(list);
  }
}

}  // namespace

ContractionHierarchy ContractionHierarchy::build(const TurnGraph& graph,
                                                 const std::vector<std::uint32_t>& vertex_length_dm,
                                                 ContractionStats* stats,
                                                 std::size_t core_average_degree) {
  if (vertex_length_dm.size() != graph.vertex_count()) {
    throw std::invalid_argument("one length per turn-graph vertex is needed");
  }
  const auto start = std::chrono::steady_clock::now();
  // Two threads at most: the machines this runs on have few cores, and most time goes
  // into vertices with enough in-arcs to keep two witness searches busy.
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 2u);
  Contractor contractor(graph, vertex_length_dm, core_average_degree, threads);
  ContractionHierarchy ch;
  ch.core_rank_ = contractor.contract_all(ch.rank_);
  const std::size_t shortcuts = contractor.shortcut_count();
  flatten(contractor.up(), ch.first_up_, ch.up_);
  flatten(contractor.down(), ch.first_down_, ch.down_);
  if (stats) {
    stats->shortcuts = shortcuts;
    stats->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  return ch;
}

ContractionHierarchy ContractionHierarchy::from_arrays(
    std::vector<std::uint32_t> rank, std::vector<std::uint32_t> first_up, std::vector<ChArc> up,
    std::vector<std::uint32_t> first_down, std::vector<ChArc> down, std::uint32_t core_rank) {
  const std::size_t n = rank.size();
  const auto check_csr = [n](const std::vector<std::uint32_t>& first,
                             const std::vector<ChArc>& arcs) {
    if (first.size() != n + 1 || first.front() != 0 || first.back() != arcs.size() ||
        !std::is_sorted(first.begin(), first.end())) {
      throw std::invalid_argument("hierarchy arc offsets are inconsistent");
    }
    for (const ChArc& a : arcs) {
      if (a.vertex >= n || (a.middle != kNoMiddle && a.middle >= n)) {
        throw std::invalid_argument("hierarchy arc points outside the graph");
      }
    }
  };
  check_csr(first_up, up);
  check_csr(first_down, down);
  std::vector<bool> seen(n, false);
  for (std::uint32_t r : rank) {
    if (r >= n || seen[r]) throw std::invalid_argument("hierarchy ranks are not a permutation");
    seen[r] = true;
  }
  if (core_rank > n) throw std::invalid_argument("hierarchy core starts past its end");
  // Outside the core every arc climbs; inside it, arcs join core vertices in any order.
  const auto climbs = [&](EdgeId from, EdgeId to) {
    return rank[to] > rank[from] || (rank[from] >= core_rank && rank[to] >= core_rank);
  };
  for (EdgeId v = 0; v < n; ++v) {
    for (std::uint32_t k = first_up[v]; k < first_up[v + 1]; ++k) {
      if (!climbs(v, up[k].vertex)) throw std::invalid_argument("hierarchy arc goes down");
    }
    for (std::uint32_t k = first_down[v]; k < first_down[v + 1]; ++k) {
      if (!climbs(v, down[k].vertex)) throw std::invalid_argument("hierarchy arc goes down");
    }
  }
  ContractionHierarchy ch;
  ch.rank_ = std::move(rank);
  ch.first_up_ = std::move(first_up);
  ch.up_ = std::move(up);
  ch.first_down_ = std::move(first_down);
  ch.down_ = std::move(down);
  ch.core_rank_ = core_rank;
  return ch;
}

std::span<const ChArc> ContractionHierarchy::up(EdgeId v) const {
  return std::span(up_).subspan(first_up_[v], first_up_[v + 1] - first_up_[v]);
}

std::span<const ChArc> ContractionHierarchy::down(EdgeId v) const {
  return std::span(down_).subspan(first_down_[v], first_down_[v + 1] - first_down_[v]);
}

const ChArc* ContractionHierarchy::find_up(EdgeId from, EdgeId to, Weight weight) const {
  for (const ChArc& a : up(from)) {
    if (a.vertex == to && a.weight <= weight) return &a;
  }
  return nullptr;
}

const ChArc* ContractionHierarchy::find_down(EdgeId at, EdgeId from, Weight weight) const {
  for (const ChArc& a : down(at)) {
    if (a.vertex == from && a.weight <= weight) return &a;
  }
  return nullptr;
}

void ContractionHierarchy::unpack(EdgeId from, EdgeId to, const ChArc& arc,
                                  std::vector<EdgeId>& out) const {
  // Explicit stack: shortcut chains can be deeper than the call stack likes.
  struct Pending {
    EdgeId from, to;
    Weight weight;
    EdgeId middle;
  };
  std::vector<Pending> stack{{from, to, arc.weight, arc.middle}};
  while (!stack.empty()) {
    const Pending p = stack.back();
    stack.pop_back();
    if (p.middle == kNoMiddle) {
      out.push_back(p.to);
      continue;
    }
    // from -> middle climbs from middle (a down arc stored at middle); middle -> to climbs up.
    const ChArc* first = find_down(p.middle, p.from, p.weight);
    const ChArc* second = first ? find_up(p.middle, p.to, p.weight - first->weight) : nullptr;
    if (!first || !second || first->weight + second->weight != p.weight) {
      throw std::logic_error("contraction hierarchy cannot unpack a shortcut");
    }
    stack.push_back({p.middle, p.to, second->weight, second->middle});
    stack.push_back({p.from, p.middle, first->weight, first->middle});
  }
}

}  // namespace codriver::routing
