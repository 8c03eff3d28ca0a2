// The reference forward pass on hand-built one-layer models whose weights make the output
// predictable: zero blocks leave only embedding, final norm and head; a single token
// attends only to itself; identity projections expose RoPE and Qwen3's q/k norms.
#include "llm/reference/reference_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "llm/reference/tiny_qwen_model.h"

namespace codriver::llm::reference {
namespace {

using testing::Shape;
using testing::TinyQwen;
using testing::wave;
using Vec = std::vector<double>;

// ---- the few lines of arithmetic the expected values need ----

Vec embedding(const TinyQwen& m, int token) {
  const auto& table = m["token_embd.weight"];
  const int n = m.shape().n_embd;
  return Vec(table.begin() + token * n, table.begin() + (token + 1) * n);
}

Vec times(const std::vector<float>& matrix, const Vec& x) {
  Vec y(matrix.size() / x.size(), 0.0);
  for (std::size_t r = 0; r < y.size(); ++r) {
    for (std::size_t c = 0; c < x.size(); ++c)
      y[r] += matrix[r * x.size() + c] * x[c];
  }
  return y;
}

Vec plus(Vec a, const Vec& b) {
  for (std::size_t i = 0; i < a.size(); ++i)
    a[i] += b[i];
  return a;
}

Vec normalised(const Vec& x, const std::vector<float>& weight, double eps) {
  double mean_square = 0.0;
  for (const double v : x)
    mean_square += v * v / static_cast<double>(x.size());
  Vec y(x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    y[i] = x[i] / std::sqrt(mean_square + eps) * weight[i];
  return y;
}

double dot(const Vec& a, const Vec& b) {
  double sum = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i)
    sum += a[i] * b[i];
  return sum;
}

double eps_of(const TinyQwen& m) {
  return static_cast<double>(m.shape().rms_norm_eps);
}

// Final norm and LM head (output.weight, or token_embd.weight when tied) on a hidden state.
Vec expected_logits(const TinyQwen& m, const Vec& hidden) {
  const Vec x = normalised(hidden, m["output_norm.weight"], eps_of(m));
  return times(m[m.has("output.weight") ? "output.weight" : "token_embd.weight"], x);
}

void expect_close(const Vec& actual, const Vec& expected, double tolerance = 1e-12) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_NEAR(actual[i], expected[i], tolerance * std::max(1.0, std::abs(expected[i])))
        << "at " << i;
  }
}

std::vector<float> identity(int n) {
  std::vector<float> m(static_cast<std::size_t>(n * n), 0.0F);
  for (int i = 0; i < n; ++i)
    m[i * n + i] = 1.0F;
  return m;
}

// ---- embedding, final norm, head ----

TEST(ReferenceModel, ZeroBlocksLeaveNormalisedEmbeddingThroughTiedHead) {
  TinyQwen m(Shape{});
  m["output_norm.weight"] = {1.0F, 0.5F, 2.0F, -1.0F};
  const ReferenceModel model = m.reference();
  EXPECT_EQ(model.config().n_vocab, 5);
  EXPECT_TRUE(model.config().tied_output);

  const std::vector<std::int32_t> tokens = {3, 1, 3};
  const auto logits = model.logits(tokens);
  ASSERT_EQ(logits.size(), 3U);
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    expect_close(logits[t], expected_logits(m, embedding(m, tokens[t])));
  }
  EXPECT_EQ(logits[0], logits[2]);
  EXPECT_EQ(model.last_logits(tokens), logits[2]);
}

TEST(ReferenceModel, UntiedOutputWeightIsTheHead) {
  TinyQwen m(Shape{});
  m.add("output.weight", {4, 5});
  m["output.weight"] = wave(20, 9);
  const ReferenceModel model = m.reference();
  EXPECT_FALSE(model.config().tied_output);
  expect_close(model.last_logits({2}), expected_logits(m, embedding(m, 2)));
}

// ---- attention ----

TEST(ReferenceModel, SingleTokenAttendsOnlyToItsOwnValue) {
  // Qwen2, 2 query heads sharing 1 kv head of width 2. Softmax over one position is 1, so
  // whatever q and k are, each head's output is v = Wv x + bv.
  TinyQwen m(Shape{});
  m["blk.0.attn_norm.weight"] = {0.5F, 1.5F, 1.0F, 2.0F};
  m["blk.0.attn_q.weight"] = wave(16, 3);
  m["blk.0.attn_k.weight"] = wave(8, 4);
  m["blk.0.attn_q.bias"] = wave(4, 5);
  m["blk.0.attn_k.bias"] = wave(2, 6);
  m["blk.0.attn_v.weight"] = wave(8, 7);
  m["blk.0.attn_v.bias"] = {0.25F, -0.5F};
  m["blk.0.attn_output.weight"] = wave(16, 8);

  const Vec e = embedding(m, 2);
  const Vec v =
      plus(times(m["blk.0.attn_v.weight"], normalised(e, m["blk.0.attn_norm.weight"], eps_of(m))),
           Vec{0.25, -0.5});
  const Vec hidden = plus(e, times(m["blk.0.attn_output.weight"], Vec{v[0], v[1], v[0], v[1]}));
  expect_close(m.reference().last_logits({2}), expected_logits(m, hidden));
}

// R(pos) of NeoX RoPE for head_dim 4 and base 100: pairs (0, 2) and (1, 3) turn by pos and
// pos * 100^(-1/2) = pos / 10.
Vec rotated(const Vec& x, double pos) {
  const double a = pos;
  const double b = pos / 10.0;
  return {x[0] * std::cos(a) - x[2] * std::sin(a), x[1] * std::cos(b) - x[3] * std::sin(b),
          x[0] * std::sin(a) + x[2] * std::cos(a), x[1] * std::sin(b) + x[3] * std::cos(b)};
}

TEST(ReferenceModel, Qwen2TwoTokensWithIdentityProjectionsShowBiasesAndRope) {
  Shape shape;
  shape.n_head = 1;
  shape.head_dim = 4;
  shape.rope_freq_base = 100.0F;
  TinyQwen m(shape);
  for (const char* name : {"attn_q", "attn_k", "attn_v", "attn_output"}) {
    m[std::string("blk.0.") + name + ".weight"] = identity(4);
  }
  m["blk.0.attn_q.bias"] = {0.5F, -0.25F, 0.0F, 1.0F};
  m["blk.0.attn_k.bias"] = {-1.0F, 0.75F, 0.25F, 0.0F};
  m["blk.0.attn_v.bias"] = {0.125F, 0.0F, -0.5F, 0.25F};
  const Vec bq = {0.5, -0.25, 0.0, 1.0};
  const Vec bk = {-1.0, 0.75, 0.25, 0.0};
  const Vec bv = {0.125, 0.0, -0.5, 0.25};

  const Vec e0 = embedding(m, 0);
  const Vec e1 = embedding(m, 3);
  const std::vector<float> ones(4, 1.0F);
  const Vec x0 = normalised(e0, ones, eps_of(m));
  const Vec x1 = normalised(e1, ones, eps_of(m));
  // Position 1: q = R(1) (x1 + bq) scores k0 = R(0) (x0 + bk) = x0 + bk and
  // k1 = R(1) (x1 + bk), scale 1/sqrt(4); values x + bv are not rotated.
  const Vec q1 = rotated(plus(x1, bq), 1.0);
  const double s0 = dot(q1, plus(x0, bk)) / 2.0;
  const double s1 = dot(q1, rotated(plus(x1, bk), 1.0)) / 2.0;
  const double p0 = 1.0 / (1.0 + std::exp(s1 - s0));
  const Vec v0 = plus(x0, bv);
  const Vec v1 = plus(x1, bv);
  Vec attended(4);
  for (int i = 0; i < 4; ++i)
    attended[i] = p0 * v0[i] + (1.0 - p0) * v1[i];

  const auto logits = m.reference().logits({0, 3});
  expect_close(logits[0], expected_logits(m, plus(e0, v0)));
  expect_close(logits[1], expected_logits(m, plus(e1, attended)));
}

TEST(ReferenceModel, Qwen3GroupsQueryHeadsOnConsecutiveKvHeads) {
  // head_dim 2 from key_length although n_embd / n_head = 1. Query heads 0,1 read kv head 0
  // and heads 2,3 kv head 1: v0 = (x0, 0), v1 = (2 x0, 0); Wo puts head h's first value
  // component on feature h, so the attention adds x0 * (1, 1, 2, 2).
  Shape shape;
  shape.architecture = "qwen3";
  shape.n_head = 4;
  shape.n_head_kv = 2;
  shape.head_dim = 2;
  TinyQwen m(shape);
  m["blk.0.attn_norm.weight"] = {1.5F, 1.0F, 0.5F, 1.0F};
  m["blk.0.attn_q.weight"] = wave(32, 3);
  m["blk.0.attn_k.weight"] = wave(16, 4);
  m["blk.0.attn_q_norm.weight"] = {0.5F, 3.0F};
  std::vector<float>& wv = m["blk.0.attn_v.weight"];  // 4 rows (2 kv heads x 2) of 4
  wv[0 * 4 + 0] = 1.0F;
  wv[2 * 4 + 0] = 2.0F;
  std::vector<float>& wo = m["blk.0.attn_output.weight"];  // 4 rows of 8
  for (int h = 0; h < 4; ++h)
    wo[h * 8 + 2 * h] = 1.0F;

  const Vec e = embedding(m, 4);
  const double x0 = normalised(e, m["blk.0.attn_norm.weight"], eps_of(m))[0];
  const Vec hidden = plus(e, Vec{x0, x0, 2 * x0, 2 * x0});
  expect_close(m.reference().last_logits({4}), expected_logits(m, hidden));
}

TEST(ReferenceModel, Qwen3NormalisesEachHeadOfQAndKBeforeRope) {
  // n_embd = head_dim = 2, identity projections, no epsilon: x_t = e_t / rms(e_t) has rms 1,
  // so q_t = R(t) (x_t * q_norm) and k_t = R(t) (x_t * k_norm), R(t) a turn by t radians.
  Shape shape;
  shape.architecture = "qwen3";
  shape.n_embd = 2;
  shape.n_head = 1;
  shape.head_dim = 2;
  shape.rms_norm_eps = 0.0F;
  TinyQwen m(shape);
  for (const char* name : {"attn_q", "attn_k", "attn_v", "attn_output"}) {
    m[std::string("blk.0.") + name + ".weight"] = identity(2);
  }
  m["blk.0.attn_q_norm.weight"] = {1.5F, 0.5F};
  m["blk.0.attn_k_norm.weight"] = {0.75F, 2.0F};

  const std::vector<float> ones(2, 1.0F);
  const Vec e0 = embedding(m, 1);
  const Vec e1 = embedding(m, 4);
  const Vec x0 = normalised(e0, ones, 0.0);
  const Vec x1 = normalised(e1, ones, 0.0);
  const auto turned = [](const Vec& v, double a) {
    return Vec{v[0] * std::cos(a) - v[1] * std::sin(a), v[0] * std::sin(a) + v[1] * std::cos(a)};
  };
  const Vec q1 = turned({x1[0] * 1.5, x1[1] * 0.5}, 1.0);
  const Vec k0 = {x0[0] * 0.75, x0[1] * 2.0};
  const Vec k1 = turned({x1[0] * 0.75, x1[1] * 2.0}, 1.0);
  const double s0 = dot(q1, k0) / std::sqrt(2.0);
  const double s1 = dot(q1, k1) / std::sqrt(2.0);
  const double p0 = 1.0 / (1.0 + std::exp(s1 - s0));
  const Vec attended = {p0 * x0[0] + (1 - p0) * x1[0], p0 * x0[1] + (1 - p0) * x1[1]};

  const auto logits = m.reference().logits({1, 4});
  expect_close(logits[0], expected_logits(m, plus(e0, x0)));
  expect_close(logits[1], expected_logits(m, plus(e1, attended)));
}

Vec logits_at(const TinyQwen& m, std::size_t position) {
  return m.reference().logits({0, 3, 1, 4})[position];
}

TEST(ReferenceModel, Qwen3IgnoresTheScaleOfQAndKButQwen2DoesNot) {
  for (const char* architecture : {"qwen3", "qwen2"}) {
    SCOPED_TRACE(architecture);
    Shape shape;
    shape.architecture = architecture;
    shape.rms_norm_eps = 0.0F;
    TinyQwen m(shape);
    m.randomise();
    const Vec before = logits_at(m, 3);
    const Vec first_before = logits_at(m, 0);
    for (const char* name : {"blk.0.attn_q.weight", "blk.0.attn_k.weight"}) {
      for (float& v : m[name])
        v *= 8.0F;
    }
    const Vec after = logits_at(m, 3);
    if (std::string(architecture) == "qwen3") {
      expect_close(after, before, 1e-10);
    } else {
      EXPECT_GT(std::abs(after[0] - before[0]), 1e-3);
    }
    // The first position attends to itself whatever q and k are.
    expect_close(logits_at(m, 0), first_before, 1e-12);
  }
}

// ---- feed-forward ----

TEST(ReferenceModel, SwiGluFeedForward) {
  TinyQwen m(Shape{});
  m["blk.0.ffn_norm.weight"] = {2.0F, 0.5F, 1.0F, 1.5F};
  m["blk.0.ffn_gate.weight"] = wave(12, 3);
  m["blk.0.ffn_up.weight"] = wave(12, 4);
  m["blk.0.ffn_down.weight"] = wave(12, 5);
  const Vec e = embedding(m, 1);
  const Vec x = normalised(e, m["blk.0.ffn_norm.weight"], eps_of(m));
  const Vec gate = times(m["blk.0.ffn_gate.weight"], x);
  const Vec up = times(m["blk.0.ffn_up.weight"], x);
  Vec product(3);
  for (int i = 0; i < 3; ++i)
    product[i] = gate[i] / (1.0 + std::exp(-gate[i])) * up[i];
  const Vec hidden = plus(e, times(m["blk.0.ffn_down.weight"], product));
  expect_close(m.reference().last_logits({1}), expected_logits(m, hidden));
}

// ---- whole model ----

TEST(ReferenceModel, EarlierPositionsIgnoreLaterTokens) {
  for (const char* architecture : {"qwen2", "qwen3"}) {
    SCOPED_TRACE(architecture);
    Shape shape;
    shape.architecture = architecture;
    shape.n_layer = 2;
    TinyQwen m(shape);
    m.randomise();
    const ReferenceModel model = m.reference();
    const auto full = model.logits({1, 4, 2, 0, 3, 3, 1});
    const auto prefix = model.logits({1, 4, 2});
    const auto other_tail = model.logits({1, 4, 2, 2});
    for (std::size_t t = 0; t < 3; ++t) {
      EXPECT_EQ(prefix[t], full[t]);
      EXPECT_EQ(other_tail[t], full[t]);
      for (const double v : full[t])
        EXPECT_TRUE(std::isfinite(v));
    }
    EXPECT_NE(other_tail[3], full[3]);
  }
}

TEST(ReferenceModel, QuantisedWeightsReadThroughTheDequantiser) {
  // The same embedding once as Q8_0 blocks (d = 1/16, 0x2C00) and once as the F32 values
  // those blocks stand for: identical logits.
  Shape shape;
  shape.n_vocab = 3;
  shape.n_embd = 32;
  shape.head_dim = 16;
  shape.n_ff = 4;
  TinyQwen f32(shape);
  f32.randomise();
  TinyQwen q8 = f32;
  TinyQwen::Tensor& embd = q8.tensor("token_embd.weight");
  embd.raw_type = gguf::GgmlType::kQ8_0;
  std::vector<float>& values = f32["token_embd.weight"];
  for (int r = 0; r < 3; ++r) {
    embd.raw.push_back(std::byte{0x00});
    embd.raw.push_back(std::byte{0x2C});
    for (int i = 0; i < 32; ++i) {
      const int q = (7 * (r * 32 + i)) % 61 - 30;
      embd.raw.push_back(static_cast<std::byte>(q & 0xFF));
      values[r * 32 + i] = static_cast<float>(q) / 16.0F;
    }
  }
  EXPECT_EQ(q8.reference().logits({2, 0, 1}), f32.reference().logits({2, 0, 1}));
}

// ---- refusals ----

std::string load_error(const TinyQwen& m, std::int64_t max_weights = 50'000'000) {
  try {
    m.reference(max_weights);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ReferenceModel, RefusesModelsItCannotRead) {
  Shape llama;
  llama.architecture = "llama";
  EXPECT_NE(load_error(TinyQwen(llama)).find("'llama'"), std::string::npos);

  TinyQwen missing(Shape{});
  missing.remove("blk.0.ffn_up.weight");
  EXPECT_NE(load_error(missing).find("blk.0.ffn_up.weight is missing"), std::string::npos);

  TinyQwen no_bias(Shape{});
  no_bias.remove("blk.0.attn_v.bias");
  EXPECT_NE(load_error(no_bias).find("blk.0.attn_v.bias"), std::string::npos);

  Shape qwen3;
  qwen3.architecture = "qwen3";
  TinyQwen with_bias(qwen3);
  with_bias.add("blk.0.attn_q.bias", {4});
  EXPECT_NE(load_error(with_bias).find("no biases"), std::string::npos);

  TinyQwen wrong_dims(Shape{});
  wrong_dims.tensor("blk.0.attn_k.weight").dims = {2, 4};
  EXPECT_NE(load_error(wrong_dims).find("[2, 4], the model needs [4, 2]"), std::string::npos);

  EXPECT_NE(load_error(TinyQwen(Shape{}), 100).find("at most 100"), std::string::npos);
}

TEST(ReferenceModel, RefusesPromptsOutsideTheVocabulary) {
  const ReferenceModel model = TinyQwen(Shape{}).reference();
  EXPECT_THROW(model.logits({}), std::invalid_argument);
  EXPECT_THROW(model.logits({0, 5}), std::invalid_argument);
  EXPECT_THROW(model.logits({-1}), std::invalid_argument);
}

}  // namespace
}  // namespace codriver::llm::reference
