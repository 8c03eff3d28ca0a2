#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "llm/gguf/gguf_types.h"

// A GGUF v3 file, read in place: the file is memory-mapped, metadata strings and tensor
// data are views into the mapping (valid while the GgufFile lives). Every offset and
// length is checked against the file before use, so a truncated or hostile file gives a
// GgufError naming what is wrong and where, never a read out of bounds.
namespace codriver::llm::gguf {

class GgufError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MetadataValue;
using MetadataArray = std::vector<MetadataValue>;

// One metadata value. Integers keep their signedness (bool is stored as uint64 0/1 with
// type kBool); floats of both widths are doubles; strings view the mapping.
struct MetadataValue {
  ValueType type = ValueType::kUint8;
  std::variant<std::uint64_t, std::int64_t, double, std::string_view, MetadataArray> value;
};

struct TensorInfo {
  std::string name;
  std::vector<std::uint64_t> dims;  // GGUF order: dims[0] is the row length
  GgmlType type = GgmlType::kF32;
  std::uint64_t offset = 0;         // from the start of the data section
  std::uint64_t bytes = 0;
  const std::byte* data = nullptr;  // into the mapping

  std::uint64_t elements() const;
  std::uint64_t row_length() const { return dims.empty() ? 1 : dims[0]; }
  std::uint64_t rows() const { return row_length() == 0 ? 0 : elements() / row_length(); }
};

class GgufFile {
 public:
  // Maps and validates the file. Throws GgufError (bad magic, unsupported version,
  // truncated header/metadata/tensor table, tensor data out of bounds or misaligned,
  // unknown tensor type, duplicate key or tensor name, absurd counts).
  static GgufFile open(const std::filesystem::path& path);
  // Validates a buffer the caller keeps alive (fuzzing, tests).
  static GgufFile parse(std::span<const std::byte> bytes);

  GgufFile(GgufFile&&) noexcept;
  GgufFile& operator=(GgufFile&&) noexcept;
  ~GgufFile();

  std::uint32_t version() const { return version_; }
  std::uint64_t alignment() const { return alignment_; }
  std::uint64_t file_size() const { return bytes_.size(); }

  const std::map<std::string, MetadataValue, std::less<>>& metadata() const { return metadata_; }
  const MetadataValue* find(std::string_view key) const;
  bool contains(std::string_view key) const { return find(key) != nullptr; }

  // Typed reads; each throws GgufError naming the key when it is missing or of a type
  // that cannot represent the request (a negative int as unsigned, a string as number).
  std::uint64_t get_uint(std::string_view key) const;
  std::int64_t get_int(std::string_view key) const;
  double get_float(std::string_view key) const;  // any numeric type
  bool get_bool(std::string_view key) const;
  std::string_view get_string(std::string_view key) const;
  std::vector<std::string_view> get_string_array(std::string_view key) const;
  std::vector<std::int64_t> get_int_array(std::string_view key) const;
  std::vector<double> get_float_array(std::string_view key) const;

  // The same with a default for a missing key (a present key of the wrong type throws).
  std::uint64_t get_uint_or(std::string_view key, std::uint64_t fallback) const;
  double get_float_or(std::string_view key, double fallback) const;
  bool get_bool_or(std::string_view key, bool fallback) const;
  std::string_view get_string_or(std::string_view key, std::string_view fallback) const;

  const std::vector<TensorInfo>& tensors() const { return tensors_; }
  const TensorInfo* find_tensor(std::string_view name) const;
  const TensorInfo& tensor(std::string_view name) const;  // throws GgufError if absent

 private:
  GgufFile() = default;
  struct Mapping;
  std::unique_ptr<Mapping> mapping_;  // null for parse()
  std::span<const std::byte> bytes_;
  std::uint32_t version_ = 0;
  std::uint64_t alignment_ = 32;
  std::map<std::string, MetadataValue, std::less<>> metadata_;
  std::vector<TensorInfo> tensors_;
  std::map<std::string, std::size_t, std::less<>> tensor_index_;
};

}  // namespace codriver::llm::gguf
