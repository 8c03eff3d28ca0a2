#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "llm/gguf/gguf_types.h"

// A minimal GGUF v3 byte emitter for the reference's own tests: a few metadata types and raw
// tensor bytes, laid out as the format defines (header, key/values, tensor infos, data padded
// to 32 bytes). Kept apart from the generator's writer on purpose: the reference is checked
// without the code it will later judge.
namespace codriver::llm::reference::testing {

class TinyGgufWriter {
 public:
  void add_uint32(const std::string& key, std::uint32_t value) {
    key_header(key, 4);
    put_u32(metadata_, value);
  }
  void add_float32(const std::string& key, float value) {
    key_header(key, 6);
    put_u32(metadata_, std::bit_cast<std::uint32_t>(value));
  }
  void add_string(const std::string& key, const std::string& value) {
    key_header(key, 8);
    put_string(metadata_, value);
  }

  // `data` must already hold the tensor in its type's layout.
  void add_tensor(const std::string& name, const std::vector<std::uint64_t>& dims,
                  gguf::GgmlType type, const std::vector<std::byte>& data) {
    pad(data_);
    put_string(infos_, name);
    put_u32(infos_, static_cast<std::uint32_t>(dims.size()));
    for (const std::uint64_t d : dims)
      put_u64(infos_, d);
    put_u32(infos_, static_cast<std::uint32_t>(type));
    put_u64(infos_, data_.size());
    data_.insert(data_.end(), data.begin(), data.end());
    ++tensor_count_;
  }

  void add_f32_tensor(const std::string& name, const std::vector<std::uint64_t>& dims,
                      const std::vector<float>& values) {
    std::vector<std::byte> data;
    for (const float v : values)
      put_u32(data, std::bit_cast<std::uint32_t>(v));
    add_tensor(name, dims, gguf::GgmlType::kF32, data);
  }

  std::vector<std::byte> bytes() const {
    std::vector<std::byte> out;
    for (const char c : std::string("GGUF"))
      out.push_back(static_cast<std::byte>(c));
    put_u32(out, 3);
    put_u64(out, tensor_count_);
    put_u64(out, metadata_count_);
    out.insert(out.end(), metadata_.begin(), metadata_.end());
    out.insert(out.end(), infos_.begin(), infos_.end());
    pad(out);
    out.insert(out.end(), data_.begin(), data_.end());
    pad(out);
    return out;
  }

 private:
  static constexpr std::size_t kAlignment = 32;  // general.alignment's default

  void key_header(const std::string& key, std::uint32_t value_type) {
    put_string(metadata_, key);
    put_u32(metadata_, value_type);
    ++metadata_count_;
  }
  static void put_u32(std::vector<std::byte>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
      out.push_back(static_cast<std::byte>((v >> (8 * i)) & 0xFF));
  }
  static void put_u64(std::vector<std::byte>& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i)
      out.push_back(static_cast<std::byte>((v >> (8 * i)) & 0xFF));
  }
  static void put_string(std::vector<std::byte>& out, const std::string& s) {
    put_u64(out, s.size());
    for (const char c : s)
      out.push_back(static_cast<std::byte>(c));
  }
  static void pad(std::vector<std::byte>& out) {
    while (out.size() % kAlignment != 0)
      out.push_back(std::byte{0});
  }

  std::vector<std::byte> metadata_, infos_, data_;
  std::uint64_t metadata_count_ = 0;
  std::uint64_t tensor_count_ = 0;
};

}  // namespace codriver::llm::reference::testing
