// Forward, backward and update over the flat parameter buffer; see network.hpp.
#include "network.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "loss.hpp"

namespace nnplay {

Network::Network(int inputs, const std::vector<int>& hidden, int output_width,
                 Activation hidden_act, Activation output_act, Regularization reg)
    : hidden_(hidden_act), output_(output_act), output_width_(output_width) {
  opt_.kind = OptimizerKind::Sgd;
  opt_.regularization = reg;
  if (output_width < 1) throw std::invalid_argument("a network needs an output");
  sizes_.push_back(inputs);
  sizes_.insert(sizes_.end(), hidden.begin(), hidden.end());
  sizes_.push_back(output_width);
  std::size_t offset = 0, row = 0;
  for (int l = 0; l < layer_count(); ++l) {
    w_off_.push_back(offset);
    offset += std::size_t(sizes_[l + 1]) * sizes_[l];
    b_off_.push_back(offset);
    offset += sizes_[l + 1];
    const Activation act = l + 1 == layer_count() ? output_ : hidden_;
    views_.push_back({sizes_[l], sizes_[l + 1], w_off_[l], b_off_[l], row, act});
    ranges_.push_back({b_off_[l], b_off_[l] + sizes_[l + 1], false});
    ranges_.push_back({w_off_[l], b_off_[l], true});
    row += sizes_[l + 1];
  }
  out_row_ = row - std::size_t(output_width_);
  params_ = xt::zeros<double>({offset});
  grad_ = xt::zeros<double>({offset});
  dead_ = xt::zeros<std::uint8_t>({offset});
  out_ = xt::zeros<double>({row * kChunk});
  der_ = xt::zeros<double>({(row + std::size_t(sizes_[0])) * kChunk});
  single_input_ = xt::zeros<double>({std::size_t(sizes_[0]) * 2});
}

int Network::node_count() const { return std::accumulate(sizes_.begin(), sizes_.end(), 0); }

void Network::init_weights(SeedRandom& rng, bool init_zero, InitScheme scheme) {
  const double kTwoPi = 6.283185307179586;
  for (int l = 0; l < layer_count(); ++l) {
    const double fan_in = sizes_[l], fan_out = sizes_[l + 1];
    const bool glorot = scheme == InitScheme::GlorotUniform || scheme == InitScheme::GlorotNormal;
    const double fans = glorot ? fan_in + fan_out : fan_in;
    const double limit = std::sqrt(6.0 / fans), sd = std::sqrt(2.0 / fans);
    for (int i = 0; i < sizes_[l + 1]; ++i) {
      bias(l, i) = init_zero || scheme != InitScheme::Uniform ? 0.0 : 0.1;
      for (int j = 0; j < sizes_[l]; ++j) {
        double w = 0;
        switch (scheme) {
          case InitScheme::Uniform: w = rng.next() - 0.5; break;
          case InitScheme::GlorotUniform:
          case InitScheme::HeUniform: w = (2 * rng.next() - 1) * limit; break;
          default: {  // Box-Muller's cosine branch: two draws per weight, the sine unused
            const double u1 = rng.next(), u2 = rng.next();
            w = sd * std::sqrt(-2 * std::log(1 - u1)) * std::cos(kTwoPi * u2);
          }
        }
        weight(l, i, j) = init_zero ? 0.0 : w;
      }
    }
  }
  dead_.fill(0);
  has_dead_ = false;
  clear_gradients();
}

void Network::clear_gradients() {
  grad_.fill(0);
  accumulated_ = 0;
}

namespace {

// The chunk width for `count` examples: even (one SIMD register holds two), at least count.
// (Never 1: that costs little and Clang 14 hangs compiling the width-1 kernels for SIMD.)
int chunk_width(int count) { return count <= 2 ? 2 : ((count + 1) & ~1); }

}  // namespace

// In the training path node rows are W apart: row r of the chunk starts at r * W.
template <int W>
void Network::forward_w() {
  const double* p = params_.data();
  double* out = out_.data();
  for (const LayerView& L : views_) {
    const bool first = L.row == 0;
    const double* in = first ? inputs_ : out + (L.row - L.n_in) * W;
    forward_layer_w<W>(L, p, in, first ? stride_ : std::size_t(W), out + L.row * W);
  }
  width_ = W;
}

template <int W>
void Network::backward_w(const double* targets, std::size_t stride) {
  const double* p = params_.data();
  const double* out = out_.data();
  double* der = der_.data();
  // dLoss/dInputSum of every output node (zero on padding lanes); then, per layer from the
  // last, the gradient and the layer below's dLoss/dInputSum.
  for (int k = 0; k < output_width_; ++k) {
    double* d_out = der + (out_row_ + k) * W;
    const double* o = out + (out_row_ + k) * W;
    const double* t = targets + std::size_t(k) * stride;
    for (int e = 0; e < W; ++e) d_out[e] = e < count_ ? Loss::derivative(o[e], t[e]) : 0.0;
    for (int e = 0; e < W; e += 2)
      store2(d_out + e, times_derivative(output_, load2(d_out + e), load2(o + e)));
  }
  for (int l = layer_count() - 1; l >= 0; --l) {
    const LayerView& L = views_[l];
    const double* d = der + L.row * W;
    if (l == 0) {
      backward_layer_w<W, false>(L, p, d, inputs_, stride_, L.act, grad_.data(), nullptr);
    } else {
      const std::size_t below = L.row - L.n_in;  // the first row of layer l - 1
      backward_layer_w<W, true>(L, p, d, out + below * W, W, views_[l - 1].act, grad_.data(),
                                der + below * W);
    }
  }
}

// Calls F<W> for the chunk width of count.
#define NNPLAY_DISPATCH_WIDTH(count, CALL) \
  switch (chunk_width(count)) {            \
    case 2: CALL(2); break;                \
    case 4: CALL(4); break;                \
    case 6: CALL(6); break;                \
    case 8: CALL(8); break;                \
    case 10: CALL(10); break;              \
    case 12: CALL(12); break;              \
    case 14: CALL(14); break;              \
    case 16: CALL(16); break;              \
    case 18: CALL(18); break;              \
    case 20: CALL(20); break;              \
    case 22: CALL(22); break;              \
    case 24: CALL(24); break;              \
    case 26: CALL(26); break;              \
    case 28: CALL(28); break;              \
    case 30: CALL(30); break;              \
    default: CALL(32); break;              \
  }

void Network::forward_batch(const double* inputs, std::size_t stride, int count) {
  inputs_ = inputs;
  stride_ = stride;
  count_ = count;
#define NNPLAY_FORWARD(W) forward_w<W>()
  NNPLAY_DISPATCH_WIDTH(count, NNPLAY_FORWARD)
#undef NNPLAY_FORWARD
}

void Network::backward_batch(const double* targets, std::size_t stride) {
#define NNPLAY_BACKWARD(W) backward_w<W>(targets, stride)
  NNPLAY_DISPATCH_WIDTH(count_, NNPLAY_BACKWARD)
#undef NNPLAY_BACKWARD
  accumulated_ += count_;
}

double Network::forward(const double* input) {
  // A chunk reads two examples: the second lane is padding.
  for (int j = 0; j < sizes_[0]; ++j) single_input_(2 * j) = input[j];
  forward_batch(single_input_.data(), 2, 1);
  return batch_output(0);
}

void Network::backward(const double* targets) { backward_batch(targets, 1); }

void Network::update(double learning_rate, double regularization_rate) {
  if (accumulated_ == 0) return;
  if (opt_.kind == OptimizerKind::Sgd) {
    has_dead_ = sgd_update(
        params_.data(), grad_.data(), dead_.data(), ranges_, accumulated_,
        SgdSettings<double>{learning_rate, regularization_rate, opt_.regularization}, has_dead_);
  } else {
    opt_.learning_rate = learning_rate;
    opt_.regularization_rate = regularization_rate;
    adaptive_update(params_.data(), grad_.data(), dead_.data(), ranges_, accumulated_, opt_, state_,
                    has_dead_);
  }
  clear_gradients();
}

void Network::set_optimizer(const AdaptiveSettings<double>& settings) {
  const bool same_kind = settings.kind == opt_.kind;
  opt_ = settings;
  if (!same_kind) clear_optimizer_state();
}

void Network::clear_optimizer_state() {
  state_.per_param.assign(std::size_t(state_array_count(opt_.kind)),
                          std::vector<double>(params_.size(), 0.0));
  state_.steps = 0;
}

void Network::set_accumulated(const std::vector<double>& gradient, int count) {
  std::copy(gradient.begin(), gradient.end(), grad_.begin());
  accumulated_ = count;
}

void Network::restore(const xt::xtensor<double, 1>& params,
                      const xt::xtensor<std::uint8_t, 1>& dead) {
  params_ = params;
  dead_ = dead;
  has_dead_ = std::any_of(dead_.begin(), dead_.end(), [](std::uint8_t d) { return d != 0; });
  clear_gradients();
}

}  // namespace nnplay
