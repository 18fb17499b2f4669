// Session: applies a validated config (seed -> data -> weights, as the reference's page load),
// trains, measures and predicts. See session.hpp.
#include "session.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace nnplay {

using nlohmann::json;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// A fresh seed when the config gives none: the reference's Math.random().toFixed(5).
std::string fresh_seed() {
  std::random_device device;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::mt19937_64 gen((std::uint64_t(device()) << 32) ^ device());
  return seed_string(unit(gen));
}

}  // namespace

Session::Session() {
  Config defaults;
  defaults.seed = fresh_seed();
  apply(defaults);
}

ConfigureResult Session::configure(const std::string& json_text) {
  ParsedConfig parsed = parse_config(json_text);
  ConfigureResult result;
  result.warnings = parsed.warnings;
  if (!parsed.ok()) {
    result.errors = parsed.errors;
    return result;
  }
  result.ok = true;
  apply(parsed.config);
  return result;
}

ConfigureResult Session::configure(const Config& config) {
  ConfigureResult result;
  result.ok = true;
  apply(config);
  return result;
}

void Session::apply(const Config& config) {
  config_ = config;
  if (config_.seed.empty()) config_.seed = fresh_seed();
  rng_.seed(config_.seed);
  if (config_.points) {
    data_ = *config_.points;  // no data draws
  } else {
    data_ = make_data(config_.active_dataset(), config_.noise, config_.perc_train, rng_);
  }
  input_count_ = 0;
  for (int f = 0; f < kFeatureCount; ++f)
    if (config_.features[f]) active_features_[input_count_++] = f;
  net_ = Network(config_.layer_sizes(), config_.activation, config_.effective_output_activation(),
                 config_.regularization);
  if (config_.params) {
    const auto& params = *config_.params;  // no weight draws
    for (int l = 0; l < net_.layer_count(); ++l) {
      for (std::size_t i = 0; i < params[l].size(); ++i) {
        const NeuronParams& np = params[l][i];
        net_.bias(l, int(i)) = np.bias;
        for (std::size_t j = 0; j < np.w.size(); ++j) net_.weight(l, int(i), int(j)) = np.w[j];
        for (int j : np.dead) {
          net_.set_dead(l, int(i), j, true);
          net_.weight(l, int(i), j) = 0;
        }
      }
    }
    config_.params.reset();  // the network holds them now
  } else {
    net_.init_weights(rng_, config_.init_zero);
  }
  epoch_ = config_.epoch;
  config_.epoch = 0;
  cursor_ = 0;
  grid_resolution_ = 0;
  grid_params_ = xt::zeros<float>({net_.params().size()});
  scratch_inputs_ = xt::zeros<double>({std::size_t(input_count_)});
  make_inputs();
  update_metrics();
}

void Session::compute_features(double x, double y, double* out) const {
  for (int k = 0; k < input_count_; ++k) out[k] = feature_value(active_features_[k], x, y);
}

void Session::make_inputs() {
  const double negative = negative_target();
  const bool classify = config_.problem == Problem::Classification;
  // Stored [input][example] so that the kernels read a chunk of examples contiguously; one
  // zero of padding per row, as a chunk of an odd count (or of one) reads one example further.
  auto build = [&](const std::vector<Point>& pts, xt::xtensor<double, 2>& x,
                   xt::xtensor<double, 1>& t) {
    const std::size_t n = pts.size();
    x = xt::zeros<double>({std::size_t(input_count_), n + 1});
    t = xt::zeros<double>({n});
    for (std::size_t i = 0; i < n; ++i) {
      for (int k = 0; k < input_count_; ++k)
        x(k, i) = feature_value(active_features_[k], pts[i].x, pts[i].y);
      t(i) = classify ? (pts[i].label > 0 ? 1.0 : negative) : pts[i].label;
    }
  };
  build(data_.train, train_x_, train_t_);
  build(data_.test, test_x_, test_t_);
}

long long Session::step(long long n) {
  const long long done = train_epochs(n);
  update_metrics();
  return done;
}

long long Session::train_epochs(long long n) {
  const std::size_t count = data_.train.size();
  const std::size_t batch = std::size_t(config_.batch_size);
  const double* x = train_x_.data();
  const double* t = train_t_.data();
  long long done = 0;
  while (done < n) {
    bool finite = true;
    // Updates fall after every batch-th point of the epoch (the reference's (i+1) % batch);
    // between two updates the weights are fixed, so examples go through in chunks.
    for (std::size_t i = cursor_; i < count;) {
      const std::size_t update_at = std::min(count, (i / batch + 1) * batch);
      const int chunk = int(std::min(update_at - i, std::size_t(kChunk)));
      net_.forward_batch(x + i, count + 1, chunk);
      for (int e = 0; e < chunk; ++e) finite = finite && std::isfinite(net_.batch_output(e));
      net_.backward_batch(t + i);
      i += std::size_t(chunk);
      if (i % batch == 0) net_.update(config_.learning_rate, config_.regularization_rate);
    }
    cursor_ = 0;
    ++epoch_;
    ++done;
    if (!finite) break;  // diverged: stop at the first non-finite epoch
  }
  return done;
}

long long Session::step_examples(long long n) {
  const std::size_t count = data_.train.size();
  const std::size_t batch = std::size_t(config_.batch_size);
  long long done = 0;
  if (count > 0) {
    while (done < n) {
      const std::size_t i = cursor_;
      net_.forward_batch(train_x_.data() + i, count + 1, 1);
      const bool finite = std::isfinite(net_.batch_output(0));
      net_.backward_batch(train_t_.data() + i);
      ++done;
      if (++cursor_ % batch == 0) net_.update(config_.learning_rate, config_.regularization_rate);
      if (cursor_ == count) {
        cursor_ = 0;
        ++epoch_;
      }
      if (!finite) break;
    }
  }
  update_metrics();
  return done;
}

void Session::update_metrics() {
  const bool classify = config_.problem == Problem::Classification;
  const double threshold = (1 + negative_target()) / 2;
  auto measure = [&](const xt::xtensor<double, 2>& x, const xt::xtensor<double, 1>& t,
                     double& loss, double& accuracy, xt::xtensor<double, 1>* outputs,
                     xt::xtensor<std::uint8_t, 1>* correct) {
    const std::size_t n = t.size();
    if (n == 0) {
      loss = accuracy = kNaN;
      return;
    }
    double sum = 0;
    std::size_t right = 0;
    for (std::size_t i = 0; i < n; i += kChunk) {
      const int chunk = int(std::min(n - i, std::size_t(kChunk)));
      net_.forward_batch(x.data() + i, n + 1, chunk);
      for (int e = 0; e < chunk; ++e) {
        const double out = net_.batch_output(e), target = t(i + e);
        if (outputs) (*outputs)(i + e) = out;
        const double err = out - target;
        sum += 0.5 * err * err;
        const bool is_right = (out >= threshold) == (target >= threshold);
        if (correct) (*correct)(i + e) = is_right;
        right += is_right;
      }
    }
    loss = sum / double(n);
    accuracy = classify ? double(right) / double(n) : kNaN;
  };
  if (train_out_.size() != train_t_.size()) train_out_ = xt::zeros<double>({train_t_.size()});
  if (train_correct_.size() != train_t_.size())
    train_correct_ = xt::zeros<std::uint8_t>({train_t_.size()});
  measure(train_x_, train_t_, train_loss_, train_accuracy_, &train_out_, &train_correct_);
  measure(test_x_, test_t_, test_loss_, test_accuracy_, nullptr, nullptr);
}

std::string Session::config_json() const { return config_to_json(config_).dump(); }

std::string Session::export_json() const {
  json j = config_to_json(config_);
  j["epoch"] = epoch_;
  json layers = json::array();
  const Network& net = net_;
  const auto& sizes = net.sizes();
  for (int l = 0; l < net.layer_count(); ++l) {
    json layer = json::array();
    for (int i = 0; i < sizes[l + 1]; ++i) {
      json w = json::array(), dead = json::array();
      for (int s = 0; s < sizes[l]; ++s) {
        w.push_back(net.weight(l, i, s));
        if (net.is_dead(l, i, s)) dead.push_back(s);
      }
      json neuron = {{"bias", net.bias(l, i)}, {"w", w}};
      if (!dead.empty()) neuron["dead"] = dead;
      layer.push_back(neuron);
    }
    layers.push_back(layer);
  }
  j["params"] = layers;
  if (config_.points) {
    auto points = [](const std::vector<Point>& pts) {
      json a = json::array();
      for (const Point& p : pts) a.push_back({p.x, p.y, p.label});
      return a;
    };
    j["points"] = {{"train", points(data_.train)}, {"test", points(data_.test)}};
  }
  return j.dump();
}

bool Session::set_learning_rate(double lr) {
  if (!std::isfinite(lr) || lr < 0) return false;
  config_.learning_rate = lr;
  return true;
}

void Session::reset() {
  net_.init_weights(rng_, config_.init_zero);
  epoch_ = 0;
  cursor_ = 0;
  update_metrics();
}

std::string Session::next_seed() { return seed_string(rng_.next()); }

std::string Session::regenerate() {
  config_.seed = next_seed();
  config_.points.reset();
  rng_.seed(config_.seed);
  data_ = make_data(config_.active_dataset(), config_.noise, config_.perc_train, rng_);
  cursor_ = 0;
  make_inputs();
  update_metrics();
  return config_.seed;
}

std::vector<std::string> Session::input_names() const {
  std::vector<std::string> names;
  for (int k = 0; k < input_count_; ++k) names.emplace_back(kFeatureNames[active_features_[k]]);
  return names;
}

bool Session::set_weight(int layer, int node, int source, double value) {
  if (!std::isfinite(value) || layer < 0 || layer >= net_.layer_count()) return false;
  const auto& sizes = net_.sizes();
  if (node < 0 || node >= sizes[layer + 1] || source < 0 || source >= sizes[layer]) return false;
  net_.weight(layer, node, source) = value;
  net_.set_dead(layer, node, source, false);
  update_metrics();
  return true;
}

bool Session::set_bias(int layer, int node, double value) {
  if (!std::isfinite(value) || layer < 0 || layer >= net_.layer_count()) return false;
  if (node < 0 || node >= net_.sizes()[layer + 1]) return false;
  net_.bias(layer, node) = value;
  update_metrics();
  return true;
}

bool Session::predict_grid(int resolution, const GridBounds& b) {
  if (resolution < 1 || resolution > kMaxGridResolution) return false;
  const std::size_t cells = std::size_t(resolution) * resolution;
  const std::size_t nodes = std::size_t(net_.node_count());
  const bool same_bounds = b.x_min == grid_bounds_.x_min && b.x_max == grid_bounds_.x_max &&
                           b.y_min == grid_bounds_.y_min && b.y_max == grid_bounds_.y_max;
  if (grid_resolution_ != resolution || grid_.size() != nodes * cells || !same_bounds) {
    // The input rows depend only on the grid and the features: computed once.
    grid_ = xt::zeros<float>({nodes * cells});
    grid_resolution_ = resolution;
    grid_bounds_ = b;
    for (int row = 0; row < resolution; ++row) {
      const double y = grid_axis(resolution - 1 - row, resolution, b.y_min, b.y_max);
      for (int col = 0; col < resolution; ++col) {
        const double x = grid_axis(col, resolution, b.x_min, b.x_max);
        const std::size_t cell = std::size_t(row) * resolution + col;
        for (int k = 0; k < input_count_; ++k)
          grid_[std::size_t(k) * cells + cell] = float(feature_value(active_features_[k], x, y));
      }
    }
  }
  // Display grids in float (four per SIMD op); the weights rounded once per call.
  const auto& params = net_.params();
  for (std::size_t k = 0; k < params.size(); ++k) grid_params_[k] = float(params(k));
  float* grid = grid_.data();
  const std::size_t inputs = std::size_t(input_count_);
  constexpr std::size_t kGridChunk = 256;
  for (std::size_t s = 0; s < cells; s += kGridChunk) {
    const int count = int(std::min(kGridChunk, cells - s));
    for (const LayerView& L : net_.layers()) {
      const float* in = grid + (L.row == 0 ? 0 : inputs + L.row - L.n_in) * cells + s;
      float* out = grid + (inputs + L.row) * cells + s;
      forward_layer(L, grid_params_.data(), in, cells, out, cells, count);
    }
  }
  return true;
}

const float* Session::grid_output() const {
  if (grid_.size() == 0) return nullptr;
  const std::size_t cells = std::size_t(grid_resolution_) * grid_resolution_;
  return grid_.data() + grid_.size() - cells;
}

double Session::predict(double x, double y) {
  compute_features(x, y, scratch_inputs_.data());
  return net_.forward(scratch_inputs_.data());
}

}  // namespace nnplay
