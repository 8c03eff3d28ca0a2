// The generator's GGUF writer, read back by the shared reader.
#include "llm/testmodel/gguf_writer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "llm/gguf/gguf_file.h"

namespace codriver::llm::testmodel {
namespace {

using gguf::GgmlType;
using gguf::GgufFile;

std::vector<std::byte> filled(std::size_t n, std::uint8_t value) {
  return std::vector<std::byte>(n, static_cast<std::byte>(value));
}

std::string write_two_tensors(GgufWriter& writer) {
  writer.add_string("general.architecture", "qwen2");
  writer.add_uint32("u32", 7);
  writer.add_uint64("u64", std::uint64_t{1} << 40);
  writer.add_float32("f32", 0.25f);
  writer.add_bool("yes", true);
  writer.add_string_array("strings", {"a",
                                      "\xC4\xA0"
                                      "b",
                                      ""});
  writer.add_int32_array("ints", {1, -2, 3});
  EXPECT_EQ(writer.add_tensor("w.q8", {64, 3}, GgmlType::kQ8_0), 3u * 2 * 34);
  EXPECT_EQ(writer.add_tensor("w.f32", {5}, GgmlType::kF32), 20u);
  std::ostringstream out;
  writer.write_header(out);
  const auto q8 = filled(204, 0xAB);
  writer.write_data(out, {q8.data(), 100});
  writer.write_data(out, {q8.data() + 100, 104});
  writer.end_tensor(out);
  const auto f32 = filled(20, 0x3C);
  writer.write_data(out, f32);
  writer.end_tensor(out);
  writer.finish();
  return out.str();
}

std::span<const std::byte> bytes_of(const std::string& text) {
  return {reinterpret_cast<const std::byte*>(text.data()), text.size()};
}

TEST(GgufWriter, WritesWhatTheReaderReads) {
  for (std::uint32_t alignment : {32u, 64u}) {
    SCOPED_TRACE(alignment);
    GgufWriter writer(alignment);
    const std::string file_bytes = write_two_tensors(writer);
    const GgufFile file = GgufFile::parse(bytes_of(file_bytes));
    EXPECT_EQ(file.version(), 3u);
    EXPECT_EQ(file.alignment(), alignment);
    EXPECT_EQ(file.get_string("general.architecture"), "qwen2");
    EXPECT_EQ(file.find("u32")->type, gguf::ValueType::kUint32);
    EXPECT_EQ(file.get_uint("u32"), 7u);
    EXPECT_EQ(file.find("u64")->type, gguf::ValueType::kUint64);
    EXPECT_EQ(file.get_uint("u64"), std::uint64_t{1} << 40);
    EXPECT_EQ(file.find("f32")->type, gguf::ValueType::kFloat32);
    EXPECT_EQ(file.get_float("f32"), 0.25);
    EXPECT_TRUE(file.get_bool("yes"));
    EXPECT_EQ(file.get_string_array("strings"), (std::vector<std::string_view>{"a",
                                                                               "\xC4\xA0"
                                                                               "b",
                                                                               ""}));
    EXPECT_EQ(file.get_int_array("ints"), (std::vector<std::int64_t>{1, -2, 3}));
    const auto& q8 = file.tensor("w.q8");
    EXPECT_EQ(q8.type, GgmlType::kQ8_0);
    EXPECT_EQ(q8.dims, (std::vector<std::uint64_t>{64, 3}));
    EXPECT_EQ(q8.offset, 0u);
    EXPECT_EQ(std::to_integer<int>(q8.data[203]), 0xAB);
    const auto& f32 = file.tensor("w.f32");
    EXPECT_EQ(f32.offset, (204 + alignment - 1) / alignment * alignment);
    EXPECT_EQ(std::to_integer<int>(f32.data[19]), 0x3C);
    EXPECT_EQ(f32.data + 20, bytes_of(file_bytes).data() + file_bytes.size());
  }
}

TEST(GgufWriter, MetadataOnlyFileEndsAfterItsMetadata) {
  GgufWriter writer;
  writer.add_string("k", "v");
  std::ostringstream out;
  writer.write_header(out);
  writer.finish();
  // Header, then general.alignment (u32) and k (string), and nothing after them.
  EXPECT_EQ(out.str().size(), (4u + 4 + 8 + 8) + (8 + 17 + 4 + 4) + (8 + 1 + 4 + 8 + 1));
  EXPECT_EQ(GgufFile::parse(bytes_of(out.str())).get_string("k"), "v");
}

TEST(GgufWriter, RefusesMisuse) {
  GgufWriter writer;
  writer.add_uint32("k", 1);
  EXPECT_THROW(writer.add_uint32("k", 2), std::invalid_argument);
  writer.add_tensor("t", {32}, GgmlType::kQ8_0);
  EXPECT_THROW(writer.add_tensor("t", {32}, GgmlType::kQ8_0), std::invalid_argument);
  EXPECT_THROW(writer.add_tensor("odd", {33}, GgmlType::kQ8_0), gguf::GgufError);
  EXPECT_THROW(writer.add_tensor("none", {}, GgmlType::kF32), std::invalid_argument);
  std::ostringstream out;
  EXPECT_THROW(writer.write_data(out, filled(4, 0)), std::logic_error);  // before the header
  writer.write_header(out);
  EXPECT_THROW(writer.add_uint32("late", 1), std::logic_error);
  EXPECT_THROW(writer.write_data(out, filled(35, 0)), std::logic_error);  // 34 bytes only
  writer.write_data(out, filled(30, 0));
  EXPECT_THROW(writer.end_tensor(out), std::logic_error);  // 4 bytes short
  EXPECT_THROW(writer.finish(), std::logic_error);
  EXPECT_THROW(GgufWriter(48), std::invalid_argument);
}

}  // namespace
}  // namespace codriver::llm::testmodel
