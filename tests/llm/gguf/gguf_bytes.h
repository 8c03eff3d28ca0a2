#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

// A tiny hand-written GGUF byte emitter for the reader's tests. It writes the format's
// fields byte by byte, little-endian, straight from the specification, so the tests check
// the reader against the format and not against another writer of this project.
namespace codriver::llm::gguf::testing {

// Value type numbers as the GGUF specification lists them.
enum Type : std::uint32_t {
  kU8 = 0,
  kI8 = 1,
  kU16 = 2,
  kI16 = 3,
  kU32 = 4,
  kI32 = 5,
  kF32 = 6,
  kBool = 7,
  kStr = 8,
  kArr = 9,
  kU64 = 10,
  kI64 = 11,
  kF64 = 12,
};

class Bytes {
 public:
  Bytes& u8(std::uint64_t v) { return little(v, 1); }
  Bytes& u16(std::uint64_t v) { return little(v, 2); }
  Bytes& u32(std::uint64_t v) { return little(v, 4); }
  Bytes& u64(std::uint64_t v) { return little(v, 8); }
  Bytes& i8(std::int64_t v) { return little(static_cast<std::uint64_t>(v), 1); }
  Bytes& i16(std::int64_t v) { return little(static_cast<std::uint64_t>(v), 2); }
  Bytes& i32(std::int64_t v) { return little(static_cast<std::uint64_t>(v), 4); }
  Bytes& i64(std::int64_t v) { return little(static_cast<std::uint64_t>(v), 8); }
  Bytes& f32(float v) { return u32(std::bit_cast<std::uint32_t>(v)); }
  Bytes& f64(double v) { return u64(std::bit_cast<std::uint64_t>(v)); }
  Bytes& raw(std::string_view text) {
    for (char c : text)
      data.push_back(static_cast<std::byte>(c));
    return *this;
  }
  Bytes& str(std::string_view text) { return u64(text.size()).raw(text); }
  Bytes& fill(std::size_t count, std::uint8_t value) {
    data.insert(data.end(), count, static_cast<std::byte>(value));
    return *this;
  }
  Bytes& pad_to(std::size_t alignment) {
    while (data.size() % alignment != 0)
      data.push_back(std::byte{0});
    return *this;
  }

  // "GGUF", version, tensor count, metadata count.
  Bytes& header(std::uint64_t tensors, std::uint64_t entries, std::uint32_t version = 3) {
    return raw("GGUF").u32(version).u64(tensors).u64(entries);
  }
  // A metadata key and its value type; the caller writes the value.
  Bytes& key(std::string_view name, std::uint32_t type) { return str(name).u32(type); }
  // A tensor info: name, dims (row length first), ggml type number, data offset.
  Bytes& tensor(std::string_view name, std::vector<std::uint64_t> dims, std::uint32_t type,
                std::uint64_t offset) {
    str(name).u32(dims.size());
    for (std::uint64_t d : dims)
      u64(d);
    return u32(type).u64(offset);
  }

  std::size_t size() const { return data.size(); }
  std::span<const std::byte> span() const { return data; }

  std::vector<std::byte> data;

 private:
  Bytes& little(std::uint64_t v, int width) {
    for (int i = 0; i < width; ++i)
      data.push_back(static_cast<std::byte>((v >> (8 * i)) & 0xFF));
    return *this;
  }
};

}  // namespace codriver::llm::gguf::testing
