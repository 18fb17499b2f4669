// Dropout: the config key, inverted dropout's expectation (the average of a unit's training-time
// output over many masks is the whole network's), the masks' generator (its own stream, seeded
// from the seed and the reset count), and evaluation (losses, predict, grid, dead units) with
// the whole network.
#include <cmath>
#include <vector>

#include "test_helpers.hpp"

using namespace nnplay;
using nlohmann::json;
using nnplay::test::configured;

namespace {

bool has_error(const ConfigureResult& r, const std::string& field) {
  for (const auto& e : r.errors)
    if (e.field == field) return true;
  return false;
}

// Sets every weight and bias of s to those of params (same shape).
void set_params(Session& s, const xt::xtensor<double, 1>& params) {
  Network& net = s.network();
  const auto& sizes = net.sizes();
  std::size_t k = 0;
  for (int l = 0; l < net.layer_count(); ++l) {
    for (int i = 0; i < sizes[l + 1]; ++i)
      for (int j = 0; j < sizes[l]; ++j) REQUIRE(s.set_weight(l, i, j, params(k++)));
    for (int i = 0; i < sizes[l + 1]; ++i) REQUIRE(s.set_bias(l, i, params(k++)));
  }
  REQUIRE((net.params() == params));
}

}  // namespace

TEST_CASE("dropout: one rate per hidden layer or one for all, in [0, 0.9]", "[dropout][config]") {
  Session s = configured(R"({"seed": "d", "networkShape": [4, 2], "dropout": [0.2, 0]})");
  CHECK(json::parse(s.config_json())["dropout"] == json::array({0.2, 0}));
  CHECK(s.network().dropout(0) == 0.2);
  CHECK(s.network().dropout(1) == 0);
  s = configured(R"({"seed": "d", "networkShape": [4, 2, 3], "dropout": 0.5})");
  CHECK(json::parse(s.config_json())["dropout"] == json::array({0.5, 0.5, 0.5}));
  CHECK(json::parse(s.export_json())["dropout"] == json::array({0.5, 0.5, 0.5}));
  // All zero: no key (the reference's network).
  s = configured(R"({"seed": "d", "dropout": [0, 0]})");
  CHECK_FALSE(json::parse(s.config_json()).contains("dropout"));
  CHECK_FALSE(s.network().has_dropout());

  CHECK(has_error(s.configure(R"({"dropout": 5})"), "dropout"));
  CHECK(has_error(s.configure(R"({"dropout": -0.1})"), "dropout"));
  CHECK(has_error(s.configure(R"({"dropout": [0.2]})"), "dropout"));
  CHECK(has_error(s.configure(R"({"dropout": [0.2, 0.95]})"), "dropout[1]"));
  CHECK(has_error(s.configure(R"({"dropout": ["0.2", 0]})"), "dropout[0]"));
  CHECK(has_error(s.configure(R"({"dropout": "0.2"})"), "dropout"));
  const ConfigureResult r = s.configure(R"({"dropout": [0.2]})");
  REQUIRE_FALSE(r.errors.empty());
  CHECK(r.errors[0].message ==
        "must give one rate per hidden layer (networkShape has 2 hidden layers), or one number, "
        "got 1 rates");
  CHECK(s.configure(R"({"dropout": 0.9})").ok);
}

TEST_CASE("dropout 0 keeps the golden run's numbers", "[dropout][golden]") {
  Session plain = configured(R"({"seed": "0.12345"})");
  Session zero = configured(R"({"seed": "0.12345", "dropout": 0})");
  plain.step(100);
  zero.step(100);
  CHECK(zero.train_loss() == plain.train_loss());
  CHECK(zero.test_loss() == plain.test_loss());
}

TEST_CASE("inverted dropout: the average training-time output is the whole network's",
          "[dropout]") {
  // Dropout 0.5 on a tanh layer, then a linear layer and a linear output: the output is linear
  // in the first layer's masked outputs, so its expectation over the masks is the whole
  // network's output exactly; so is each first-layer unit's own. The averages of N samples
  // are compared with a tolerance of 5 standard errors, sd / sqrt(N) with the samples' own sd
  // (a deviation that large has a probability below 1e-6, and the seed fixes the draws).
  Network net(2, {6, 4}, 1, std::vector<Activation>{Activation::Tanh, Activation::Linear},
              Activation::Linear, Regularization::None);
  SeedRandom weights("expectation");
  net.init_weights(weights, false);
  for (auto& w : net.params()) w *= 2;
  net.set_dropout({0.5, 0.3});  // the linear layer's own masks average out too
  std::vector<double> input(2 * kChunk);
  for (int e = 0; e < kChunk; ++e) {
    input[std::size_t(e)] = 0.8;            // x
    input[std::size_t(kChunk + e)] = -0.6;  // y
  }
  net.forward_batch(input.data(), kChunk, kChunk);
  const std::size_t rows = 6 + 4 + 1;
  std::vector<double> full(rows);
  for (std::size_t r = 0; r < rows; ++r) full[r] = net.node_output(r, 0);
  std::vector<double> sum(rows, 0), sum2(rows, 0);
  SeedRandom masks("expectation masks");
  const int passes = 1000;
  for (int pass = 0; pass < passes; ++pass) {
    net.forward_batch(input.data(), kChunk, kChunk, &masks);
    for (std::size_t r = 0; r < rows; ++r)
      for (int e = 0; e < kChunk; ++e) {
        const double v = net.node_output(r, e);
        sum[r] += v;
        sum2[r] += v * v;
      }
  }
  const double n = double(passes) * kChunk;
  int dropped = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    const double mean = sum[r] / n;
    const double sd = std::sqrt(std::max(0.0, sum2[r] / n - mean * mean));
    INFO("row " << r << ": full " << full[r] << ", mean " << mean << ", sd " << sd);
    CHECK(std::abs(mean - full[r]) <= 5 * sd / std::sqrt(n));
    if (r < 10) CHECK(sd > 0.1 * std::abs(full[r]));  // the masks did vary the hidden units
    dropped += sd > 0;
  }
  CHECK(dropped == int(rows));
  // Without a generator the pass is the whole network again.
  net.forward_batch(input.data(), kChunk, kChunk);
  CHECK(net.batch_output(7) == full[rows - 1]);
}

TEST_CASE("dropout masks: the same seed and reset count give the same run, another count not",
          "[dropout]") {
  const char* config = R"({"seed": "m", "networkShape": [5, 4], "dropout": [0.3, 0.2]})";
  Session a = configured(config), b = configured(config);
  a.step(5);
  b.step(5);
  CHECK((a.network().params() == b.network().params()));
  CHECK(a.train_loss() == b.train_loss());

  // The same weights, reset counts 0 and 1: only the masks differ, so training differs.
  Session zero = configured(config);
  Session one = configured(config);
  const auto start = zero.network().params();
  one.reset();
  CHECK(one.reset_count() == 1);
  set_params(one, start);
  Session one_again = configured(config);
  one_again.reset();
  set_params(one_again, start);
  zero.step(3);
  one.step(3);
  one_again.step(3);
  CHECK_FALSE((zero.network().params() == one.network().params()));
  CHECK((one.network().params() == one_again.network().params()));
  // The control: without dropout the reset count changes nothing.
  const char* plain = R"({"seed": "m", "networkShape": [5, 4]})";
  Session p0 = configured(plain), p1 = configured(plain);
  const auto p_start = p0.network().params();
  p1.reset();
  set_params(p1, p_start);
  p0.step(3);
  p1.step(3);
  CHECK((p0.network().params() == p1.network().params()));

  CHECK(Session::dropout_seed("m", 2) == std::string("m\0dropout\0"
                                                     "2",
                                                     11));
}

TEST_CASE("dropout leaves the weights' stream alone", "[dropout]") {
  Session with = configured(R"({"seed": "w", "dropout": 0.5})");
  Session without = configured(R"({"seed": "w"})");
  CHECK((with.network().params() == without.network().params()));  // the first weights
  with.step(10);
  without.step(10);
  with.reset();
  without.reset();
  CHECK((with.network().params() == without.network().params()));  // the next ones
}

TEST_CASE("dropout is training only: losses, predict, grid and dead units use the whole network",
          "[dropout]") {
  Session s = configured(R"({"seed": "e", "networkShape": [6, 4], "dropout": [0.5, 0.5]})");
  s.step(20);
  const double loss = s.train_loss();
  const SeedRandom stream = s.dropout_random();
  // The outputs behind the loss are the whole network's, point by point.
  const auto& pts = s.train_points();
  for (std::size_t i = 0; i < pts.size(); i += 17)
    CHECK(s.train_outputs()(i) == s.predict(pts[i].x, pts[i].y));
  REQUIRE(s.predict_grid(30));
  CHECK(s.grid_output()[0] == Approx(s.predict(-6, 6)).margin(1e-5));
  s.dead_units();
  s.step(0);  // the losses again
  CHECK(s.train_loss() == loss);
  // None of it drew from the masks' generator.
  SeedRandom a = stream, b = s.dropout_random();
  for (int k = 0; k < 5; ++k) CHECK(a.next() == b.next());
}

TEST_CASE("dropout masks do not depend on how examples are chunked", "[dropout][training]") {
  // Masks are drawn example by example, so step_examples (one per chunk) and step (up to 32)
  // draw the same ones; batch 1 gives the same bits (see training_test.cpp).
  const char* config = R"({"seed": "c", "batchSize": 1, "dropout": [0.3, 0.5]})";
  Session by_example = configured(config), by_epoch = configured(config);
  const long long n = static_cast<long long>(by_example.train_points().size());
  by_example.step_examples(2 * n);
  by_epoch.step(2);
  CHECK((by_example.network().params() == by_epoch.network().params()));
  CHECK(by_example.train_loss() == by_epoch.train_loss());
}
