// The per-tensor type rules (llama.cpp's Q4_K_M / Q5_K_M mix and the fall-backs) on the real
// Qwen2.5 shapes, checked by tensor name without writing the big files.
#include "llm/testmodel/weight_mix.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "llm/testmodel/model_shape.h"
#include "llm/testmodel/model_tensors.h"

namespace codriver::llm::testmodel {
namespace {

using gguf::GgmlType;

// The rule applied to one tensor of a shape, with the row length that tensor has.
GgmlType type_in(const ModelShape& shape, const std::string& mix, const std::string& name) {
  for (const TensorPlan& plan : plan_tensors(Arch::kQwen2, shape, 151936, mix_by_name(mix))) {
    if (plan.name == name) {
      EXPECT_EQ(plan.type, tensor_type(mix_by_name(mix), name, plan.dims[0], shape.n_layer,
                                       !shape.tied_embeddings));
      return plan.type;
    }
  }
  ADD_FAILURE() << "no tensor " << name;
  return GgmlType::kF32;
}

std::string blk(int layer, const char* rest) {
  return "blk." + std::to_string(layer) + "." + rest;
}

// Layers where llama.cpp's use_more_bits holds, worked out by hand.
const std::set<int> kMoreBits24 = {0, 1, 2, 5, 8, 11, 14, 17, 20, 21, 22, 23};
const std::set<int> kMoreBits28 = {0, 1, 2, 5, 8, 11, 14, 17, 20, 23, 24, 25, 26, 27};

TEST(WeightMix, Qwen25HalfBillionQ4KM) {
  const ModelShape& shape = shape_by_name("qwen2.5-0.5b");
  EXPECT_EQ(type_in(shape, "Q4_K_M", "token_embd.weight"), GgmlType::kQ8_0);  // 896 % 256 != 0
  EXPECT_EQ(type_in(shape, "Q4_K_M", "output_norm.weight"), GgmlType::kF32);
  for (int layer = 0; layer < 24; ++layer) {
    SCOPED_TRACE(layer);
    const bool more = kMoreBits24.count(layer) != 0;
    EXPECT_EQ(type_in(shape, "Q4_K_M", blk(layer, "attn_q.weight")), GgmlType::kQ5_0);
    EXPECT_EQ(type_in(shape, "Q4_K_M", blk(layer, "attn_k.weight")), GgmlType::kQ5_0);
    EXPECT_EQ(type_in(shape, "Q4_K_M", blk(layer, "attn_v.weight")),
              more ? GgmlType::kQ8_0 : GgmlType::kQ5_0);
    EXPECT_EQ(type_in(shape, "Q4_K_M", blk(layer, "attn_output.weight")), GgmlType::kQ5_0);
    EXPECT_EQ(type_in(shape, "Q4_K_M", blk(layer, "ffn_gate.weight")), GgmlType::kQ5_0);
    EXPECT_EQ(type_in(shape, "Q4_K_M", blk(layer, "ffn_up.weight")), GgmlType::kQ5_0);
    EXPECT_EQ(type_in(shape, "Q4_K_M", blk(layer, "ffn_down.weight")),
              more ? GgmlType::kQ6_K : GgmlType::kQ4_K);
    EXPECT_EQ(type_in(shape, "Q4_K_M", blk(layer, "attn_q.bias")), GgmlType::kF32);
    EXPECT_EQ(type_in(shape, "Q4_K_M", blk(layer, "ffn_norm.weight")), GgmlType::kF32);
  }
}

TEST(WeightMix, Qwen25HalfBillionQ5KM) {
  const ModelShape& shape = shape_by_name("qwen2.5-0.5b");
  EXPECT_EQ(type_in(shape, "Q5_K_M", "token_embd.weight"), GgmlType::kQ8_0);
  // Q5_K on rows of 896 falls back to Q8_0 (llama.cpp: Q5_1, which the engine lacks).
  EXPECT_EQ(type_in(shape, "Q5_K_M", blk(3, "attn_q.weight")), GgmlType::kQ8_0);
  EXPECT_EQ(type_in(shape, "Q5_K_M", blk(0, "attn_v.weight")), GgmlType::kQ8_0);
  EXPECT_EQ(type_in(shape, "Q5_K_M", blk(0, "ffn_down.weight")), GgmlType::kQ6_K);
  EXPECT_EQ(type_in(shape, "Q5_K_M", blk(3, "ffn_down.weight")), GgmlType::kQ5_K);
}

TEST(WeightMix, Qwen25OneAndAHalfBillionQ4KM) {
  const ModelShape& shape = shape_by_name("qwen2.5-1.5b");
  EXPECT_EQ(type_in(shape, "Q4_K_M", "token_embd.weight"), GgmlType::kQ6_K);  // 1536 = 6 * 256
  for (int layer = 0; layer < 28; ++layer) {
    SCOPED_TRACE(layer);
    const GgmlType more = kMoreBits28.count(layer) != 0 ? GgmlType::kQ6_K : GgmlType::kQ4_K;
    EXPECT_EQ(type_in(shape, "Q4_K_M", blk(layer, "attn_v.weight")), more);
    EXPECT_EQ(type_in(shape, "Q4_K_M", blk(layer, "ffn_down.weight")), more);
    EXPECT_EQ(type_in(shape, "Q4_K_M", blk(layer, "attn_q.weight")), GgmlType::kQ4_K);
    EXPECT_EQ(type_in(shape, "Q4_K_M", blk(layer, "ffn_up.weight")), GgmlType::kQ4_K);
  }
}

TEST(WeightMix, UntiedModelsQuantiseTheOutputAsTheHead) {
  const WeightMix& mix = mix_by_name("Q4_K_M");
  EXPECT_EQ(tensor_type(mix, "output.weight", 256, 2, true), GgmlType::kQ6_K);
  EXPECT_EQ(tensor_type(mix, "token_embd.weight", 256, 2, true), GgmlType::kQ4_K);
  EXPECT_EQ(tensor_type(mix, "token_embd.weight", 224, 2, true), GgmlType::kQ5_0);
  EXPECT_EQ(tensor_type(mix, "output.weight", 224, 2, true), GgmlType::kQ8_0);
  EXPECT_EQ(tensor_type(mix, "token_embd.weight", 256, 2, false), GgmlType::kQ6_K);
  // Two layers: only layer 1 (>= 7 * 2 / 8) gets more bits.
  EXPECT_EQ(tensor_type(mix, "blk.0.ffn_down.weight", 512, 2, true), GgmlType::kQ4_K);
  EXPECT_EQ(tensor_type(mix, "blk.1.ffn_down.weight", 512, 2, true), GgmlType::kQ6_K);
}

TEST(WeightMix, SingleTypesAndFallBacks) {
  EXPECT_EQ(tensor_type(mix_by_name("Q4_K"), "blk.0.attn_q.weight", 896, 24, false),
            GgmlType::kQ5_0);
  EXPECT_EQ(tensor_type(mix_by_name("Q5_K"), "blk.0.attn_q.weight", 896, 24, false),
            GgmlType::kQ8_0);
  EXPECT_EQ(tensor_type(mix_by_name("Q6_K"), "blk.0.attn_q.weight", 896, 24, false),
            GgmlType::kQ8_0);
  EXPECT_EQ(tensor_type(mix_by_name("Q6_K"), "blk.0.attn_q.weight", 512, 24, false),
            GgmlType::kQ6_K);
  EXPECT_EQ(tensor_type(mix_by_name("Q8_0"), "blk.0.attn_q.weight", 100, 24, false),
            GgmlType::kF16);
  EXPECT_EQ(tensor_type(mix_by_name("Q4_K"), "blk.0.attn_q.weight", 100, 24, false),
            GgmlType::kF16);
  EXPECT_EQ(tensor_type(mix_by_name("BF16"), "token_embd.weight", 100, 24, false), GgmlType::kBF16);
  // Single types apply no mix: ffn_down and the head keep the base type.
  EXPECT_EQ(tensor_type(mix_by_name("Q4_K"), "blk.0.ffn_down.weight", 512, 24, false),
            GgmlType::kQ4_K);
  EXPECT_EQ(tensor_type(mix_by_name("Q4_0"), "token_embd.weight", 896, 24, false), GgmlType::kQ4_0);
  EXPECT_EQ(tensor_type(mix_by_name("F16"), "blk.0.attn_norm.weight", 896, 24, false),
            GgmlType::kF32);
}

TEST(WeightMix, NamesAndErrors) {
  EXPECT_EQ(mix_names(), (std::vector<std::string>{"F32", "F16", "BF16", "Q8_0", "Q4_0", "Q5_0",
                                                   "Q4_K", "Q5_K", "Q6_K", "Q4_K_M", "Q5_K_M"}));
  EXPECT_EQ(mix_by_name("Q4_K_M").file_type, 15u);
  EXPECT_EQ(mix_by_name("Q8_0").file_type, 7u);
  try {
    mix_by_name("Q3_K_M");
    FAIL();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("unknown weight type 'Q3_K_M'"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("Q4_K_M"), std::string::npos);
  }
}

TEST(ModelTensors, HalfBillionPlanMatchesTheRealFile) {
  const auto plans =
      plan_tensors(Arch::kQwen2, shape_by_name("qwen2.5-0.5b"), 151936, mix_by_name("Q4_K_M"));
  EXPECT_EQ(plans.size(), 290u);  // 2 + 24 * 12, as in Qwen2.5-0.5B-Instruct-Q4_K_M.gguf
  std::map<GgmlType, int> counts;
  for (const TensorPlan& plan : plans)
    ++counts[plan.type];
  EXPECT_EQ(counts[GgmlType::kF32], 121);
  EXPECT_EQ(counts[GgmlType::kQ5_0], 132);
  EXPECT_EQ(counts[GgmlType::kQ8_0], 13);
  EXPECT_EQ(counts[GgmlType::kQ4_K], 12);
  EXPECT_EQ(counts[GgmlType::kQ6_K], 12);
  EXPECT_EQ(plans[0].name, "token_embd.weight");
  EXPECT_EQ(plans[0].dims, (std::vector<std::uint64_t>{896, 151936}));
}

TEST(ModelTensors, Qwen3HasHeadNormsAndNoBiases) {
  const ModelShape& shape = shape_by_name("qwen3-0.6b");
  std::map<std::string, std::vector<std::uint64_t>> dims;
  for (const TensorPlan& plan : plan_tensors(Arch::kQwen3, shape, 151936, mix_by_name("Q8_0"))) {
    dims[plan.name] = plan.dims;
  }
  EXPECT_EQ(dims.size(), 2u + 28 * 11);
  EXPECT_EQ(dims["blk.0.attn_q.weight"], (std::vector<std::uint64_t>{1024, 2048}));  // 16 * 128
  EXPECT_EQ(dims["blk.0.attn_k.weight"], (std::vector<std::uint64_t>{1024, 1024}));  // 8 * 128
  EXPECT_EQ(dims["blk.0.attn_output.weight"], (std::vector<std::uint64_t>{2048, 1024}));
  EXPECT_EQ(dims["blk.0.attn_q_norm.weight"], (std::vector<std::uint64_t>{128}));
  EXPECT_EQ(dims["blk.27.ffn_down.weight"], (std::vector<std::uint64_t>{3072, 1024}));
  EXPECT_EQ(dims.count("blk.0.attn_q.bias"), 0u);
  EXPECT_EQ(dims.count("output.weight"), 0u);
}

TEST(ModelShapes, ArchitectureChecks) {
  EXPECT_NO_THROW(check_shape_fits(shape_by_name("tiny"), Arch::kQwen3));
  EXPECT_NO_THROW(check_shape_fits(shape_by_name("qwen2.5-0.5b"), Arch::kQwen2));
  EXPECT_THROW(check_shape_fits(shape_by_name("qwen3-0.6b"), Arch::kQwen2), std::invalid_argument);
  EXPECT_THROW(check_shape_fits(shape_by_name("qwen2.5-1.5b"), Arch::kQwen3),
               std::invalid_argument);
  EXPECT_THROW(check_shape_fits(shape_by_name("qwen3-tiny"), Arch::kQwen2), std::invalid_argument);
  EXPECT_THROW(shape_by_name("huge"), std::invalid_argument);
  const ModelShape& small = shape_by_name("qwen3-tiny");
  EXPECT_NE(small.head_dim * small.n_head, small.n_embd);
  for (const std::string& name : shape_names()) {
    const ModelShape& shape = shape_by_name(name);
    EXPECT_EQ(shape.n_head % shape.n_head_kv, 0u) << name;
    EXPECT_EQ(shape.n_embd % 32, 0u) << name;
  }
}

}  // namespace
}  // namespace codriver::llm::testmodel
