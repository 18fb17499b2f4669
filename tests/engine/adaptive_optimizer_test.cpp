// The non-SGD optimizers against their published (PyTorch) formulas, written out here: the
// first three steps of a 2-2-1 network on two points, batch 2. The gradient is the network's
// (checked against a numeric gradient in training_test.cpp); the expected steps are not.
#include <cmath>
#include <vector>

#include "network.hpp"
#include "test_helpers.hpp"

using namespace nnplay;
using nnplay::test::near;

namespace {

struct Expected {
  std::vector<double> w, a, b;  // weights, first and second state arrays
  long long t = 0;
};

// One step of `kind` by the formulas, g the summed gradient of n examples; weight[k] says
// whether slot k is a weight (regularised, decayed) or a bias.
void formula_step(OptimizerKind kind, const AdaptiveSettings<double>& s, Expected& e,
                  const std::vector<double>& g_sum, int n, const std::vector<bool>& weight) {
  e.t += 1;
  for (std::size_t k = 0; k < e.w.size(); ++k) {
    const double w = e.w[k];
    double g = g_sum[k] / n;
    if (weight[k] && s.regularization == Regularization::L2) g += s.regularization_rate * w;
    if (weight[k] && s.regularization == Regularization::L1)
      g += s.regularization_rate * (w > 0 ? 1.0 : (w < 0 ? -1.0 : 0.0));
    const double lr = s.learning_rate;
    switch (kind) {
      case OptimizerKind::Momentum:
        e.a[k] = s.momentum * e.a[k] + g;
        e.w[k] = w - lr * e.a[k];
        break;
      case OptimizerKind::Nesterov:
        e.a[k] = s.momentum * e.a[k] + g;
        e.w[k] = w - lr * (g + s.momentum * e.a[k]);
        break;
      case OptimizerKind::RmsProp:
        e.a[k] = s.rms_alpha * e.a[k] + (1 - s.rms_alpha) * g * g;
        e.w[k] = w - lr * g / (std::sqrt(e.a[k]) + s.epsilon);
        break;
      default: {  // Adam, AdamW: bias-corrected moments, eps after the root
        double w0 = w;
        if (kind == OptimizerKind::AdamW && weight[k]) w0 = w - lr * s.weight_decay * w;
        e.a[k] = s.beta1 * e.a[k] + (1 - s.beta1) * g;
        e.b[k] = s.beta2 * e.b[k] + (1 - s.beta2) * g * g;
        const double m_hat = e.a[k] / (1 - std::pow(s.beta1, double(e.t)));
        const double v_hat = e.b[k] / (1 - std::pow(s.beta2, double(e.t)));
        e.w[k] = w0 - lr * m_hat / (std::sqrt(v_hat) + s.epsilon);
      }
    }
  }
}

void check_three_steps(OptimizerKind kind, Regularization reg) {
  Network net(2, {2}, 1, Activation::Tanh, Activation::Tanh, reg);
  SeedRandom rng("opt");
  net.init_weights(rng, false);
  AdaptiveSettings<double> s;
  s.kind = kind;
  s.learning_rate = 0.1;
  s.regularization = reg;
  s.regularization_rate = reg == Regularization::None ? 0.0 : 0.05;
  s.momentum = 0.8;
  s.weight_decay = 0.1;
  net.set_optimizer(s);
  const std::size_t size = net.params().size();
  std::vector<bool> weight(size, true);
  for (const LayerView& L : net.layers())
    for (int i = 0; i < L.n_out; ++i) weight[L.b_off + std::size_t(i)] = false;
  Expected e{std::vector<double>(net.params().begin(), net.params().end()),
             std::vector<double>(size, 0.0), std::vector<double>(size, 0.0)};
  const std::vector<std::vector<double>> inputs = {{0.5, -1.0}, {-2.0, 1.5}};
  const std::vector<double> targets = {1.0, -1.0};
  for (int step = 0; step < 3; ++step) {
    for (int p = 0; p < 2; ++p) {
      net.forward(inputs[p].data());
      net.backward(&targets[p]);
    }
    const std::vector<double> g(net.gradients().begin(), net.gradients().end());
    formula_step(kind, s, e, g, 2, weight);
    net.update(s.learning_rate, s.regularization_rate);
    INFO("kind " << int(kind) << " regularization " << int(reg) << " step " << step);
    for (std::size_t k = 0; k < size; ++k) CHECK(net.params()(k) == near(e.w[k], 1e-14));
    CHECK(net.optimizer_state().steps == e.t);
  }
}

}  // namespace

TEST_CASE("momentum, Nesterov, RMSprop, Adam and AdamW follow their formulas for three steps",
          "[optimizer]") {
  for (OptimizerKind kind : {OptimizerKind::Momentum, OptimizerKind::Nesterov,
                             OptimizerKind::RmsProp, OptimizerKind::Adam, OptimizerKind::AdamW})
    for (Regularization reg : {Regularization::None, Regularization::L1, Regularization::L2})
      check_three_steps(kind, reg);
}

TEST_CASE("a change of optimizer kind clears its state and a change of parameters keeps it",
          "[optimizer]") {
  Network net(2, {2}, 1, Activation::Tanh, Activation::Tanh, Regularization::None);
  AdaptiveSettings<double> s;
  s.kind = OptimizerKind::Adam;
  net.set_optimizer(s);
  REQUIRE(net.optimizer_state().per_param.size() == 2);
  net.optimizer_state().per_param[0][0] = 1.5;
  net.optimizer_state().steps = 4;
  s.beta1 = 0.5;
  net.set_optimizer(s);
  CHECK(net.optimizer_state().per_param[0][0] == 1.5);
  CHECK(net.optimizer_state().steps == 4);
  s.kind = OptimizerKind::Momentum;
  net.set_optimizer(s);
  REQUIRE(net.optimizer_state().per_param.size() == 1);
  CHECK(net.optimizer_state().per_param[0][0] == 0);
  CHECK(net.optimizer_state().steps == 0);
}

TEST_CASE("non-SGD optimizers with L1 kill no link and keep dead ones frozen", "[optimizer]") {
  Network net(2, {2}, 1, Activation::Tanh, Activation::Tanh, Regularization::L1);
  SeedRandom rng("dead");
  net.init_weights(rng, false);
  net.set_dead(0, 0, 0, true);
  net.weight(0, 0, 0) = 0;
  AdaptiveSettings<double> s;
  s.kind = OptimizerKind::Adam;
  s.regularization = Regularization::L1;
  net.set_optimizer(s);
  const std::vector<double> in = {1.0, 1.0};
  const double target = 1.0;
  for (int k = 0; k < 50; ++k) {
    net.forward(in.data());
    net.backward(&target);
    net.update(0.5, 5.0);
  }
  CHECK(net.weight(0, 0, 0) == 0);
  int dead = 0;
  for (auto d : net.dead_links()) dead += d;
  CHECK(dead == 1);
}

TEST_CASE("Adam's running powers of the betas are the same bits however they are reached",
          "[optimizer]") {
  BetaPowers<double> stepped;
  for (long long t = 1; t <= 5000; ++t) {
    stepped.at(0.9, 0.999, t);
    if (t % 997 == 0 || t <= 3) {
      INFO("t " << t);
      CHECK(stepped.p1 == near(std::pow(0.9, double(t)), 1e-12 * std::pow(0.9, double(t))));
      CHECK(stepped.p2 == near(std::pow(0.999, double(t)), 1e-12 * std::pow(0.999, double(t))));
      BetaPowers<double> jumped;  // a loaded model: straight to step t
      jumped.at(0.9, 0.999, t);
      CHECK(jumped.p1 == stepped.p1);
      CHECK(jumped.p2 == stepped.p2);
    }
  }
  BetaPowers<double> changed = stepped;  // a new beta recomputes from the start
  changed.at(0.5, 0.999, 10);
  CHECK(changed.p1 == near(std::pow(0.5, 10.0), 1e-15));
  changed.at(0.9, 0.999, 5000);
  CHECK(changed.p1 == stepped.p1);
  BetaPowers<double> underflow;  // both reach 0 and the loop stops early
  underflow.at(0.5, 0.25, 100000000LL);
  CHECK(underflow.p1 == 0.0);
  CHECK(underflow.p2 == 0.0);
  CHECK(underflow.t == 100000000LL);
}
