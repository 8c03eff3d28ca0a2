#include "llm/reference/reference_dequantize.h"

#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace codriver::llm::reference {

using gguf::GgmlType;

namespace {

// Every multi-byte field of a GGUF file is little-endian, whatever the host.
std::uint8_t byte_at(const std::byte* p, std::int64_t offset) {
  return static_cast<std::uint8_t>(p[offset]);
}

std::uint16_t u16_at(const std::byte* p, std::int64_t offset) {
  return static_cast<std::uint16_t>(byte_at(p, offset) | (byte_at(p, offset + 1) << 8));
}

std::uint32_t u32_at(const std::byte* p, std::int64_t offset) {
  return static_cast<std::uint32_t>(u16_at(p, offset)) |
         (static_cast<std::uint32_t>(u16_at(p, offset + 2)) << 16);
}

double half_at(const std::byte* p, std::int64_t offset) {
  return half_to_double(u16_at(p, offset));
}

std::string type_number(GgmlType type) {
  return std::to_string(static_cast<std::uint32_t>(type));
}

// Q8_0, 34 bytes: half d; int8 q[32]. w = d * q.
double q8_0_weight(const std::byte* block, int i) {
  return half_at(block, 0) * static_cast<std::int8_t>(byte_at(block, 2 + i));
}

// Q4_0, 18 bytes: half d; u8 qs[16]. Weight i < 16 is the low nibble of qs[i], weight
// i >= 16 the high nibble of qs[i - 16]; w = d * (nibble - 8).
double q4_0_weight(const std::byte* block, int i) {
  const std::uint8_t packed = byte_at(block, 2 + i % 16);
  const int nibble = i < 16 ? (packed & 0xF) : (packed >> 4);
  return half_at(block, 0) * (nibble - 8);
}

// Q5_0, 22 bytes: half d; u32 qh (bit i is weight i's fifth bit); u8 qs[16] (nibbles as in
// Q4_0). w = d * (nibble + 16 * bit - 16).
double q5_0_weight(const std::byte* block, int i) {
  const std::uint32_t high_bits = u32_at(block, 2);
  const std::uint8_t packed = byte_at(block, 6 + i % 16);
  const int nibble = i < 16 ? (packed & 0xF) : (packed >> 4);
  const int fifth_bit = static_cast<int>((high_bits >> i) & 1U);
  return half_at(block, 0) * (nibble + 16 * fifth_bit - 16);
}

// Q4_K and Q5_K share 12 bytes of eight 6-bit scales and eight 6-bit mins, one pair per
// 32-weight sub-block. Sub-blocks 0..3 keep their scale and min in the low 6 bits of bytes
// 0..3 and 4..7; sub-blocks 4..7 keep their low 4 bits in the nibbles of bytes 8..11 (scale
// low, min high) and their top 2 bits in the spare top bits of bytes 0..3 (scale) and 4..7
// (min).
struct ScaleAndMin {
  int scale = 0;
  int min = 0;
};

ScaleAndMin k_quant_scale_and_min(const std::byte* scales, int sub_block) {
  if (sub_block < 4) {
    return {byte_at(scales, sub_block) & 63, byte_at(scales, sub_block + 4) & 63};
  }
  const std::uint8_t low_nibbles = byte_at(scales, sub_block + 4);
  const int scale_top = byte_at(scales, sub_block - 4) >> 6;
  const int min_top = byte_at(scales, sub_block) >> 6;
  return {(low_nibbles & 0xF) | (scale_top << 4), (low_nibbles >> 4) | (min_top << 4)};
}

// The 4 low bits of weight i (0..255) of a Q4_K/Q5_K super-block: 128 bytes hold four
// 64-weight chunks of 32 bytes; in chunk c, byte l's low nibble is weight 64c + l and its
// high nibble weight 64c + 32 + l. So sub-block s uses byte 32*(s/2) + l, low nibble if s is
// even.
int k_quant_low_bits(const std::byte* qs, int i) {
  const int sub_block = i / 32;
  const int l = i % 32;
  const std::uint8_t packed = byte_at(qs, 32 * (sub_block / 2) + l);
  return sub_block % 2 == 0 ? (packed & 0xF) : (packed >> 4);
}

// Q4_K, 144 bytes: half d; half dmin; u8 scales[12]; u8 qs[128].
// w = d * scale(s) * q - dmin * min(s), s = i / 32.
double q4_k_weight(const std::byte* block, int i) {
  const ScaleAndMin sm = k_quant_scale_and_min(block + 4, i / 32);
  const int q = k_quant_low_bits(block + 16, i);
  return half_at(block, 0) * sm.scale * q - half_at(block, 2) * sm.min;
}

// Q5_K, 176 bytes: half d; half dmin; u8 scales[12]; u8 qh[32]; u8 qs[128]. The fifth bit
// of weight i is bit s (= i / 32) of qh[i % 32]. w = d * scale(s) * q - dmin * min(s).
double q5_k_weight(const std::byte* block, int i) {
  const int sub_block = i / 32;
  const ScaleAndMin sm = k_quant_scale_and_min(block + 4, sub_block);
  const int fifth_bit = (byte_at(block, 16 + i % 32) >> sub_block) & 1;
  const int q = k_quant_low_bits(block + 48, i) + 16 * fifth_bit;
  return half_at(block, 0) * sm.scale * q - half_at(block, 2) * sm.min;
}

// Q6_K, 210 bytes: u8 ql[128]; u8 qh[64]; int8 scales[16]; half d. Two halves of 128
// weights, each with 64 bytes of ql and 32 of qh. In half h, weight 128h + 32g + l
// (g = 0..3, l = 0..31) takes its low 4 bits from ql[64h + l + 32*(g % 2)] (low nibble for
// g < 2, high for g >= 2) and its top 2 bits from bits 2g, 2g+1 of qh[32h + l]. Each run of
// 16 weights has its own scale: w = d * scales[i / 16] * (q - 32).
double q6_k_weight(const std::byte* block, int i) {
  const int half = i / 128;
  const int group = (i % 128) / 32;
  const int l = i % 32;
  const std::uint8_t low_byte = byte_at(block, 64 * half + l + 32 * (group % 2));
  const int low_bits = group < 2 ? (low_byte & 0xF) : (low_byte >> 4);
  const int high_bits = (byte_at(block, 128 + 32 * half + l) >> (2 * group)) & 3;
  const int q = low_bits | (high_bits << 4);
  const int scale = static_cast<std::int8_t>(byte_at(block, 192 + i / 16));
  return half_at(block, 208) * scale * (q - 32);
}

}  // namespace

BlockGeometry block_geometry(GgmlType type) {
  switch (type) {
    case GgmlType::kF32:
      return {1, 4};
    case GgmlType::kF16:
    case GgmlType::kBF16:
      return {1, 2};
    case GgmlType::kQ8_0:
      return {32, 34};
    case GgmlType::kQ4_0:
      return {32, 18};
    case GgmlType::kQ5_0:
      return {32, 22};
    case GgmlType::kQ4_K:
      return {256, 144};
    case GgmlType::kQ5_K:
      return {256, 176};
    case GgmlType::kQ6_K:
      return {256, 210};
    default:
      throw std::invalid_argument("reference dequantisation: weight type " + type_number(type) +
                                  " is not one the reference reads (F32, F16, BF16, Q8_0, "
                                  "Q4_0, Q5_0, Q4_K, Q5_K, Q6_K)");
  }
}

std::int64_t reference_row_bytes(GgmlType type, std::int64_t elements) {
  const BlockGeometry geometry = block_geometry(type);
  if (elements < 0 || elements % geometry.elements != 0) {
    throw std::invalid_argument("reference dequantisation: a row of " + std::to_string(elements) +
                                " weights is not a whole number of " +
                                std::to_string(geometry.elements) + "-weight blocks of type " +
                                type_number(type));
  }
  return elements / geometry.elements * geometry.bytes;
}

double half_to_double(std::uint16_t bits) {
  const double sign = (bits & 0x8000U) != 0 ? -1.0 : 1.0;
  const int exponent = (bits >> 10) & 0x1F;
  const int mantissa = bits & 0x3FF;
  if (exponent == 0) return sign * std::ldexp(mantissa, -24);  // zero and subnormals
  if (exponent == 31) {
    return mantissa == 0 ? sign * std::numeric_limits<double>::infinity()
                         : std::numeric_limits<double>::quiet_NaN();
  }
  return sign * std::ldexp(1024 + mantissa, exponent - 25);
}

double bfloat16_to_double(std::uint16_t bits) {
  // bfloat16 is the top half of an IEEE float.
  return std::bit_cast<float>(static_cast<std::uint32_t>(bits) << 16);
}

double weight_at(GgmlType type, const std::byte* row, std::int64_t index) {
  const BlockGeometry geometry = block_geometry(type);
  const std::byte* block = row + index / geometry.elements * geometry.bytes;
  const int i = static_cast<int>(index % geometry.elements);
  switch (type) {
    case GgmlType::kF32:
      return std::bit_cast<float>(u32_at(block, 0));
    case GgmlType::kF16:
      return half_at(block, 0);
    case GgmlType::kBF16:
      return bfloat16_to_double(u16_at(block, 0));
    case GgmlType::kQ8_0:
      return q8_0_weight(block, i);
    case GgmlType::kQ4_0:
      return q4_0_weight(block, i);
    case GgmlType::kQ5_0:
      return q5_0_weight(block, i);
    case GgmlType::kQ4_K:
      return q4_k_weight(block, i);
    case GgmlType::kQ5_K:
      return q5_k_weight(block, i);
    case GgmlType::kQ6_K:
      return q6_k_weight(block, i);
    default:
      break;  // block_geometry has thrown already
  }
  throw std::logic_error("reference dequantisation: unhandled type " + type_number(type));
}

std::vector<double> dequantize_row(GgmlType type, const std::byte* row, std::int64_t elements) {
  reference_row_bytes(type, elements);  // validates the length
  std::vector<double> weights(static_cast<std::size_t>(elements));
  for (std::int64_t i = 0; i < elements; ++i)
    weights[i] = weight_at(type, row, i);
  return weights;
}

std::vector<double> dequantize_tensor(const gguf::TensorInfo& tensor) {
  const auto row_length = static_cast<std::int64_t>(tensor.row_length());
  const auto rows = static_cast<std::int64_t>(tensor.rows());
  const std::int64_t bytes_per_row = reference_row_bytes(tensor.type, row_length);
  if (static_cast<std::uint64_t>(bytes_per_row * rows) != tensor.bytes) {
    throw std::invalid_argument("reference dequantisation: tensor " + tensor.name + " holds " +
                                std::to_string(tensor.bytes) + " bytes, but " +
                                std::to_string(rows) + " rows of " + std::to_string(row_length) +
                                " weights of type " + type_number(tensor.type) + " take " +
                                std::to_string(bytes_per_row * rows));
  }
  std::vector<double> weights;
  weights.reserve(static_cast<std::size_t>(row_length * rows));
  for (std::int64_t r = 0; r < rows; ++r) {
    const std::vector<double> row =
        dequantize_row(tensor.type, tensor.data + r * bytes_per_row, row_length);
    weights.insert(weights.end(), row.begin(), row.end());
  }
  return weights;
}

}  // namespace codriver::llm::reference
