// Malformed GGUF files: each is refused with a GgufError naming the problem, and no input,
// however truncated or damaged, makes the reader crash or read out of bounds.
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "llm/gguf/gguf_bytes.h"
#include "llm/gguf/gguf_file.h"

namespace codriver::llm::gguf {
namespace {

using testing::Bytes;
namespace t = testing;

// The GgufError message parsing `bytes` gives; fails the test when it parses.
std::string parse_error(const Bytes& bytes) {
  try {
    GgufFile::parse(bytes.span());
  } catch (const GgufError& error) {
    return error.what();
  }
  ADD_FAILURE() << "the input was accepted";
  return "";
}

#define EXPECT_MENTIONS(text, part) \
  EXPECT_NE((text).find(part), std::string::npos) << "message: " << (text)

TEST(GgufErrors, BadMagic) {
  Bytes b;
  b.raw("GGML").u32(3).u64(0).u64(0);
  const std::string message = parse_error(b);
  EXPECT_MENTIONS(message, "bad magic");
  EXPECT_MENTIONS(message, "47 47 4d 4c");
}

TEST(GgufErrors, TooShortForTheMagic) {
  Bytes b;
  b.raw("GG");
  EXPECT_MENTIONS(parse_error(b), "truncated at byte 0");
  EXPECT_MENTIONS(parse_error(Bytes{}), "truncated at byte 0");
}

TEST(GgufErrors, Versions) {
  Bytes v1;
  v1.header(0, 0, 1);
  EXPECT_MENTIONS(parse_error(v1), "unsupported GGUF version 1");
  Bytes v4;
  v4.header(0, 0, 4);
  EXPECT_MENTIONS(parse_error(v4), "unsupported GGUF version 4");
  Bytes big_endian;
  big_endian.raw("GGUF").raw(std::string("\0\0\0\3", 4)).u64(0).u64(0);
  EXPECT_MENTIONS(parse_error(big_endian), "big-endian");
}

TEST(GgufErrors, TruncatedHeaderNamesTheField) {
  Bytes b;
  b.raw("GGUF").u32(3).u64(0).u32(0);  // the metadata count is cut in half
  const std::string message = parse_error(b);
  EXPECT_MENTIONS(message, "truncated at byte 16");
  EXPECT_MENTIONS(message, "metadata entry count");
}

TEST(GgufErrors, AbsurdCounts) {
  Bytes tensors;
  tensors.header(std::uint64_t{1} << 40, 0);
  EXPECT_MENTIONS(parse_error(tensors), "tensor count 1099511627776 is absurd");
  Bytes entries;
  entries.header(0, 1000);
  EXPECT_MENTIONS(parse_error(entries), "metadata entry count 1000 is absurd");
  Bytes array;
  array.header(0, 1).key("a", t::kArr).u32(t::kU64).u64(1000).u64(1);
  const std::string message = parse_error(array);
  EXPECT_MENTIONS(message, "array of 1000 uint64 elements");
  EXPECT_MENTIONS(message, "metadata key 'a'");
  Bytes strings;
  strings.header(0, 1).key("s", t::kArr).u32(t::kStr).u64(std::uint64_t{1} << 62);
  EXPECT_MENTIONS(parse_error(strings), "cannot fit");
}

TEST(GgufErrors, StringLengthBeyondTheFile) {
  Bytes key;
  key.header(0, 1).u64(1000).raw("general.name");
  std::string message = parse_error(key);
  EXPECT_MENTIONS(message, "string length 1000 at byte 24 runs past the end");
  EXPECT_MENTIONS(message, "the key of metadata entry #0");
  Bytes value;
  value.header(0, 1).key("general.name", t::kStr).u64(std::numeric_limits<std::uint64_t>::max());
  message = parse_error(value);
  EXPECT_MENTIONS(message, "string length 18446744073709551615");
  EXPECT_MENTIONS(message, "metadata key 'general.name'");
}

TEST(GgufErrors, UnknownValueType) {
  Bytes b;
  b.header(0, 1).key("general.x", 13).u32(0);
  const std::string message = parse_error(b);
  EXPECT_MENTIONS(message, "unknown metadata value type 13");
  EXPECT_MENTIONS(message, "general.x");
  Bytes element;
  element.header(0, 1).key("arr", t::kArr).u32(99).u64(1).u32(0);
  EXPECT_MENTIONS(parse_error(element), "unknown metadata value type 99");
}

TEST(GgufErrors, BadBool) {
  Bytes b;
  b.header(0, 1).key("flag", t::kBool).u8(2);
  EXPECT_MENTIONS(parse_error(b), "bool value 2");
}

TEST(GgufErrors, ArraysNestedTooDeep) {
  Bytes b;
  b.header(0, 1).key("deep", t::kArr);
  for (int i = 0; i < 9; ++i)
    b.u32(t::kArr).u64(1);
  b.u32(t::kU8).u64(1).u8(0);
  EXPECT_MENTIONS(parse_error(b), "nested deeper than 8");
}

TEST(GgufErrors, DuplicateKey) {
  Bytes b;
  b.header(0, 2).key("k", t::kU8).u8(1).key("k", t::kU8).u8(2);
  EXPECT_MENTIONS(parse_error(b), "duplicate metadata key 'k'");
}

// A file with one tensor of `type` and `dims` at `offset`, and `data_bytes` of data.
Bytes one_tensor(std::vector<std::uint64_t> dims, std::uint32_t type, std::uint64_t offset,
                 std::size_t data_bytes) {
  Bytes b;
  b.header(1, 0).tensor("blk.0.attn_q.weight", std::move(dims), type, offset);
  b.pad_to(32).fill(data_bytes, 0x55);
  return b;
}

TEST(GgufErrors, UnknownTensorType) {
  for (std::uint32_t type : {4u, 5u, 20u, 99u}) {
    const std::string message = parse_error(one_tensor({32}, type, 0, 64));
    EXPECT_MENTIONS(message, "unknown tensor type " + std::to_string(type));
    EXPECT_MENTIONS(message, "blk.0.attn_q.weight");
  }
}

TEST(GgufErrors, TensorDataOutOfBounds) {
  // 64 Q8_0 weights need 68 bytes; give 67.
  std::string message = parse_error(one_tensor({64}, 8, 0, 67));
  EXPECT_MENTIONS(message, "'blk.0.attn_q.weight': data out of bounds");
  EXPECT_MENTIONS(message, "68 bytes at offset 0");
  message = parse_error(one_tensor({4}, 0, std::uint64_t{1} << 62, 16));
  EXPECT_MENTIONS(message, "data out of bounds");
}

TEST(GgufErrors, MisalignedOffset) {
  const std::string message = parse_error(one_tensor({4}, 0, 16, 64));
  EXPECT_MENTIONS(message, "offset 16 is not a multiple of the alignment 32");
}

TEST(GgufErrors, RowNotAMultipleOfTheBlock) {
  std::string message = parse_error(one_tensor({33, 2}, 8, 0, 200));
  EXPECT_MENTIONS(message, "row length 33 is not a multiple of the Q8_0 block size 32");
  message = parse_error(one_tensor({896, 1}, 12, 0, 1024));
  EXPECT_MENTIONS(message, "row length 896 is not a multiple of the Q4_K block size 256");
}

TEST(GgufErrors, Dimensions) {
  EXPECT_MENTIONS(parse_error(one_tensor({1u << 31, 1u << 31, 4}, 0, 0, 32)), "product overflows");
  Bytes none;
  none.header(1, 0).str("t").u32(0).u32(0).u64(0).pad_to(32);
  EXPECT_MENTIONS(parse_error(none), "tensor has 0 dimensions");
  Bytes five;
  five.header(1, 0).str("t").u32(5);
  for (int i = 0; i < 5; ++i)
    five.u64(1);
  five.u32(0).u64(0).pad_to(32).fill(4, 0);
  EXPECT_MENTIONS(parse_error(five), "tensor has 5 dimensions");
  EXPECT_MENTIONS(parse_error(one_tensor({4, 0}, 0, 0, 32)), "dimension 1 is zero");
}

TEST(GgufErrors, DuplicateTensorName) {
  Bytes b;
  b.header(2, 0).tensor("w", {8}, 0, 0).tensor("w", {8}, 0, 32).pad_to(32).fill(64, 0);
  EXPECT_MENTIONS(parse_error(b), "duplicate tensor name 'w'");
}

TEST(GgufErrors, BadAlignment) {
  for (std::uint32_t alignment : {0u, 48u, 3u}) {
    Bytes b;
    b.header(0, 1).key("general.alignment", t::kU32).u32(alignment);
    EXPECT_MENTIONS(parse_error(b),
                    "general.alignment " + std::to_string(alignment) + " is not a power of two");
  }
  Bytes text;
  text.header(0, 1).key("general.alignment", t::kStr).str("32");
  EXPECT_MENTIONS(parse_error(text), "general.alignment is a string");
}

TEST(GgufErrors, DataSectionPastTheEnd) {
  Bytes b;
  b.header(1, 0).tensor("w", {8}, 0, 0);  // ends without padding or data
  EXPECT_MENTIONS(parse_error(b), "the data section would start at byte");
}

// A valid file using every part of the format; its last tensor ends at the end of the
// file, so that every proper prefix is invalid.
Bytes complete_file() {
  Bytes b;
  b.header(2, 5);
  b.key("general.architecture", t::kStr).str("qwen3");
  b.key("general.alignment", t::kU32).u32(64);
  b.key("qwen3.rope.freq_base", t::kF32).f32(1e6f);
  b.key("tokenizer.ggml.tokens", t::kArr).u32(t::kStr).u64(3).str("a").str("\xC4\xA0").str("ab");
  b.key("nested", t::kArr).u32(t::kArr).u64(1).u32(t::kI64).u64(2).i64(-1).i64(1);
  b.tensor("token_embd.weight", {32, 2}, 8, 0);  // 68 bytes
  b.tensor("output_norm.weight", {32}, 0, 128);  // 128 bytes
  b.pad_to(64).fill(68, 0x11).pad_to(64).fill(128, 0x22);
  return b;
}

TEST(GgufErrors, CompleteFileIsValid) {
  const Bytes bytes = complete_file();
  const GgufFile file = GgufFile::parse(bytes.span());
  EXPECT_EQ(file.alignment(), 64u);
  EXPECT_EQ(file.tensor("output_norm.weight").data + 128, bytes.span().data() + bytes.size());
}

TEST(GgufErrors, EveryTruncationIsAnError) {
  for (const Bytes& whole :
       {complete_file(), []() {
          Bytes b;
          b.header(0, 2).key("a", t::kStr).str("xyz").key("b", t::kF64).f64(2.0);
          return b;
        }()}) {
    for (std::size_t length = 0; length < whole.size(); ++length) {
      // An exact-size copy, so a read past the end would leave the allocation.
      const std::vector<std::byte> prefix(whole.data.begin(), whole.data.begin() + length);
      try {
        GgufFile::parse(prefix);
        ADD_FAILURE() << "a prefix of " << length << " bytes was accepted";
      } catch (const GgufError&) {
      }
    }
  }
}

TEST(GgufErrors, DamagedBytesNeverCrash) {
  const Bytes whole = complete_file();
  int accepted = 0;
  int refused = 0;
  for (std::size_t at = 0; at < whole.size(); ++at) {
    for (std::uint8_t value : {0x00, 0x01, 0x7F, 0x80, 0xFF}) {
      std::vector<std::byte> damaged = whole.data;
      damaged[at] = static_cast<std::byte>(value);
      try {
        const GgufFile file = GgufFile::parse(damaged);
        for (const auto& [key, entry] : file.metadata())
          (void)entry.type;
        ++accepted;
      } catch (const GgufError&) {
        ++refused;
      }
    }
  }
  EXPECT_GT(accepted, 0);
  EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace codriver::llm::gguf
