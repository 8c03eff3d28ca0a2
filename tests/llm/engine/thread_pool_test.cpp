#include "llm/engine/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "llm/engine/engine_error.h"

namespace codriver::llm::engine {
namespace {

TEST(ThreadPool, CoversEveryIndexExactlyOnce) {
  for (int threads : {1, 2, 3, 7}) {
    ThreadPool pool(threads);
    EXPECT_EQ(pool.size(), threads);
    for (std::int64_t n : {0, 1, 2, 3, 7, 100, 1001}) {
      std::vector<std::atomic<int>> hits(static_cast<std::size_t>(n));
      pool.parallel_for(n, [&](std::int64_t begin, std::int64_t end) {
        ASSERT_LE(0, begin);
        ASSERT_LT(begin, end);
        ASSERT_LE(end, n);
        for (std::int64_t i = begin; i < end; ++i)
          hits[i].fetch_add(1);
      });
      for (std::int64_t i = 0; i < n; ++i) {
        ASSERT_EQ(hits[i].load(), 1) << threads << " threads, n " << n << ", index " << i;
      }
    }
  }
}

TEST(ThreadPool, ManyCallsInARow) {
  ThreadPool pool(3);
  std::atomic<std::int64_t> total{0};
  for (int call = 0; call < 3000; ++call) {
    pool.parallel_for(10, [&](std::int64_t begin, std::int64_t end) { total += end - begin; });
  }
  EXPECT_EQ(total.load(), 30000);
}

TEST(ThreadPool, RethrowsTheJobsException) {
  ThreadPool pool(3);
  EXPECT_THROW(pool.parallel_for(100,
                                 [](std::int64_t begin, std::int64_t) {
                                   if (begin > 50) throw std::runtime_error("boom");
                                 }),
               std::runtime_error);
  // Still usable afterwards.
  std::atomic<int> count{0};
  pool.parallel_for(5, [&](std::int64_t begin, std::int64_t end) { count += int(end - begin); });
  EXPECT_EQ(count.load(), 5);
}

TEST(ThreadPool, NestedCallsRunInline) {
  ThreadPool pool(2);
  std::atomic<int> inner{0};
  pool.parallel_for(4, [&](std::int64_t begin, std::int64_t end) {
    for (std::int64_t i = begin; i < end; ++i) {
      pool.parallel_for(3, [&](std::int64_t b, std::int64_t e) { inner += int(e - b); });
    }
  });
  EXPECT_EQ(inner.load(), 12);
}

TEST(ThreadPool, NeedsAtLeastOneThread) {
  EXPECT_THROW(ThreadPool(0), EngineError);
}

}  // namespace
}  // namespace codriver::llm::engine
