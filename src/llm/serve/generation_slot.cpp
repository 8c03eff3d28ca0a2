#include "llm/serve/generation_slot.h"

#include "llm/serve/api_error.h"

namespace codriver::llm::serve {
namespace {

ApiError shutting_down() {
  return ApiError(503, "server_error", "shutting_down", "The server is shutting down.");
}

}  // namespace

GenerationSlot::Lease::~Lease() {
  slot_->release();
}

std::unique_ptr<GenerationSlot::Lease> GenerationSlot::acquire(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  if (!changed_.wait_for(lock, wait, [this] { return closed_ || !busy_; })) {
    throw ApiError(429, "rate_limit_error", "server_busy",
                   "The model is busy with another request; retry in a moment.");
  }
  if (closed_) throw shutting_down();
  busy_ = true;
  return std::make_unique<Lease>(*this);
}

void GenerationSlot::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

void GenerationSlot::release() {
  {
    std::lock_guard lock(mutex_);
    busy_ = false;
  }
  changed_.notify_one();
}

}  // namespace codriver::llm::serve
