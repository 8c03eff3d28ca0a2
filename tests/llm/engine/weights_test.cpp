#include "llm/engine/weights.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "llm/engine/engine_error.h"

namespace codriver::llm::engine {
namespace {

using gguf::GgmlType;

gguf::TensorInfo tensor(GgmlType type, std::vector<std::uint64_t> dims, std::uint64_t bytes,
                        const std::vector<std::byte>& data) {
  gguf::TensorInfo info;
  info.name = "blk.0.ffn_down.weight";
  info.dims = std::move(dims);
  info.type = type;
  info.bytes = bytes;
  info.data = data.data();
  return info;
}

std::string error_of(const gguf::TensorInfo& info) {
  try {
    weight_matrix(info);
  } catch (const EngineError& e) {
    return e.what();
  }
  return "";
}

TEST(WeightMatrix, ViewsATensorRowByRow) {
  const std::vector<std::byte> data(34 * 28 * 3);
  const WeightMatrix w = weight_matrix(tensor(GgmlType::kQ8_0, {896, 3}, data.size(), data));
  EXPECT_EQ(w.type, GgmlType::kQ8_0);
  EXPECT_EQ(w.rows, 3);
  EXPECT_EQ(w.cols, 896);
  EXPECT_EQ(w.row_bytes, 34u * 28);
  EXPECT_EQ(w.row(2), data.data() + 2 * 34 * 28);
}

TEST(WeightMatrix, AOneDimensionalTensorIsOneRow) {
  const std::vector<std::byte> data(896 * 4);
  const WeightMatrix w = weight_matrix(tensor(GgmlType::kF32, {896}, data.size(), data));
  EXPECT_EQ(w.rows, 1);
  EXPECT_EQ(w.cols, 896);
}

TEST(WeightMatrix, RejectsUnsupportedTypesByName) {
  const std::vector<std::byte> data(20 * 8);
  const std::string message = error_of(tensor(GgmlType::kQ4_1, {256, 1}, data.size(), data));
  EXPECT_NE(message.find("blk.0.ffn_down.weight"), std::string::npos) << message;
  EXPECT_NE(message.find("Q4_1"), std::string::npos) << message;
  EXPECT_NE(message.find("Q8_0"), std::string::npos) << message;  // says what would work
  EXPECT_FALSE(is_supported(GgmlType::kQ2_K));
  EXPECT_FALSE(is_supported(GgmlType::kQ8_K));
}

TEST(WeightMatrix, RejectsRowsThatAreNotWholeBlocks) {
  const std::vector<std::byte> data(4096);
  const std::string message = error_of(tensor(GgmlType::kQ4_K, {896, 2}, 0, data));
  EXPECT_NE(message.find("896"), std::string::npos) << message;
  EXPECT_NE(message.find("256"), std::string::npos) << message;
}

TEST(WeightMatrix, RejectsSizeDisagreeingWithShape) {
  const std::vector<std::byte> data(34 * 4);
  EXPECT_NE(error_of(tensor(GgmlType::kQ8_0, {32, 4}, 34 * 3, data)), "");
  EXPECT_THROW(weight_matrix(GgmlType::kQ8_0, nullptr, 2, 32), EngineError);
  EXPECT_THROW(weight_matrix(GgmlType::kQ8_0, data.data(), -1, 32), EngineError);
}

}  // namespace
}  // namespace codriver::llm::engine
