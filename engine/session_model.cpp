// The model file: Session::export_model and load_model (docs/MODELS.md describes the format).
// Numbers are written as the shortest text that reads back to the same double, so a file
// continues the run it was written from bit for bit.
#include <limits>

#include "json_read.hpp"
#include "params_json.hpp"
#include "session.hpp"

namespace nnplay {

using nlohmann::json;

namespace {

constexpr int kModelVersion = 1;

// The names of an optimizer kind's state arrays, in OptimizerState::per_param's order.
std::vector<const char*> state_names(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::Momentum:
    case OptimizerKind::Nesterov: return {"velocity"};
    case OptimizerKind::RmsProp: return {"squareAverage"};
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW: return {"m", "v"};
    default: return {};
  }
}

json flat(const double* data, std::size_t n) {
  json a = json::array();
  for (std::size_t k = 0; k < n; ++k) a.push_back(data[k]);
  return a;
}

json finite_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

// Reads a model's parts, collecting every problem under its field path.
class ModelReader {
 public:
  explicit ModelReader(std::vector<ConfigIssue>& errors) : errors_(errors) {}
  void error(const std::string& field, const std::string& message) {
    if (errors_.size() < kMaxIssues) errors_.push_back({field, message});
  }
  bool ok() const { return errors_.empty(); }

  const json* member(const json& obj, const char* key, const std::string& field) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      error(field, "missing");
      return nullptr;
    }
    return &*it;
  }

  bool integer(const json& obj, const char* key, const std::string& field, long long lo,
               long long hi, long long& out) {
    const json* v = member(obj, key, field);
    if (!v) return false;
    if (auto problem = integer_problem(*v, lo, hi, out)) {
      error(field, *problem);
      return false;
    }
    return true;
  }

  // An array of n finite numbers (>= 0 when non_negative).
  bool numbers(const json* v, const std::string& field, std::size_t n, bool non_negative,
               std::vector<double>& out) {
    if (!v) return false;
    if (!v->is_array() || v->size() != n) {
      error(field, "must be an array of " + std::to_string(n) + " numbers (one per parameter)");
      return false;
    }
    out.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
      const json& x = (*v)[k];
      if (!finite_number(x) || (non_negative && x.get<double>() < 0)) {
        error(field + "[" + std::to_string(k) + "]",
              non_negative ? "must be a finite number >= 0" : "must be a finite number");
        return false;
      }
      out[k] = x.get<double>();
    }
    return true;
  }

  // A generator position (SeedRandom::save_state's text).
  bool generator(const json* v, const std::string& field, SeedRandom& rng) {
    if (!v) return false;
    if (!v->is_string() || !rng.load_state(v->get<std::string>())) {
      error(field, "must be a generator state: 516 hex digits (a permutation S box, i, j)");
      return false;
    }
    return true;
  }

  std::optional<std::vector<LayerParams>> weights(const json* v, const std::string& field,
                                                  const std::vector<int>& sizes) {
    if (!v) return std::nullopt;
    std::vector<ConfigIssue> found;
    auto params = params_from_json(*v, sizes, found);
    for (auto& e : found) {  // params_from_json names its fields "params..."
      if (e.field.rfind("params", 0) == 0) e.field = field + e.field.substr(6);
      error(e.field.empty() ? field : e.field, e.message);
    }
    return params;
  }

 private:
  std::vector<ConfigIssue>& errors_;
};

}  // namespace

std::string Session::export_model() const {
  json config = json::parse(export_json());  // the config, with points when given
  config.erase("params");
  config.erase("epoch");
  const OptimizerState<double>& st = net_.optimizer_state();
  const std::size_t n = net_.params().size();
  json state = json::object();
  const auto names = state_names(config_.optimizer.kind);
  for (std::size_t k = 0; k < names.size() && k < st.per_param.size(); ++k)
    state[names[k]] = flat(st.per_param[k].data(), n);
  // Restoring the initial weights into a copy gives their JSON in the usual layout.
  Network initial = net_;
  initial.restore(initial_params_, initial_dead_);
  json model = {
      {"format", "nnplay-model"},
      {"version", kModelVersion},
      {"kind", "mlp"},
      {"config", config},
      {"weights", params_to_json(net_)},
      {"optimizer",
       {{"name", optimizer_name(config_.optimizer.kind)}, {"step", st.steps}, {"state", state}}},
      {"training",
       {{"epoch", epoch_},
        {"cursor", cursor_},
        {"accumulated", net_.accumulated()},
        {"gradient", flat(net_.gradients().data(), n)},
        {"rng", rng_.save_state()},
        // the masks' generator and the resets its seed counts: a network with dropout goes on
        // drawing the masks it would have drawn, and a later reset seeds the same ones
        {"dropoutRng", dropout_rng_.save_state()},
        {"resets", resets_},
        {"initial",
         {{"weights", params_to_json(initial)},
          {"rng", initial_rng_.save_state()},
          {"dropoutRng", initial_dropout_rng_.save_state()}}}}},
      {"metrics",
       {{"trainLoss", finite_or_null(train_loss_)},
        {"testLoss", finite_or_null(test_loss_)},
        {"trainAccuracy", finite_or_null(train_accuracy_)},
        {"testAccuracy", finite_or_null(test_accuracy_)}}}};
  return model.dump();
}

ConfigureResult Session::load_model(const std::string& text) {
  ConfigureResult result;
  auto fail = [&](const std::string& field, const std::string& message) {
    result.errors.push_back({field, message});
    return result;
  };
  if (text.size() > kMaxConfigBytes)
    return fail("", "the model file is longer than " + std::to_string(kMaxConfigBytes) + " bytes");
  json m;
  ConfigIssue read_error;
  if (!read_json(text, m, read_error)) return fail(read_error.field, read_error.message);
  if (!m.is_object()) return fail("", "not a model file: the text must be a JSON object");
  if (!m.contains("format") || m["format"] != "nnplay-model")
    return fail("format", "not an nnplay model file (format must be \"nnplay-model\")");
  long long version = 0;
  if (!m.contains("version") || integer_problem(m["version"], 1, 1000000, version))
    return fail("version", "must be a whole number from 1");
  if (version > kModelVersion)
    return fail("version", "version " + std::to_string(version) +
                               " is newer than this engine reads (up to " +
                               std::to_string(kModelVersion) + ")");
  if (!m.contains("kind") || m["kind"] != "mlp")
    return fail("kind", "this engine reads only \"mlp\" models, got " +
                            (m.contains("kind") ? describe(m["kind"]) : std::string("none")));
  if (!m.contains("config") || !m["config"].is_object())
    return fail("config", "must be the model's config (an object)");
  ParsedConfig parsed = parse_config(m["config"]);
  for (const auto& w : parsed.warnings) result.warnings.push_back({"config." + w.field, w.message});
  if (!parsed.ok()) {
    for (const auto& e : parsed.errors)
      result.errors.push_back({e.field.empty() ? "config" : "config." + e.field, e.message});
    return result;
  }
  Config& c = parsed.config;
  ModelReader r(result.errors);
  const std::vector<int> sizes = c.layer_sizes();
  auto weights = r.weights(r.member(m, "weights", "weights"), "weights", sizes);

  // The state arrays and the training position, checked against a session of this config.
  c.params.reset();
  c.epoch = 0;
  Session next;
  next.apply(c);
  const std::size_t n = next.net_.params().size();
  const json* opt = r.member(m, "optimizer", "optimizer");
  OptimizerState<double> state;
  if (opt && !opt->is_object()) r.error("optimizer", "must be an object");
  if (opt && opt->is_object()) {
    const json* name = r.member(*opt, "name", "optimizer.name");
    if (name && *name != optimizer_name(c.optimizer.kind))
      r.error("optimizer.name", "must be the config's optimizer \"" +
                                    std::string(optimizer_name(c.optimizer.kind)) + "\"");
    r.integer(*opt, "step", "optimizer.step", 0, kMaxEpoch, state.steps);
    const json* arrays = r.member(*opt, "state", "optimizer.state");
    if (arrays && !arrays->is_object()) r.error("optimizer.state", "must be an object");
    if (arrays && arrays->is_object()) {
      for (const char* key : state_names(c.optimizer.kind)) {
        std::vector<double> values;
        const bool square = std::string(key) == "v" || std::string(key) == "squareAverage";
        const std::string field = std::string("optimizer.state.") + key;
        r.numbers(r.member(*arrays, key, field), field, n, square, values);
        state.per_param.push_back(std::move(values));
      }
    }
  }
  const json* tr = r.member(m, "training", "training");
  long long epoch = 0, cursor = 0, accumulated = 0;
  std::vector<double> gradient;
  SeedRandom rng, initial_rng;
  long long resets = 0;
  // Files written before the dropout generator was saved: the masks' stream from its seed.
  std::optional<SeedRandom> dropout_rng, initial_dropout_rng;
  std::optional<std::vector<LayerParams>> initial;
  if (tr && !tr->is_object()) r.error("training", "must be an object");
  if (tr && tr->is_object()) {
    const long long count = static_cast<long long>(next.data_.train.size());
    r.integer(*tr, "epoch", "training.epoch", 0, kMaxEpoch, epoch);
    r.integer(*tr, "cursor", "training.cursor", 0, std::max(0LL, count - 1), cursor);
    r.integer(*tr, "accumulated", "training.accumulated", 0,
              std::min<long long>(c.batch_size - 1, count), accumulated);
    r.numbers(r.member(*tr, "gradient", "training.gradient"), "training.gradient", n, false,
              gradient);
    r.generator(r.member(*tr, "rng", "training.rng"), "training.rng", rng);
    if (tr->contains("resets")) r.integer(*tr, "resets", "training.resets", 0, kMaxEpoch, resets);
    if (tr->contains("dropoutRng") && !(*tr)["dropoutRng"].is_null()) {
      dropout_rng.emplace();
      r.generator(&(*tr)["dropoutRng"], "training.dropoutRng", *dropout_rng);
    }
    // The initial weights (for reset_to_initial) are optional: without them, the loaded ones.
    const json* init = tr->contains("initial") ? &(*tr)["initial"] : nullptr;
    if (init && !init->is_object()) r.error("training.initial", "must be an object");
    if (init && init->is_object()) {
      initial = r.weights(r.member(*init, "weights", "training.initial.weights"),
                          "training.initial.weights", sizes);
      r.generator(r.member(*init, "rng", "training.initial.rng"), "training.initial.rng",
                  initial_rng);
      if (init->contains("dropoutRng") && !(*init)["dropoutRng"].is_null()) {
        initial_dropout_rng.emplace();
        r.generator(&(*init)["dropoutRng"], "training.initial.dropoutRng", *initial_dropout_rng);
      }
    }
  }
  if (!r.ok()) return result;

  const xt::xtensor<std::uint8_t, 1> no_dead = xt::zeros<std::uint8_t>({n});
  next.resets_ = resets;
  SeedRandom from_seed;  // the masks' generator as the last reset left it
  from_seed.seed(dropout_seed(c.seed, resets));
  next.dropout_rng_ = dropout_rng ? *dropout_rng : from_seed;
  next.initial_dropout_rng_ =
      initial_dropout_rng ? *initial_dropout_rng : (initial ? from_seed : next.dropout_rng_);
  if (initial) {
    next.net_.restore(next.net_.params(), no_dead);
    load_params(*initial, next.net_);
    next.initial_params_ = next.net_.params();
    next.initial_dead_ = next.net_.dead_links();
    next.initial_rng_ = initial_rng;
  }
  next.net_.restore(next.net_.params(), no_dead);
  load_params(*weights, next.net_);
  if (!initial) {
    next.initial_params_ = next.net_.params();
    next.initial_dead_ = next.net_.dead_links();
    next.initial_rng_ = rng;
  }
  next.net_.optimizer_state() = std::move(state);
  next.net_.set_accumulated(gradient, int(accumulated));
  next.rng_ = rng;
  next.epoch_ = epoch;
  next.cursor_ = std::size_t(cursor);
  next.update_metrics();
  *this = std::move(next);
  result.ok = true;
  return result;
}

}  // namespace nnplay
