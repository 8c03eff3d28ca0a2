#include "llm/gguf/gguf_types.h"

#include <gtest/gtest.h>

#include "llm/gguf/gguf_file.h"

namespace codriver::llm::gguf {
namespace {

struct Expected {
  std::uint32_t number;
  const char* name;
  std::uint32_t block_elements;
  std::uint32_t block_bytes;
  bool supported;
};

// The format's own numbers and block sizes (ggml's type table).
constexpr Expected kExpected[] = {
    {0, "F32", 1, 4, true},        {1, "F16", 1, 2, true},        {2, "Q4_0", 32, 18, true},
    {3, "Q4_1", 32, 20, false},    {6, "Q5_0", 32, 22, true},     {7, "Q5_1", 32, 24, false},
    {8, "Q8_0", 32, 34, true},     {9, "Q8_1", 32, 36, false},    {10, "Q2_K", 256, 84, false},
    {11, "Q3_K", 256, 110, false}, {12, "Q4_K", 256, 144, true},  {13, "Q5_K", 256, 176, true},
    {14, "Q6_K", 256, 210, true},  {15, "Q8_K", 256, 292, false}, {30, "BF16", 1, 2, true},
};

TEST(GgufTypes, TableMatchesTheFormat) {
  for (const Expected& e : kExpected) {
    SCOPED_TRACE(e.name);
    const auto traits = type_traits(e.number);
    ASSERT_TRUE(traits.has_value());
    EXPECT_EQ(traits->name, e.name);
    EXPECT_EQ(traits->block_elements, e.block_elements);
    EXPECT_EQ(traits->block_bytes, e.block_bytes);
    EXPECT_EQ(traits->supported, e.supported);
    EXPECT_EQ(type_traits(static_cast<GgmlType>(e.number)).name, e.name);
  }
}

TEST(GgufTypes, UnknownNumbersHaveNoTraits) {
  for (std::uint32_t number : {4u, 5u, 16u, 29u, 31u, 39u, 1000u, 0xFFFFFFFFu}) {
    EXPECT_FALSE(type_traits(number).has_value()) << number;
  }
  EXPECT_THROW(type_traits(static_cast<GgmlType>(4)), GgufError);
}

TEST(GgufTypes, NamesParseInAnyCase) {
  EXPECT_EQ(type_from_name("Q8_0"), GgmlType::kQ8_0);
  EXPECT_EQ(type_from_name("q4_k"), GgmlType::kQ4_K);
  EXPECT_EQ(type_from_name("f16"), GgmlType::kF16);
  EXPECT_EQ(type_from_name("bf16"), GgmlType::kBF16);
  EXPECT_FALSE(type_from_name("Q4_K_M").has_value());
  EXPECT_FALSE(type_from_name("").has_value());
}

TEST(GgufTypes, RowBytes) {
  EXPECT_EQ(row_bytes(GgmlType::kF32, 7), 28u);
  EXPECT_EQ(row_bytes(GgmlType::kBF16, 3), 6u);
  EXPECT_EQ(row_bytes(GgmlType::kQ8_0, 896), 28u * 34u);
  EXPECT_EQ(row_bytes(GgmlType::kQ4_K, 4864), 19u * 144u);
  EXPECT_EQ(row_bytes(GgmlType::kQ6_K, 256), 210u);
  try {
    row_bytes(GgmlType::kQ4_K, 896);
    FAIL() << "896 is not a multiple of 256";
  } catch (const GgufError& error) {
    EXPECT_NE(std::string(error.what()).find("896"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("Q4_K"), std::string::npos) << error.what();
  }
}

TEST(GgufTypes, ValueTypeNames) {
  EXPECT_EQ(value_type_name(ValueType::kUint8), "uint8");
  EXPECT_EQ(value_type_name(ValueType::kString), "string");
  EXPECT_EQ(value_type_name(ValueType::kArray), "array");
  EXPECT_EQ(value_type_name(ValueType::kFloat64), "float64");
}

}  // namespace
}  // namespace codriver::llm::gguf
