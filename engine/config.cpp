// Config <-> JSON. Validation collects every problem instead of stopping at the first, so a
// user sees at once all that is wrong with a hand-edited config.
#include "config.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace nnplay {

using nlohmann::json;

namespace {

// Keys that are page state in the reference's URL: accepted, ignored by the engine.
const std::set<std::string> kPageKeys = {"showTestData", "discretize", "collectStats", "cosX",
                                         "cosY",         "hideText",   "tutorial"};

std::string format_number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

class Parser {
 public:
  Parser(const json& root, ParsedConfig& out) : root_(root), out_(out) {}

  void error(const std::string& field, const std::string& message) {
    out_.errors.push_back({field, message});
  }

  const json* get(const char* key) {
    seen_.insert(key);
    auto it = root_.find(key);
    return it == root_.end() ? nullptr : &*it;
  }

  // A finite number in [lo, hi].
  void number(const char* key, double lo, double hi, double& target) {
    const json* v = get(key);
    if (!v) return;
    if (!v->is_number()) return error(key, "must be a number, got " + describe(*v));
    const double d = v->get<double>();
    if (!std::isfinite(d)) return error(key, "must be a finite number");
    if (d < lo || d > hi)
      return error(key, "must be from " + format_number(lo) + " to " + format_number(hi) +
                            ", got " + format_number(d));
    target = d;
  }

  // A finite number in [lo, hi) (hi excluded: a decay rate of 1 never forgets).
  void below(const char* key, double lo, double hi, double& target) {
    const json* v = get(key);
    if (!v) return;
    if (!v->is_number()) return error(key, "must be a number, got " + describe(*v));
    const double d = v->get<double>();
    if (!std::isfinite(d)) return error(key, "must be a finite number");
    if (d < lo || d >= hi)
      return error(key, "must be at least " + format_number(lo) + " and below " +
                            format_number(hi) + ", got " + format_number(d));
    target = d;
  }

  // A finite number > 0.
  void positive(const char* key, double& target) {
    const json* v = get(key);
    if (!v) return;
    if (!v->is_number()) return error(key, "must be a number, got " + describe(*v));
    const double d = v->get<double>();
    if (!std::isfinite(d)) return error(key, "must be a finite number");
    if (!(d > 0)) return error(key, "must be above 0, got " + format_number(d));
    target = d;
  }

  // A finite number >= 0.
  void rate(const char* key, double& target) {
    number(key, 0, std::numeric_limits<double>::max(), target);
  }

  // An integer in [lo, hi] given as a JSON number.
  bool integer(const json& v, const std::string& field, long long lo, long long hi,
               long long& target) {
    if (auto problem = integer_problem(v, lo, hi, target)) {
      error(field, *problem);
      return false;
    }
    return true;
  }

  void integer_key(const char* key, long long lo, long long hi, long long& target) {
    if (const json* v = get(key)) integer(*v, key, lo, hi, target);
  }

  void boolean(const char* key, bool& target) {
    const json* v = get(key);
    if (!v) return;
    if (!v->is_boolean()) return error(key, "must be true or false, got " + describe(*v));
    target = v->get<bool>();
  }

  // A string naming one of a set of values; parse returns nullopt for an unknown name.
  template <typename T, typename F>
  void choice(const char* key, F parse, const char* allowed, T& target) {
    const json* v = get(key);
    if (!v) return;
    if (!v->is_string()) return error(key, "must be a string, one of " + std::string(allowed));
    auto parsed = parse(v->get<std::string>());
    if (!parsed)
      return error(key, "unknown value " + describe(*v) + "; expected one of " + allowed);
    target = *parsed;
  }

  // Listed up to kMaxIssues (a text can hold a million keys), the rest counted.
  void unknown_keys() {
    std::size_t unlisted = 0;
    for (auto it = root_.begin(); it != root_.end(); ++it) {
      const std::string& k = it.key();
      if (seen_.count(k) || kPageKeys.count(k)) continue;
      if (k.size() > 5 && k.compare(k.size() - 5, 5, "_hide") == 0) continue;
      if (out_.warnings.size() < kMaxIssues)
        out_.warnings.push_back({safe_text(k), "unknown key, ignored"});
      else
        ++unlisted;
    }
    if (unlisted)
      out_.warnings.push_back({"", std::to_string(unlisted) + " more unknown keys not listed"});
  }

 private:
  const json& root_;
  ParsedConfig& out_;
  std::set<std::string> seen_;
};

std::optional<Problem> parse_problem(const std::string& s) {
  if (s == "classification") return Problem::Classification;
  if (s == "regression") return Problem::Regression;
  return std::nullopt;
}

std::optional<Regularization> parse_regularization(const std::string& s) {
  if (s == "none") return Regularization::None;
  if (s == "L1") return Regularization::L1;
  if (s == "L2") return Regularization::L2;
  return std::nullopt;
}

std::optional<OptimizerKind> parse_optimizer(const std::string& s) {
  for (OptimizerKind k : {OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Nesterov,
                          OptimizerKind::RmsProp, OptimizerKind::Adam, OptimizerKind::AdamW})
    if (s == optimizer_name(k)) return k;
  return std::nullopt;
}

std::optional<LrSchedule> parse_schedule(const std::string& s) {
  for (LrSchedule k :
       {LrSchedule::Constant, LrSchedule::Step, LrSchedule::Exponential, LrSchedule::Cosine})
    if (s == schedule_name(k)) return k;
  return std::nullopt;
}

std::optional<InitScheme> parse_init(const std::string& s) {
  for (InitScheme k : {InitScheme::Uniform, InitScheme::GlorotUniform, InitScheme::GlorotNormal,
                       InitScheme::HeUniform, InitScheme::HeNormal})
    if (s == init_name(k)) return k;
  return std::nullopt;
}

void parse_optimizer_keys(Parser& p, Config& c) {
  AdaptiveSettings<double>& o = c.optimizer;
  p.choice("optimizer", parse_optimizer, "sgd, momentum, nesterov, rmsprop, adam, adamw", o.kind);
  p.below("momentum", 0, 1, o.momentum);
  p.below("rmsAlpha", 0, 1, o.rms_alpha);
  p.below("beta1", 0, 1, o.beta1);
  p.below("beta2", 0, 1, o.beta2);
  p.positive("epsilon", o.epsilon);
  p.rate("weightDecay", o.weight_decay);
  ScheduleConfig& sc = c.schedule;
  p.choice("lrSchedule", parse_schedule, "constant, step, exponential, cosine", sc.kind);
  p.positive("lrGamma", sc.gamma);
  p.integer_key("lrStepEpochs", 1, kMaxEpoch, sc.step_epochs);
  p.integer_key("lrCosineEpochs", 1, kMaxEpoch, sc.cosine_epochs);
  p.rate("lrMin", sc.min_rate);
  p.integer_key("lrWarmupEpochs", 0, kMaxEpoch, sc.warmup_epochs);
  p.choice("init", parse_init, "uniform, glorotUniform, glorotNormal, heUniform, heNormal", c.init);
}

std::optional<Dataset> parse_classify_dataset(const std::string& s) {
  auto d = parse_dataset(s);
  if (d && is_regression_dataset(*d)) return std::nullopt;
  return d;
}

std::optional<Dataset> parse_regress_dataset(const std::string& s) {
  auto d = parse_dataset(s);
  if (d && !is_regression_dataset(*d)) return std::nullopt;
  return d;
}

void parse_shape(Parser& p, Config& c) {
  const json* v = p.get("networkShape");
  if (!v) return;
  if (!v->is_array())
    return p.error("networkShape", "must be an array of layer sizes, such as [4, 2]");
  if (v->size() > std::size_t(kMaxHiddenLayers))
    return p.error("networkShape", "at most " + std::to_string(kMaxHiddenLayers) +
                                       " hidden layers, got " + std::to_string(v->size()));
  std::vector<int> shape;
  bool ok = true;
  for (std::size_t i = 0; i < v->size(); ++i) {
    long long n = 0;
    if (p.integer((*v)[i], "networkShape[" + std::to_string(i) + "]", 1, kMaxNeurons, n))
      shape.push_back(int(n));
    else
      ok = false;
  }
  if (ok) c.network_shape = shape;
}

// True when networkShape was read without errors (so its length is the hidden layers').
bool shape_read(const std::vector<ConfigIssue>& errors) {
  for (const auto& e : errors)
    if (e.field.rfind("networkShape", 0) == 0) return false;
  return true;
}

std::string layers_text(std::size_t n) {
  return std::to_string(n) + " hidden layer" + (n == 1 ? "" : "s");
}

// "activations": one name per hidden layer; all the same folds into "activation".
void parse_activations(Parser& p, Config& c, bool shape_ok) {
  const json* v = p.get("activations");
  if (!v) return;
  const std::string expected = std::string("; expected one of ") + kActivationList;
  if (!v->is_array())
    return p.error("activations",
                   "must be an array of activation names, one per hidden "
                   "layer, such as [\"relu\", \"tanh\"]");
  if (shape_ok && v->size() != c.network_shape.size())
    return p.error("activations", "must name one activation per hidden layer (networkShape has " +
                                      layers_text(c.network_shape.size()) + "), got " +
                                      std::to_string(v->size()));
  if (v->size() > std::size_t(kMaxHiddenLayers))
    return p.error("activations", "at most " + std::to_string(kMaxHiddenLayers) + " entries");
  std::vector<Activation> acts;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const json& item = (*v)[i];
    const std::string field = "activations[" + std::to_string(i) + "]";
    std::optional<Activation> a;
    if (item.is_string()) a = parse_activation(item.get<std::string>());
    if (!a) {
      p.error(field,
              (item.is_string() ? "unknown value " + describe(item) : "must be a name") + expected);
      continue;
    }
    acts.push_back(*a);
  }
  if (acts.size() != v->size()) return;
  const bool uniform =
      std::all_of(acts.begin(), acts.end(), [&](Activation a) { return a == acts.front(); });
  if (acts.empty()) {
    c.activations.clear();
  } else if (uniform) {
    c.activation = acts.front();
    c.activations.clear();
  } else {
    c.activations = acts;
  }
}

// "dropout": a rate in [0, kMaxDropout] per hidden layer, or one number for every layer.
void parse_dropout(Parser& p, Config& c, bool shape_ok) {
  const json* v = p.get("dropout");
  if (!v) return;
  const std::string range = "from 0 to " + format_number(kMaxDropout);
  auto rate = [&](const json& item, const std::string& field, double& out) {
    if (!item.is_number()) {
      p.error(field, "must be a number " + range + ", got " + describe(item));
      return false;
    }
    const double r = item.get<double>();
    if (!std::isfinite(r) || r < 0 || r > kMaxDropout) {
      p.error(field, "must be " + range + ", got " + describe(item));
      return false;
    }
    out = r;
    return true;
  };
  std::vector<double> rates;
  if (v->is_number()) {
    double r = 0;
    if (!rate(*v, "dropout", r) || !shape_ok) return;
    rates.assign(c.network_shape.size(), r);
  } else if (v->is_array()) {
    if (shape_ok && v->size() != c.network_shape.size())
      return p.error("dropout", "must give one rate per hidden layer (networkShape has " +
                                    layers_text(c.network_shape.size()) + "), or one number, got " +
                                    std::to_string(v->size()) + " rates");
    if (v->size() > std::size_t(kMaxHiddenLayers))
      return p.error("dropout", "at most " + std::to_string(kMaxHiddenLayers) + " entries");
    bool ok = true;
    for (std::size_t i = 0; i < v->size(); ++i) {
      double r = 0;
      ok = rate((*v)[i], "dropout[" + std::to_string(i) + "]", r) && ok;
      rates.push_back(r);
    }
    if (!ok) return;
  } else {
    return p.error("dropout", "must be a rate " + range +
                                  " or an array of one rate per hidden layer, such as [0.2, 0]");
  }
  const bool none = std::all_of(rates.begin(), rates.end(), [](double r) { return r == 0; });
  c.dropout = none ? std::vector<double>() : rates;
}

void parse_seed(Parser& p, Config& c) {
  const json* v = p.get("seed");
  if (!v) return;
  if (!v->is_string()) return p.error("seed", "must be a string, such as \"0.12345\"");
  std::string s = v->get<std::string>();
  if (s.size() > kMaxSeedBytes)
    return p.error("seed", "longer than " + std::to_string(kMaxSeedBytes) + " bytes");
  c.seed = s;
}

// A network needs an input: the features' fields are valid (else they are reported) and at
// least one is on.
void check_features(Parser& p, const Config& c, const std::vector<ConfigIssue>& errors) {
  for (const auto& e : errors)
    for (const Feature& f : kFeatures)
      if (e.field == f.key) return;
  if (c.input_count() > 0) return;
  std::string names;
  for (const Feature& f : kFeatures) names += (names.empty() ? "" : ", ") + std::string(f.key);
  p.error("features", "at least one input feature must be on (" + names + ")");
}

// Keeps kMaxIssues of a list and counts the rest in one more.
void cap_issues(std::vector<ConfigIssue>& issues, const char* what) {
  if (issues.size() <= kMaxIssues + 1) return;
  const std::size_t unlisted = issues.size() - kMaxIssues;
  issues.resize(kMaxIssues);
  issues.push_back({"", std::to_string(unlisted) + " more " + what + " not listed"});
}

// params can be checked only when the fields that decide the network's shape are valid.
bool shape_is_valid(const std::vector<ConfigIssue>& errors) {
  for (const auto& e : errors) {
    if (e.field.rfind("networkShape", 0) == 0 || e.field == "features") return false;
    for (const Feature& f : kFeatures)
      if (e.field == f.key) return false;
  }
  return true;
}

bool within_point_range(const json& v) {
  return finite_number(v) && std::abs(v.get<double>()) <= kMaxPointValue;
}

// Why a point cannot be used, or nullopt. A class is +1 or -1 (the datasets' labels); a
// regression label any number in range.
std::optional<std::string> point_problem(const json& pt, Problem problem) {
  const std::string range = std::to_string(static_cast<long long>(kMaxPointValue));
  if (!pt.is_array() || pt.size() != 3 || !finite_number(pt[0]) || !finite_number(pt[1]) ||
      !finite_number(pt[2]))
    return "must be [x, y, label] with finite numbers";
  if (!within_point_range(pt[0]) || !within_point_range(pt[1]))
    return "x and y must be from -" + range + " to " + range;
  const double label = pt[2].get<double>();
  if (problem == Problem::Classification && label != 1 && label != -1)
    return "the label of a class must be 1 or -1, got " + describe(pt[2]);
  if (problem == Problem::Regression && !within_point_range(pt[2]))
    return "the label must be from -" + range + " to " + range;
  return std::nullopt;
}

void parse_points_set(Parser& p, const json& set, const std::string& field, Problem problem,
                      std::vector<Point>& out) {
  if (!set.is_array()) return p.error(field, "must be an array of [x, y, label]");
  if (set.size() > kMaxPoints)
    return p.error(field, "more than " + std::to_string(kMaxPoints) + " points");
  for (std::size_t i = 0; i < set.size(); ++i) {
    const json& pt = set[i];
    if (auto problem_text = point_problem(pt, problem))
      return p.error(field + "[" + std::to_string(i) + "]", *problem_text);
    out.push_back({pt[0].get<double>(), pt[1].get<double>(), pt[2].get<double>()});
  }
}

void parse_points(Parser& p, Config& c) {
  const json* v = p.get("points");
  if (!v) return;
  if (!v->is_object()) return p.error("points", "must be {\"train\": [...], \"test\": [...]}");
  DataSplit split;
  for (auto it = v->begin(); it != v->end(); ++it)
    if (it.key() != "train" && it.key() != "test")
      p.error("points." + safe_text(it.key()), "unknown key; expected train and test");
  if (v->contains("train"))
    parse_points_set(p, v->at("train"), "points.train", c.problem, split.train);
  if (v->contains("test")) parse_points_set(p, v->at("test"), "points.test", c.problem, split.test);
  c.points = std::move(split);
}

}  // namespace

int Config::input_count() const {
  int n = 0;
  for (bool f : features) n += f;
  return n;
}

std::vector<int> Config::layer_sizes() const {
  std::vector<int> sizes = {input_count()};
  sizes.insert(sizes.end(), network_shape.begin(), network_shape.end());
  sizes.push_back(output_width());
  return sizes;
}

std::vector<Activation> Config::hidden_activations() const {
  if (activations.size() == network_shape.size()) return activations;
  return std::vector<Activation>(network_shape.size(), activation);
}

Activation Config::effective_output_activation() const {
  if (output_activation) return *output_activation;
  return problem == Problem::Regression ? Activation::Linear : Activation::Tanh;
}

AdaptiveSettings<double> Config::optimizer_settings() const {
  AdaptiveSettings<double> s = optimizer;
  s.learning_rate = learning_rate;
  s.regularization_rate = regularization_rate;
  s.regularization = regularization;
  return s;
}

namespace {
// The training keys: what update_training may change without a reset.
const std::set<std::string> kTrainingKeys = {
    "learningRate",   "optimizer",      "momentum",       "rmsAlpha",
    "beta1",          "beta2",          "epsilon",        "weightDecay",
    "lrSchedule",     "lrGamma",        "lrStepEpochs",   "lrMin",
    "lrCosineEpochs", "lrWarmupEpochs", "regularization", "regularizationRate",
    "dropout"};
}  // namespace

bool is_training_key(const std::string& key) { return kTrainingKeys.count(key) != 0; }

void copy_training_fields(const Config& from, Config& to) {
  to.learning_rate = from.learning_rate;
  to.regularization = from.regularization;
  to.regularization_rate = from.regularization_rate;
  to.optimizer = from.optimizer;
  to.schedule = from.schedule;
  to.dropout = from.dropout;
}

const char* optimizer_name(OptimizerKind k) {
  switch (k) {
    case OptimizerKind::Momentum: return "momentum";
    case OptimizerKind::Nesterov: return "nesterov";
    case OptimizerKind::RmsProp: return "rmsprop";
    case OptimizerKind::Adam: return "adam";
    case OptimizerKind::AdamW: return "adamw";
    default: return "sgd";
  }
}

const char* schedule_name(LrSchedule k) {
  switch (k) {
    case LrSchedule::Step: return "step";
    case LrSchedule::Exponential: return "exponential";
    case LrSchedule::Cosine: return "cosine";
    default: return "constant";
  }
}

const char* init_name(InitScheme k) {
  switch (k) {
    case InitScheme::GlorotUniform: return "glorotUniform";
    case InitScheme::GlorotNormal: return "glorotNormal";
    case InitScheme::HeUniform: return "heUniform";
    case InitScheme::HeNormal: return "heNormal";
    default: return "uniform";
  }
}

const char* problem_name(Problem p) {
  return p == Problem::Regression ? "regression" : "classification";
}

const char* regularization_name(Regularization r) {
  switch (r) {
    case Regularization::L1: return "L1";
    case Regularization::L2: return "L2";
    default: return "none";
  }
}

ParsedConfig parse_config(const std::string& text) {
  ParsedConfig out;
  if (text.size() > kMaxConfigBytes) {
    out.errors.push_back(
        {"", "the config is longer than " + std::to_string(kMaxConfigBytes) + " bytes"});
    return out;
  }
  json value;
  ConfigIssue error;
  if (!read_json(text, value, error)) {
    out.errors.push_back(error);
    return out;
  }
  return parse_config(value);
}

ParsedConfig parse_config(const json& root) {
  ParsedConfig out;
  if (!root.is_object()) {
    out.errors.push_back({"", "the config must be a JSON object"});
    return out;
  }
  Config& c = out.config;
  Parser p(root, out);
  p.choice("problem", parse_problem, "classification, regression", c.problem);
  p.choice("dataset", parse_classify_dataset,
           "circle, xor, gauss, spiral, logic-and, logic-or, logic-nand, logic-nor, logic-xor, "
           "logic-not",
           c.dataset);
  p.choice("regDataset", parse_regress_dataset, "reg-plane, reg-gauss", c.reg_dataset);
  p.number("noise", 0, 80, c.noise);
  p.number("percTrainData", 1, 100, c.perc_train);
  long long batch = c.batch_size;
  p.integer_key("batchSize", 1, kMaxBatchSize, batch);
  c.batch_size = int(batch);
  p.rate("learningRate", c.learning_rate);
  p.choice("activation", parse_activation, kActivationList, c.activation);
  if (root.contains("outputActivation")) {
    Activation output = c.effective_output_activation();
    p.choice("outputActivation", parse_activation, kActivationList, output);
    c.output_activation = output;
  }
  p.choice("regularization", parse_regularization, "none, L1, L2", c.regularization);
  p.rate("regularizationRate", c.regularization_rate);
  parse_shape(p, c);
  parse_activations(p, c, shape_read(out.errors));
  parse_dropout(p, c, shape_read(out.errors));
  parse_seed(p, c);
  for (int f = 0; f < kFeatureCount; ++f) {
    bool on = c.features[f];
    p.boolean(kFeatures[f].key, on);
    c.features[f] = on;
  }
  check_features(p, c, out.errors);
  p.boolean("initZero", c.init_zero);
  parse_optimizer_keys(p, c);
  p.integer_key("epoch", 0, kMaxEpoch, c.epoch);
  parse_points(p, c);
  // params can be checked only against a valid shape, so after everything else.
  const json* params = p.get("params");
  if (params && shape_is_valid(out.errors))
    c.params = params_from_json(*params, c.layer_sizes(), out.errors);
  p.unknown_keys();
  cap_issues(out.errors, "errors");
  return out;
}

json config_to_json(const Config& c) {
  json j = json::object();
  j["problem"] = problem_name(c.problem);
  j["dataset"] = dataset_name(c.dataset);
  j["regDataset"] = dataset_name(c.reg_dataset);
  j["noise"] = c.noise;
  j["percTrainData"] = c.perc_train;
  j["batchSize"] = c.batch_size;
  j["learningRate"] = c.learning_rate;
  j["activation"] = activation_name(c.activation);
  if (!c.activations.empty()) {
    json names = json::array();
    for (Activation a : c.activations) names.push_back(activation_name(a));
    j["activations"] = names;
  }
  if (!c.dropout.empty()) j["dropout"] = c.dropout;
  j["regularization"] = regularization_name(c.regularization);
  j["regularizationRate"] = c.regularization_rate;
  j["networkShape"] = c.network_shape;
  j["seed"] = c.seed;
  for (int f = 0; f < kFeatureCount; ++f) j[kFeatures[f].key] = c.features[f];
  j["initZero"] = c.init_zero;
  if (c.output_activation) j["outputActivation"] = activation_name(*c.output_activation);
  // The keys added after the reference: written only when they differ from the default, so
  // that a default config exports as it always did.
  const Config d;
  const AdaptiveSettings<double>&o = c.optimizer, &od = d.optimizer;
  if (o.kind != od.kind) j["optimizer"] = optimizer_name(o.kind);
  if (o.momentum != od.momentum) j["momentum"] = o.momentum;
  if (o.rms_alpha != od.rms_alpha) j["rmsAlpha"] = o.rms_alpha;
  if (o.beta1 != od.beta1) j["beta1"] = o.beta1;
  if (o.beta2 != od.beta2) j["beta2"] = o.beta2;
  if (o.epsilon != od.epsilon) j["epsilon"] = o.epsilon;
  if (o.weight_decay != od.weight_decay) j["weightDecay"] = o.weight_decay;
  const ScheduleConfig &sc = c.schedule, &sd = d.schedule;
  if (sc.kind != sd.kind) j["lrSchedule"] = schedule_name(sc.kind);
  if (sc.gamma != sd.gamma) j["lrGamma"] = sc.gamma;
  if (sc.step_epochs != sd.step_epochs) j["lrStepEpochs"] = sc.step_epochs;
  if (sc.cosine_epochs != sd.cosine_epochs) j["lrCosineEpochs"] = sc.cosine_epochs;
  if (sc.min_rate != sd.min_rate) j["lrMin"] = sc.min_rate;
  if (sc.warmup_epochs != sd.warmup_epochs) j["lrWarmupEpochs"] = sc.warmup_epochs;
  if (c.init != d.init) j["init"] = init_name(c.init);
  return j;
}

}  // namespace nnplay
