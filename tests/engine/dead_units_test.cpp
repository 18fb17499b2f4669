// Session::dead_units: per hidden layer, the units whose output is 0 on every training point
// (dead ReLU units), from a forward pass that leaves training exactly as it was.
#include "test_helpers.hpp"

using namespace nnplay;
using nnplay::test::configured;

TEST_CASE("dead_units: none in a live network, zeroed units counted per layer", "[session][dead]") {
  Session s = configured(R"({"seed": "0.12345", "activation": "relu", "networkShape": [4, 2]})");
  CHECK(s.dead_units() == std::vector<int>{0, 0});
  // Layer 1's first three units: no weights, a negative bias: 0 on every point.
  for (int node = 0; node < 3; ++node) {
    for (int source = 0; source < 2; ++source) REQUIRE(s.set_weight(0, node, source, 0.0));
    REQUIRE(s.set_bias(0, node, -1.0));
  }
  CHECK(s.dead_units() == std::vector<int>{3, 0});
  // The last one too, and layer 2 then gets only zeros: its biases decide.
  for (int source = 0; source < 2; ++source) REQUIRE(s.set_weight(0, 3, source, 0.0));
  REQUIRE(s.set_bias(0, 3, -1.0));
  REQUIRE(s.set_bias(1, 0, -0.5));
  REQUIRE(s.set_bias(1, 1, 0.5));
  CHECK(s.dead_units() == std::vector<int>{4, 1});
}

TEST_CASE("dead_units: seed 0.12345's ReLU network at rate 3 loses layer 2", "[session][dead]") {
  const char* config =
      R"({"seed": "0.12345", "activation": "relu", "learningRate": 3, "networkShape": [4, 2]})";
  Session a = configured(config);
  Session b = configured(config);
  a.step(100);
  b.step(100);
  const double loss = a.train_loss();
  CHECK(a.dead_units() == std::vector<int>{a.dead_units()[0], 2});
  // The call leaves training as it was: the same losses, the same next epochs, bit for bit.
  CHECK(a.train_loss() == loss);
  a.step(7);
  b.step(7);
  CHECK(a.train_loss() == b.train_loss());
  CHECK(a.test_loss() == b.test_loss());
  const bool same_weights = a.network().params() == b.network().params();
  CHECK(same_weights);
}

TEST_CASE("dead_units: empty without hidden layers, one count with a small training set",
          "[session][dead]") {
  Session s = configured(R"({"seed": "1", "networkShape": []})");
  CHECK(s.dead_units().empty());
  Session t = configured(R"({"seed": "1", "activation": "relu", "percTrainData": 10,
                             "networkShape": [3]})");
  CHECK(t.dead_units().size() == 1);
}
