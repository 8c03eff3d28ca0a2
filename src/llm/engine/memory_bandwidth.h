#pragma once

#include <cstddef>

// What the memory system delivers on this machine, measured now: the ceiling for decoding,
// which reads every weight once per token.
namespace codriver::llm::engine {

struct MemoryBandwidth {
  double read_bytes_per_second = 0;  // streaming reads of a buffer far larger than the caches
  double copy_bytes_per_second = 0;  // memcpy: bytes copied (each read once and written once)
};

// Best of `repeats` passes over a buffer of `bytes` (default 512 MiB), using `threads`
// threads for the reads (decode reads with as many threads as it computes with).
MemoryBandwidth measure_memory_bandwidth(int threads, std::size_t bytes = std::size_t{512} << 20,
                                         int repeats = 5);

}  // namespace codriver::llm::engine
