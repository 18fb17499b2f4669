// Per-hidden-layer options in the config: `activations` (one name per hidden layer, folded
// into `activation` when they are all the same) and what a session does with them: the
// network's layers, the export, training and the display grid for every activation.
#include <algorithm>
#include <cmath>

#include "test_helpers.hpp"

using namespace nnplay;
using nlohmann::json;
using nnplay::test::configured;

namespace {

const ConfigIssue* issue(const std::vector<ConfigIssue>& issues, const std::string& field) {
  for (const auto& i : issues)
    if (i.field == field) return &i;
  return nullptr;
}

}  // namespace

TEST_CASE("activations: one per hidden layer, in the network and the config", "[config][layers]") {
  Session s = configured(
      R"({"seed": "a", "networkShape": [4, 3, 2], "activations": ["gelu", "tanh", "sine"]})");
  const Network& net = s.network();
  CHECK(net.activation(0) == Activation::Gelu);
  CHECK(net.activation(1) == Activation::Tanh);
  CHECK(net.activation(2) == Activation::Sine);
  CHECK(net.activation(3) == Activation::Tanh);  // the output's (classification)
  const json state = json::parse(s.config_json());
  CHECK(state["activations"] == json::array({"gelu", "tanh", "sine"}));
  CHECK(state["activation"] == "tanh");
  // The export configures the same network with the same losses.
  s.step(5);
  Session again = configured(s.export_json());
  CHECK(again.network().activation(2) == Activation::Sine);
  CHECK(again.train_loss() == s.train_loss());
}

TEST_CASE("activations all the same are carried by activation alone", "[config][layers]") {
  Session s = configured(R"({"seed": "a", "networkShape": [3, 3], "activations": ["elu", "elu"]})");
  CHECK(s.config().activation == Activation::Elu);
  CHECK(s.config().activations.empty());
  const json state = json::parse(s.config_json());
  CHECK(state["activation"] == "elu");
  CHECK_FALSE(state.contains("activations"));
  CHECK(s.network().activation(1) == Activation::Elu);
  // The same weights and losses as the uniform form.
  Session uniform = configured(R"({"seed": "a", "networkShape": [3, 3], "activation": "elu"})");
  CHECK((uniform.network().params() == s.network().params()));
  CHECK(uniform.train_loss() == s.train_loss());
  // No hidden layer: an empty list is the uniform case.
  Session none = configured(R"({"seed": "a", "networkShape": [], "activations": []})");
  CHECK_FALSE(json::parse(none.config_json()).contains("activations"));
}

TEST_CASE("the defaults add no per-layer key to the config", "[config][layers]") {
  const json state = json::parse(configured(R"({"seed": "0.12345"})").config_json());
  CHECK_FALSE(state.contains("activations"));
  CHECK_FALSE(state.contains("dropout"));
}

TEST_CASE("bad activations are refused with the field and the index", "[config][layers]") {
  Session s;
  ConfigureResult r = s.configure(R"({"networkShape": [4, 2], "activations": ["relu"]})");
  CHECK_FALSE(r.ok);
  const ConfigIssue* length = issue(r.errors, "activations");
  REQUIRE(length);
  CHECK(length->message ==
        "must name one activation per hidden layer (networkShape has 2 hidden layers), got 1");
  r = s.configure(R"({"networkShape": [4, 2], "activations": ["relu", "bogus"]})");
  const ConfigIssue* name = issue(r.errors, "activations[1]");
  REQUIRE(name);
  CHECK(name->message.find("unknown value \"bogus\"; expected one of relu, tanh") == 0);
  r = s.configure(R"({"networkShape": [4, 2], "activations": [3, "tanh"]})");
  CHECK(issue(r.errors, "activations[0]"));
  r = s.configure(R"({"activations": "relu"})");
  CHECK(issue(r.errors, "activations"));
  // With a bad networkShape only the names are checked (the length has nothing to match).
  r = s.configure(R"({"networkShape": [4, 99], "activations": ["relu"]})");
  CHECK(issue(r.errors, "networkShape[1]"));
  CHECK_FALSE(issue(r.errors, "activations"));
}

TEST_CASE("outputActivation takes every activation", "[config][layers]") {
  for (Activation a : kActivations) {
    Session s = configured(std::string(R"({"seed": "o", "outputActivation": ")") +
                           activation_name(a) + "\"}");
    CHECK(s.network().output_activation() == a);
    CHECK(s.negative_target() == negative_target(a));
  }
  Session s;
  const ConfigureResult r = s.configure(R"({"outputActivation": "softmax"})");
  REQUIRE(issue(r.errors, "outputActivation"));
}

TEST_CASE("every activation trains and its display grid follows the double prediction",
          "[layers][grid]") {
  for (Activation a : kActivations) {
    DYNAMIC_SECTION(activation_name(a)) {
      Session s = configured(std::string(R"({"seed": "0.12345", "learningRate": 0.01, )") +
                             R"("activation": ")" + activation_name(a) + "\"}");
      const double before = s.train_loss();
      s.step(30);
      CHECK(std::isfinite(s.train_loss()));
      CHECK(s.train_loss() != before);
      REQUIRE(s.predict_grid(40));
      const float* out = s.grid_output();
      double worst = 0;
      for (int row = 0; row < 40; ++row)
        for (int col = 0; col < 40; ++col)
          worst = std::max(
              worst, std::abs(out[row * 40 + col] - s.predict(grid_axis(col, 40, -6, 6),
                                                              grid_axis(39 - row, 40, -6, 6))));
      CHECK(worst < 1e-5);
    }
  }
}

TEST_CASE("the golden run's config with activations spelled out gives the golden losses",
          "[layers][golden]") {
  Session uniform = configured(R"({"seed": "0.12345"})");
  Session listed = configured(R"({"seed": "0.12345", "activations": ["tanh", "tanh"]})");
  uniform.step(100);
  listed.step(100);
  CHECK(listed.train_loss() == uniform.train_loss());
  CHECK(listed.test_loss() == uniform.test_loss());
}
