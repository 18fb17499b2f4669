#include "search/trials.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "rng.hpp"
#include "session.hpp"

namespace nnplay::search {
namespace {

using nlohmann::json;

// A range's value at u in [0, 1]: linear or log, an integer rounded to the nearest.
json range_value(const Domain& d, double u) {
  double v = d.log ? std::exp(std::log(d.min) + u * (std::log(d.max) - std::log(d.min)))
                   : d.min + u * (d.max - d.min);
  v = std::clamp(v, d.min, d.max);
  if (d.integer) return json(std::llround(v));
  return json(v);
}

// The base config with the trial's values; every trial has the same seed (the spec's, unless
// the base or a parameter sets one), so trials differ by their parameters only: the same
// points, the same stream of starting weights.
json trial_config(const SearchSpec& spec, const json& params) {
  json c = spec.base;
  for (const auto& item : params.items()) c[item.key()] = item.value();
  if (!c.contains("seed")) c["seed"] = spec.seed;
  return c;
}

Trial make_trial(const SearchSpec& spec, long long id, json params) {
  Trial t;
  t.id = id;
  t.params = std::move(params);
  t.config = trial_config(spec, t.params);
  t.epochs = spec.strategy == Strategy::Halving ? rung_epochs(spec, 0) : spec.epochs;
  return t;
}

// A grid axis: a fixed value, the choices, or `steps` points from min to max (integers
// deduplicated).
std::vector<json> axis(const Domain& d) {
  if (d.kind == DomainKind::Fixed) return {d.fixed};
  if (d.kind == DomainKind::Choices) return d.choices;
  std::vector<json> out;
  for (int i = 0; i < d.steps; ++i) {
    json v = range_value(d, d.steps == 1 ? 0.0 : double(i) / (d.steps - 1));
    if (out.empty() || out.back() != v) out.push_back(v);
  }
  return out;
}

double objective_value(const TrialResult& r, Objective o) {
  const double v = o == Objective::TestAccuracy ? -r.test_accuracy : r.test_loss;
  if (!r.error.empty() || r.diverged || !std::isfinite(v))
    return std::numeric_limits<double>::infinity();
  return v;
}

std::vector<ConfigIssue> need(const json& j, const char* key, json::value_t type,
                              const char* what) {
  if (!j.contains(key)) return {{key, std::string("missing: ") + what}};
  const json& v = j[key];
  const bool ok = type == json::value_t::number_float     ? v.is_number()
                  : type == json::value_t::number_integer ? v.is_number_integer()
                                                          : v.type() == type;
  if (!ok) return {{key, std::string("must be ") + what + ", got " + describe(v)}};
  return {};
}

}  // namespace

Trial trial_of(const SearchSpec& spec, const TrialResult& result) {
  Trial t = make_trial(spec, result.id, result.params);
  t.rung = result.rung;
  t.epochs = result.epochs;
  return t;
}

long long grid_size(const SearchSpec& spec) {
  long long n = 1;
  for (const Domain& d : spec.params) {
    n *= std::max<long long>(1, (long long)axis(d).size());
    if (n > kMaxTrials) return kMaxTrials + 1;
  }
  return n;
}

long long rung_epochs(const SearchSpec& spec, int rung) {
  long long e = spec.min_epochs;
  for (int r = 0; r < rung && e < spec.epochs; ++r) e *= spec.eta;
  return std::min(e, spec.epochs);
}

bool last_rung(const SearchSpec& spec, int rung) { return rung_epochs(spec, rung) >= spec.epochs; }

std::vector<Trial> random_trials(const SearchSpec& spec, long long from, long long count) {
  // One stream per search: trial k's draws are the k-th group of draws, one per parameter
  // with a choice or a range, in name order.
  SeedRandom rng(spec.seed);
  int per_trial = 0;
  for (const Domain& d : spec.params) per_trial += d.kind != DomainKind::Fixed;
  for (long long k = 0; k < from * per_trial; ++k) rng.next();
  std::vector<Trial> out;
  for (long long id = from; id < from + count; ++id) {
    json params = json::object();
    for (const Domain& d : spec.params) {
      if (d.kind == DomainKind::Fixed)
        params[d.name] = d.fixed;
      else if (d.kind == DomainKind::Choices) {
        const std::size_t i =
            std::min(d.choices.size() - 1, std::size_t(rng.next() * d.choices.size()));
        params[d.name] = d.choices[i];
      } else
        params[d.name] = range_value(d, rng.next());
    }
    out.push_back(make_trial(spec, id, std::move(params)));
  }
  return out;
}

std::vector<Trial> first_trials(const SearchSpec& spec) {
  if (spec.strategy != Strategy::Grid)
    return random_trials(spec, 0, spec.trials > 0 ? spec.trials : 0);
  std::vector<std::vector<json>> axes;
  for (const Domain& d : spec.params) axes.push_back(axis(d));
  std::vector<Trial> out;
  std::vector<std::size_t> at(axes.size(), 0);
  const long long cap = spec.trials > 0 ? spec.trials : kMaxTrials;
  for (long long id = 0; id < cap; ++id) {
    json params = json::object();
    for (std::size_t a = 0; a < axes.size(); ++a) params[spec.params[a].name] = axes[a][at[a]];
    out.push_back(make_trial(spec, id, std::move(params)));
    // the next point: the last parameter turns fastest
    std::size_t a = axes.size();
    while (a > 0) {
      --a;
      if (++at[a] < axes[a].size()) break;
      at[a] = 0;
      if (a == 0) return out;
    }
    if (axes.empty()) return out;
  }
  return out;
}

std::vector<Trial> next_rung(const SearchSpec& spec, const std::vector<Trial>& rung_trials,
                             const std::vector<TrialResult>& rung_results) {
  if (rung_trials.empty() || spec.strategy != Strategy::Halving) return {};
  const int rung = rung_trials.front().rung;
  if (last_rung(spec, rung)) return {};
  const std::vector<TrialResult> ranked = rank(rung_results, spec.objective);
  const std::size_t keep = std::max<std::size_t>(1, rung_trials.size() / std::size_t(spec.eta));
  std::vector<Trial> out;
  for (std::size_t i = 0; i < ranked.size() && out.size() < keep; ++i) {
    if (!ranked[i].error.empty() || ranked[i].diverged) continue;
    for (const Trial& t : rung_trials)
      if (t.id == ranked[i].id) {
        Trial next = t;
        next.rung = rung + 1;
        next.from_epochs = t.epochs;
        next.epochs = rung_epochs(spec, rung + 1);
        out.push_back(next);
      }
  }
  std::sort(out.begin(), out.end(), [](const Trial& a, const Trial& b) { return a.id < b.id; });
  return out;
}

TrialResult run_trial(const Trial& trial, const std::string* model_in, std::string* model_out) {
  const auto start = std::chrono::steady_clock::now();
  TrialResult r;
  r.id = trial.id;
  r.rung = trial.rung;
  r.params = trial.params;
  Session s;
  const ConfigureResult c = trial.from_epochs > 0 && model_in ? s.load_model(*model_in)
                                                              : s.configure(trial.config.dump());
  if (!c.ok) {
    r.error = c.errors.empty() ? "refused" : c.errors[0].field + ": " + c.errors[0].message;
    return r;
  }
  if (trial.from_epochs > 0 && !model_in) {
    r.error =
        "from: continues a model of " + std::to_string(trial.from_epochs) + " epochs, none given";
    return r;
  }
  if (trial.from_epochs > 0 && s.epoch() != trial.from_epochs) {
    r.error = "from: the model has " + std::to_string(s.epoch()) +
              " epochs, the trial continues one of " + std::to_string(trial.from_epochs);
    return r;
  }
  if (trial.epochs > s.epoch()) s.step(trial.epochs - s.epoch());  // step: its metrics too
  r.epochs = s.epoch();
  r.train_loss = s.train_loss();
  r.test_loss = s.test_loss();
  r.train_accuracy = s.train_accuracy();
  r.test_accuracy = s.test_accuracy();
  r.diverged = s.diverged() || !std::isfinite(r.test_loss);
  if (model_out) *model_out = s.export_model();
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

std::vector<TrialResult> rank(std::vector<TrialResult> results, Objective objective) {
  // Each trial once, at its last rung (a promoted trial's earlier rungs are not rivals).
  std::vector<TrialResult> last;
  for (const TrialResult& r : results) {
    auto it =
        std::find_if(last.begin(), last.end(), [&](const TrialResult& x) { return x.id == r.id; });
    if (it == last.end())
      last.push_back(r);
    else if (r.rung > it->rung)
      *it = r;
  }
  results = std::move(last);
  std::stable_sort(results.begin(), results.end(), [&](const TrialResult& a, const TrialResult& b) {
    const double x = objective_value(a, objective), y = objective_value(b, objective);
    if (x != y) return x < y;
    if (a.rung != b.rung) return a.rung > b.rung;  // the same objective: the longer trained first
    return a.id < b.id;
  });
  return results;
}

json trial_json(const Trial& t) {
  json j = {{"id", t.id},
            {"rung", t.rung},
            {"params", t.params},
            {"epochs", t.epochs},
            {"config", t.config}};
  if (t.from_epochs > 0) j["fromEpochs"] = t.from_epochs;
  return j;
}

json result_json(const TrialResult& r) {
  json j = {{"id", r.id}, {"rung", r.rung}, {"params", r.params}, {"epochs", r.epochs}};
  if (!r.error.empty()) {
    j["error"] = r.error;
    return j;
  }
  // Non-finite numbers have no JSON: a diverged trial's losses are null.
  auto num = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
  j["trainLoss"] = num(r.train_loss);
  j["testLoss"] = num(r.test_loss);
  j["trainAccuracy"] = num(r.train_accuracy);
  j["testAccuracy"] = num(r.test_accuracy);
  j["diverged"] = r.diverged;
  j["seconds"] = std::round(r.seconds * 1000) / 1000;
  return j;
}

std::vector<ConfigIssue> read_trial(const json& j, Trial& out) {
  if (!j.is_object())
    return {{"", "a trial is a JSON object (one line of `nnplay search --list`)"}};
  for (auto [key, type, what] : {std::tuple{"id", json::value_t::number_integer, "an integer"},
                                 std::tuple{"epochs", json::value_t::number_integer, "an integer"},
                                 std::tuple{"config", json::value_t::object, "a config object"}})
    if (auto e = need(j, key, type, what); !e.empty()) return e;
  long long v = 0;
  if (auto why = integer_problem(j["id"], 0, kMaxTrials, v)) return {{"id", *why}};
  out.id = v;
  if (auto why = integer_problem(j["epochs"], 0, kMaxTrialEpochs * 100, v))
    return {{"epochs", *why}};
  out.epochs = v;
  out.rung = 0;
  if (j.contains("rung")) {
    if (auto why = integer_problem(j["rung"], 0, 64, v)) return {{"rung", *why}};
    out.rung = int(v);
  }
  out.from_epochs = 0;
  if (j.contains("fromEpochs")) {
    if (auto why = integer_problem(j["fromEpochs"], 1, out.epochs, v))
      return {{"fromEpochs", *why}};
    out.from_epochs = v;
  }
  out.params = j.contains("params") && j["params"].is_object() ? j["params"] : json::object();
  out.config = j["config"];
  return {};
}

std::vector<ConfigIssue> read_result(const json& j, TrialResult& out) {
  if (!j.is_object()) return {{"", "a result is a JSON object (one line of `nnplay trial`)"}};
  if (auto e = need(j, "id", json::value_t::number_integer, "an integer"); !e.empty()) return e;
  long long v = 0;
  if (auto why = integer_problem(j["id"], 0, kMaxTrials, v)) return {{"id", *why}};
  out.id = v;
  out.rung = 0;
  if (j.contains("rung")) {
    if (auto why = integer_problem(j["rung"], 0, 64, v)) return {{"rung", *why}};
    out.rung = int(v);
  }
  out.epochs =
      j.contains("epochs") && j["epochs"].is_number_integer() ? j["epochs"].get<long long>() : 0;
  out.params = j.contains("params") && j["params"].is_object() ? j["params"] : json::object();
  if (j.contains("error")) {
    out.error = j["error"].is_string() ? j["error"].get<std::string>() : "failed";
    return {};
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  auto num = [&](const char* k) {
    return j.contains(k) && j[k].is_number() ? j[k].get<double>() : nan;
  };
  for (const char* k : {"testLoss", "testAccuracy"})
    if (!j.contains(k) || !(j[k].is_number() || j[k].is_null()))
      return {{k, "must be a number (or null for a diverged trial)"}};
  out.train_loss = num("trainLoss");
  out.test_loss = num("testLoss");
  out.train_accuracy = num("trainAccuracy");
  out.test_accuracy = num("testAccuracy");
  out.diverged = j.contains("diverged") && j["diverged"] == true;
  out.seconds = num("seconds");
  return {};
}

}  // namespace nnplay::search
