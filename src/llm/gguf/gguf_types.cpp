#include "llm/gguf/gguf_types.h"

#include <array>
#include <cctype>
#include <string>

#include "llm/gguf/gguf_file.h"

namespace codriver::llm::gguf {
namespace {

struct TypeEntry {
  GgmlType type;
  TypeTraits traits;
};

// Block geometry as the format defines it (ggml's type table): weights per block and
// bytes per block. `supported` marks what the engine computes with; the others are still
// read, so a file using them is rejected by the engine with a clear message, not here.
constexpr std::array<TypeEntry, 15> kTypes{{
    {GgmlType::kF32, {"F32", 1, 4, true}},
    {GgmlType::kF16, {"F16", 1, 2, true}},
    {GgmlType::kQ4_0, {"Q4_0", 32, 18, true}},
    {GgmlType::kQ4_1, {"Q4_1", 32, 20, false}},
    {GgmlType::kQ5_0, {"Q5_0", 32, 22, true}},
    {GgmlType::kQ5_1, {"Q5_1", 32, 24, false}},
    {GgmlType::kQ8_0, {"Q8_0", 32, 34, true}},
    {GgmlType::kQ8_1, {"Q8_1", 32, 36, false}},
    {GgmlType::kQ2_K, {"Q2_K", 256, 84, false}},
    {GgmlType::kQ3_K, {"Q3_K", 256, 110, false}},
    {GgmlType::kQ4_K, {"Q4_K", 256, 144, true}},
    {GgmlType::kQ5_K, {"Q5_K", 256, 176, true}},
    {GgmlType::kQ6_K, {"Q6_K", 256, 210, true}},
    {GgmlType::kQ8_K, {"Q8_K", 256, 292, false}},
    {GgmlType::kBF16, {"BF16", 1, 2, true}},
}};

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

}  // namespace

std::optional<TypeTraits> type_traits(std::uint32_t raw_type) {
  for (const TypeEntry& entry : kTypes) {
    if (static_cast<std::uint32_t>(entry.type) == raw_type) return entry.traits;
  }
  return std::nullopt;
}

TypeTraits type_traits(GgmlType type) {
  const auto traits = type_traits(static_cast<std::uint32_t>(type));
  if (!traits) {
    throw GgufError("unknown ggml tensor type " + std::to_string(static_cast<std::uint32_t>(type)));
  }
  return *traits;
}

std::optional<GgmlType> type_from_name(std::string_view name) {
  for (const TypeEntry& entry : kTypes) {
    if (equal_ignoring_case(entry.traits.name, name)) return entry.type;
  }
  return std::nullopt;
}

std::uint64_t row_bytes(GgmlType type, std::uint64_t elements) {
  const TypeTraits traits = type_traits(type);
  if (elements % traits.block_elements != 0) {
    throw GgufError("a row of " + std::to_string(elements) + " weights is not a multiple of the " +
                    std::string(traits.name) + " block of " +
                    std::to_string(traits.block_elements));
  }
  return elements / traits.block_elements * traits.block_bytes;
}

std::string_view value_type_name(ValueType type) {
  switch (type) {
    case ValueType::kUint8:
      return "uint8";
    case ValueType::kInt8:
      return "int8";
    case ValueType::kUint16:
      return "uint16";
    case ValueType::kInt16:
      return "int16";
    case ValueType::kUint32:
      return "uint32";
    case ValueType::kInt32:
      return "int32";
    case ValueType::kFloat32:
      return "float32";
    case ValueType::kBool:
      return "bool";
    case ValueType::kString:
      return "string";
    case ValueType::kArray:
      return "array";
    case ValueType::kUint64:
      return "uint64";
    case ValueType::kInt64:
      return "int64";
    case ValueType::kFloat64:
      return "float64";
  }
  return "unknown";
}

}  // namespace codriver::llm::gguf
