// The convolutional network of conv_net.hpp.
#include "conv_net.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace nnplay::image {

namespace {

const char* activation_name(ImageActivation a) {
  switch (a) {
    case ImageActivation::Linear: return "linear";
    case ImageActivation::Relu: return "relu";
    case ImageActivation::LeakyRelu: return "leakyrelu";
    case ImageActivation::Elu: return "elu";
    case ImageActivation::Tanh: return "tanh";
    case ImageActivation::Sigmoid: return "sigmoid";
  }
  return "?";
}

std::string shape_text(Shape s) {
  std::ostringstream o;
  o << s.h << "x" << s.w << "x" << s.c;
  return o.str();
}

}  // namespace

std::string describe_layer(const LayerSpec& s) {
  std::ostringstream o;
  switch (s.kind) {
    case LayerKind::Conv:
      o << "conv " << s.size << "x" << s.size << ", " << s.filters << " filters"
        << (s.stride != 1 ? ", stride " + std::to_string(s.stride) : "") << ", "
        << (s.same ? "same" : "valid") << ", " << activation_name(s.activation);
      break;
    case LayerKind::Pool:
      o << "pool " << s.size << (s.stride != s.size ? ", stride " + std::to_string(s.stride) : "");
      break;
    case LayerKind::Dense:
      o << "dense " << s.filters << ", " << activation_name(s.activation);
      break;
    case LayerKind::Softmax: o << "softmax"; break;
  }
  return o.str();
}

std::optional<std::string> ConvNet::check(Shape input, int classes,
                                          const std::vector<LayerSpec>& specs,
                                          std::vector<LayerShape>* shapes) {
  if (shapes) shapes->clear();
  auto at = [&](std::size_t i, const std::string& why) {
    return "layers[" + std::to_string(i) + "], " + describe_layer(specs[i]) + ": " + why;
  };
  if (input.size() <= 0) return std::string("the input has no pixels");
  if (classes < 2) return std::string("the data have fewer than 2 classes");
  if (specs.empty() || specs.back().kind != LayerKind::Softmax)
    return std::string("layers: the last layer must be softmax (the classes' scores)");
  Shape s = input;
  long long params = 0;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const LayerSpec& L = specs[i];
    const long long before = params;
    if (L.kind == LayerKind::Softmax && i + 1 != specs.size())
      return at(i, "softmax must be the last layer");
    if ((L.kind == LayerKind::Conv || L.kind == LayerKind::Pool) && s.h == 1 && s.w == 1 && i > 0 &&
        specs[i - 1].kind == LayerKind::Dense)
      return at(i, "comes after a dense layer, which leaves no image to convolve or pool");
    switch (L.kind) {
      case LayerKind::Conv: {
        ConvGeometry g;
        if (!conv_geometry(s, L.size, L.stride, L.same, L.filters, g))
          return at(i, "its input is " + shape_text(s) + ", smaller than the " +
                           std::to_string(L.size) + "x" + std::to_string(L.size) +
                           " kernel with valid padding");
        params += (long long)g.K() * L.filters + L.filters;
        s = g.out;
        break;
      }
      case LayerKind::Pool: {
        PoolGeometry g;
        if (!pool_geometry(s, L.size, L.stride, g))
          return at(i, "its input is " + shape_text(s) +
                           ", smaller than the window: it leaves "
                           "no pixels");
        s = g.out;
        break;
      }
      case LayerKind::Dense:
        params += (long long)s.size() * L.filters + L.filters;
        s = Shape{L.filters, 1, 1};
        break;
      case LayerKind::Softmax:
        params += (long long)s.size() * classes + classes;
        s = Shape{classes, 1, 1};
        break;
    }
    if (shapes) shapes->push_back({describe_layer(L), s, params - before});
    if (params > 50'000'000) return at(i, "the network passes 50,000,000 parameters");
    if ((long long)s.c * s.h * s.w > 4'000'000) return at(i, "its output passes 4,000,000 values");
  }
  return std::nullopt;
}

ConvNet::ConvNet(Shape input, int classes, const std::vector<LayerSpec>& specs)
    : input_(input), classes_(classes) {
  Shape s = input;
  std::size_t params = 0, acts = 0, args = 0, cols = 0, dcols = 0, dyt = 0;
  for (const LayerSpec& spec : specs) {
    Layer L;
    L.spec = spec;
    L.in = s;
    switch (spec.kind) {
      case LayerKind::Conv:
        conv_geometry(s, spec.size, spec.stride, spec.same, spec.filters, L.conv);
        L.out = L.conv.out;
        L.w_count = std::size_t(L.conv.K()) * spec.filters;
        L.b_count = std::size_t(spec.filters);
        L.cols_off = cols;
        cols += std::size_t(L.conv.K()) * std::size_t(L.conv.P());
        dcols = std::max(dcols, std::size_t(L.conv.K()) * std::size_t(L.conv.P()));
        dyt = std::max(dyt, std::size_t(L.out.size()));
        break;
      case LayerKind::Pool:
        pool_geometry(s, spec.size, spec.stride, L.pool);
        L.out = L.pool.out;
        L.arg_off = args;
        args += std::size_t(L.out.size());
        break;
      case LayerKind::Dense:
      case LayerKind::Softmax: {
        const int units = spec.kind == LayerKind::Dense ? spec.filters : classes;
        L.out = Shape{units, 1, 1};
        L.w_count = std::size_t(s.size()) * units;
        L.b_count = std::size_t(units);
        break;
      }
    }
    L.w_off = params;
    L.b_off = params + L.w_count;
    params += L.w_count + L.b_count;
    if (L.w_count) ranges_.push_back({L.w_off, L.b_off, true});
    if (L.b_count) ranges_.push_back({L.b_off, L.b_off + L.b_count, false});
    L.out_off = acts;
    acts += std::size_t(L.out.size());
    s = L.out;
    layers_.push_back(L);
  }
  params_.assign(params, 0.0f);
  grads_.assign(params, 0.0f);
  acts_.assign(acts, 0.0f);
  dacts_.assign(acts, 0.0f);
  cols_.assign(cols, 0.0f);
  dcols_.assign(dcols, 0.0f);
  dyt_.assign(dyt, 0.0f);
  argmax_.assign(args, 0);
  probs_.assign(std::size_t(classes), 0.0f);
}

void ConvNet::init_he(SeedRandom& rng) {
  const double kTwoPi = 6.283185307179586;
  for (const Layer& L : layers_) {
    if (!L.w_count) continue;
    const double fan_in = double(L.w_count) / double(L.b_count);
    const double sd = std::sqrt(2.0 / fan_in);
    for (std::size_t k = 0; k < L.w_count; ++k) {
      const double u1 = rng.next(), u2 = rng.next();
      params_[L.w_off + k] = float(sd * std::sqrt(-2 * std::log(1 - u1)) * std::cos(kTwoPi * u2));
    }
    std::fill(params_.begin() + std::ptrdiff_t(L.b_off),
              params_.begin() + std::ptrdiff_t(L.b_off + L.b_count), 0.0f);
  }
  clear_gradients();
}

void ConvNet::filters(std::size_t layer, float* out) const {
  const Layer& L = layers_[layer];
  if (L.spec.kind != LayerKind::Conv) return;
  const std::size_t F = std::size_t(L.out.c), K = L.w_count / F;
  for (std::size_t k = 0; k < K; ++k)
    for (std::size_t f = 0; f < F; ++f) out[f * K + k] = params_[L.w_off + k * F + f];
}

void ConvNet::clear_gradients() { std::fill(grads_.begin(), grads_.end(), 0.0f); }

const float* ConvNet::forward(const float* x) {
  last_input_ = x;
  const float* in = x;
  const float* p = params_.data();
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    const Layer& L = layers_[l];
    float* y = acts_.data() + L.out_off;
    switch (L.spec.kind) {
      case LayerKind::Conv:
        conv_forward(L.conv, in, p + L.w_off, p + L.b_off, cols_.data() + L.cols_off, y);
        activate(L.spec.activation, y, L.out.size());
        break;
      case LayerKind::Pool: pool_forward(L.pool, in, y, argmax_.data() + L.arg_off); break;
      case LayerKind::Dense:
        dense_forward(L.out.c, L.in.size(), in, p + L.w_off, p + L.b_off, y);
        activate(L.spec.activation, y, L.out.size());
        break;
      case LayerKind::Softmax:
        dense_forward(L.out.c, L.in.size(), in, p + L.w_off, p + L.b_off, y);  // the logits
        softmax(y, classes_, probs_.data());
        break;
    }
    in = y;
  }
  return probs_.data();
}

float ConvNet::backward(int label) {
  const float* p = params_.data();
  float* g = grads_.data();
  float loss = 0;
  for (std::size_t l = layers_.size(); l-- > 0;) {
    const Layer& L = layers_[l];
    const float* in = l == 0 ? last_input_ : acts_.data() + layers_[l - 1].out_off;
    float* dx = l == 0 ? nullptr : dacts_.data() + layers_[l - 1].out_off;
    float* dy = dacts_.data() + L.out_off;
    const float* y = acts_.data() + L.out_off;
    switch (L.spec.kind) {
      case LayerKind::Softmax:
        loss = softmax_cross_entropy(y, classes_, label, probs_.data(), dy);
        dense_backward(L.out.c, L.in.size(), in, p + L.w_off, dy, g + L.w_off, g + L.b_off, dx);
        break;
      case LayerKind::Dense:
        activation_backward(L.spec.activation, y, dy, L.out.size());
        dense_backward(L.out.c, L.in.size(), in, p + L.w_off, dy, g + L.w_off, g + L.b_off, dx);
        break;
      case LayerKind::Conv:
        activation_backward(L.spec.activation, y, dy, L.out.size());
        conv_backward(L.conv, cols_.data() + L.cols_off, p + L.w_off, dy, g + L.w_off, g + L.b_off,
                      dyt_.data(), dcols_.data(), dx);
        break;
      case LayerKind::Pool:
        if (dx) pool_backward(L.pool, dy, argmax_.data() + L.arg_off, dx);
        break;
    }
  }
  return loss;
}

}  // namespace nnplay::image
