// Config: defaults, every error at once with its field, warnings, and the kept state.
#include <algorithm>
#include <cmath>

#include "test_helpers.hpp"

using namespace nnplay;
using nnplay::test::configured;

namespace {
bool has_field(const std::vector<ConfigIssue>& issues, const std::string& field) {
  return std::any_of(issues.begin(), issues.end(),
                     [&](const ConfigIssue& i) { return i.field == field; });
}
}  // namespace

TEST_CASE("missing keys take the reference's defaults and a missing seed is made", "[config]") {
  Session s = configured("{}");
  const Config& c = s.config();
  CHECK(c.dataset == Dataset::Circle);
  CHECK(c.batch_size == 10);
  CHECK(c.learning_rate == 0.03);
  CHECK(c.network_shape == std::vector<int>{4, 2});
  CHECK(c.seed.size() == 7);  // five decimals, like "0.59704"
  CHECK(c.seed.rfind("0.", 0) == 0);
  const auto state = nlohmann::json::parse(s.config_json());
  CHECK(state["seed"] == c.seed);
  CHECK(state["networkShape"] == nlohmann::json::array({4, 2}));
}

TEST_CASE("every invalid value is reported with its field and all at once", "[config]") {
  Session s = configured(R"({"seed": "keep"})");
  const auto before = s.network().params();
  const ConfigureResult r = s.configure(R"({
    "activation": "banana", "noise": 81, "percTrainData": 0, "batchSize": 2.5,
    "learningRate": -1, "regularization": "L3", "networkShape": [4, 65],
    "x": "yes", "seed": 12, "problem": 3, "dataset": "reg-plane", "wat": 1})");
  CHECK_FALSE(r.ok);
  for (const char* field : {"activation", "noise", "percTrainData", "batchSize", "learningRate",
                            "regularization", "networkShape[1]", "x", "seed", "problem", "dataset"})
    CHECK(has_field(r.errors, field));
  CHECK(r.errors.size() == 11);
  CHECK(has_field(r.warnings, "wat"));
  // The previous good state is kept.
  CHECK(s.config().seed == "keep");
  CHECK((s.network().params() == before));
}

TEST_CASE("not JSON - not an object - absurd numbers", "[config]") {
  Session s;
  CHECK_FALSE(s.configure("{").ok);
  CHECK_FALSE(s.configure("[1, 2]").ok);
  CHECK_FALSE(s.configure(R"({"batchSize": 1e999})").ok);
  CHECK_FALSE(s.configure(R"({"learningRate": 1e999})").ok);
  CHECK_FALSE(s.configure(R"({"networkShape": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]})").ok);
  CHECK(s.configure(R"({"networkShape": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,64]})").ok);
  const ConfigureResult r = s.configure("nonsense");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message == "not valid JSON: line 1, column 2: invalid literal");
}

TEST_CASE("page keys of the reference's hash are accepted silently", "[config]") {
  Session s;
  const ConfigureResult r = s.configure(R"({"showTestData": true, "discretize": false,
    "collectStats": false, "cosX": false, "cosY": false, "hideText": true, "tutorial": "x",
    "learningRate_hide": true, "x_hide": true})");
  CHECK(r.ok);
  CHECK(r.warnings.empty());
}

TEST_CASE("params of the wrong shape are refused with the place", "[config]") {
  Session s;
  const ConfigureResult r = s.configure(R"({"networkShape": [1], "params": [
    [{"bias": 0.1, "w": [1]}], [{"bias": 0, "w": [1]}]]})");
  CHECK_FALSE(r.ok);
  CHECK(has_field(r.errors, "params[0][0].w"));
  const ConfigureResult r2 = s.configure(R"({"networkShape": [1], "params": [[]]})");
  CHECK(has_field(r2.errors, "params"));
}

TEST_CASE("params and points replace the draws", "[config]") {
  Session s = configured(R"({"seed": "p", "networkShape": [], "x": true, "y": false,
    "params": [[{"bias": 0.5, "w": [2]}]],
    "points": {"train": [[1, 0, 1], [-1, 0, -1]], "test": [[2, 0, 1]]}})");
  CHECK(s.network().weight(0, 0, 0) == 2);
  CHECK(s.network().bias(0, 0) == 0.5);
  CHECK(s.train_points().size() == 2);
  CHECK(s.predict(1, 0) == Approx(std::tanh(2.5)));
  // With points, the weights are the first draws after seeding.
  Session a = configured(R"({"seed": "q", "points": {"train": [[1, 0, 1]], "test": []}})");
  SeedRandom rng("q");
  CHECK(a.network().weight(0, 0, 0) == rng.next() - 0.5);
}

TEST_CASE("export then configure continues with the same losses", "[config]") {
  // 250 training points, batch 10: no leftover gradient at an epoch boundary.
  Session a = configured(R"({"seed": "0.12345", "regularization": "L1",
                              "regularizationRate": 0.001})");
  a.step(30);
  Session b = configured(a.export_json());
  CHECK(b.epoch() == 30);
  CHECK(b.train_loss() == a.train_loss());
  a.step(40);
  b.step(40);
  CHECK(b.train_loss() == a.train_loss());
  CHECK(b.test_loss() == a.test_loss());
  CHECK(b.export_json() == a.export_json());
}

TEST_CASE("export keeps dead links and given points", "[config]") {
  Session a = configured(R"({"seed": "l1", "regularization": "L1", "regularizationRate": 0.3,
                              "learningRate": 0.1, "networkShape": [4],
                              "points": {"train": [[1,1,1],[-1,-1,-1],[2,1,1],[-2,-1,-1]],
                                         "test": [[0.5,0.5,1]]}})");
  a.step(30);
  const auto exported = nlohmann::json::parse(a.export_json());
  REQUIRE(exported.contains("points"));
  CHECK(exported["points"]["train"].size() == 4);
  Session b = configured(a.export_json());
  CHECK((b.network().dead_links() == a.network().dead_links()));
  CHECK((b.network().params() == a.network().params()));
}

TEST_CASE("setting a weight or bias takes effect and is range checked", "[config]") {
  Session s = configured(R"({"seed": "0.12345"})");
  CHECK(s.set_weight(0, 1, 0, 2.5));
  CHECK(s.network().weight(0, 1, 0) == 2.5);
  CHECK(s.set_bias(2, 0, -1));
  CHECK(s.network().bias(2, 0) == -1);
  CHECK_FALSE(s.set_weight(3, 0, 0, 1));
  CHECK_FALSE(s.set_weight(0, 4, 0, 1));
  CHECK_FALSE(s.set_weight(0, 0, 0, std::nan("")));
  CHECK(s.train_loss() != Approx(0.5015807429602891));
}

TEST_CASE("grid prediction: image order - every node - owned buffers", "[grid]") {
  Session s = configured(R"({"seed": "0.12345"})");
  s.step(50);
  REQUIRE(s.predict_grid(100));
  const float* out = s.grid_output();
  const float* first = s.grid_nodes();
  // 2 inputs + 4 + 2 + 1 nodes.
  CHECK(s.grid_nodes_size() == 9u * 100 * 100);
  // Row 0 is y = +6, column 0 is x = -6: node 0 is x, node 1 is y.
  CHECK(first[0] == -6.0f);
  CHECK(first[99] == 6.0f);
  CHECK(first[100 * 100 + 0] == 6.0f);
  CHECK(first[100 * 100 + 99 * 100] == -6.0f);
  // The display grid is float; it agrees with the double prediction to 1e-5 everywhere.
  double worst = 0;
  for (int row = 0; row < 100; ++row)
    for (int col = 0; col < 100; ++col)
      worst = std::max(
          worst, std::abs(out[row * 100 + col] -
                          s.predict(grid_axis(col, 100, -6, 6), grid_axis(99 - row, 100, -6, 6))));
  CHECK(worst < 1e-5);
  REQUIRE(s.predict_grid(100));
  CHECK(s.grid_nodes() == first);  // same buffer, no reallocation
  CHECK_FALSE(s.predict_grid(0));
  CHECK_FALSE(s.predict_grid(513));
}
