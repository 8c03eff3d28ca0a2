#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "llm/gguf/gguf_types.h"

// The generator's own GGUF v3 writer. Metadata and tensor infos are declared first; then
// the header is written and each tensor's data streamed in declaration order (a 1.5B model
// never has to be held in memory), each padded to the alignment.
namespace codriver::llm::testmodel {

class GgufWriter {
 public:
  // Records general.alignment (u32) as the first metadata entry.
  explicit GgufWriter(std::uint32_t alignment = 32);

  void add_string(std::string_view key, std::string_view value);
  void add_uint32(std::string_view key, std::uint32_t value);
  void add_uint64(std::string_view key, std::uint64_t value);
  void add_float32(std::string_view key, float value);
  void add_bool(std::string_view key, bool value);
  void add_string_array(std::string_view key, const std::vector<std::string>& values);
  void add_int32_array(std::string_view key, const std::vector<std::int32_t>& values);

  // Declares a tensor (dims in GGUF order, row length first); returns its byte size.
  std::uint64_t add_tensor(std::string_view name, const std::vector<std::uint64_t>& dims,
                           gguf::GgmlType type);

  // Writes magic, counts, metadata, tensor infos and the padding before the data section.
  void write_header(std::ostream& out);
  // Appends bytes of the current tensor (the first one not finished yet).
  void write_data(std::ostream& out, std::span<const std::byte> bytes);
  // Checks the current tensor got all its bytes and pads to the alignment.
  void end_tensor(std::ostream& out);
  // Checks every declared tensor was written.
  void finish() const;

  std::uint64_t data_bytes() const { return next_offset_; }

 private:
  struct Tensor {
    std::uint64_t bytes = 0;
    std::uint64_t offset = 0;
  };
  void add_key(std::string_view key, std::uint32_t type);
  void pad(std::ostream& out, std::uint64_t written);

  std::uint32_t alignment_;
  std::string metadata_;  // encoded entries
  std::uint64_t metadata_count_ = 0;
  std::set<std::string, std::less<>> keys_;
  std::string tensor_infos_;  // encoded infos
  std::vector<Tensor> tensors_;
  std::set<std::string, std::less<>> tensor_names_;
  std::uint64_t next_offset_ = 0;
  std::size_t current_ = 0;            // tensor being written
  std::uint64_t current_written_ = 0;  // its bytes so far
  bool header_written_ = false;
};

}  // namespace codriver::llm::testmodel
