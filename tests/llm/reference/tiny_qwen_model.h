#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "llm/gguf/gguf_file.h"
#include "llm/reference/reference_model.h"
#include "llm/reference/tiny_gguf_writer.h"

// Hand-built Qwen2/Qwen3 models for the reference's tests: every tensor the README's table
// names, F32, with shapes from a small Shape; tests overwrite the values they reason about.
namespace codriver::llm::reference::testing {

struct Shape {
  std::string architecture = "qwen2";
  int n_vocab = 5;
  int n_embd = 4;
  int n_layer = 1;
  int n_head = 2;
  int n_head_kv = 1;
  int head_dim = 2;  // Qwen2 files must have n_embd / n_head here
  int n_ff = 3;
  float rms_norm_eps = 1e-6F;
  float rope_freq_base = 10000.0F;
};

// Deterministic, irregular values in about [-0.8, 1.0].
inline std::vector<float> wave(std::size_t n, int seed) {
  std::vector<float> values(n);
  for (std::size_t i = 0; i < n; ++i) {
    values[i] =
        static_cast<float>(0.9 * std::sin(0.77 * static_cast<double>(i) + 1.3 * seed) + 0.1);
  }
  return values;
}

class TinyQwen {
 public:
  struct Tensor {
    std::vector<std::uint64_t> dims;
    std::vector<float> values;  // written as F32 unless `raw` is set
    gguf::GgmlType raw_type = gguf::GgmlType::kF32;
    std::vector<std::byte> raw;  // bytes already in raw_type's layout
  };

  // Embeddings are `wave`s, norm weights ones, everything else zero.
  explicit TinyQwen(Shape shape) : shape_(std::move(shape)) {
    const auto embd = static_cast<std::uint64_t>(shape_.n_embd);
    const auto q_width = static_cast<std::uint64_t>(shape_.n_head * shape_.head_dim);
    const auto kv_width = static_cast<std::uint64_t>(shape_.n_head_kv * shape_.head_dim);
    const auto ff = static_cast<std::uint64_t>(shape_.n_ff);
    add("token_embd.weight", {embd, static_cast<std::uint64_t>(shape_.n_vocab)});
    tensors_["token_embd.weight"].values = wave(embd * shape_.n_vocab, 1);
    add("output_norm.weight", {embd}, 1.0F);
    for (int n = 0; n < shape_.n_layer; ++n) {
      const std::string p = "blk." + std::to_string(n) + ".";
      add(p + "attn_norm.weight", {embd}, 1.0F);
      add(p + "attn_q.weight", {embd, q_width});
      add(p + "attn_k.weight", {embd, kv_width});
      add(p + "attn_v.weight", {embd, kv_width});
      add(p + "attn_output.weight", {q_width, embd});
      if (shape_.architecture == "qwen2") {
        add(p + "attn_q.bias", {q_width});
        add(p + "attn_k.bias", {kv_width});
        add(p + "attn_v.bias", {kv_width});
      } else {
        add(p + "attn_q_norm.weight", {static_cast<std::uint64_t>(shape_.head_dim)}, 1.0F);
        add(p + "attn_k_norm.weight", {static_cast<std::uint64_t>(shape_.head_dim)}, 1.0F);
      }
      add(p + "ffn_norm.weight", {embd}, 1.0F);
      add(p + "ffn_gate.weight", {embd, ff});
      add(p + "ffn_up.weight", {embd, ff});
      add(p + "ffn_down.weight", {ff, embd});
    }
  }

  const Shape& shape() const { return shape_; }
  bool has(const std::string& name) const { return tensors_.count(name) != 0; }
  Tensor& tensor(const std::string& name) { return tensors_.at(name); }
  std::vector<float>& operator[](const std::string& name) { return tensors_.at(name).values; }
  const std::vector<float>& operator[](const std::string& name) const {
    return tensors_.at(name).values;
  }

  void add(const std::string& name, std::vector<std::uint64_t> dims, float fill = 0.0F) {
    std::uint64_t count = 1;
    for (const std::uint64_t d : dims)
      count *= d;
    tensors_[name] = Tensor{std::move(dims), std::vector<float>(count, fill), {}, {}};
  }
  void remove(const std::string& name) { tensors_.erase(name); }

  // Every non-norm tensor gets a distinct `wave`; norms get waves around 1.
  void randomise() {
    int seed = 2;
    for (auto& [name, tensor] : tensors_) {
      tensor.values = wave(tensor.values.size(), seed++);
      if (name.find("norm") != std::string::npos) {
        for (float& v : tensor.values)
          v = 1.0F + 0.3F * v;
      }
    }
  }

  std::vector<std::byte> gguf_bytes() const {
    TinyGgufWriter writer;
    const std::string a = shape_.architecture + ".";
    writer.add_string("general.architecture", shape_.architecture);
    writer.add_uint32(a + "embedding_length", static_cast<std::uint32_t>(shape_.n_embd));
    writer.add_uint32(a + "block_count", static_cast<std::uint32_t>(shape_.n_layer));
    writer.add_uint32(a + "feed_forward_length", static_cast<std::uint32_t>(shape_.n_ff));
    writer.add_uint32(a + "attention.head_count", static_cast<std::uint32_t>(shape_.n_head));
    writer.add_uint32(a + "attention.head_count_kv", static_cast<std::uint32_t>(shape_.n_head_kv));
    writer.add_float32(a + "rope.freq_base", shape_.rope_freq_base);
    writer.add_float32(a + "attention.layer_norm_rms_epsilon", shape_.rms_norm_eps);
    if (shape_.architecture == "qwen3") {
      writer.add_uint32(a + "attention.key_length", static_cast<std::uint32_t>(shape_.head_dim));
      writer.add_uint32(a + "attention.value_length", static_cast<std::uint32_t>(shape_.head_dim));
    }
    for (const auto& [name, tensor] : tensors_) {
      if (tensor.raw.empty()) {
        writer.add_f32_tensor(name, tensor.dims, tensor.values);
      } else {
        writer.add_tensor(name, tensor.dims, tensor.raw_type, tensor.raw);
      }
    }
    return writer.bytes();
  }

  // The reference read from this model's GGUF bytes (which it no longer needs afterwards).
  ReferenceModel reference(std::int64_t max_weights = ReferenceModel::kDefaultMaxWeights) const {
    const std::vector<std::byte> bytes = gguf_bytes();
    const gguf::GgufFile file = gguf::GgufFile::parse(std::span<const std::byte>(bytes));
    return ReferenceModel(file, max_weights);
  }

 private:
  Shape shape_;
  std::map<std::string, Tensor> tensors_;
};

}  // namespace codriver::llm::reference::testing
