#include "llm/engine/memory_bandwidth.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <vector>

#include "llm/engine/thread_pool.h"

namespace codriver::llm::engine {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Sums 64-bit words in four independent chains so the adds never limit the loads.
std::uint64_t sum_words(const std::uint64_t* words, std::int64_t count) {
  std::uint64_t a = 0, b = 0, c = 0, d = 0;
  std::int64_t i = 0;
  for (; i + 4 <= count; i += 4) {
    a += words[i];
    b += words[i + 1];
    c += words[i + 2];
    d += words[i + 3];
  }
  for (; i < count; ++i)
    a += words[i];
  return a + b + c + d;
}

}  // namespace

MemoryBandwidth measure_memory_bandwidth(int threads, std::size_t bytes, int repeats) {
  const std::size_t words = std::max<std::size_t>(bytes / 8, 1024);
  std::vector<std::uint64_t> source(words, 1), target(words);  // written: pages are real
  ThreadPool pool(std::max(threads, 1));
  MemoryBandwidth best;
  volatile std::uint64_t sink = 0;
  constexpr std::int64_t kChunkWords = 1 << 16;
  const auto chunks = static_cast<std::int64_t>((words + kChunkWords - 1) / kChunkWords);
  for (int pass = 0; pass < std::max(repeats, 1); ++pass) {
    std::vector<std::uint64_t> partial(static_cast<std::size_t>(chunks));
    auto start = Clock::now();
    pool.parallel_for(chunks, [&](std::int64_t begin, std::int64_t end) {
      for (std::int64_t chunk = begin; chunk < end; ++chunk) {
        const std::int64_t first = chunk * kChunkWords;
        const std::int64_t count =
            std::min<std::int64_t>(kChunkWords, static_cast<std::int64_t>(words) - first);
        partial[static_cast<std::size_t>(chunk)] = sum_words(source.data() + first, count);
      }
    });
    best.read_bytes_per_second =
        std::max(best.read_bytes_per_second, words * 8.0 / seconds_since(start));
    for (const auto value : partial)
      sink = sink + value;
    start = Clock::now();
    std::memcpy(target.data(), source.data(), words * 8);
    best.copy_bytes_per_second =
        std::max(best.copy_bytes_per_second, words * 8.0 / seconds_since(start));
    sink = sink + target[words / 2];
  }
  return best;
}

}  // namespace codriver::llm::engine
