#include "llm/reference/reference_model.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string_view>

#include "llm/reference/reference_dequantize.h"

namespace codriver::llm::reference {

namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("reference model: " + what);
}

std::string dims_text(const std::vector<std::uint64_t>& dims) {
  std::string text = "[";
  for (std::size_t i = 0; i < dims.size(); ++i) {
    text += (i == 0 ? "" : ", ") + std::to_string(dims[i]);
  }
  return text + "]";
}

// Reads the model's tensors by name, checking each shape against the configuration.
class TensorLoader {
 public:
  explicit TensorLoader(const gguf::GgufFile& file) : file_(file) {}

  bool has(const std::string& name) const { return file_.find_tensor(name) != nullptr; }

  std::vector<double> vector(const std::string& name, std::int64_t length) const {
    return dequantize_tensor(checked(name, {length}));
  }

  // GGUF dims [cols, rows]: each of the `rows` rows holds `cols` weights, one per input.
  ReferenceMatrix matrix(const std::string& name, std::int64_t cols, std::int64_t rows) const {
    return {rows, cols, dequantize_tensor(checked(name, {cols, rows}))};
  }

 private:
  const gguf::TensorInfo& checked(const std::string& name,
                                  const std::vector<std::int64_t>& expected) const {
    const gguf::TensorInfo* tensor = file_.find_tensor(name);
    if (tensor == nullptr) fail("tensor " + name + " is missing");
    const std::vector<std::uint64_t> wanted(expected.begin(), expected.end());
    if (tensor->dims != wanted) {
      fail("tensor " + name + " has dims " + dims_text(tensor->dims) + ", the model needs " +
           dims_text(wanted));
    }
    return *tensor;
  }

  const gguf::GgufFile& file_;
};

std::int64_t positive_count(const gguf::GgufFile& file, const std::string& key) {
  const std::uint64_t value = file.get_uint(key);
  if (value == 0 || value > (1ULL << 31)) {
    fail("metadata " + key + " = " + std::to_string(value) + " is not a sensible size");
  }
  return static_cast<std::int64_t>(value);
}

ReferenceConfig read_config(const gguf::GgufFile& file) {
  ReferenceConfig config;
  config.architecture = std::string(file.get_string("general.architecture"));
  const bool qwen3 = config.architecture == "qwen3";
  if (!qwen3 && config.architecture != "qwen2") {
    fail("architecture '" + config.architecture + "' is not qwen2 or qwen3");
  }
  const std::string a = config.architecture + ".";
  config.n_embd = positive_count(file, a + "embedding_length");
  config.n_layer = positive_count(file, a + "block_count");
  config.n_ff = positive_count(file, a + "feed_forward_length");
  config.n_head = positive_count(file, a + "attention.head_count");
  config.n_head_kv = file.contains(a + "attention.head_count_kv")
                         ? positive_count(file, a + "attention.head_count_kv")
                         : config.n_head;
  // llama.cpp's default when a file leaves the RoPE base out.
  config.rope_freq_base = file.get_float_or(a + "rope.freq_base", 10000.0);
  config.rms_norm_eps = file.get_float(a + "attention.layer_norm_rms_epsilon");

  if (config.n_head % config.n_head_kv != 0) {
    fail(std::to_string(config.n_head) + " query heads cannot share " +
         std::to_string(config.n_head_kv) + " key/value heads evenly");
  }
  if (qwen3) {
    config.head_dim = positive_count(file, a + "attention.key_length");
    const std::string value_key = a + "attention.value_length";
    if (file.contains(value_key) && positive_count(file, value_key) != config.head_dim) {
      fail(value_key + " differs from attention.key_length; the reference needs them equal");
    }
  } else {
    if (config.n_embd % config.n_head != 0) {
      fail("embedding_length " + std::to_string(config.n_embd) + " is not a multiple of " +
           std::to_string(config.n_head) + " heads");
    }
    config.head_dim = config.n_embd / config.n_head;
  }
  if (config.head_dim % 2 != 0) {
    fail("head dimension " + std::to_string(config.head_dim) + " is odd; RoPE needs pairs");
  }
  return config;
}

void check_size(const gguf::GgufFile& file, std::int64_t max_weights) {
  std::uint64_t weights = 0;
  for (const gguf::TensorInfo& tensor : file.tensors())
    weights += tensor.elements();
  if (weights > static_cast<std::uint64_t>(max_weights)) {
    fail("the file holds " + std::to_string(weights) + " weights; the double-precision " +
         "reference takes at most " + std::to_string(max_weights) + " (use a tiny test model)");
  }
}

ReferenceLayer read_layer(const TensorLoader& load, const ReferenceConfig& c, std::int64_t n) {
  const std::string p = "blk." + std::to_string(n) + ".";
  const std::int64_t q_width = c.n_head * c.head_dim;
  const std::int64_t kv_width = c.n_head_kv * c.head_dim;
  ReferenceLayer layer;
  layer.attn_norm = load.vector(p + "attn_norm.weight", c.n_embd);
  layer.attn_q = load.matrix(p + "attn_q.weight", c.n_embd, q_width);
  layer.attn_k = load.matrix(p + "attn_k.weight", c.n_embd, kv_width);
  layer.attn_v = load.matrix(p + "attn_v.weight", c.n_embd, kv_width);
  layer.attn_output = load.matrix(p + "attn_output.weight", q_width, c.n_embd);
  if (c.architecture == "qwen2") {
    layer.attn_q_bias = load.vector(p + "attn_q.bias", q_width);
    layer.attn_k_bias = load.vector(p + "attn_k.bias", kv_width);
    layer.attn_v_bias = load.vector(p + "attn_v.bias", kv_width);
  } else {
    for (const char* bias : {"attn_q.bias", "attn_k.bias", "attn_v.bias"}) {
      // Qwen3 has none; silently ignoring one would hide a writer or engine mismatch.
      if (load.has(p + bias)) fail("qwen3 model has tensor " + p + bias + "; Qwen3 has no biases");
    }
    layer.attn_q_norm = load.vector(p + "attn_q_norm.weight", c.head_dim);
    layer.attn_k_norm = load.vector(p + "attn_k_norm.weight", c.head_dim);
  }
  layer.ffn_norm = load.vector(p + "ffn_norm.weight", c.n_embd);
  layer.ffn_gate = load.matrix(p + "ffn_gate.weight", c.n_embd, c.n_ff);
  layer.ffn_up = load.matrix(p + "ffn_up.weight", c.n_embd, c.n_ff);
  layer.ffn_down = load.matrix(p + "ffn_down.weight", c.n_ff, c.n_embd);
  return layer;
}

// ---- the arithmetic, one plain loop each ----

std::vector<double> multiply(const ReferenceMatrix& m, const std::vector<double>& x) {
  std::vector<double> y(static_cast<std::size_t>(m.rows), 0.0);
  for (std::int64_t r = 0; r < m.rows; ++r) {
    double sum = 0.0;
    for (std::int64_t c = 0; c < m.cols; ++c)
      sum += m.values[r * m.cols + c] * x[c];
    y[r] = sum;
  }
  return y;
}

void add_in_place(std::vector<double>& x, const std::vector<double>& y) {
  for (std::size_t i = 0; i < x.size(); ++i)
    x[i] += y[i];
}

// x / sqrt(mean(x^2) + eps) * weight, over x[begin, begin + weight.size()).
void rms_norm_in_place(std::vector<double>& x, std::size_t begin, const std::vector<double>& weight,
                       double eps) {
  double sum_of_squares = 0.0;
  for (std::size_t i = 0; i < weight.size(); ++i)
    sum_of_squares += x[begin + i] * x[begin + i];
  const double scale = 1.0 / std::sqrt(sum_of_squares / static_cast<double>(weight.size()) + eps);
  for (std::size_t i = 0; i < weight.size(); ++i)
    x[begin + i] *= scale * weight[i];
}

std::vector<double> rms_norm(std::vector<double> x, const std::vector<double>& weight, double eps) {
  rms_norm_in_place(x, 0, weight, eps);
  return x;
}

// NeoX-style RoPE on every head of x: pair (i, i + head_dim/2) turns by
// position * base^(-2i/head_dim).
void rope_in_place(std::vector<double>& x, std::int64_t head_dim, std::int64_t position,
                   double base) {
  const std::int64_t half = head_dim / 2;
  for (std::size_t head = 0; head < x.size(); head += static_cast<std::size_t>(head_dim)) {
    for (std::int64_t i = 0; i < half; ++i) {
      const double theta =
          static_cast<double>(position) * std::pow(base, -2.0 * static_cast<double>(i) / head_dim);
      const double x0 = x[head + i];
      const double x1 = x[head + i + half];
      x[head + i] = x0 * std::cos(theta) - x1 * std::sin(theta);
      x[head + i + half] = x0 * std::sin(theta) + x1 * std::cos(theta);
    }
  }
}

void softmax_in_place(std::vector<double>& scores) {
  const double top = *std::max_element(scores.begin(), scores.end());
  double total = 0.0;
  for (double& s : scores)
    total += (s = std::exp(s - top));
  for (double& s : scores)
    s /= total;
}

double silu(double z) {
  return z / (1.0 + std::exp(-z));
}

}  // namespace

ReferenceModel::ReferenceModel(const gguf::GgufFile& file, std::int64_t max_weights) {
  config_ = read_config(file);
  check_size(file, max_weights);
  const TensorLoader load(file);

  const gguf::TensorInfo* embedding = file.find_tensor("token_embd.weight");
  if (embedding == nullptr) fail("tensor token_embd.weight is missing");
  if (embedding->dims.size() != 2 || embedding->dims[1] == 0) {
    fail("tensor token_embd.weight has dims " + dims_text(embedding->dims) +
         ", the model needs [n_embd, n_vocab]");
  }
  config_.n_vocab = static_cast<std::int64_t>(embedding->dims[1]);
  token_embd_ = load.matrix("token_embd.weight", config_.n_embd, config_.n_vocab);
  config_.tied_output = !load.has("output.weight");
  if (!config_.tied_output) output_ = load.matrix("output.weight", config_.n_embd, config_.n_vocab);
  output_norm_ = load.vector("output_norm.weight", config_.n_embd);
  for (std::int64_t n = 0; n < config_.n_layer; ++n)
    layers_.push_back(read_layer(load, config_, n));
}

std::vector<std::vector<double>> ReferenceModel::logits(
    const std::vector<std::int32_t>& tokens) const {
  if (tokens.empty()) throw std::invalid_argument("reference model: the prompt is empty");
  Activations hidden;
  for (const std::int32_t token : tokens) {
    if (token < 0 || token >= config_.n_vocab) {
      throw std::invalid_argument("reference model: token " + std::to_string(token) +
                                  " is outside the vocabulary of " +
                                  std::to_string(config_.n_vocab));
    }
    const auto row = token_embd_.values.begin() + token * config_.n_embd;
    hidden.emplace_back(row, row + config_.n_embd);
  }
  for (const ReferenceLayer& layer : layers_) {
    attention_block(layer, hidden);
    feed_forward_block(layer, hidden);
  }
  const ReferenceMatrix& head = config_.tied_output ? token_embd_ : output_;
  Activations result;
  for (const std::vector<double>& h : hidden) {
    result.push_back(multiply(head, rms_norm(h, output_norm_, config_.rms_norm_eps)));
  }
  return result;
}

std::vector<double> ReferenceModel::last_logits(const std::vector<std::int32_t>& tokens) const {
  return logits(tokens).back();
}

void ReferenceModel::attention_block(const ReferenceLayer& layer, Activations& hidden) const {
  const ReferenceConfig& c = config_;
  const auto head_dim = static_cast<std::size_t>(c.head_dim);
  const std::size_t positions = hidden.size();
  Activations q(positions), k(positions), v(positions);
  for (std::size_t t = 0; t < positions; ++t) {
    const std::vector<double> x = rms_norm(hidden[t], layer.attn_norm, c.rms_norm_eps);
    q[t] = multiply(layer.attn_q, x);
    k[t] = multiply(layer.attn_k, x);
    v[t] = multiply(layer.attn_v, x);
    if (c.architecture == "qwen2") {
      add_in_place(q[t], layer.attn_q_bias);
      add_in_place(k[t], layer.attn_k_bias);
      add_in_place(v[t], layer.attn_v_bias);
    } else {  // Qwen3 normalises each head of q and k before RoPE
      for (std::size_t b = 0; b < q[t].size(); b += head_dim) {
        rms_norm_in_place(q[t], b, layer.attn_q_norm, c.rms_norm_eps);
      }
      for (std::size_t b = 0; b < k[t].size(); b += head_dim) {
        rms_norm_in_place(k[t], b, layer.attn_k_norm, c.rms_norm_eps);
      }
    }
    rope_in_place(q[t], c.head_dim, static_cast<std::int64_t>(t), c.rope_freq_base);
    rope_in_place(k[t], c.head_dim, static_cast<std::int64_t>(t), c.rope_freq_base);
  }

  const std::int64_t heads_per_kv = c.n_head / c.n_head_kv;
  const double scale = 1.0 / std::sqrt(static_cast<double>(c.head_dim));
  for (std::size_t t = 0; t < positions; ++t) {
    std::vector<double> attended(static_cast<std::size_t>(c.n_head) * head_dim, 0.0);
    for (std::int64_t h = 0; h < c.n_head; ++h) {
      const std::size_t q_base = static_cast<std::size_t>(h) * head_dim;
      const std::size_t kv_base = static_cast<std::size_t>(h / heads_per_kv) * head_dim;
      std::vector<double> weights(t + 1);  // causal: positions 0..t only
      for (std::size_t s = 0; s <= t; ++s) {
        double dot = 0.0;
        for (std::size_t i = 0; i < head_dim; ++i)
          dot += q[t][q_base + i] * k[s][kv_base + i];
        weights[s] = dot * scale;
      }
      softmax_in_place(weights);
      for (std::size_t s = 0; s <= t; ++s) {
        for (std::size_t i = 0; i < head_dim; ++i) {
          attended[q_base + i] += weights[s] * v[s][kv_base + i];
        }
      }
    }
    add_in_place(hidden[t], multiply(layer.attn_output, attended));
  }
}

void ReferenceModel::feed_forward_block(const ReferenceLayer& layer, Activations& hidden) const {
  for (std::vector<double>& h : hidden) {
    const std::vector<double> x = rms_norm(h, layer.ffn_norm, config_.rms_norm_eps);
    const std::vector<double> gate = multiply(layer.ffn_gate, x);
    std::vector<double> up = multiply(layer.ffn_up, x);
    for (std::size_t i = 0; i < up.size(); ++i)
      up[i] *= silu(gate[i]);
    add_in_place(h, multiply(layer.ffn_down, up));
  }
}

}  // namespace codriver::llm::reference
