// Initialisation keeps a random model numerically tame through many layers: matrices
// reading the residual stream have std 1/sqrt(row length) (unit-variance outputs), the two
// writing back into it (attn_output, ffn_down) are further scaled by 1/sqrt(2 n_layer) so
// the stream grows slowly, embeddings give logits of about unit spread, norm weights are
// near 1 and biases small.
#include "llm/testmodel/model_tensors.h"

#include <cmath>

namespace codriver::llm::testmodel {
namespace {

class Planner {
 public:
  Planner(const ModelShape& shape, const WeightMix& mix) : shape_(shape), mix_(mix) {}

  void matrix(const std::string& name, std::uint64_t in, std::uint64_t out, float std) {
    add(name, {in, out}, 0.0f, std);
  }
  void norm(const std::string& name, std::uint64_t width) { add(name, {width}, 1.0f, 0.1f); }
  void bias(const std::string& name, std::uint64_t width) { add(name, {width}, 0.0f, 0.05f); }

  std::vector<TensorPlan> take() { return std::move(plans_); }

 private:
  void add(const std::string& name, std::vector<std::uint64_t> dims, float mean, float std) {
    TensorPlan plan{name, std::move(dims), gguf::GgmlType::kF32, mean, std};
    plan.type = tensor_type(mix_, name, plan.dims[0], shape_.n_layer, !shape_.tied_embeddings);
    plans_.push_back(std::move(plan));
  }

  const ModelShape& shape_;
  const WeightMix& mix_;
  std::vector<TensorPlan> plans_;
};

float reading(std::uint64_t row_length) {
  return 1.0f / std::sqrt(static_cast<float>(row_length));
}

}  // namespace

std::vector<TensorPlan> plan_tensors(Arch arch, const ModelShape& shape, std::uint64_t n_vocab,
                                     const WeightMix& mix) {
  Planner planner(shape, mix);
  const std::uint64_t embd = shape.n_embd;
  const std::uint64_t q_width = std::uint64_t{shape.n_head} * shape.head_dim;
  const std::uint64_t kv_width = std::uint64_t{shape.n_head_kv} * shape.head_dim;
  const float writing = 1.0f / std::sqrt(2.0f * static_cast<float>(shape.n_layer));

  planner.matrix("token_embd.weight", embd, n_vocab, reading(embd));
  planner.norm("output_norm.weight", embd);
  if (!shape.tied_embeddings) planner.matrix("output.weight", embd, n_vocab, reading(embd));
  for (std::uint32_t layer = 0; layer < shape.n_layer; ++layer) {
    const std::string blk = "blk." + std::to_string(layer) + ".";
    planner.norm(blk + "attn_norm.weight", embd);
    planner.matrix(blk + "attn_q.weight", embd, q_width, reading(embd));
    planner.matrix(blk + "attn_k.weight", embd, kv_width, reading(embd));
    planner.matrix(blk + "attn_v.weight", embd, kv_width, reading(embd));
    if (arch == Arch::kQwen2) {
      planner.bias(blk + "attn_q.bias", q_width);
      planner.bias(blk + "attn_k.bias", kv_width);
      planner.bias(blk + "attn_v.bias", kv_width);
    } else {
      planner.norm(blk + "attn_q_norm.weight", shape.head_dim);
      planner.norm(blk + "attn_k_norm.weight", shape.head_dim);
    }
    planner.matrix(blk + "attn_output.weight", q_width, embd, reading(q_width) * writing);
    planner.norm(blk + "ffn_norm.weight", embd);
    planner.matrix(blk + "ffn_gate.weight", embd, shape.n_ff, reading(embd));
    planner.matrix(blk + "ffn_up.weight", embd, shape.n_ff, reading(embd));
    planner.matrix(blk + "ffn_down.weight", shape.n_ff, embd, reading(shape.n_ff) * writing);
  }
  return planner.take();
}

}  // namespace codriver::llm::testmodel
