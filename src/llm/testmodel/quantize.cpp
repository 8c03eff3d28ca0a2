#include "llm/testmodel/quantize.h"

#include <cstring>
#include <stdexcept>
#include <string>

#include "llm/testmodel/quantize_common.h"

namespace codriver::llm::testmodel {
namespace {

using detail::store_u16;
using gguf::GgmlType;

template <typename EncodeBlock>
void each_block(std::span<const float> row, std::span<std::byte> out, std::size_t weights,
                std::size_t bytes, EncodeBlock encode) {
  for (std::size_t b = 0; b < row.size() / weights; ++b) {
    encode(row.data() + b * weights, out.data() + b * bytes);
  }
}

}  // namespace

void quantize_row(GgmlType type, std::span<const float> row, std::span<std::byte> out) {
  if (out.size() != gguf::row_bytes(type, row.size())) {
    throw std::invalid_argument("quantize_row: output of " + std::to_string(out.size()) +
                                " bytes for a row of " + std::to_string(row.size()) + " " +
                                std::string(gguf::type_traits(type).name) + " weights");
  }
  switch (type) {
    case GgmlType::kF32:
      for (std::size_t i = 0; i < row.size(); ++i) {
        std::uint32_t bits;
        std::memcpy(&bits, &row[i], 4);
        for (int k = 0; k < 4; ++k)
          out[4 * i + k] = static_cast<std::byte>(bits >> (8 * k));
      }
      return;
    case GgmlType::kF16:
      for (std::size_t i = 0; i < row.size(); ++i)
        store_u16(&out[2 * i], float_to_half(row[i]));
      return;
    case GgmlType::kBF16:
      for (std::size_t i = 0; i < row.size(); ++i) {
        store_u16(&out[2 * i], float_to_bfloat16(row[i]));
      }
      return;
    case GgmlType::kQ8_0:
      return each_block(row, out, 32, 34, blocks::q8_0);
    case GgmlType::kQ4_0:
      return each_block(row, out, 32, 18, blocks::q4_0);
    case GgmlType::kQ5_0:
      return each_block(row, out, 32, 22, blocks::q5_0);
    case GgmlType::kQ4_K:
      return each_block(row, out, 256, 144, blocks::q4_k);
    case GgmlType::kQ5_K:
      return each_block(row, out, 256, 176, blocks::q5_k);
    case GgmlType::kQ6_K:
      return each_block(row, out, 256, 210, blocks::q6_k);
    default:
      throw std::invalid_argument("the test-model generator cannot write " +
                                  std::string(gguf::type_traits(type).name) + " weights");
  }
}

}  // namespace codriver::llm::testmodel
