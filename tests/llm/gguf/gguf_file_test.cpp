// Reading well-formed GGUF files: every metadata value type, the typed getters, tensor
// infos, data pointers and alignment, and opening a file through mmap.
#include "llm/gguf/gguf_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

#include "llm/gguf/gguf_bytes.h"

namespace codriver::llm::gguf {
namespace {

using testing::Bytes;
namespace t = testing;

// One entry of every value type, arrays of several kinds, an array of arrays.
Bytes every_value_type() {
  Bytes b;
  b.header(0, 19);
  b.key("u8", t::kU8).u8(200);
  b.key("i8", t::kI8).i8(-5);
  b.key("u16", t::kU16).u16(60000);
  b.key("i16", t::kI16).i16(-30000);
  b.key("u32", t::kU32).u32(4000000000u);
  b.key("i32", t::kI32).i32(-2000000000);
  b.key("f32", t::kF32).f32(1.5f);
  b.key("bool.true", t::kBool).u8(1);
  b.key("bool.false", t::kBool).u8(0);
  b.key("str", t::kStr).str("h\xC3\xA9llo \xE4\xBD\xA0\xE5\xA5\xBD");
  b.key("u64", t::kU64).u64((std::uint64_t{1} << 63) + 5);
  b.key("i64", t::kI64).i64(-(std::int64_t{1} << 62));
  b.key("f64", t::kF64).f64(3.25);
  b.key("arr.u32", t::kArr).u32(t::kU32).u64(3).u32(1).u32(2).u32(3);
  b.key("arr.str", t::kArr).u32(t::kStr).u64(3).str("a").str("bc").str("");
  b.key("arr.f32", t::kArr).u32(t::kF32).u64(2).f32(0.5f).f32(-2.0f);
  b.key("arr.empty", t::kArr).u32(t::kI32).u64(0);
  // [[1, 2], [3]] as arrays of int32.
  b.key("arr.nested", t::kArr).u32(t::kArr).u64(2);
  b.u32(t::kI32).u64(2).i32(1).i32(2);
  b.u32(t::kI32).u64(1).i32(3);
  b.key("arr.bool", t::kArr).u32(t::kBool).u64(2).u8(1).u8(0);
  return b;
}

TEST(GgufFile, ReadsEveryMetadataType) {
  const Bytes bytes = every_value_type();
  const GgufFile file = GgufFile::parse(bytes.span());
  EXPECT_EQ(file.version(), 3u);
  EXPECT_EQ(file.metadata().size(), 19u);
  EXPECT_TRUE(file.tensors().empty());

  EXPECT_EQ(file.find("u8")->type, ValueType::kUint8);
  EXPECT_EQ(std::get<std::uint64_t>(file.find("u8")->value), 200u);
  EXPECT_EQ(std::get<std::int64_t>(file.find("i8")->value), -5);
  EXPECT_EQ(std::get<std::uint64_t>(file.find("u16")->value), 60000u);
  EXPECT_EQ(std::get<std::int64_t>(file.find("i16")->value), -30000);
  EXPECT_EQ(std::get<std::uint64_t>(file.find("u32")->value), 4000000000u);
  EXPECT_EQ(std::get<std::int64_t>(file.find("i32")->value), -2000000000);
  EXPECT_EQ(file.find("f32")->type, ValueType::kFloat32);
  EXPECT_EQ(std::get<double>(file.find("f32")->value), 1.5);
  EXPECT_EQ(file.find("bool.true")->type, ValueType::kBool);
  EXPECT_EQ(std::get<std::uint64_t>(file.find("u64")->value), (std::uint64_t{1} << 63) + 5);
  EXPECT_EQ(std::get<std::int64_t>(file.find("i64")->value), -(std::int64_t{1} << 62));
  EXPECT_EQ(std::get<double>(file.find("f64")->value), 3.25);
  EXPECT_EQ(std::get<std::string_view>(file.find("str")->value),
            "h\xC3\xA9llo \xE4\xBD\xA0\xE5\xA5\xBD");

  const auto& nested = std::get<MetadataArray>(file.find("arr.nested")->value);
  ASSERT_EQ(nested.size(), 2u);
  EXPECT_EQ(nested[0].type, ValueType::kArray);
  const auto& first = std::get<MetadataArray>(nested[0].value);
  const auto& second = std::get<MetadataArray>(nested[1].value);
  ASSERT_EQ(first.size(), 2u);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(first[0].type, ValueType::kInt32);
  EXPECT_EQ(std::get<std::int64_t>(first[1].value), 2);
  EXPECT_EQ(std::get<std::int64_t>(second[0].value), 3);
  EXPECT_TRUE(std::get<MetadataArray>(file.find("arr.empty")->value).empty());
  EXPECT_FALSE(file.contains("missing"));
  EXPECT_EQ(file.find("missing"), nullptr);
}

TEST(GgufFile, TypedGetters) {
  const Bytes bytes = every_value_type();
  const GgufFile file = GgufFile::parse(bytes.span());
  EXPECT_EQ(file.get_uint("u8"), 200u);
  EXPECT_EQ(file.get_uint("u32"), 4000000000u);
  EXPECT_EQ(file.get_uint("u64"), (std::uint64_t{1} << 63) + 5);
  EXPECT_EQ(file.get_int("i8"), -5);
  EXPECT_EQ(file.get_int("u16"), 60000);
  EXPECT_EQ(file.get_int("i64"), -(std::int64_t{1} << 62));
  EXPECT_EQ(file.get_float("f32"), 1.5);
  EXPECT_EQ(file.get_float("f64"), 3.25);
  EXPECT_EQ(file.get_float("i16"), -30000.0);
  EXPECT_EQ(file.get_float("u8"), 200.0);
  EXPECT_TRUE(file.get_bool("bool.true"));
  EXPECT_FALSE(file.get_bool("bool.false"));
  EXPECT_EQ(file.get_string("str"), "h\xC3\xA9llo \xE4\xBD\xA0\xE5\xA5\xBD");
  EXPECT_EQ(file.get_string_array("arr.str"), (std::vector<std::string_view>{"a", "bc", ""}));
  EXPECT_EQ(file.get_int_array("arr.u32"), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(file.get_float_array("arr.f32"), (std::vector<double>{0.5, -2.0}));
  EXPECT_EQ(file.get_float_array("arr.u32"), (std::vector<double>{1.0, 2.0, 3.0}));
  EXPECT_TRUE(file.get_int_array("arr.empty").empty());

  EXPECT_EQ(file.get_uint_or("missing", 7), 7u);
  EXPECT_EQ(file.get_uint_or("u16", 7), 60000u);
  EXPECT_EQ(file.get_float_or("missing", 0.25), 0.25);
  EXPECT_TRUE(file.get_bool_or("missing", true));
  EXPECT_FALSE(file.get_bool_or("bool.false", true));
  EXPECT_EQ(file.get_string_or("missing", "x"), "x");
  EXPECT_EQ(file.get_string_or("str", "x"), file.get_string("str"));
}

// The message of the GgufError that `action` throws ("" when it throws none).
template <typename Action>
std::string error_of(Action action) {
  try {
    action();
  } catch (const GgufError& error) {
    return error.what();
  }
  return "";
}

bool mentions(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(GgufFile, TypedGetterErrorsNameTheKey) {
  const Bytes bytes = every_value_type();
  const GgufFile file = GgufFile::parse(bytes.span());
  std::string message = error_of([&] { file.get_uint("missing.key"); });
  EXPECT_TRUE(mentions(message, "'missing.key' is missing")) << message;
  message = error_of([&] { file.get_uint("i8"); });
  EXPECT_TRUE(mentions(message, "'i8' is negative (-5)")) << message;
  message = error_of([&] { file.get_uint("str"); });
  EXPECT_TRUE(mentions(message, "'str' is a string, expected an unsigned integer")) << message;
  message = error_of([&] { file.get_int("u64"); });
  EXPECT_TRUE(mentions(message, "'u64'")) << message;
  EXPECT_TRUE(mentions(message, "signed 64-bit")) << message;
  message = error_of([&] { file.get_float("bool.true"); });
  EXPECT_TRUE(mentions(message, "'bool.true' is a bool, expected a number")) << message;
  message = error_of([&] { file.get_bool("u8"); });
  EXPECT_TRUE(mentions(message, "'u8' is a uint8, expected a bool")) << message;
  message = error_of([&] { file.get_string("arr.str"); });
  EXPECT_TRUE(mentions(message, "'arr.str' is a array, expected a string")) << message;
  message = error_of([&] { file.get_string_array("str"); });
  EXPECT_TRUE(mentions(message, "expected an array")) << message;
  message = error_of([&] { file.get_string_array("arr.u32"); });
  EXPECT_TRUE(mentions(message, "'arr.u32[0]' is a uint32, expected a string")) << message;
  message = error_of([&] { file.get_int_array("arr.nested"); });
  EXPECT_TRUE(mentions(message, "'arr.nested[0]' is a array")) << message;
  message = error_of([&] { file.get_uint_or("str", 1); });
  EXPECT_TRUE(mentions(message, "'str' is a string")) << message;
  message = error_of([&] { file.get_string_or("u8", "x"); });
  EXPECT_TRUE(mentions(message, "'u8' is a uint8")) << message;
}

// Three tensors (F32, Q8_0, F16) after a small header, each filled with its own byte.
Bytes three_tensors(std::uint64_t alignment, bool declare_alignment) {
  Bytes b;
  b.header(3, declare_alignment ? 2 : 1);
  b.key("general.architecture", t::kStr).str("qwen2");
  if (declare_alignment) b.key("general.alignment", t::kU32).u32(alignment);
  const std::uint64_t q8_offset = alignment * ((32 + alignment - 1) / alignment);
  const std::uint64_t f16_offset = q8_offset + alignment * ((136 + alignment - 1) / alignment);
  b.tensor("a.f32", {4, 2}, 0, 0);          // 32 bytes
  b.tensor("b.q8", {64, 2}, 8, q8_offset);  // 4 blocks of 34 bytes
  b.tensor("c.f16", {3}, 1, f16_offset);    // 6 bytes
  b.pad_to(alignment);
  const std::size_t data_start = b.size();
  b.fill(32, 0xA1);
  b.pad_to(alignment);
  EXPECT_EQ(b.size() - data_start, q8_offset);
  b.fill(136, 0xB2);
  b.pad_to(alignment);
  EXPECT_EQ(b.size() - data_start, f16_offset);
  b.fill(6, 0xC3);
  return b;
}

void expect_filled(const TensorInfo& info, std::uint8_t value) {
  for (std::uint64_t i = 0; i < info.bytes; ++i) {
    ASSERT_EQ(std::to_integer<std::uint8_t>(info.data[i]), value) << info.name << " byte " << i;
  }
}

void check_three_tensors(const GgufFile& file, const Bytes& bytes, std::uint64_t alignment) {
  EXPECT_EQ(file.alignment(), alignment);
  EXPECT_EQ(file.file_size(), bytes.size());
  ASSERT_EQ(file.tensors().size(), 3u);
  const TensorInfo& a = file.tensor("a.f32");
  EXPECT_EQ(a.type, GgmlType::kF32);
  EXPECT_EQ(a.dims, (std::vector<std::uint64_t>{4, 2}));
  EXPECT_EQ(a.elements(), 8u);
  EXPECT_EQ(a.row_length(), 4u);
  EXPECT_EQ(a.rows(), 2u);
  EXPECT_EQ(a.bytes, 32u);
  EXPECT_EQ(a.offset, 0u);
  const TensorInfo& q8 = file.tensor("b.q8");
  EXPECT_EQ(q8.type, GgmlType::kQ8_0);
  EXPECT_EQ(q8.bytes, 136u);
  EXPECT_EQ(q8.rows(), 2u);
  const TensorInfo& f16 = file.tensor("c.f16");
  EXPECT_EQ(f16.type, GgmlType::kF16);
  EXPECT_EQ(f16.rows(), 1u);
  EXPECT_EQ(f16.bytes, 6u);
  // The data section starts at the header's end rounded up to the alignment.
  const auto data_start = static_cast<std::uint64_t>(a.data - bytes.span().data());
  EXPECT_EQ(data_start % alignment, 0u);
  EXPECT_EQ(q8.data - a.data, static_cast<std::ptrdiff_t>(q8.offset));
  EXPECT_EQ(f16.data + f16.bytes, bytes.span().data() + bytes.size());
  expect_filled(a, 0xA1);
  expect_filled(q8, 0xB2);
  expect_filled(f16, 0xC3);
  EXPECT_EQ(file.tensors()[1].name, "b.q8");  // file order is kept
  EXPECT_EQ(file.find_tensor("nope"), nullptr);
  EXPECT_TRUE(mentions(error_of([&] { file.tensor("nope"); }), "'nope' is missing"));
}

TEST(GgufFile, TensorInfosAndDataWithTheDefaultAlignment) {
  const Bytes bytes = three_tensors(32, false);
  check_three_tensors(GgufFile::parse(bytes.span()), bytes, 32);
}

TEST(GgufFile, CustomAlignment) {
  for (std::uint64_t alignment : {1u, 8u, 64u, 256u}) {
    SCOPED_TRACE(alignment);
    const Bytes bytes = three_tensors(alignment, true);
    check_three_tensors(GgufFile::parse(bytes.span()), bytes, alignment);
  }
}

TEST(GgufFile, VersionTwoIsRead) {
  Bytes b;
  b.header(0, 1, 2).key("k", t::kU32).u32(9);
  const GgufFile file = GgufFile::parse(b.span());
  EXPECT_EQ(file.version(), 2u);
  EXPECT_EQ(file.get_uint("k"), 9u);
}

TEST(GgufFile, KnownButUnsupportedTypesAreRead) {
  Bytes b;
  b.header(2, 0);
  b.tensor("q4_1", {32}, 3, 0);     // 20 bytes
  b.tensor("q3_k", {256}, 11, 32);  // 110 bytes
  b.pad_to(32).fill(32, 1).fill(110, 2);
  const GgufFile file = GgufFile::parse(b.span());
  EXPECT_EQ(file.tensor("q4_1").type, GgmlType::kQ4_1);
  EXPECT_EQ(file.tensor("q3_k").bytes, 110u);
  EXPECT_FALSE(type_traits(file.tensor("q3_k").type).supported);
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("codriver-gguf-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const Bytes& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data.data()),
            static_cast<std::streamsize>(bytes.size()));
}

TEST(GgufFile, OpensAFileThroughMmap) {
  TempDir dir;
  const auto path = dir.path() / "three.gguf";
  const Bytes bytes = three_tensors(32, false);
  write_file(path, bytes);
  GgufFile file = GgufFile::open(path);
  const GgufFile moved = std::move(file);  // views stay valid across a move
  EXPECT_EQ(moved.get_string("general.architecture"), "qwen2");
  EXPECT_EQ(moved.file_size(), bytes.size());
  expect_filled(moved.tensor("b.q8"), 0xB2);
  expect_filled(moved.tensor("c.f16"), 0xC3);
}

TEST(GgufFile, OpenErrorsNameTheFile) {
  TempDir dir;
  const auto empty = dir.path() / "empty.gguf";
  write_file(empty, Bytes{});
  std::string message = error_of([&] { GgufFile::open(empty); });
  EXPECT_TRUE(mentions(message, "empty.gguf")) << message;
  EXPECT_TRUE(mentions(message, "empty (0 bytes)")) << message;
  message = error_of([&] { GgufFile::open(dir.path() / "absent.gguf"); });
  EXPECT_TRUE(mentions(message, "cannot open")) << message;
  EXPECT_TRUE(mentions(message, "absent.gguf")) << message;
  message = error_of([&] { GgufFile::open(dir.path()); });
  EXPECT_TRUE(mentions(message, "not a regular file")) << message;
  const auto text = dir.path() / "text.gguf";
  Bytes not_gguf;
  not_gguf.raw("hello world");
  write_file(text, not_gguf);
  message = error_of([&] { GgufFile::open(text); });
  EXPECT_TRUE(mentions(message, "text.gguf: bad magic")) << message;
}

}  // namespace
}  // namespace codriver::llm::gguf
