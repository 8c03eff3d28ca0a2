#include "llm/gguf/byte_cursor.h"

#include <bit>
#include <cstring>

#include "llm/gguf/gguf_file.h"

namespace codriver::llm::gguf {

static_assert(std::endian::native == std::endian::little,
              "the GGUF reader views little-endian file data in place");

namespace {

template <typename T>
T load(const std::byte* at) {
  T value;
  std::memcpy(&value, at, sizeof(T));
  return value;
}

}  // namespace

std::string ByteCursor::describe(std::string_view what) const {
  std::string text(what);
  if (!context_.empty()) text += " of " + std::string(context_);
  return text;
}

void ByteCursor::fail(const std::string& message) const {
  std::string text = message;
  if (!context_.empty()) text += " (in " + std::string(context_) + ")";
  throw GgufError(text);
}

const std::byte* ByteCursor::take(std::size_t count, std::string_view what) {
  if (count > remaining()) {
    throw GgufError("truncated at byte " + std::to_string(position_) + " while reading " +
                    describe(what) + ": " + std::to_string(count) + " bytes needed, " +
                    std::to_string(remaining()) + " left in a file of " + std::to_string(size()) +
                    " bytes");
  }
  const std::byte* at = bytes_.data() + position_;
  position_ += count;
  return at;
}

std::uint8_t ByteCursor::read_u8(std::string_view what) {
  return load<std::uint8_t>(take(1, what));
}

std::uint16_t ByteCursor::read_u16(std::string_view what) {
  return load<std::uint16_t>(take(2, what));
}

std::uint32_t ByteCursor::read_u32(std::string_view what) {
  return load<std::uint32_t>(take(4, what));
}

std::uint64_t ByteCursor::read_u64(std::string_view what) {
  return load<std::uint64_t>(take(8, what));
}

std::string_view ByteCursor::read_string(std::string_view what) {
  const std::size_t length_at = position_;
  const std::uint64_t length = read_u64(what);
  if (length > remaining()) {
    throw GgufError("string length " + std::to_string(length) + " at byte " +
                    std::to_string(length_at) + " runs past the end of the file (" +
                    std::to_string(remaining()) + " bytes left of " + std::to_string(size()) +
                    ") while reading " + describe(what));
  }
  const std::byte* at = take(static_cast<std::size_t>(length), what);
  return {reinterpret_cast<const char*>(at), static_cast<std::size_t>(length)};
}

}  // namespace codriver::llm::gguf
