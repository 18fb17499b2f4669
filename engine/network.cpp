// Forward, backward and update over the flat parameter buffer; see network.hpp.
#include "network.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace nnplay {

Network::Network(std::vector<int> sizes, Activation hidden, Activation output, Regularization reg)
    : sizes_(std::move(sizes)), hidden_(hidden), output_(output), reg_(reg) {
  if (sizes_.size() < 2) throw std::invalid_argument("a network needs an output layer");
  std::size_t offset = 0, row = 0;
  for (int l = 0; l < layer_count(); ++l) {
    w_off_.push_back(offset);
    offset += std::size_t(sizes_[l + 1]) * sizes_[l];
    b_off_.push_back(offset);
    offset += sizes_[l + 1];
    const Activation act = l + 1 == layer_count() ? output_ : hidden_;
    views_.push_back({sizes_[l], sizes_[l + 1], w_off_[l], b_off_[l], row, act});
    row += sizes_[l + 1];
  }
  out_row_ = row - 1;
  params_ = xt::zeros<double>({offset});
  grad_ = xt::zeros<double>({offset});
  dead_ = xt::zeros<std::uint8_t>({offset});
  out_ = xt::zeros<double>({row * kChunk});
  der_ = xt::zeros<double>({(row + std::size_t(sizes_[0])) * kChunk});
  single_input_ = xt::zeros<double>({std::size_t(sizes_[0]) * 2});
}

int Network::node_count() const { return std::accumulate(sizes_.begin(), sizes_.end(), 0); }

void Network::init_weights(SeedRandom& rng, bool init_zero) {
  for (int l = 0; l < layer_count(); ++l) {
    for (int i = 0; i < sizes_[l + 1]; ++i) {
      bias(l, i) = init_zero ? 0.0 : 0.1;
      for (int j = 0; j < sizes_[l]; ++j) {
        const double w = rng.next() - 0.5;
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
void Network::backward_w(const double* targets) {
  const double* p = params_.data();
  const double* out = out_.data();
  double* der = der_.data();
  // dLoss/dInputSum of the output node (zero on padding lanes); then, per layer from the
  // last, the gradient and the layer below's dLoss/dInputSum.
  double* d_out = der + out_row_ * W;
  const double* o = out + out_row_ * W;
  for (int e = 0; e < W; ++e) d_out[e] = e < count_ ? o[e] - targets[e] : 0.0;
  for (int k = 0; k < W; k += 2)
    store2(d_out + k, times_derivative(output_, load2(d_out + k), load2(o + k)));
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
#define NNPLAY_DISPATCH_WIDTH(count, CALL)                                             \
  switch (chunk_width(count)) {                                                        \
    case 2: CALL(2); break;   case 4: CALL(4); break;                                 \
    case 6: CALL(6); break;   case 8: CALL(8); break;   case 10: CALL(10); break;     \
    case 12: CALL(12); break; case 14: CALL(14); break; case 16: CALL(16); break;     \
    case 18: CALL(18); break; case 20: CALL(20); break; case 22: CALL(22); break;     \
    case 24: CALL(24); break; case 26: CALL(26); break; case 28: CALL(28); break;     \
    case 30: CALL(30); break; default: CALL(32); break;                               \
  }

void Network::forward_batch(const double* inputs, std::size_t stride, int count) {
  inputs_ = inputs;
  stride_ = stride;
  count_ = count;
#define NNPLAY_FORWARD(W) forward_w<W>()
  NNPLAY_DISPATCH_WIDTH(count, NNPLAY_FORWARD)
#undef NNPLAY_FORWARD
}

void Network::backward_batch(const double* targets) {
#define NNPLAY_BACKWARD(W) backward_w<W>(targets)
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

void Network::backward(double target) { backward_batch(&target); }

void Network::update(double learning_rate, double regularization_rate) {
  if (accumulated_ == 0) return;
  const double n = accumulated_;
  double* __restrict p = params_.data();
  double* __restrict g = grad_.data();
  std::uint8_t* __restrict dead = dead_.data();
  const double step = learning_rate / n;  // the reference's (learningRate / n) * acc
  const double reg_step = learning_rate * regularization_rate;
  for (int l = 0; l < layer_count(); ++l) {
    const std::size_t w_begin = w_off_[l], b_begin = b_off_[l];
    const std::size_t b_end = b_begin + sizes_[l + 1];
    for (std::size_t k = b_begin; k < b_end; ++k) p[k] -= learning_rate * g[k] / n;
    switch (reg_) {
      case Regularization::None:  // dead links exist only after L1; keep them frozen
        if (!has_dead_) {
          for (std::size_t k = w_begin; k < b_begin; ++k) p[k] -= step * g[k];
          break;
        }
        for (std::size_t k = w_begin; k < b_begin; ++k) p[k] = dead[k] ? p[k] : p[k] - step * g[k];
        break;
      case Regularization::L2:  // R'(w) = w at the weight before the step
        for (std::size_t k = w_begin; k < b_begin; ++k) {
          const double w = p[k];
          p[k] = dead[k] ? w : (w - step * g[k]) - reg_step * w;
        }
        break;
      case Regularization::L1:  // R'(w) = sign(w); a weight that crosses zero dies
        for (std::size_t k = w_begin; k < b_begin; ++k) {
          if (dead[k]) continue;
          const double w = p[k];
          const double sign = w < 0 ? -1.0 : (w > 0 ? 1.0 : 0.0);
          const double stepped = w - step * g[k];
          const double regularized = stepped - reg_step * sign;
          if (stepped * regularized < 0) {
            p[k] = 0;
            dead[k] = 1;
            has_dead_ = true;
          } else {
            p[k] = regularized;
          }
        }
        break;
    }
  }
  std::fill(g, g + grad_.size(), 0.0);
  accumulated_ = 0;
}

}  // namespace nnplay
