#include "routing/trip.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace codriver::routing {

namespace {

constexpr double kUnreachable = std::numeric_limits<double>::infinity();

double cost(const TravelMatrix& m, std::size_t a, std::size_t b) {
  return m.duration(a, b).value_or(kUnreachable);
}

double tour_cost(const TravelMatrix& m, const std::vector<std::size_t>& order) {
  double total = 0;
  for (std::size_t i = 1; i < order.size(); ++i)
    total += cost(m, order[i - 1], order[i]);
  return total;
}

// Held-Karp over the free stops 1..k; `end` is the fixed last stop (0 for a round trip).
std::vector<std::size_t> exact_order(const TravelMatrix& m, std::size_t k, std::size_t end) {
  const std::size_t subsets = std::size_t{1} << k;
  std::vector<double> best(subsets * k, kUnreachable);
  std::vector<std::uint8_t> previous(subsets * k, 0);
  for (std::size_t i = 0; i < k; ++i)
    best[(std::size_t{1} << i) * k + i] = cost(m, 0, i + 1);
  for (std::size_t set = 1; set < subsets; ++set) {
    for (std::size_t last = 0; last < k; ++last) {
      const double here = best[set * k + last];
      if (!(set & (std::size_t{1} << last)) || here == kUnreachable) continue;
      for (std::size_t next = 0; next < k; ++next) {
        if (set & (std::size_t{1} << next)) continue;
        const std::size_t grown = set | (std::size_t{1} << next);
        const double candidate = here + cost(m, last + 1, next + 1);
        if (candidate < best[grown * k + next]) {
          best[grown * k + next] = candidate;
          previous[grown * k + next] = static_cast<std::uint8_t>(last);
        }
      }
    }
  }
  const std::size_t all = subsets - 1;
  std::size_t last = 0;
  double total = kUnreachable;
  for (std::size_t i = 0; i < k; ++i) {
    const double candidate = best[all * k + i] + cost(m, i + 1, end);
    if (candidate < total) total = candidate, last = i;
  }
  std::vector<std::size_t> reversed;
  for (std::size_t set = all; set != 0;) {
    reversed.push_back(last + 1);
    const std::size_t before = previous[set * k + last];
    set &= ~(std::size_t{1} << last);
    last = before;
  }
  std::vector<std::size_t> order{0};
  order.insert(order.end(), reversed.rbegin(), reversed.rend());
  return order;
}

std::vector<std::size_t> heuristic_order(const TravelMatrix& m, std::size_t k, std::size_t end) {
  std::vector<std::size_t> order{0};
  std::vector<bool> used(k + 1, false);
  for (std::size_t step = 0; step < k; ++step) {
    std::size_t pick = 0;
    double pick_cost = kUnreachable;
    for (std::size_t s = 1; s <= k; ++s) {
      if (!used[s] && (pick == 0 || cost(m, order.back(), s) < pick_cost)) {
        pick = s;
        pick_cost = cost(m, order.back(), s);
      }
    }
    used[pick] = true;
    order.push_back(pick);
  }
  order.push_back(end);
  // 2-opt on the free part: reverse a stretch whenever that shortens the tour (costs
  // may be asymmetric, so each candidate is priced whole).
  for (bool improved = true; improved;) {
    improved = false;
    for (std::size_t i = 1; i + 1 < order.size() - 1; ++i) {
      for (std::size_t j = i + 1; j < order.size() - 1; ++j) {
        std::vector<std::size_t> candidate = order;
        std::reverse(candidate.begin() + i, candidate.begin() + j + 1);
        if (tour_cost(m, candidate) + 1e-9 < tour_cost(m, order)) {
          order = std::move(candidate);
          improved = true;
        }
      }
    }
  }
  order.pop_back();
  return order;
}

}  // namespace

TripOrder optimize_trip(const TravelMatrix& m, bool round_trip) {
  const std::size_t n = m.rows;
  TripOrder trip;
  if (n <= 2) {
    trip.order.resize(n);
    std::iota(trip.order.begin(), trip.order.end(), 0);
  } else {
    const std::size_t free = round_trip ? n - 1 : n - 2;
    const std::size_t end = round_trip ? 0 : n - 1;
    trip.exact = free <= kExactStops;
    trip.order = trip.exact ? exact_order(m, free, end) : heuristic_order(m, free, end);
    if (!round_trip) trip.order.push_back(n - 1);
  }
  std::vector<std::size_t> tour = trip.order;
  if (round_trip && n > 1) tour.push_back(0);
  trip.duration_s = tour_cost(m, tour);
  if (trip.duration_s == kUnreachable) {
    throw RoutingError(RoutingError::Code::kNoRoute,
                       "no order of the stops connects them all by road",
                       "无法用道路依次连接所有途经点");
  }
  return trip;
}

}  // namespace codriver::routing
