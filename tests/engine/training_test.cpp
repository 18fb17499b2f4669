// Training: the reference's golden run, the backward pass against a numeric gradient, and the
// details of its semantics (batch leftovers, L1 dead links, initZero).
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_helpers.hpp"

using namespace nnplay;
using nnplay::test::configured;
using nnplay::test::near;

TEST_CASE("golden run: seed 0.12345 with the default config", "[training][golden]") {
  // The golden numbers live in one fixture shared with the node and browser tests.
  std::ifstream file(NNPLAY_FIXTURES_DIR "/golden.json");
  REQUIRE(file);
  const nlohmann::json golden = nlohmann::json::parse(file);
  Session s = configured(golden.at("config").dump());
  CHECK(s.config().seed == golden.at("seed").get<std::string>());
  Network& net = s.network();
  CHECK(net.weight(0, 0, 0) == near(0.15119012045435498, 1e-15));
  CHECK(net.weight(0, 0, 1) == near(0.3395422448435659, 1e-15));
  CHECK(net.weight(0, 1, 0) == near(0.3346419187784071, 1e-15));
  CHECK(net.weight(0, 1, 1) == near(-0.0657659669735432, 1e-15));
  CHECK(net.bias(0, 0) == 0.1);
  REQUIRE(golden.at("losses").size() == 3);
  for (const auto& row : golden.at("losses")) {
    const long long epoch = row.at("epoch").get<long long>();
    s.step(epoch - s.epoch());
    CHECK(s.epoch() == epoch);
    // The fixture holds the engine's own numbers at 17 digits: the same bits.
    CHECK(s.train_loss() == row.at("trainLoss").get<double>());
    CHECK(s.test_loss() == row.at("testLoss").get<double>());
  }
}

namespace {

double example_loss(Network& net, const std::vector<double>& in, double target) {
  const double e = net.forward(in.data()) - target;
  return 0.5 * e * e;
}

}  // namespace

TEST_CASE("backward pass matches a numeric gradient for every activation", "[training]") {
  // Every activation in the hidden layers, with every one as the output's (outputActivation
  // takes the same list).
  for (Activation act : kActivations) {
    for (Activation out : kActivations) {
      DYNAMIC_SECTION(activation_name(act) << " hidden, " << activation_name(out) << " output") {
        Network net(3, {4, 3}, 1, act, out, Regularization::None);
        SeedRandom rng("gradient");
        net.init_weights(rng, false);
        // Wider weights than the default so that every layer matters.
        for (auto& w : net.params()) w *= 3;
        const std::vector<double> input = {0.7, -1.3, 0.4};
        const double target = 0.25;
        net.forward(input.data());
        net.backward(&target);
        const auto analytic = net.gradients();
        const double h = 1e-6;
        for (std::size_t k = 0; k < net.params().size(); ++k) {
          const double saved = net.params()(k);
          net.params()(k) = saved + h;
          const double up = example_loss(net, input, target);
          net.params()(k) = saved - h;
          const double down = example_loss(net, input, target);
          net.params()(k) = saved;
          const double numeric = (up - down) / (2 * h);
          INFO("parameter " << k);
          CHECK(analytic(k) == Approx(numeric).margin(1e-7).epsilon(1e-5));
        }
      }
    }
  }
}

TEST_CASE("a partial batch at the end of an epoch joins the next epoch's first update",
          "[training]") {
  // 7 training points, batch 5: epoch 1 updates after point 5; points 6-7 stay accumulated.
  const char* config = R"({"seed": "carry", "batchSize": 5, "networkShape": [2],
    "points": {"train": [[1,1,1],[-1,2,-1],[2,-1,1],[0.5,0.5,1],[-2,-2,-1],[3,1,1],[-1,-3,-1]],
               "test": []}})";
  Session s = configured(config);
  s.step(1);
  CHECK(s.network().accumulated() == 2);
  s.step(1);  // update after 2 carried + 5 new points, then 2 left again
  CHECK(s.network().accumulated() == 2);
  CHECK(std::isnan(s.test_loss()));
}

TEST_CASE("L1 kills links whose weight crosses zero and keeps them dead", "[training]") {
  Session s = configured(R"({"seed": "l1", "regularization": "L1", "regularizationRate": 0.3,
                              "learningRate": 0.1, "networkShape": [4]})");
  s.step(20);
  const auto& dead = s.network().dead_links();
  const auto& params = s.network().params();
  int dead_count = 0;
  for (std::size_t k = 0; k < dead.size(); ++k) {
    if (dead(k)) {
      ++dead_count;
      CHECK(params(k) == 0.0);
    }
  }
  CHECK(dead_count > 0);
  const auto before = params;
  s.step(5);
  for (std::size_t k = 0; k < dead.size(); ++k)
    if (before(k) == 0.0 && dead(k)) CHECK(s.network().params()(k) == 0.0);
}

TEST_CASE("initZero draws the weights then zeroes them", "[training]") {
  Session zero = configured(R"({"seed": "z", "initZero": true})");
  for (double p : zero.network().params()) CHECK(p == 0.0);
  // The stream moved past the weights: a reset after it matches one after a normal start.
  Session normal = configured(R"({"seed": "z"})");
  zero.reset();
  normal.reset();
  // reset() keeps initZero, so compare the stream through regenerate's seed instead.
  CHECK(zero.next_seed() == normal.next_seed());
}

TEST_CASE("regression uses a linear output and trains reg-plane", "[training]") {
  Session s = configured(R"({"seed": "r", "problem": "regression", "regDataset": "reg-plane"})");
  CHECK(s.network().output_activation() == Activation::Linear);
  const double before = s.train_loss();
  s.step(50);
  CHECK(s.train_loss() < before / 10);
  CHECK(std::isnan(s.train_accuracy()));
}

TEST_CASE("reset draws new weights from the continuing stream", "[training]") {
  Session s = configured(R"({"seed": "0.12345"})");
  const auto first = s.network().params();
  s.step(10);
  s.reset();
  CHECK(s.epoch() == 0);
  CHECK((s.network().params() != first));
  CHECK(s.train_loss() != Approx(0.5015807429602891));
}

TEST_CASE("a diverging network stops the step at the first non-finite epoch", "[training]") {
  Session s = configured(R"({"seed": "0.12345", "learningRate": 10, "activation": "linear",
                              "problem": "regression", "batchSize": 1})");
  const long long done = s.step(500);
  CHECK(done < 500);
  CHECK(s.epoch() == done);
  CHECK_FALSE(std::isfinite(s.train_loss()));
}

TEST_CASE("accuracy counts the side of the threshold", "[training]") {
  Session s = configured(R"({"seed": "0.12345"})");
  s.step(200);
  CHECK(s.train_accuracy() == 1.0);
  CHECK(s.test_accuracy() > 0.97);
  // Per point: the same test, the same count.
  Session early = configured(R"({"seed": "0.12345", "outputActivation": "sigmoid"})");
  early.step(2);
  CHECK(early.negative_target() == 0.0);
  const auto& right = early.train_correct();
  REQUIRE(right.size() == early.train_points().size());
  std::size_t count = 0;
  for (std::size_t i = 0; i < right.size(); ++i) {
    const double out = early.train_outputs()(i);
    const double target = early.train_points()[i].label > 0 ? 1.0 : 0.0;
    CHECK(right(i) == ((out >= 0.5) == (target >= 0.5)));
    count += right(i);
  }
  CHECK(double(count) / double(right.size()) == early.train_accuracy());
  CHECK(early.train_accuracy() < 1.0);
}

TEST_CASE("single examples: an update per batch - an epoch per pass - step finishes the epoch",
          "[training][perceptron]") {
  const char* config = R"({"seed": "ex", "batchSize": 2, "networkShape": [],
    "points": {"train": [[0,0,-1],[0,1,1],[1,0,1],[1,1,1],[0.5,0.5,1]], "test": []}})";
  Session by_example = configured(config);
  Session by_epoch = configured(config);
  CHECK(by_example.step_examples(3) == 3);
  CHECK(by_example.example_cursor() == 3);
  CHECK(by_example.network().accumulated() == 1);  // updated after example 2
  CHECK(by_example.step_examples(2) == 2);
  CHECK(by_example.epoch() == 1);
  CHECK(by_example.example_cursor() == 0);
  by_epoch.step(1);
  CHECK((by_example.network().params() == by_epoch.network().params()));
  // Mid-epoch, step() finishes the epoch in progress.
  by_example.step_examples(4);
  by_example.step(1);
  by_epoch.step(1);
  CHECK(by_example.epoch() == 2);
  CHECK((by_example.network().params() == by_epoch.network().params()));
  // The outputs of the training points come with the losses.
  REQUIRE(by_example.train_outputs().size() == 5);
  CHECK(by_example.train_outputs()(1) == Approx(by_example.predict(0, 1)));
}

// step_examples trains one example per chunk; step, up to kChunk between two updates. The
// kernels sum a chunk's gradients lane by lane before adding them to the accumulated gradient,
// so a batch of three or more examples can differ in the last bit between the two; batches of
// one (the perceptron lab's) and two give the same bits.
TEST_CASE("step_examples over whole epochs gives step's numbers", "[training]") {
  struct Case {
    const char* config;
    bool same_bits;
  };
  for (const Case& c :
       {Case{R"({"seed": "0.12345", "batchSize": 1})", true},
        Case{R"({"seed": "b2", "batchSize": 2, "regularization": "L1", "regularizationRate": 0.01,
                 "networkShape": [5, 3], "activation": "relu"})",
             true},
        Case{R"({"seed": "b1", "batchSize": 1, "problem": "regression", "regularization": "L2",
                 "regularizationRate": 0.003})",
             true},
        Case{R"({"seed": "0.12345"})", false},
        Case{R"({"seed": "b7", "batchSize": 7, "dataset": "xor", "activation": "sigmoid"})",
             false}}) {
    INFO(c.config);
    Session by_example = configured(c.config);
    Session by_epoch = configured(c.config);
    const long long n = static_cast<long long>(by_example.train_points().size());
    auto check_same = [&]() {
      const auto& a = by_example.network().params();
      const auto& b = by_epoch.network().params();
      if (c.same_bits) {
        CHECK((a == b));
        CHECK(by_example.train_loss() == by_epoch.train_loss());
      } else {
        for (std::size_t k = 0; k < a.size(); ++k) CHECK(a(k) == near(b(k), 1e-14));
        CHECK(by_example.train_loss() == near(by_epoch.train_loss(), 1e-14));
      }
      CHECK((by_example.network().dead_links() == by_epoch.network().dead_links()));
    };
    for (int epoch = 1; epoch <= 3; ++epoch) {
      CHECK(by_example.step_examples(n) == n);
      CHECK(by_epoch.step(1) == 1);
      CHECK(by_example.epoch() == epoch);
      CHECK(by_example.example_cursor() == 0);
      check_same();
    }
    // train_epochs from mid-epoch finishes that epoch, then trains whole ones.
    by_example.step_examples(n / 3);
    CHECK(by_example.train_epochs(2) == 2);
    CHECK(by_example.epoch() == 5);
    by_example.step(0);  // the losses, which train_epochs leaves
    by_epoch.step_examples(n / 3);
    by_epoch.step(2);
    CHECK(by_example.example_cursor() == 0);
    check_same();
  }
}

TEST_CASE("step_examples stops right after a non-finite output", "[training]") {
  Session s = configured(R"({"seed": "0.12345", "learningRate": 10, "activation": "linear",
                              "problem": "regression", "batchSize": 1})");
  const long long done = s.step_examples(1000000);
  CHECK(done < 1000000);
  CHECK_FALSE(std::isfinite(s.train_loss()));
  // It was the first non-finite one: the examples before it train without a stop.
  Session again = configured(R"({"seed": "0.12345", "learningRate": 10, "activation": "linear",
                                  "problem": "regression", "batchSize": 1})");
  CHECK(again.step_examples(done - 1) == done - 1);
  CHECK(again.step_examples(1) == 1);
  CHECK(again.example_cursor() == s.example_cursor());
}

TEST_CASE("an empty training set still counts epochs but no examples", "[training]") {
  Session s = configured(R"({"seed": "e", "points": {"train": [], "test": []}})");
  CHECK(s.step(5) == 5);
  CHECK(s.epoch() == 5);
  CHECK(s.step_examples(5) == 0);
  CHECK(s.epoch() == 5);
  CHECK(s.train_correct().size() == 0);
}
