// AVX-512 (F/BW/VL/DQ) kernels without VNNI: unsigned-by-signed byte products through
// vpmaddubsw + vpmaddwd. Compiled with the AVX-512 flags; see dot_avx512_impl.h.

#include "llm/engine/kernels/dot_avx512_impl.h"

namespace codriver::llm::engine::kernels {
namespace {

struct BwDot {
  static constexpr bool kExact = false;  // vpmaddubsw saturates its int16 pair sums
  // Products never saturate the int16 pair sums: |weights| <= 128, |activations| <= 127.
  static __m512i dot(__m512i unsigned_bytes, __m512i signed_bytes) {
    return _mm512_madd_epi16(_mm512_maddubs_epi16(unsigned_bytes, signed_bytes),
                             _mm512_set1_epi16(1));
  }
};

}  // namespace

KernelTable avx512_kernel_table() {
  return avx512_table<BwDot>();
}

}  // namespace codriver::llm::engine::kernels
