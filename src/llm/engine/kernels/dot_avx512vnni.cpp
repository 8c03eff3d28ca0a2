// AVX-512 kernels with VNNI: vpdpbusd multiplies unsigned by signed bytes and sums each
// four into int32 in one instruction. Compiled with the AVX-512 + VNNI flags; see
// dot_avx512_impl.h.

#include "llm/engine/kernels/dot_avx512_impl.h"

namespace codriver::llm::engine::kernels {
namespace {

struct VnniDot {
  static constexpr bool kExact = true;  // no intermediate saturation
  static __m512i dot(__m512i unsigned_bytes, __m512i signed_bytes) {
    return _mm512_dpbusd_epi32(_mm512_setzero_si512(), unsigned_bytes, signed_bytes);
  }
};

}  // namespace

KernelTable avx512vnni_kernel_table() {
  return avx512_table<VnniDot>();
}

}  // namespace codriver::llm::engine::kernels
