#include "llm/engine/thread_pool.h"

#include <algorithm>
#include <chrono>

#include "llm/engine/engine_error.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace codriver::llm::engine {
namespace {

// How long an idle thread spins before sleeping: long enough to bridge the gap between
// the matrix products of one token, short enough not to steal a shared core for long.
constexpr auto kSpinTime = std::chrono::microseconds(100);

// More chunks than threads, so a thread slowed by another process does not hold up the
// rest; few enough that handing them out costs nothing measurable.
constexpr std::int64_t kChunksPerThread = 4;

thread_local bool inside_job = false;

void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#else
  std::this_thread::yield();
#endif
}

// Waits until `value` differs from `old`: spins for kSpinTime, then sleeps on the atomic.
template <typename T>
void wait_for_change(const std::atomic<T>& value, T old) {
  const auto spin_until = std::chrono::steady_clock::now() + kSpinTime;
  for (int i = 0; value.load(std::memory_order_acquire) == old; ++i) {
    if (i % 64 == 63 && std::chrono::steady_clock::now() > spin_until) {
      value.wait(old, std::memory_order_acquire);
    } else {
      cpu_relax();
    }
  }
}

}  // namespace

ThreadPool::ThreadPool(int threads) {
  if (threads < 1) throw EngineError("a thread pool needs at least one thread");
  workers_.reserve(static_cast<std::size_t>(threads - 1));
  // Workers start from the generation of now, not of whenever their thread gets to run:
  // a job published in between must still be seen as new.
  const std::uint32_t start = generation_.load();
  for (int i = 1; i < threads; ++i)
    workers_.emplace_back([this, start] { worker_loop(start); });
}

ThreadPool::~ThreadPool() {
  stopping_.store(true, std::memory_order_release);
  generation_.fetch_add(1, std::memory_order_acq_rel);
  generation_.notify_all();
  for (std::thread& worker : workers_)
    worker.join();
}

void ThreadPool::parallel_for(std::int64_t n,
                              const std::function<void(std::int64_t, std::int64_t)>& fn) {
  if (n <= 0) return;
  if (workers_.empty() || n == 1 || inside_job) {
    fn(0, n);
    return;
  }
  const std::lock_guard<std::mutex> lock(call_mutex_);
  job_ = &fn;
  job_size_ = n;
  chunk_count_ = std::min<std::int64_t>(n, kChunksPerThread * size());
  chunk_size_ = (n + chunk_count_ - 1) / chunk_count_;
  chunk_count_ = (n + chunk_size_ - 1) / chunk_size_;
  next_chunk_.store(0, std::memory_order_relaxed);
  chunks_done_.store(0, std::memory_order_relaxed);
  exception_ = nullptr;
  job_open_.store(true);
  generation_.fetch_add(1, std::memory_order_release);
  generation_.notify_all();

  run_chunks();
  wait_for_chunks();

  // No worker may still be inside the job when `fn` (the caller's) goes out of scope or
  // the next job is written; late ones see it closed and do not enter.
  job_open_.store(false);
  for (int spins = 0; active_workers_.load() != 0; ++spins) {
    if (spins < 1000) {
      cpu_relax();
    } else {
      std::this_thread::yield();  // it was descheduled inside the job: let it run
    }
  }
  job_ = nullptr;
  if (exception_) std::rethrow_exception(exception_);
}

void ThreadPool::wait_for_chunks() {
  for (std::int64_t done = chunks_done_.load(std::memory_order_acquire); done != chunk_count_;
       done = chunks_done_.load(std::memory_order_acquire)) {
    wait_for_change(chunks_done_, done);
  }
}

void ThreadPool::run_chunks() {
  inside_job = true;
  for (;;) {
    const std::int64_t chunk = next_chunk_.fetch_add(1, std::memory_order_relaxed);
    if (chunk >= chunk_count_) break;
    const std::int64_t begin = chunk * chunk_size_;
    const std::int64_t end = std::min(job_size_, begin + chunk_size_);
    try {
      (*job_)(begin, end);
    } catch (...) {
      record_exception();
    }
    if (chunks_done_.fetch_add(1, std::memory_order_acq_rel) + 1 == chunk_count_) {
      chunks_done_.notify_all();
    }
  }
  inside_job = false;
}

void ThreadPool::record_exception() {
  const std::lock_guard<std::mutex> lock(exception_mutex_);
  if (!exception_) exception_ = std::current_exception();
}

void ThreadPool::worker_loop(std::uint32_t seen) {
  for (;;) {
    wait_for_change(generation_, seen);
    seen = generation_.load(std::memory_order_acquire);
    if (stopping_.load(std::memory_order_acquire)) return;
    active_workers_.fetch_add(1);
    if (job_open_.load()) run_chunks();
    active_workers_.fetch_sub(1);
  }
}

}  // namespace codriver::llm::engine
