#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace codriver::llm::engine {

// A fixed set of persistent worker threads for data-parallel loops. The calling thread
// works too, so ThreadPool(1) has no worker threads and runs everything inline.
//
// parallel_for hands out contiguous sub-ranges of [0, n); which thread runs which range
// varies from call to call, so callers must make each index's result independent of the
// partition (the kernels give each output row to exactly one thread).
//
// A call allocates nothing: workers are woken through an atomic generation counter, spin
// briefly (decode issues hundreds of calls per token, microseconds apart) and then sleep
// on it. The caller waits for the chunks, not for the workers: a worker that wakes late
// (descheduled on a busy machine) finds the job closed and leaves it, so it never holds
// the caller up. Calls from several threads are serialised; a parallel_for issued from
// inside a running job runs inline on the calling thread.
class ThreadPool {
 public:
  explicit ThreadPool(int threads);  // threads >= 1, counting the caller
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  // Runs fn(begin, end) over sub-ranges covering [0, n) exactly once and returns when all
  // have finished. The first exception thrown by fn is rethrown here (after the others
  // finish).
  void parallel_for(std::int64_t n, const std::function<void(std::int64_t, std::int64_t)>& fn);

 private:
  void worker_loop(std::uint32_t seen_generation);
  void run_chunks();
  void record_exception();
  void wait_for_chunks();

  std::vector<std::thread> workers_;
  std::mutex call_mutex_;  // one parallel_for at a time

  // The current job, published by bumping generation_.
  const std::function<void(std::int64_t, std::int64_t)>* job_ = nullptr;
  std::int64_t job_size_ = 0;
  std::int64_t chunk_size_ = 0;
  std::int64_t chunk_count_ = 0;
  std::atomic<std::int64_t> next_chunk_{0};
  std::atomic<std::int64_t> chunks_done_{0};
  std::atomic<std::uint32_t> generation_{0};
  // A worker counts itself in `active_workers_` before looking at `job_open_`; the caller
  // closes the job and then waits for the count to drop to zero, so no worker touches a
  // finished job's state (both sequentially consistent).
  std::atomic<bool> job_open_{false};
  std::atomic<int> active_workers_{0};
  std::atomic<bool> stopping_{false};

  std::mutex exception_mutex_;
  std::exception_ptr exception_;
};

}  // namespace codriver::llm::engine
