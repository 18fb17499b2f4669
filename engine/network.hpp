// A fully connected feed-forward network with the reference's training semantics:
// per-example backprop of the loss (loss.hpp) accumulated over a batch, then one optimizer step
// (optimizer.hpp: the reference's SGD with L1/L2 and dead links).
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
#include "optimizer.hpp"
#include "rng.hpp"

namespace nnplay {

enum class InitScheme { Uniform, GlorotUniform, GlorotNormal, HeUniform, HeNormal };

class Network {
 public:
  Network() = default;
  // inputs -> hidden layers (nodes each) -> output_width outputs per example.
  Network(int inputs, const std::vector<int>& hidden, int output_width, Activation hidden_act,
          Activation output_act, Regularization reg);

  // Weights drawn in order layer, destination node, source node from rng: the reference's
  // U(-0.5, 0.5) with biases 0.1 (InitScheme::Uniform, one draw per weight), or Glorot / He
  // (biases 0; uniform: one draw per weight, normal: two, Box-Muller). init_zero: the draws
  // still happen, then every weight and bias is 0.
  void init_weights(SeedRandom& rng, bool init_zero, InitScheme scheme = InitScheme::Uniform);

  // Forward pass of `count` <= kChunk examples; input j of example e is
  // inputs[j * stride + e], readable up to an even count of examples, at least two (pad the
  // data).
  // Keeps every node's outputs for backward_batch().
  void forward_batch(const double* inputs, std::size_t stride, int count);
  // After forward_batch(): accumulates the gradient of the loss per example; target k of
  // example e is targets[k * stride + e].
  void backward_batch(const double* targets, std::size_t stride);
  // Output k of example e of the last forward_batch().
  double batch_output(int e, int k = 0) const { return out_((out_row_ + k) * width_ + e); }
  // Output of example e of the last forward_batch() at activation row `row` (hidden and output
  // nodes, layer by layer: LayerView::row is a layer's first).
  double node_output(std::size_t row, int e) const { return out_(row * width_ + e); }

  // One example: forward_batch / backward_batch of one. forward returns output 0.
  double forward(const double* input);
  void backward(const double* targets);  // one per output
  // One optimizer step (the kind set_optimizer chose; SGD by default) from the accumulated
  // gradient (optimizer.hpp), then clears it.
  void update(double learning_rate, double regularization_rate);
  // The optimizer and its settings (learning_rate and regularization_rate are update()'s).
  // A change of kind clears its state (arrays sized here, not per step); other changes keep it.
  void set_optimizer(const AdaptiveSettings<double>& settings);
  const AdaptiveSettings<double>& optimizer() const { return opt_; }
  OptimizerState<double>& optimizer_state() { return state_; }
  const OptimizerState<double>& optimizer_state() const { return state_; }
  void clear_optimizer_state();
  // Sets the accumulated gradient of a partial batch (a model file's), `count` examples.
  void set_accumulated(const std::vector<double>& gradient, int count);
  // Replaces every parameter and dead flag (buffers of this network's layout); clears the
  // accumulated gradient.
  void restore(const xt::xtensor<double, 1>& params, const xt::xtensor<std::uint8_t, 1>& dead);

  const std::vector<int>& sizes() const { return sizes_; }
  int layer_count() const { return static_cast<int>(sizes_.size()) - 1; }  // after inputs
  int node_count() const;                             // every node, inputs included
  int output_width() const { return output_width_; }  // outputs per example
  Activation output_activation() const { return output_; }

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
  void clear_gradients();  // drops any accumulated gradient
  template <int W>
  void forward_w();
  template <int W>
  void backward_w(const double* targets, std::size_t stride);

  std::vector<int> sizes_;
  Activation hidden_ = Activation::Tanh, output_ = Activation::Tanh;
  AdaptiveSettings<double> opt_;  // kind Sgd: the reference's step
  OptimizerState<double> state_;
  int output_width_ = 1;
  std::vector<std::size_t> w_off_, b_off_;  // per layer after the inputs
  std::vector<LayerView> views_;            // the same, for the kernels
  std::vector<ParamRange> ranges_;          // the same, for the optimizer
  xt::xtensor<double, 1> params_, grad_;
  xt::xtensor<std::uint8_t, 1> dead_;
  // Per hidden/output node, kChunk examples: outputs and dLoss/d(output, then input sum).
  xt::xtensor<double, 1> out_, der_;
  xt::xtensor<double, 1> single_input_;  // forward() of one example, padded to two
  std::size_t out_row_ = 0;              // the first output node's row
  const double* inputs_ = nullptr;       // the last forward_batch's inputs
  std::size_t stride_ = 0;
  int count_ = 0;
  std::size_t width_ = 2;  // the last chunk's width: the row stride of out_ and der_
  int accumulated_ = 0;    // examples in grad_
  bool has_dead_ = false;  // false: no link is dead (the update's fast path)
};

}  // namespace nnplay
