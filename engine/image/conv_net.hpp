// A convolutional network for images, built from a list of layer specs (conv, pool, dense,
// softmax last), over one flat float parameter buffer in the optimizers' layout: per layer its
// weights (a conv layer's input-major, [c][ky][kx][filter], as layers.hpp says why; a dense
// layer's [unit][input]) then its biases, described by ParamRanges for optimizer.hpp's update
// steps. One example at a time: forward keeps every layer's output (the page's feature maps),
// backward adds the example's gradient into grads(). Nothing is allocated after build().
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "layers.hpp"
#include "optimizer.hpp"
#include "rng.hpp"

namespace nnplay::image {

enum class LayerKind { Conv, Pool, Dense, Softmax };

struct LayerSpec {
  LayerKind kind = LayerKind::Conv;
  int size = 3;      // conv: the kernel's side; pool: the window's
  int stride = 1;    // conv 1, pool = size unless given
  int filters = 8;   // conv: filters; dense: units
  bool same = true;  // conv: "same" (true) or "valid" padding
  ImageActivation activation = ImageActivation::Relu;  // conv and dense
};

struct Layer {
  LayerSpec spec;
  Shape in, out;
  ConvGeometry conv;                                           // conv
  PoolGeometry pool;                                           // pool
  std::size_t w_off = 0, w_count = 0, b_off = 0, b_count = 0;  // in params()
  std::size_t out_off = 0;   // this layer's output in the activations buffer
  std::size_t arg_off = 0;   // pool: its argmax in the index buffer
  std::size_t cols_off = 0;  // conv: its im2col columns in the columns buffer
};

// One layer as check() sizes it: what it does, its output and its parameters.
struct LayerShape {
  std::string description;
  Shape out;
  long long params = 0;
};

// What a layer does, in words: "conv 5x5, 8 filters, same, relu", "pool 2 (stride 2)".
std::string describe_layer(const LayerSpec& spec);

class ConvNet {
 public:
  // The layers for inputs of shape `input` and `classes` classes; the last spec must be
  // softmax (a dense layer to the classes, then softmax) and no other may be. On a network
  // that does not fit, the message says which layer and why ("layers[3], pool 3: its input is
  // 2x2, smaller than the window"). `shapes`, when given, receives the layers sized so far, in
  // order (the page's layer editor; a layer that leaves no output is not among them).
  static std::optional<std::string> check(Shape input, int classes,
                                          const std::vector<LayerSpec>& specs,
                                          std::vector<LayerShape>* shapes = nullptr);
  ConvNet(Shape input, int classes, const std::vector<LayerSpec>& specs);  // specs pass check()

  // He initialisation (normal, sd = sqrt(2 / fan_in), Box-Muller from the seeded stream, one
  // pair of draws per weight); biases 0; gradients cleared.
  void init_he(SeedRandom& rng);

  // One example x[input.size()] through the network; returns the class probabilities.
  const float* forward(const float* x);
  // After forward(x): adds that example's gradient of -log p(label) to grads(); its loss.
  float backward(int label);
  void clear_gradients();

  Shape input() const { return input_; }
  int classes() const { return classes_; }
  const std::vector<Layer>& layers() const { return layers_; }
  const float* output(std::size_t layer) const { return acts_.data() + layers_[layer].out_off; }
  const float* probabilities() const { return probs_.data(); }
  // A conv layer's filters as images, out[filter][c][ky][kx] (w_count floats).
  void filters(std::size_t layer, float* out) const;

  std::vector<float>& params() { return params_; }
  const std::vector<float>& params() const { return params_; }
  std::vector<float>& grads() { return grads_; }
  const std::vector<ParamRange>& ranges() const { return ranges_; }

 private:
  Shape input_;
  int classes_ = 0;
  std::vector<Layer> layers_;
  std::vector<float> params_, grads_;
  std::vector<ParamRange> ranges_;
  std::vector<float> acts_;   // every layer's output, back to back
  std::vector<float> dacts_;  // their gradients, same layout
  std::vector<float> cols_;   // every conv layer's im2col columns, kept for backward
  std::vector<float> dcols_;  // the columns' gradient, the largest conv's
  std::vector<float> dyt_;    // a conv output's gradient transposed, the largest's
  std::vector<int> argmax_;   // every pool layer's
  std::vector<float> probs_;
  const float* last_input_ = nullptr;
};

}  // namespace nnplay::image
