#include "search/search_spec.hpp"

#include <cmath>
#include <set>

#include "config.hpp"
#include "json_read.hpp"
#include "search/trials.hpp"

namespace nnplay::search {
namespace {

using nlohmann::json;

// The config keys a search may set: the config's own (config_to_json's), not its params,
// points or epoch, which are a trained network's and not hyper-parameters.
const std::set<std::string>& searchable_keys() {
  static const std::set<std::string> keys = [] {
    std::set<std::string> k;
    const json all = config_to_json(Config{});  // kept alive: items() only views it
    for (const auto& item : all.items()) k.insert(item.key());
    k.insert("seed");
    return k;
  }();
  return keys;
}

std::string key_list() {
  std::string out;
  for (const auto& k : searchable_keys()) out += (out.empty() ? "" : ", ") + k;
  return out;
}

class Reader {
 public:
  explicit Reader(SearchSpecResult& out) : out_(out) {}
  void error(const std::string& field, const std::string& message) {
    if (out_.errors.size() < kMaxIssues) out_.errors.push_back({field, message});
  }

  // The value base + {name: value} gives, checked by the config's own reader: its message
  // for that key, if any, under `field`.
  void check_value(const json& base, const std::string& name, const json& value,
                   const std::string& field) {
    json config = base;
    config[name] = value;
    const ParsedConfig p = parse_config(config);
    for (const auto& e : p.errors)
      if (e.field == name || e.field.rfind(name + "[", 0) == 0 || e.field.rfind(name + ".", 0) == 0)
        return error(field, e.message);
  }

  Domain domain(const json& base, const std::string& name, const json& v) {
    const std::string field = "params." + safe_text(name);
    Domain d;
    d.name = name;
    if (!searchable_keys().count(name)) {
      error(field, "unknown parameter; expected one of " + key_list());
      return d;
    }
    if (!v.is_object()) {  // a fixed value
      d.kind = DomainKind::Fixed;
      d.fixed = v;
      check_value(base, name, v, field);
      return d;
    }
    if (v.contains("choices")) {
      d.kind = DomainKind::Choices;
      const json& c = v["choices"];
      if (!c.is_array())
        error(field + ".choices", "must be a list of values, got " + describe(c));
      else if (c.empty())
        error(field + ".choices", "must not be empty");
      else if (c.size() > kMaxChoices)
        error(field + ".choices", "at most " + std::to_string(kMaxChoices) + " choices");
      else
        for (std::size_t i = 0; i < c.size(); ++i) {
          d.choices.push_back(c[i]);
          check_value(base, name, c[i], field + ".choices[" + std::to_string(i) + "]");
        }
      for (const auto& item : v.items())
        if (item.key() != "choices")
          error(field + "." + safe_text(item.key()),
                "unknown key; a list of choices has only choices");
      return d;
    }
    d.kind = DomainKind::Range;
    for (const auto& item : v.items())
      if (item.key() != "min" && item.key() != "max" && item.key() != "scale" &&
          item.key() != "type" && item.key() != "steps")
        error(field + "." + safe_text(item.key()),
              "unknown key; a range has min, max, scale, type and steps");
    bool ok = true;
    for (const char* k : {"min", "max"}) {
      if (!v.contains(k)) {
        error(field + "." + k, "missing (a range needs min and max, or give choices)");
        ok = false;
      } else if (!finite_number(v[k])) {
        error(field + "." + k, "must be a number, got " + describe(v[k]));
        ok = false;
      }
    }
    if (v.contains("scale")) {
      const json& s = v["scale"];
      if (s == "log")
        d.log = true;
      else if (s != "linear")
        error(field + ".scale", "must be linear or log, got " + describe(s));
    }
    if (v.contains("type")) {
      const json& t = v["type"];
      if (t == "int")
        d.integer = true;
      else if (t != "real")
        error(field + ".type", "must be int or real, got " + describe(t));
    }
    if (v.contains("steps")) {
      long long steps = 0;
      if (auto why = integer_problem(v["steps"], 2, 1000, steps))
        error(field + ".steps", *why);
      else
        d.steps = int(steps);
    }
    if (!ok) return d;
    d.min = v["min"].get<double>();
    d.max = v["max"].get<double>();
    if (d.min > d.max) error(field + ".min", "must not be above max (" + v["max"].dump() + ")");
    if (d.log && d.min <= 0) error(field + ".min", "must be above 0 on a log scale");
    if (d.integer && (std::floor(d.min) != d.min || std::floor(d.max) != d.max))
      error(field, "an int range needs integer min and max");
    if (out_.errors.empty()) {
      check_value(base, name, d.integer ? json(std::llround(d.min)) : json(d.min), field + ".min");
      check_value(base, name, d.integer ? json(std::llround(d.max)) : json(d.max), field + ".max");
    }
    return d;
  }

 private:
  SearchSpecResult& out_;
};

}  // namespace

const char* strategy_name(Strategy s) {
  switch (s) {
    case Strategy::Grid: return "grid";
    case Strategy::Random: return "random";
    case Strategy::Halving: return "halving";
  }
  return "random";
}

const char* objective_name(Objective o) {
  return o == Objective::TestAccuracy ? "testAccuracy" : "testLoss";
}

SearchSpecResult parse_search_spec(const std::string& text) {
  SearchSpecResult out;
  if (text.size() > kMaxSpecBytes) {
    out.errors.push_back(
        {"", "the spec is longer than " + std::to_string(kMaxSpecBytes) + " bytes"});
    return out;
  }
  json j;
  ConfigIssue why;
  if (!read_json(text, j, why)) {
    out.errors.push_back(why);
    return out;
  }
  return read_search_spec(j);
}

SearchSpecResult read_search_spec(const nlohmann::json& j) {
  SearchSpecResult out;
  Reader r(out);
  if (!j.is_object()) {
    r.error("", "a search spec is a JSON object, got " + describe(j));
    return out;
  }
  SearchSpec& s = out.spec;
  for (const auto& item : j.items())
    if (item.key() != "base" && item.key() != "params" && item.key() != "strategy" &&
        item.key() != "budget" && item.key() != "objective" && item.key() != "seed" &&
        item.key() != "halving")
      r.error(safe_text(item.key()),
              "unknown key; expected base, params, strategy, budget, halving, objective, seed");

  if (j.contains("base")) {
    if (!j["base"].is_object())
      r.error("base", "must be a config object, got " + describe(j["base"]));
    else {
      s.base = j["base"];
      const ParsedConfig p = parse_config(s.base);
      for (const auto& e : p.errors) r.error("base." + e.field, e.message);
    }
  }
  if (!j.contains("params") || !j["params"].is_object() || j["params"].empty())
    r.error("params", "must be an object naming at least one parameter (learningRate: {min, max})");
  else
    for (const auto& item : j["params"].items())
      s.params.push_back(r.domain(s.base, item.key(), item.value()));

  if (j.contains("strategy")) {
    const json& v = j["strategy"];
    if (v == "grid")
      s.strategy = Strategy::Grid;
    else if (v == "random")
      s.strategy = Strategy::Random;
    else if (v == "halving")
      s.strategy = Strategy::Halving;
    else
      r.error("strategy", "must be grid, random or halving, got " + describe(v));
  }
  if (j.contains("objective")) {
    const json& v = j["objective"];
    if (v == "testLoss")
      s.objective = Objective::TestLoss;
    else if (v == "testAccuracy")
      s.objective = Objective::TestAccuracy;
    else
      r.error("objective", "must be testLoss or testAccuracy, got " + describe(v));
  }
  if (j.contains("seed")) {
    const json& v = j["seed"];
    if (!v.is_string() || v.get_ref<const std::string&>().empty() ||
        v.get_ref<const std::string&>().size() > kMaxSeedBytes)
      r.error("seed",
              "must be a non-empty string of at most " + std::to_string(kMaxSeedBytes) + " bytes");
    else
      s.seed = v.get<std::string>();
  }

  const json budget = j.contains("budget") ? j["budget"] : json();
  if (!budget.is_object())
    r.error("budget", "must be {trials, epochs} or {minutes, epochs}");
  else {
    for (const auto& item : budget.items())
      if (item.key() != "trials" && item.key() != "epochs" && item.key() != "minutes")
        r.error("budget." + safe_text(item.key()), "unknown key; expected trials, epochs, minutes");
    if (!budget.contains("epochs"))
      r.error("budget.epochs", "missing: each trial's epochs");
    else if (auto why = integer_problem(budget["epochs"], 1, kMaxTrialEpochs, s.epochs))
      r.error("budget.epochs", *why);
    if (budget.contains("minutes")) {
      const json& m = budget["minutes"];
      if (!finite_number(m) || m.get<double>() <= 0 || m.get<double>() > kMaxMinutes)
        r.error("budget.minutes", "must be a number above 0 and at most " +
                                      std::to_string(int(kMaxMinutes)) + ", got " + describe(m));
      else
        s.minutes = m.get<double>();
      if (s.strategy != Strategy::Random)
        r.error("budget.minutes", "a minutes budget is for the random strategy only");
    }
    if (budget.contains("trials")) {
      if (auto why = integer_problem(budget["trials"], 1, kMaxTrials, s.trials))
        r.error("budget.trials", *why);
    } else if (s.strategy != Strategy::Grid && s.minutes == 0)
      r.error("budget", "needs trials (or minutes, for random) besides epochs");
  }

  if (j.contains("halving")) {
    const json& h = j["halving"];
    if (s.strategy != Strategy::Halving) r.error("halving", "only with strategy halving");
    if (!h.is_object())
      r.error("halving", "must be {eta, minEpochs}");
    else
      for (const auto& item : h.items()) {
        long long v = 0;
        if (item.key() == "eta") {
          if (auto why = integer_problem(item.value(), 2, 10, v))
            r.error("halving.eta", *why);
          else
            s.eta = int(v);
        } else if (item.key() == "minEpochs") {
          if (auto why = integer_problem(item.value(), 1, kMaxTrialEpochs, v))
            r.error("halving.minEpochs", *why);
          else
            s.min_epochs = v;
        } else
          r.error("halving." + safe_text(item.key()), "unknown key; expected eta, minEpochs");
      }
  }
  if (s.strategy == Strategy::Grid && out.errors.empty()) {
    const long long n = grid_size(s);
    const long long cap = s.trials > 0 ? s.trials : kMaxTrials;
    if (n > cap)
      r.error(s.trials > 0 ? "budget.trials" : "params",
              "the grid has " +
                  (n > kMaxTrials ? "more than " + std::to_string(kMaxTrials) : std::to_string(n)) +
                  " points, more than " + std::to_string(cap));
  }
  if (s.strategy == Strategy::Halving && out.errors.empty()) {
    if (s.min_epochs == 0) s.min_epochs = std::max(1LL, s.epochs / (s.eta * s.eta));
    if (s.min_epochs > s.epochs) r.error("halving.minEpochs", "must not be above budget.epochs");
  }
  return out;
}

nlohmann::json search_spec_json(const SearchSpec& s) {
  json params = json::object();
  for (const Domain& d : s.params) {
    if (d.kind == DomainKind::Fixed)
      params[d.name] = d.fixed;
    else if (d.kind == DomainKind::Choices)
      params[d.name] = {{"choices", d.choices}};
    else {
      json r = {{"min", d.min},
                {"max", d.max},
                {"scale", d.log ? "log" : "linear"},
                {"type", d.integer ? "int" : "real"}};
      if (s.strategy == Strategy::Grid) r["steps"] = d.steps;
      params[d.name] = r;
    }
  }
  json budget = {{"epochs", s.epochs}};
  if (s.trials) budget["trials"] = s.trials;
  if (s.minutes > 0) budget["minutes"] = s.minutes;
  json out = {{"base", s.base},
              {"params", params},
              {"strategy", strategy_name(s.strategy)},
              {"budget", budget},
              {"objective", objective_name(s.objective)},
              {"seed", s.seed}};
  if (s.strategy == Strategy::Halving)
    out["halving"] = {{"eta", s.eta}, {"minEpochs", s.min_epochs}};
  return out;
}

}  // namespace nnplay::search
