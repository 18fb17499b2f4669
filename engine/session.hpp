// A training session: one config, its data, its network and its random stream. This is what
// the CLI and the wasm binding drive; it never throws for bad input (errors come back as values).
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include <xtensor/xtensor.hpp>

#include "config.hpp"
#include "datasets.hpp"
#include "display_grid.hpp"
#include "features.hpp"
#include "network.hpp"
#include "rng.hpp"

namespace nnplay {

struct ConfigureResult {
  bool ok = false;
  std::vector<ConfigIssue> errors, warnings;
};

class Session {
 public:
  Session();

  // Replaces the whole config. On errors nothing changes.
  ConfigureResult configure(const std::string& json_text);

  // Trains up to n epochs; stops early after an epoch whose outputs were not finite
  // (a diverged network). Returns the epochs trained. Losses are recomputed at the end.
  long long step(long long n);
  // The same without recomputing the losses (what a benchmark of training measures).
  long long train_epochs(long long n);
  // Trains n single examples in training order from where the last one stopped (the
  // perceptron lab's "one example"); an update after every batchSize-th example of the
  // epoch, an epoch counted when the order wraps; stops after a non-finite output. Losses
  // are recomputed. step() after it first finishes the epoch in progress.
  long long step_examples(long long n);
  std::size_t example_cursor() const { return cursor_; }
  // Whether the last training call saw a non-finite output (and so stopped early): a caller
  // that trains an epoch per call (for progress) stops where one call of n epochs would.
  bool diverged() const { return diverged_; }

  const Config& config() const { return config_; }
  std::string config_json() const;  // the effective config
  std::string export_json() const;  // config + params + epoch (+ points when given)
  // The model file (docs/MODELS.md): config, weights, optimizer state, the training position
  // (epoch, cursor, partial batch, generators) and the initial weights, enough to continue bit
  // for bit. load_model replaces the session with a file's; on errors nothing changes.
  std::string export_model() const;
  ConfigureResult load_model(const std::string& text);

  long long epoch() const { return epoch_; }
  double train_loss() const { return train_loss_; }
  double test_loss() const { return test_loss_; }
  double train_accuracy() const { return train_accuracy_; }
  double test_accuracy() const { return test_accuracy_; }
  // Regression metrics of output 0, NaN for classification or an empty set: the root mean
  // squared error sqrt(mean (out - target)^2) (the loss is half the mean squared error, so with
  // one output RMSE = sqrt(2 loss)) and R^2 = 1 - SS_res / SS_tot (NaN when SS_tot is 0: every
  // target the same).
  double train_rmse() const { return train_rmse_; }
  double test_rmse() const { return test_rmse_; }
  double train_r2() const { return train_r2_; }
  double test_r2() const { return test_r2_; }
  // The network's output for every training point, from the last loss computation.
  const xt::xtensor<double, 1>& train_outputs() const { return train_out_; }
  // Per training point, 1 where the accuracy test (output and target on the same side of
  // the threshold between the two targets) holds, from the last loss computation. Filled for
  // regression too, where the accuracy itself is not reported.
  const xt::xtensor<std::uint8_t, 1>& train_correct() const { return train_correct_; }
  // The target the negative class is trained towards (activations.hpp's negative_target of
  // the output activation).
  double negative_target() const { return nnplay::negative_target(net_.output_activation()); }
  int output_width() const { return net_.output_width(); }

  bool set_learning_rate(double lr);
  // New weights from the continuing stream, epoch 0 (the reference's reset); the dropout
  // generator starts again from the new reset count's seed.
  void reset();
  // Resets since the config was applied (a link's resets=N replays them).
  long long reset_count() const { return resets_; }
  // The seed of the dropout masks' generator: the config's seed, "\0dropout\0" (NUL bytes,
  // U+0000 in the JS string) and the reset count in decimal, so that the weights' stream is
  // untouched by dropout and a link (seed, resets=N) reproduces the masks too.
  static std::string dropout_seed(const std::string& seed, long long resets);
  const SeedRandom& dropout_random() const { return dropout_rng_; }
  // The learning rate of the next update: the schedule (schedule.hpp) at the current epoch.
  double learning_rate_now() const;
  // Applies only training keys (is_training_key: rates, optimizer and its parameters, the
  // schedule, regularization) from a JSON object, keeping weights, data and epoch; any other
  // key is an error naming it, and on errors nothing changes. A change of optimizer kind
  // clears the optimizer state; a change of its parameters keeps it.
  ConfigureResult update_training(const std::string& json_text);
  // Back to the weights of the last configure/reset (or load_model), epoch 0, the optimizer
  // state and partial batch cleared, the weights' generator where it was then.
  void reset_to_initial();
  // A new seed drawn from the stream, new data from it, weights kept; returns the seed.
  std::string regenerate();
  // A seed string drawn from the stream, as the reference draws one when the data change.
  std::string next_seed();

  const std::vector<Point>& train_points() const { return data_.train; }
  const std::vector<Point>& test_points() const { return data_.test; }
  std::vector<std::string> input_names() const;

  Network& network() { return net_; }
  const Network& network() const { return net_; }
  bool set_weight(int layer, int node, int source, double value);
  bool set_bias(int layer, int node, double value);

  // Every node's output over an R x R grid (display_grid.hpp), for the current weights.
  bool predict_grid(int resolution, const GridBounds& bounds = {}) {
    return grid_.predict(net_, inputs_, resolution, bounds);
  }
  int grid_resolution() const { return grid_.resolution(); }
  const float* grid_nodes() const { return grid_.nodes(); }
  std::size_t grid_nodes_size() const { return grid_.nodes_size(); }
  const float* grid_output() const { return grid_.output(net_); }

  // The network's output 0 for one point (features computed as for training).
  double predict(double x, double y);

  // Per hidden layer, the units whose output is exactly 0 on every training point: for ReLU,
  // a unit whose input sum is <= 0 everywhere, which passes no gradient (a dead unit). A
  // forward pass over the training data for the current weights; the losses, the gradient
  // and the training state are not touched. Zeros when there are no training points.
  std::vector<int> dead_units();

 private:
  // When a non-finite output stops the training loop: right after that example, or at the
  // end of its epoch.
  enum class Stop { AfterExample, AfterEpoch };

  void apply(const Config& config);  // config is valid
  void make_inputs();                // features and targets of the current data
  // The training loop: trains `examples` examples in training order from the cursor, in
  // chunks that end at every update (after every batchSize-th example of the epoch), at the
  // epoch's end and at the last example; an epoch is counted when the order wraps. Stops
  // early after a non-finite output as `stop` says. Returns the examples trained.
  long long train_examples(long long examples, Stop stop);
  void update_metrics();
  void remember_initial();  // the state reset_to_initial() returns to

  Config config_;
  SeedRandom rng_;
  // Dropout's masks, a stream of their own (dropout_seed); drawn only while training a
  // network with dropout.
  SeedRandom dropout_rng_;
  long long resets_ = 0;  // reset() calls since the config was applied
  DataSplit data_;
  Network net_;
  InputFeatures inputs_;
  // Inputs [input][example] and targets [output][example], each row one past the examples.
  xt::xtensor<double, 2> train_x_, test_x_;
  xt::xtensor<double, 2> train_t_, test_t_;
  xt::xtensor<double, 1> train_out_;  // [example][output]
  xt::xtensor<std::uint8_t, 1> train_correct_;
  std::size_t cursor_ = 0;  // the next training example within the epoch
  DisplayGrid grid_;
  xt::xtensor<double, 1> scratch_inputs_;
  long long epoch_ = 0;
  bool diverged_ = false;
  // The weights, dead links and generator position of the last configure/reset.
  xt::xtensor<double, 1> initial_params_;
  xt::xtensor<std::uint8_t, 1> initial_dead_;
  SeedRandom initial_rng_;
  SeedRandom initial_dropout_rng_;  // the masks' generator at that point
  double train_loss_ = 0, test_loss_ = 0, train_accuracy_ = 0, test_accuracy_ = 0;
  double train_rmse_ = 0, test_rmse_ = 0, train_r2_ = 0, test_r2_ = 0;
};

}  // namespace nnplay
