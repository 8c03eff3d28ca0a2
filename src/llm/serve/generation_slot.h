#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

// The one generator a server has: one generation at a time. A request waits a bounded
// time for it, then is told the server is busy (429); once the server stops, waiting
// requests are told so at once (503).
namespace codriver::llm::serve {

class GenerationSlot {
 public:
  // Holding a lease is holding the generator; dropping it frees the slot.
  class Lease {
   public:
    explicit Lease(GenerationSlot& slot) : slot_(&slot) {}
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

   private:
    GenerationSlot* slot_;
  };

  // Throws ApiError 429 (code server_busy) when the slot stays taken for `wait`, 503
  // (code shutting_down) when the slot is closed.
  std::unique_ptr<Lease> acquire(std::chrono::milliseconds wait);
  // Refuses every later acquire and wakes the waiting ones.
  void close();

 private:
  void release();

  std::mutex mutex_;
  std::condition_variable changed_;
  bool busy_ = false;
  bool closed_ = false;
};

}  // namespace codriver::llm::serve
