// libFuzzer target for the GGUF reader (src/llm/gguf/gguf_file.h): each input is a whole
// .gguf file. GgufFile::parse must either refuse it with a GgufError or accept it with
// every metadata value and tensor inside the input; everything accepted is then walked:
// all metadata (nested arrays, string bytes), the typed getters on every key, and the first
// and last byte of every tensor's data.
//
// Besides crashes, sanitizer reports and escaping exceptions, these are findings (reported
// through __builtin_trap): a string or tensor viewing memory outside the input, a tensor
// offset not a multiple of the alignment, a tensor whose byte size disagrees with its type
// and shape, or an alignment that is not a power of two.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "llm/gguf/gguf_file.h"

namespace {

using codriver::llm::gguf::GgufError;
using codriver::llm::gguf::GgufFile;
using codriver::llm::gguf::MetadataArray;
using codriver::llm::gguf::MetadataValue;
using codriver::llm::gguf::TensorInfo;
using codriver::llm::gguf::ValueType;

void check(bool condition) {
  if (!condition) __builtin_trap();
}

bool inside(const void* begin, std::size_t length, std::span<const std::byte> input) {
  const auto* first = static_cast<const std::byte*>(begin);
  return first >= input.data() && length <= input.size() &&
         first <= input.data() + (input.size() - length);
}

// Sums bytes so the reads cannot be optimised away.
std::uint64_t walk(const MetadataValue& value, std::span<const std::byte> input) {
  if (const auto* text = std::get_if<std::string_view>(&value.value)) {
    check(value.type == ValueType::kString);
    check(text->empty() || inside(text->data(), text->size(), input));
    std::uint64_t sum = 0;
    for (char c : *text)
      sum += static_cast<unsigned char>(c);
    return sum;
  }
  if (const auto* array = std::get_if<MetadataArray>(&value.value)) {
    check(value.type == ValueType::kArray);
    std::uint64_t sum = array->size();
    for (const MetadataValue& element : *array)
      sum += walk(element, input);
    return sum;
  }
  return static_cast<std::uint64_t>(value.type);
}

template <typename Read>
void try_read(Read read) {
  try {
    (void)read();
  } catch (const GgufError&) {
  }
}

void read_every_way(const GgufFile& file, std::string_view key) {
  try_read([&] { return file.get_uint(key); });
  try_read([&] { return file.get_int(key); });
  try_read([&] { return file.get_float(key); });
  try_read([&] { return file.get_bool(key); });
  try_read([&] { return file.get_string(key); });
  try_read([&] { return file.get_string_array(key).size(); });
  try_read([&] { return file.get_int_array(key).size(); });
  try_read([&] { return file.get_float_array(key).size(); });
}

std::uint64_t touch(const TensorInfo& tensor, const GgufFile& file,
                    std::span<const std::byte> input) {
  check(tensor.offset % file.alignment() == 0);
  check(tensor.bytes ==
        codriver::llm::gguf::row_bytes(tensor.type, tensor.row_length()) * tensor.rows());
  check(tensor.bytes > 0 && inside(tensor.data, tensor.bytes, input));
  check(file.find_tensor(tensor.name) == &tensor);
  return std::to_integer<std::uint64_t>(tensor.data[0]) +
         std::to_integer<std::uint64_t>(tensor.data[tensor.bytes - 1]);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::byte> input(reinterpret_cast<const std::byte*>(data), size);
  try {
    const GgufFile file = GgufFile::parse(input);
    check(std::has_single_bit(file.alignment()));
    volatile std::uint64_t sum = 0;
    for (const auto& [key, value] : file.metadata()) {
      sum = sum + walk(value, input);
      read_every_way(file, key);
    }
    for (const TensorInfo& tensor : file.tensors())
      sum = sum + touch(tensor, file, input);
  } catch (const GgufError&) {
  }
  return 0;
}
