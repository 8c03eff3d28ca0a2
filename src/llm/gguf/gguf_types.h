#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

// The tensor and metadata value types of the GGUF format (version 3), with the block
// geometry of each weight type. Numbers are the format's own: they appear in files.
namespace codriver::llm::gguf {

enum class GgmlType : std::uint32_t {
  kF32 = 0,
  kF16 = 1,
  kQ4_0 = 2,
  kQ4_1 = 3,
  kQ5_0 = 6,
  kQ5_1 = 7,
  kQ8_0 = 8,
  kQ8_1 = 9,
  kQ2_K = 10,
  kQ3_K = 11,
  kQ4_K = 12,
  kQ5_K = 13,
  kQ6_K = 14,
  kQ8_K = 15,
  kBF16 = 30,
};

struct TypeTraits {
  std::string_view name;            // as llama.cpp prints it: "Q4_K", "BF16"
  std::uint32_t block_elements = 0; // weights per block (1 for F32/F16/BF16)
  std::uint32_t block_bytes = 0;    // bytes per block
  bool supported = false;           // the engine can compute with it
};

// Traits of a type number read from a file; nullopt when the format defines no such type.
std::optional<TypeTraits> type_traits(std::uint32_t raw_type);
TypeTraits type_traits(GgmlType type);
std::optional<GgmlType> type_from_name(std::string_view name);  // "Q8_0", "q4_k", "f16"

// Bytes of one row of `elements` weights; throws GgufError when `elements` is not a
// multiple of the type's block.
std::uint64_t row_bytes(GgmlType type, std::uint64_t elements);

enum class ValueType : std::uint32_t {
  kUint8 = 0,
  kInt8 = 1,
  kUint16 = 2,
  kInt16 = 3,
  kUint32 = 4,
  kInt32 = 5,
  kFloat32 = 6,
  kBool = 7,
  kString = 8,
  kArray = 9,
  kUint64 = 10,
  kInt64 = 11,
  kFloat64 = 12,
};

std::string_view value_type_name(ValueType type);

}  // namespace codriver::llm::gguf
