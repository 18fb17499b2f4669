// Forward, backward and update over the flat parameter buffer; see network.hpp.
#include "network.hpp"

#include <numeric>
#include <stdexcept>

namespace nnplay {

Network::Network(std::vector<int> sizes, Activation hidden, Activation output, Regularization reg)
    : sizes_(std::move(sizes)), hidden_(hidden), output_(output), reg_(reg) {
  if (sizes_.size() < 2) throw std::invalid_argument("a network needs an output layer");
  std::size_t offset = 0, nodes = 0;
  for (std::size_t l = 0; l < sizes_.size(); ++l) {
    node_off_.push_back(nodes);
    nodes += sizes_[l];
  }
  for (int l = 0; l < layer_count(); ++l) {
    w_off_.push_back(offset);
    offset += std::size_t(sizes_[l + 1]) * sizes_[l];
    b_off_.push_back(offset);
    offset += sizes_[l + 1];
  }
  params_ = xt::zeros<double>({offset});
  grad_ = xt::zeros<double>({offset});
  dead_ = xt::zeros<std::uint8_t>({offset});
  sum_ = xt::zeros<double>({nodes});
  out_ = xt::zeros<double>({nodes});
  der_ = xt::zeros<double>({nodes});
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
  clear_gradients();
}

void Network::clear_gradients() {
  grad_.fill(0);
  accumulated_ = 0;
}

double Network::forward(const double* input) {
  double* out = out_.data();
  double* sum = sum_.data();
  const double* p = params_.data();
  for (int j = 0; j < sizes_[0]; ++j) out[j] = input[j];
  const int layers = layer_count();
  for (int l = 0; l < layers; ++l) {
    const int n_in = sizes_[l], n_out = sizes_[l + 1];
    const double* a = out + node_off_[l];
    const double* w = p + w_off_[l];
    const double* b = p + b_off_[l];
    double* z = sum + node_off_[l + 1];
    double* o = out + node_off_[l + 1];
    const Activation act = l + 1 == layers ? output_ : hidden_;
    for (int i = 0; i < n_out; ++i) {
      double total = b[i];
      const double* wi = w + std::size_t(i) * n_in;
      for (int j = 0; j < n_in; ++j) total += wi[j] * a[j];
      z[i] = total;
      o[i] = activate(act, total);
    }
  }
  return out[out_.size() - 1];
}

void Network::backward(double target) {
  double* der = der_.data();
  const double* out = out_.data();
  const double* sum = sum_.data();
  const double* p = params_.data();
  const std::uint8_t* dead = dead_.data();
  double* g = grad_.data();
  const int layers = layer_count();
  // dLoss/dOutput of the output node, then per layer dLoss/dInput (stored in der).
  const std::size_t last = out_.size() - 1;
  der[last] = out[last] - target;
  for (int l = layers - 1; l >= 0; --l) {
    const int n_in = sizes_[l], n_out = sizes_[l + 1];
    const Activation act = l + 1 == layers ? output_ : hidden_;
    double* d = der + node_off_[l + 1];
    const double* z = sum + node_off_[l + 1];
    const double* o = out + node_off_[l + 1];
    const double* a = out + node_off_[l];
    for (int i = 0; i < n_out; ++i) d[i] *= activation_derivative(act, z[i], o[i]);
    double* gw = g + w_off_[l];
    double* gb = g + b_off_[l];
    const std::uint8_t* dw = dead + w_off_[l];
    for (int i = 0; i < n_out; ++i) {
      gb[i] += d[i];
      const std::size_t row = std::size_t(i) * n_in;
      for (int j = 0; j < n_in; ++j)
        if (!dw[row + j]) gw[row + j] += d[i] * a[j];
    }
    if (l == 0) continue;  // no derivative needed for the inputs
    const double* w = p + w_off_[l];
    double* d_prev = der + node_off_[l];
    for (int j = 0; j < n_in; ++j) {
      double s = 0;
      for (int i = 0; i < n_out; ++i) s += w[std::size_t(i) * n_in + j] * d[i];
      d_prev[j] = s;
    }
  }
  ++accumulated_;
}

void Network::update(double learning_rate, double regularization_rate) {
  if (accumulated_ == 0) return;
  const double n = accumulated_;
  double* p = params_.data();
  double* g = grad_.data();
  std::uint8_t* dead = dead_.data();
  const double reg_step = learning_rate * regularization_rate;
  for (int l = 0; l < layer_count(); ++l) {
    const std::size_t w_begin = w_off_[l], b_begin = b_off_[l];
    const std::size_t b_end = b_begin + sizes_[l + 1];
    for (std::size_t k = b_begin; k < b_end; ++k) p[k] -= learning_rate * g[k] / n;
    for (std::size_t k = w_begin; k < b_begin; ++k) {
      if (dead[k]) continue;
      const double w = p[k];
      double reg_der = 0;
      if (reg_ == Regularization::L1) reg_der = w < 0 ? -1.0 : (w > 0 ? 1.0 : 0.0);
      else if (reg_ == Regularization::L2) reg_der = w;
      const double stepped = w - (learning_rate / n) * g[k];
      const double regularized = stepped - reg_step * reg_der;
      if (reg_ == Regularization::L1 && stepped * regularized < 0) {
        p[k] = 0;
        dead[k] = 1;
      } else {
        p[k] = regularized;
      }
    }
  }
  grad_.fill(0);
  accumulated_ = 0;
}

}  // namespace nnplay
