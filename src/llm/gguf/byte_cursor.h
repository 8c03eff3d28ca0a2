#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

// A bounds-checked little-endian reader over a GGUF file's bytes (internal to the reader).
// Every read names what it reads, so a short or hostile file gives "truncated at byte N
// while reading X of Y" instead of a read past the end.
namespace codriver::llm::gguf {

class ByteCursor {
 public:
  explicit ByteCursor(std::span<const std::byte> bytes) : bytes_(bytes) {}

  std::size_t position() const { return position_; }
  std::size_t remaining() const { return bytes_.size() - position_; }
  std::size_t size() const { return bytes_.size(); }

  // What is being read ("metadata key 'general.name'"), added to error messages. The
  // caller keeps the viewed text alive while it is set.
  void set_context(std::string_view context) { context_ = context; }

  std::uint8_t read_u8(std::string_view what);
  std::uint16_t read_u16(std::string_view what);
  std::uint32_t read_u32(std::string_view what);
  std::uint64_t read_u64(std::string_view what);
  // A GGUF string: u64 byte length, then the bytes (no terminator).
  std::string_view read_string(std::string_view what);

  // Throws GgufError with `message`, the current context and position.
  [[noreturn]] void fail(const std::string& message) const;

 private:
  const std::byte* take(std::size_t count, std::string_view what);
  std::string describe(std::string_view what) const;

  std::span<const std::byte> bytes_;
  std::size_t position_ = 0;
  std::string_view context_;
};

}  // namespace codriver::llm::gguf
