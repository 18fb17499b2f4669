// A fully connected feed-forward network with the reference's training semantics:
// per-example backprop accumulated over a batch, averaged update, L1/L2 taken at the
// pre-step weight, L1 dead links, unregularised biases.
//
// All parameters live in one flat buffer. For each layer after the inputs, in order:
//   weights [node][source] row-major (nodes x sources), then biases [node].
// dead_ has the same layout (1 = dead L1 link; bias slots are always 0).
#pragma once
#include <cstdint>
#include <vector>

#include <xtensor/xtensor.hpp>

#include "activations.hpp"
#include "kernels.hpp"
#include "rng.hpp"

namespace nnplay {

enum class Regularization { None, L1, L2 };

class Network {
 public:
  Network() = default;
  // sizes: nodes per layer, inputs first, output last (at least 2 entries).
  Network(std::vector<int> sizes, Activation hidden, Activation output, Regularization reg);

  // Weights U(-0.5, 0.5) in order layer, destination node, source node; biases 0.1.
  // init_zero: the draws still happen, then every weight and bias is 0.
  void init_weights(SeedRandom& rng, bool init_zero);

  // Forward pass of `count` <= kChunk examples; input j of example e is
  // inputs[j * stride + e], readable up to an even count of examples, at least two (pad the
  // data).
  // Keeps every node's outputs for backward_batch().
  void forward_batch(const double* inputs, std::size_t stride, int count);
  // After forward_batch(): accumulates the gradient of 0.5 (out - target)^2 per example.
  void backward_batch(const double* targets);
  // Output of example e of the last forward_batch().
  double batch_output(int e) const { return out_(out_row_ * width_ + e); }

  // One example: forward_batch / backward_batch of one.
  double forward(const double* input);
  void backward(double target);
  // Applies the averaged accumulated gradient and the regularisation, then clears it.
  void update(double learning_rate, double regularization_rate);
  // Drops any accumulated gradient (for a fresh start).
  void clear_gradients();

  const std::vector<int>& sizes() const { return sizes_; }
  int layer_count() const { return static_cast<int>(sizes_.size()) - 1; }  // after inputs
  int node_count() const;  // every node, inputs included
  int output_width() const { return sizes_.back(); }  // outputs per example
  Activation hidden_activation() const { return hidden_; }
  Activation output_activation() const { return output_; }

  // Offsets into the flat buffers for layer l (0 = first layer after the inputs).
  std::size_t weight_offset(int l) const { return w_off_[l]; }
  std::size_t bias_offset(int l) const { return b_off_[l]; }
  double& weight(int l, int node, int source) {
    return params_(w_off_[l] + std::size_t(node) * sizes_[l] + source);
  }
  double& bias(int l, int node) { return params_(b_off_[l] + node); }
  double weight(int l, int node, int source) const {
    return params_(w_off_[l] + std::size_t(node) * sizes_[l] + source);
  }
  double bias(int l, int node) const { return params_(b_off_[l] + node); }
  bool is_dead(int l, int node, int source) const {
    return dead_(w_off_[l] + std::size_t(node) * sizes_[l] + source) != 0;
  }
  // Marks a link dead (frozen at weight 0 by the caller) or alive again.
  void set_dead(int l, int node, int source, bool dead) {
    dead_(w_off_[l] + std::size_t(node) * sizes_[l] + source) = dead ? 1 : 0;
    has_dead_ = has_dead_ || dead;
  }

  xt::xtensor<double, 1>& params() { return params_; }
  const xt::xtensor<double, 1>& params() const { return params_; }
  // Accumulated gradient since the last update (same layout as params; dead links get one
  // too, which the update never applies).
  const xt::xtensor<double, 1>& gradients() const { return grad_; }
  int accumulated() const { return accumulated_; }
  const xt::xtensor<std::uint8_t, 1>& dead_links() const { return dead_; }

  const std::vector<LayerView>& layers() const { return views_; }

 private:
  template <int W> void forward_w();
  template <int W> void backward_w(const double* targets);

  std::vector<int> sizes_;
  Activation hidden_ = Activation::Tanh, output_ = Activation::Tanh;
  Regularization reg_ = Regularization::None;
  std::vector<std::size_t> w_off_, b_off_;  // per layer after the inputs
  std::vector<LayerView> views_;            // the same, for the kernels
  xt::xtensor<double, 1> params_, grad_;
  xt::xtensor<std::uint8_t, 1> dead_;
  // Per hidden/output node, kChunk examples: outputs and dLoss/d(output, then input sum).
  xt::xtensor<double, 1> out_, der_;
  xt::xtensor<double, 1> single_input_;  // forward() of one example, padded to two
  std::size_t out_row_ = 0;        // the output node's row
  const double* inputs_ = nullptr;  // the last forward_batch's inputs
  std::size_t stride_ = 0;
  int count_ = 0;
  std::size_t width_ = 2;  // the last chunk's width: the row stride of out_ and der_
  int accumulated_ = 0;  // examples in grad_
  bool has_dead_ = false;  // false: no link is dead (the update's fast path)
};

}  // namespace nnplay
