// Session: applies a validated config (seed -> data -> weights, as the reference's page load),
// trains, measures and predicts. See session.hpp.
#include "session.hpp"

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

// d3's linear map of index i in [0, n-1] onto [lo, hi].
double grid_coordinate(int i, int n, double lo, double hi) {
  const double t = n > 1 ? double(i) / double(n - 1) : 0.0;
  return lo * (1 - t) + hi * t;
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
          net_.dead(l, int(i), j) = 1;
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
  grid_resolution_ = 0;
  scratch_inputs_ = xt::zeros<double>({std::size_t(input_count_)});
  make_inputs();
  update_metrics();
}

void Session::compute_features(double x, double y, double* out) const {
  for (int k = 0; k < input_count_; ++k) out[k] = feature_value(active_features_[k], x, y);
}

void Session::make_inputs() {
  const double negative = negative_target(net_.output_activation());
  const bool classify = config_.problem == Problem::Classification;
  auto build = [&](const std::vector<Point>& pts, xt::xtensor<double, 2>& x,
                   xt::xtensor<double, 1>& t) {
    x = xt::zeros<double>({pts.size(), std::size_t(input_count_)});
    t = xt::zeros<double>({pts.size()});
    for (std::size_t i = 0; i < pts.size(); ++i) {
      compute_features(pts[i].x, pts[i].y, x.data() + i * std::size_t(input_count_));
      t(i) = classify ? (pts[i].label > 0 ? 1.0 : negative) : pts[i].label;
    }
  };
  build(data_.train, train_x_, train_t_);
  build(data_.test, test_x_, test_t_);
}

long long Session::step(long long n) {
  const std::size_t count = data_.train.size();
  const std::size_t batch = std::size_t(config_.batch_size);
  const std::size_t width = std::size_t(input_count_);
  long long done = 0;
  for (; done < n; ++done) {
    bool finite = true;
    for (std::size_t i = 0; i < count; ++i) {
      const double out = net_.forward(train_x_.data() + i * width);
      finite = finite && std::isfinite(out);
      net_.backward(train_t_(i));
      if ((i + 1) % batch == 0) net_.update(config_.learning_rate, config_.regularization_rate);
    }
    ++epoch_;
    if (!finite) {
      ++done;
      break;
    }
  }
  update_metrics();
  return done;
}

void Session::update_metrics() {
  const bool classify = config_.problem == Problem::Classification;
  const double threshold = (1 + negative_target(net_.output_activation())) / 2;
  const std::size_t width = std::size_t(input_count_);
  auto measure = [&](const xt::xtensor<double, 2>& x, const xt::xtensor<double, 1>& t,
                     double& loss, double& accuracy) {
    const std::size_t n = t.size();
    if (n == 0) {
      loss = accuracy = kNaN;
      return;
    }
    double sum = 0;
    std::size_t right = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double out = net_.forward(x.data() + i * width);
      const double e = out - t(i);
      sum += 0.5 * e * e;
      right += (out >= threshold) == (t(i) >= threshold);
    }
    loss = sum / double(n);
    accuracy = classify ? double(right) / double(n) : kNaN;
  };
  measure(train_x_, train_t_, train_loss_, train_accuracy_);
  measure(test_x_, test_t_, test_loss_, test_accuracy_);
}

std::string Session::config_json() const { return config_to_json(config_).dump(); }

std::string Session::export_json() const {
  json j = config_to_json(config_);
  j["epoch"] = epoch_;
  json layers = json::array();
  Network& net = const_cast<Network&>(net_);
  const auto& sizes = net.sizes();
  for (int l = 0; l < net.layer_count(); ++l) {
    json layer = json::array();
    for (int i = 0; i < sizes[l + 1]; ++i) {
      json w = json::array(), dead = json::array();
      for (int s = 0; s < sizes[l]; ++s) {
        w.push_back(net.weight(l, i, s));
        if (net.dead(l, i, s)) dead.push_back(s);
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
  update_metrics();
}

std::string Session::next_seed() { return seed_string(rng_.next()); }

std::string Session::regenerate() {
  config_.seed = next_seed();
  config_.points.reset();
  rng_.seed(config_.seed);
  data_ = make_data(config_.active_dataset(), config_.noise, config_.perc_train, rng_);
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
  net_.dead(layer, node, source) = 0;
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
  if (grid_resolution_ != resolution || grid_.size() != nodes * cells) {
    grid_ = xt::zeros<float>({nodes * cells});
    grid_resolution_ = resolution;
  }
  float* grid = grid_.data();
  double* inputs = scratch_inputs_.data();
  for (int row = 0; row < resolution; ++row) {
    const double y = grid_coordinate(resolution - 1 - row, resolution, b.y_min, b.y_max);
    for (int col = 0; col < resolution; ++col) {
      const double x = grid_coordinate(col, resolution, b.x_min, b.x_max);
      compute_features(x, y, inputs);
      net_.forward(inputs);
      const double* outs = net_.node_outputs();
      const std::size_t cell = std::size_t(row) * resolution + col;
      for (std::size_t k = 0; k < nodes; ++k) grid[k * cells + cell] = float(outs[k]);
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
