// The engine's configuration: names follow the reference's URL state. Parsing reports every
// invalid value with its field and reason, all at once, and never throws.
#pragma once
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "activations.hpp"
#include "datasets.hpp"
#include "features.hpp"
#include "json_checks.hpp"
#include "json_read.hpp"
#include "network.hpp"
#include "params_json.hpp"

namespace nnplay {

enum class Problem { Classification, Regression };

constexpr int kMaxHiddenLayers = 16;
constexpr int kMaxNeurons = 64;
constexpr std::size_t kMaxSeedBytes = 4096;
constexpr std::size_t kMaxPoints = 100000;  // per set, for "points"
// A point's coordinates and a regression label: within +-kMaxPointValue, so that no feature
// (x squared, x times y) or squared error overflows.
constexpr double kMaxPointValue = 1e6;
// The config text, in bytes: room for kMaxPoints in each set at full precision.
constexpr std::size_t kMaxConfigBytes = std::size_t(16) << 20;
// Errors, and warnings, listed per config; the rest are counted in one last issue.
constexpr std::size_t kMaxIssues = 50;
constexpr int kMaxBatchSize = 2147483647;  // the largest int
// The epoch counter: 2^53, the largest count a JS number holds exactly. A session stops
// training there, so that what it exports it can read back.
constexpr long long kMaxEpoch = 1LL << 53;

enum class LrSchedule { Constant, Step, Exponential, Cosine };

// The learning-rate schedule's settings (schedule.hpp gives the rate at an epoch).
struct ScheduleConfig {
  LrSchedule kind = LrSchedule::Constant;
  double gamma = 0.5;
  long long step_epochs = 100;
  long long cosine_epochs = 1000;
  double min_rate = 0;
  long long warmup_epochs = 0;
};

struct Config {
  Problem problem = Problem::Classification;
  Dataset dataset = Dataset::Circle;
  Dataset reg_dataset = Dataset::RegPlane;
  double noise = 0;        // percent
  double perc_train = 50;  // percent
  int batch_size = 10;
  double learning_rate = 0.03;
  Activation activation = Activation::Tanh;
  Regularization regularization = Regularization::None;
  double regularization_rate = 0;
  std::vector<int> network_shape = {4, 2};
  std::string seed;  // empty until resolved
  std::array<bool, kFeatureCount> features = {true, true, false, false, false, false, false};
  bool init_zero = false;
  InitScheme init = InitScheme::Uniform;
  // The optimizer's kind and parameters (learning and regularization rates are above).
  AdaptiveSettings<double> optimizer = default_optimizer();
  ScheduleConfig schedule;
  std::optional<Activation> output_activation;  // missing: the reference's
  std::optional<std::vector<LayerParams>> params;
  std::optional<DataSplit> points;
  long long epoch = 0;

  Dataset active_dataset() const { return problem == Problem::Regression ? reg_dataset : dataset; }
  int input_count() const;
  // Outputs per example: one (the class's side as its sign, or the regression value).
  int output_width() const { return 1; }
  // Nodes per layer: inputs, hidden layers, outputs.
  std::vector<int> layer_sizes() const;
  Activation effective_output_activation() const;
  // The optimizer settings with the config's learning and regularization rates filled in.
  AdaptiveSettings<double> optimizer_settings() const;

  static AdaptiveSettings<double> default_optimizer() {
    AdaptiveSettings<double> s;
    s.kind = OptimizerKind::Sgd;
    return s;
  }
};

struct ParsedConfig {
  Config config;
  std::vector<ConfigIssue> errors;
  std::vector<ConfigIssue> warnings;
  bool ok() const { return errors.empty(); }
};

// A config text (UTF-8 JSON) of at most kMaxConfigBytes, nested at most kMaxJsonDepth deep.
ParsedConfig parse_config(const std::string& text);
ParsedConfig parse_config(const nlohmann::json& value);

// The config's own keys (no params, points or epoch), defaults filled in.
nlohmann::json config_to_json(const Config& config);

// The keys update_training accepts (the training keys of the contract), and the copy of those
// fields from one config to another.
bool is_training_key(const std::string& key);
void copy_training_fields(const Config& from, Config& to);

const char* problem_name(Problem p);
const char* optimizer_name(OptimizerKind k);
const char* schedule_name(LrSchedule k);
const char* init_name(InitScheme k);
const char* regularization_name(Regularization r);

}  // namespace nnplay
