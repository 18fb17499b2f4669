// The hyper-parameter search's core (engine/search/, docs/SEARCH.md): the spec's checks name
// the field; grid, random and successive halving give the trials they promise, the same ones
// for the same spec; trials and results survive their JSON lines; a halving search run a line
// at a time (as `nnplay trial` on many machines would) ranks as the one run in one process.
#include <algorithm>
#include <string>

#include "search/search_spec.hpp"
#include "search/trials.hpp"
#include "test_helpers.hpp"

using namespace nnplay::search;
using nlohmann::json;

namespace {

json base_spec() {
  return json::parse(R"({
    "base": {"dataset": "xor", "networkShape": [4], "noise": 5},
    "params": {"learningRate": {"min": 0.003, "max": 0.3, "scale": "log"},
               "activation": {"choices": ["tanh", "relu"]}},
    "strategy": "random", "budget": {"trials": 4, "epochs": 20}, "seed": "t"})");
}

SearchSpec spec_of(const json& j) {
  SearchSpecResult r = read_search_spec(j);
  for (const auto& e : r.errors) INFO(e.field << ": " << e.message);
  REQUIRE(r.ok());
  return r.spec;
}

// The first error's field for the spec with `patch` merged in.
std::string first_error(json patch) {
  json j = base_spec();
  j.merge_patch(patch);
  const SearchSpecResult r = read_search_spec(j);
  REQUIRE_FALSE(r.ok());
  INFO(r.errors[0].field << ": " << r.errors[0].message);
  return r.errors[0].field;
}

}  // namespace

TEST_CASE("search specs are checked field by field", "[search]") {
  CHECK(read_search_spec(base_spec()).ok());
  CHECK(first_error({{"params", {{"learnRate", 0.1}}}}) == "params.learnRate");
  CHECK(first_error({{"params", {{"activation", {{"choices", json::array()}}}}}}) ==
        "params.activation.choices");
  CHECK(first_error({{"params", {{"learningRate", {{"min", 0.5}, {"max", 0.1}}}}}}) ==
        "params.learningRate.min");
  CHECK(first_error({{"params", {{"learningRate", {{"min", 0}, {"max", 1}, {"scale", "log"}}}}}}) ==
        "params.learningRate.min");
  CHECK(first_error({{"params", {{"activation", {{"choices", {"tanh", "magic"}}}}}}}) ==
        "params.activation.choices[1]");
  CHECK(first_error({{"budget", {{"trials", 0}}}}) == "budget.trials");
  CHECK(first_error({{"budget", {{"epochs", 0}}}}) == "budget.epochs");
  CHECK(first_error({{"strategy", "genetic"}}) == "strategy");
  CHECK(first_error({{"objective", "speed"}}) == "objective");
  CHECK(first_error({{"colour", "red"}}) == "colour");
  CHECK(first_error({{"base", {{"dataset", "moon"}}}}) == "base.dataset");
  const SearchSpecResult text = parse_search_spec("{\"params\": ");
  REQUIRE_FALSE(text.ok());
  CHECK(text.errors[0].message.find("not valid JSON") != std::string::npos);
}

TEST_CASE("a grid enumerates every point and random draws repeat from the seed", "[search]") {
  json g = base_spec();
  g["strategy"] = "grid";
  g["params"]["learningRate"] = {{"min", 0.01}, {"max", 0.1}, {"steps", 3}};
  g["budget"] = {{"epochs", 5}};
  const std::vector<Trial> grid = first_trials(spec_of(g));
  REQUIRE(grid.size() == 6);  // 2 activations x 3 rates, the last name fastest
  CHECK(grid[0].params == json({{"activation", "tanh"}, {"learningRate", 0.01}}));
  CHECK(grid[1].params["learningRate"].get<double>() == Approx(0.055));
  CHECK(grid[5].params == json({{"activation", "relu"}, {"learningRate", 0.1}}));
  CHECK(grid[3].config["dataset"] == "xor");
  CHECK(grid[3].config["seed"] == "t");

  g["budget"]["trials"] = 5;
  CHECK(first_error({{"strategy", "grid"}, {"budget", {{"trials", 1}}}}) == "budget.trials");

  const SearchSpec r = spec_of(base_spec());
  const std::vector<Trial> a = first_trials(r), b = first_trials(r);
  REQUIRE(a.size() == 4);
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].params == b[i].params);
  for (const Trial& t : a) {
    const double lr = t.params["learningRate"].get<double>();
    CHECK(lr >= 0.003);
    CHECK(lr <= 0.3);
  }
  // The minutes budget draws the same stream a few at a time.
  const std::vector<Trial> later = random_trials(r, 2, 2);
  CHECK(later[0].params == a[2].params);
  CHECK(later[1].params == a[3].params);
}

TEST_CASE("trials give the same results every time and survive their JSON lines", "[search]") {
  const SearchSpec spec = spec_of(base_spec());
  const std::vector<Trial> trials = first_trials(spec);
  const TrialResult x = run_trial(trials[1]), y = run_trial(trials[1]);
  CHECK(x.error.empty());
  CHECK(x.epochs == 20);
  CHECK(x.test_loss == y.test_loss);  // bit for bit
  CHECK(x.train_accuracy == y.train_accuracy);

  Trial back;
  REQUIRE(read_trial(json::parse(trial_json(trials[1]).dump()), back).empty());
  CHECK(run_trial(back).test_loss == x.test_loss);
  TrialResult r;
  REQUIRE(read_result(json::parse(result_json(x).dump()), r).empty());
  CHECK(r.test_loss == x.test_loss);
  CHECK(r.params == x.params);

  CHECK(read_trial(json::parse(R"({"id": -1, "epochs": 3, "config": {}})"), back)[0].field == "id");
  CHECK(read_trial(json::parse(R"({"id": 1, "epochs": 3})"), back)[0].field == "config");
  CHECK(read_result(json::parse(R"({"id": 1, "testLoss": "low"})"), r)[0].field == "testLoss");

  Trial bad = trials[0];
  bad.config["networkShape"] = json::array({100});
  const TrialResult refused = run_trial(bad);
  CHECK(refused.error.rfind("networkShape", 0) == 0);
  const std::vector<TrialResult> ranked = rank({refused, x}, Objective::TestLoss);
  CHECK(ranked[0].id == x.id);  // a failed trial ranks last
}

TEST_CASE("successive halving promotes the best third and continues their weights", "[search]") {
  json j = base_spec();
  j["strategy"] = "halving";
  j["budget"] = {{"trials", 9}, {"epochs", 45}};
  j["halving"] = {{"eta", 3}, {"minEpochs", 5}};
  const SearchSpec spec = spec_of(j);
  CHECK(rung_epochs(spec, 0) == 5);
  CHECK(rung_epochs(spec, 1) == 15);
  CHECK(rung_epochs(spec, 2) == 45);
  CHECK(last_rung(spec, 2));

  // In one process, the models kept in memory.
  std::vector<Trial> trials = first_trials(spec);
  std::vector<TrialResult> all;
  std::vector<std::string> models(trials.size());
  std::vector<std::size_t> sizes;
  while (!trials.empty()) {
    sizes.push_back(trials.size());
    std::vector<TrialResult> results;
    std::vector<std::string> out(trials.size());
    for (std::size_t i = 0; i < trials.size(); ++i)
      results.push_back(
          run_trial(trials[i], trials[i].from_epochs ? &models[i] : nullptr, &out[i]));
    all.insert(all.end(), results.begin(), results.end());
    std::vector<Trial> next = next_rung(spec, trials, results);
    std::vector<std::string> kept;
    for (const Trial& t : next)
      for (std::size_t i = 0; i < trials.size(); ++i)
        if (trials[i].id == t.id) kept.push_back(out[i]);
    CHECK(std::all_of(next.begin(), next.end(), [](const Trial& t) { return t.from_epochs > 0; }));
    trials = next;
    models = kept;
  }
  CHECK(sizes == std::vector<std::size_t>{9, 3, 1});
  const std::vector<TrialResult> ranked = rank(all, spec.objective);
  CHECK(ranked.size() == 9);  // each trial once, at its last rung
  CHECK(ranked[0].rung == 2);
  CHECK(ranked[0].epochs == 45);

  // Continuing from the model is training straight through: the winner from scratch for 45
  // epochs gives the same losses, bit for bit.
  Trial straight = trial_of(spec, ranked[0]);
  straight.from_epochs = 0;
  straight.epochs = 45;
  CHECK(run_trial(straight).test_loss == ranked[0].test_loss);
}
