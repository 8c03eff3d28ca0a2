#include "llm/testmodel/model_shape.h"

#include <array>
#include <stdexcept>

namespace codriver::llm::testmodel {
namespace {

std::vector<ModelShape> make_shapes() {
  std::vector<ModelShape> shapes;
  // Rows of 256 everywhere, so every K type is used as such; untied (output.weight).
  shapes.push_back({"tiny", std::nullopt, 0, 256, 2, 512, 4, 2, 64, 2048, 1e6f, 1e-6f, false});
  // The same, tied like the real small Qwen models.
  shapes.push_back({"tiny-tied", std::nullopt, 0, 256, 2, 512, 4, 2, 64, 2048, 1e6f, 1e-6f, true});
  // Qwen2.5-0.5B in miniature: rows of 224 (not a multiple of 256) force the K-quant
  // fall-backs, ffn_down's rows of 512 keep Q4_K/Q6_K; 7 heads of 32, one KV head.
  shapes.push_back({"tiny-odd", std::nullopt, 0, 224, 3, 512, 7, 1, 32, 2048, 1e6f, 1e-6f, true});
  // Qwen3 with head_dim 128 != n_embd / n_head = 64, like Qwen3-0.6B: an engine must read
  // key_length.
  shapes.push_back(
      {"qwen3-tiny", Arch::kQwen3, 0, 256, 2, 768, 4, 2, 128, 4096, 1e6f, 1e-6f, true});
  shapes.push_back(
      {"qwen2.5-0.5b", Arch::kQwen2, 151936, 896, 24, 4864, 14, 2, 64, 32768, 1e6f, 1e-6f, true});
  shapes.push_back(
      {"qwen2.5-1.5b", Arch::kQwen2, 151936, 1536, 28, 8960, 12, 2, 128, 32768, 1e6f, 1e-6f, true});
  shapes.push_back(
      {"qwen3-0.6b", Arch::kQwen3, 151936, 1024, 28, 3072, 16, 8, 128, 40960, 1e6f, 1e-6f, true});
  shapes.push_back(
      {"qwen3-1.7b", Arch::kQwen3, 151936, 2048, 28, 6144, 16, 8, 128, 40960, 1e6f, 1e-6f, true});
  return shapes;
}

const std::vector<ModelShape>& shapes() {
  static const std::vector<ModelShape> all = make_shapes();
  return all;
}

}  // namespace

std::string_view arch_name(Arch arch) {
  return arch == Arch::kQwen2 ? "qwen2" : "qwen3";
}

std::optional<Arch> arch_from_name(std::string_view name) {
  if (name == "qwen2") return Arch::kQwen2;
  if (name == "qwen3") return Arch::kQwen3;
  return std::nullopt;
}

const ModelShape& shape_by_name(std::string_view name) {
  for (const ModelShape& shape : shapes()) {
    if (shape.name == name) return shape;
  }
  std::string known;
  for (const std::string& shape : shape_names())
    known += (known.empty() ? "" : ", ") + shape;
  throw std::invalid_argument("unknown shape '" + std::string(name) + "' (known: " + known + ")");
}

std::vector<std::string> shape_names() {
  std::vector<std::string> names;
  for (const ModelShape& shape : shapes())
    names.push_back(shape.name);
  return names;
}

void check_shape_fits(const ModelShape& shape, Arch arch) {
  if (shape.arch && *shape.arch != arch) {
    throw std::invalid_argument("shape '" + shape.name + "' is a " +
                                std::string(arch_name(*shape.arch)) + " shape, not " +
                                std::string(arch_name(arch)));
  }
  if (arch == Arch::kQwen2 && shape.head_dim * shape.n_head != shape.n_embd) {
    throw std::invalid_argument("shape '" + shape.name + "' has head_dim " +
                                std::to_string(shape.head_dim) +
                                " != n_embd / n_head, which qwen2 cannot express");
  }
}

}  // namespace codriver::llm::testmodel
