// Session: applies a validated config (seed -> data -> weights, as the reference's page load),
// trains, measures and predicts. See session.hpp.
#include "session.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "loss.hpp"
#include "params_json.hpp"
#include "schedule.hpp"

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

void Session::apply(const Config& config) {
  config_ = config;
  if (config_.seed.empty()) config_.seed = fresh_seed();
  rng_.seed(config_.seed);
  if (config_.points) {
    data_ = *config_.points;  // no data draws
  } else {
    data_ = make_data(config_.active_dataset(), config_.noise, config_.perc_train, rng_);
  }
  inputs_ = InputFeatures(config_.features);
  net_ = Network(inputs_.count, config_.network_shape, config_.output_width(),
                 config_.hidden_activations(), config_.effective_output_activation(),
                 config_.regularization);
  net_.set_dropout(config_.dropout);
  resets_ = 0;
  dropout_rng_.seed(dropout_seed(config_.seed, resets_));
  net_.set_optimizer(config_.optimizer_settings());  // sizes its state arrays
  if (config_.params) {
    load_params(*config_.params, net_);  // no weight draws
    config_.params.reset();              // the network holds them now
  } else {
    net_.init_weights(rng_, config_.init_zero, config_.init);
  }
  remember_initial();
  epoch_ = config_.epoch;
  config_.epoch = 0;
  cursor_ = 0;
  grid_.invalidate();
  scratch_inputs_ = xt::zeros<double>({std::size_t(inputs_.count)});
  make_inputs();
  update_metrics();
}

void Session::make_inputs() {
  const double negative = negative_target();
  const bool classify = config_.problem == Problem::Classification;
  const std::size_t width = std::size_t(net_.output_width());
  // Stored [input][example] so that the kernels read a chunk of examples contiguously; one
  // zero of padding per row, as a chunk of an odd count (or of one) reads one example further.
  // The targets likewise [output][example]: the one output's target is the label (regression)
  // or 1 / the negative target (classification).
  auto build = [&](const std::vector<Point>& pts, xt::xtensor<double, 2>& x,
                   xt::xtensor<double, 2>& t) {
    const std::size_t n = pts.size();
    x = xt::zeros<double>({std::size_t(inputs_.count), n + 1});
    t = xt::zeros<double>({width, n + 1});
    for (std::size_t i = 0; i < n; ++i) {
      for (int k = 0; k < inputs_.count; ++k) x(k, i) = inputs_.value(k, pts[i].x, pts[i].y);
      t(0, i) = classify ? (pts[i].label > 0 ? 1.0 : negative) : pts[i].label;
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
  diverged_ = false;
  n = std::min(n, kMaxEpoch - epoch_);  // the counter stops at its limit
  if (n <= 0) return 0;
  const long long count = static_cast<long long>(data_.train.size());
  if (count == 0) {  // an epoch of no examples is still an epoch
    epoch_ += n;
    return n;
  }
  n = std::min(n, std::numeric_limits<long long>::max() / count);  // no overflow below
  const long long start = epoch_;
  train_examples((count - static_cast<long long>(cursor_)) + (n - 1) * count, Stop::AfterEpoch);
  return epoch_ - start;
}

long long Session::step_examples(long long n) {
  const long long done = train_examples(n, Stop::AfterExample);
  update_metrics();
  return done;
}

long long Session::train_examples(long long examples, Stop stop) {
  const std::size_t count = data_.train.size();
  diverged_ = false;
  if (count == 0) return 0;
  const std::size_t batch = std::size_t(config_.batch_size);
  // Stopping right after an example needs chunks of one example.
  const std::size_t max_chunk = stop == Stop::AfterExample ? 1 : std::size_t(kChunk);
  const std::size_t stride = count + 1;
  const double* x = train_x_.data();
  const double* t = train_t_.data();
  long long done = 0;
  bool finite = true;
  double learning_rate = learning_rate_now();  // changes only with the epoch
  while (done < examples) {
    // Updates fall after every batch-th point of the epoch (the reference's (i+1) % batch);
    // between two updates the weights are fixed, so examples go through in chunks.
    const std::size_t i = cursor_;
    const std::size_t update_at = std::min(count, (i / batch + 1) * batch);
    const int chunk = int(std::min({update_at - i, max_chunk, std::size_t(examples - done)}));
    net_.forward_batch(x + i, stride, chunk, net_.has_dropout() ? &dropout_rng_ : nullptr);
    for (int e = 0; e < chunk; ++e) finite = finite && std::isfinite(net_.batch_output(e));
    net_.backward_batch(t + i, stride);
    cursor_ += std::size_t(chunk);
    done += chunk;
    if (cursor_ % batch == 0) net_.update(learning_rate, config_.regularization_rate);
    const bool wrapped = cursor_ == count;
    if (wrapped) {
      cursor_ = 0;
      if (++epoch_ >= kMaxEpoch) break;  // the counter's limit: no epoch past it
      learning_rate = learning_rate_now();
    }
    if (!finite && (stop == Stop::AfterExample || wrapped)) break;  // diverged
  }
  diverged_ = !finite;
  return done;
}

std::vector<int> Session::dead_units() {
  const auto& views = net_.layers();
  const std::size_t hidden = views.empty() ? 0 : views.size() - 1;
  std::vector<int> counts(hidden, 0);
  const std::size_t n = data_.train.size(), stride = n + 1;
  if (hidden == 0 || n == 0) return counts;
  // live[r]: hidden activation row r was non-zero on some training point so far.
  const std::size_t rows = views.back().row;
  std::vector<std::uint8_t> live(rows, 0);
  for (std::size_t i = 0; i < n; i += kChunk) {
    const int chunk = int(std::min(n - i, std::size_t(kChunk)));
    net_.forward_batch(train_x_.data() + i, stride, chunk);
    for (std::size_t r = 0; r < rows; ++r)
      for (int e = 0; e < chunk && !live[r]; ++e) live[r] = net_.node_output(r, e) != 0.0;
  }
  for (std::size_t l = 0; l < hidden; ++l)
    for (int k = 0; k < views[l].n_out; ++k)
      counts[l] += live[views[l].row + std::size_t(k)] ? 0 : 1;
  return counts;
}

void Session::update_metrics() {
  const bool classify = config_.problem == Problem::Classification;
  const double threshold = (1 + negative_target()) / 2;
  const int width = net_.output_width();
  // The loss sums over an example's outputs; the accuracy reads output 0 (the one output).
  // Regression also sums output 0's squared error, its targets and their squares (RMSE, R^2).
  auto measure = [&](const xt::xtensor<double, 2>& x, const xt::xtensor<double, 2>& t, double& loss,
                     double& accuracy, double& rmse, double& r2, xt::xtensor<double, 1>* outputs,
                     xt::xtensor<std::uint8_t, 1>* correct) {
    const std::size_t n = t.shape(1) - 1, stride = n + 1;
    rmse = r2 = kNaN;
    if (n == 0) {
      loss = accuracy = kNaN;
      return;
    }
    double squared = 0, target_sum = 0, target_squares = 0;
    const double* targets = t.data();  // target k of example i at targets[k * stride + i]
    double* out_rows = outputs ? outputs->data() : nullptr;
    std::uint8_t* right_rows = correct ? correct->data() : nullptr;
    double sum = 0;
    std::size_t right = 0;
    for (std::size_t i = 0; i < n; i += kChunk) {
      const int chunk = int(std::min(n - i, std::size_t(kChunk)));
      net_.forward_batch(x.data() + i, stride, chunk);
      for (int e = 0; e < chunk; ++e) {
        const std::size_t ex = i + std::size_t(e);
        for (int k = 0; k < width; ++k) {
          const double out = net_.batch_output(e, k);
          if (out_rows) out_rows[ex * width + k] = out;
          sum += Loss::value(out, targets[k * stride + ex]);
        }
        if (!classify) {
          const double err = net_.batch_output(e) - targets[ex];
          squared += err * err;
          target_sum += targets[ex];
          target_squares += targets[ex] * targets[ex];
        }
        const bool is_right = (net_.batch_output(e) >= threshold) == (targets[ex] >= threshold);
        if (right_rows) right_rows[ex] = is_right;
        right += is_right;
      }
    }
    loss = sum / double(n);
    accuracy = classify ? double(right) / double(n) : kNaN;
    if (!classify) {
      rmse = std::sqrt(squared / double(n));
      // SS_tot = sum (t - mean)^2 = sum t^2 - (sum t)^2 / n (the targets are at most a few
      // units, so the difference loses nothing that matters).
      const double total = target_squares - target_sum * target_sum / double(n);
      r2 = total > 0 ? 1 - squared / total : kNaN;
    }
  };
  const std::size_t n_train = data_.train.size();
  if (train_out_.size() != n_train * width) train_out_ = xt::zeros<double>({n_train * width});
  if (train_correct_.size() != n_train) train_correct_ = xt::zeros<std::uint8_t>({n_train});
  measure(train_x_, train_t_, train_loss_, train_accuracy_, train_rmse_, train_r2_, &train_out_,
          &train_correct_);
  measure(test_x_, test_t_, test_loss_, test_accuracy_, test_rmse_, test_r2_, nullptr, nullptr);
}

std::string Session::config_json() const { return config_to_json(config_).dump(); }

std::string Session::export_json() const {
  json j = config_to_json(config_);
  j["epoch"] = epoch_;
  j["params"] = params_to_json(net_);
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

std::string Session::dropout_seed(const std::string& seed, long long resets) {
  return seed + std::string("\0dropout\0", 9) + std::to_string(resets);
}

double Session::learning_rate_now() const {
  return scheduled_rate(config_.learning_rate, config_.schedule, epoch_);
}

ConfigureResult Session::update_training(const std::string& json_text) {
  ConfigureResult result;
  json changes;
  ConfigIssue error;
  if (json_text.size() > kMaxConfigBytes) {
    result.errors.push_back({"", "the training settings are longer than " +
                                     std::to_string(kMaxConfigBytes) + " bytes"});
    return result;
  }
  if (!read_json(json_text, changes, error)) {
    result.errors.push_back(error);
    return result;
  }
  if (!changes.is_object()) {
    result.errors.push_back({"", "the training settings must be a JSON object"});
    return result;
  }
  // Every key checked as configure checks it: the current config with the changes over it.
  json merged = config_to_json(config_);
  for (auto it = changes.begin(); it != changes.end(); ++it) {
    if (!is_training_key(it.key())) {
      if (result.errors.size() < kMaxIssues)
        result.errors.push_back(
            {safe_text(it.key()), "not a training setting (changing it needs configure)"});
      continue;
    }
    merged[it.key()] = it.value();
  }
  if (!result.errors.empty()) return result;
  ParsedConfig parsed = parse_config(merged);
  result.warnings = parsed.warnings;
  if (!parsed.ok()) {
    result.errors = parsed.errors;
    return result;
  }
  copy_training_fields(parsed.config, config_);
  net_.set_optimizer(config_.optimizer_settings());  // a new kind clears the state
  net_.set_dropout(config_.dropout);                 // rates only: the masks' stream goes on
  result.ok = true;
  return result;
}

void Session::remember_initial() {
  initial_params_ = net_.params();
  initial_dead_ = net_.dead_links();
  initial_rng_ = rng_;
  initial_dropout_rng_ = dropout_rng_;
}

void Session::reset() {
  net_.init_weights(rng_, config_.init_zero, config_.init);
  net_.clear_optimizer_state();
  ++resets_;
  dropout_rng_.seed(dropout_seed(config_.seed, resets_));
  epoch_ = 0;
  cursor_ = 0;
  remember_initial();
  update_metrics();
}

void Session::reset_to_initial() {
  net_.restore(initial_params_, initial_dead_);
  net_.clear_optimizer_state();
  rng_ = initial_rng_;
  dropout_rng_ = initial_dropout_rng_;
  epoch_ = 0;
  cursor_ = 0;
  update_metrics();
}

std::string Session::next_seed() { return seed_string(rng_.next()); }

std::string Session::regenerate() {
  config_.seed = next_seed();
  config_.points.reset();
  rng_.seed(config_.seed);
  dropout_rng_.seed(dropout_seed(config_.seed, resets_));  // the masks follow the seed
  data_ = make_data(config_.active_dataset(), config_.noise, config_.perc_train, rng_);
  initial_rng_ = rng_;  // a later reset_to_initial continues this stream, not the old one
  initial_dropout_rng_ = dropout_rng_;
  cursor_ = 0;
  make_inputs();
  update_metrics();
  return config_.seed;
}

std::vector<std::string> Session::input_names() const {
  std::vector<std::string> names;
  for (int k = 0; k < inputs_.count; ++k) names.emplace_back(inputs_.name(k));
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

double Session::predict(double x, double y) {
  for (int k = 0; k < inputs_.count; ++k) scratch_inputs_(k) = inputs_.value(k, x, y);
  return net_.forward(scratch_inputs_.data());
}

}  // namespace nnplay
