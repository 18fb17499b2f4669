// The optimizer and loss units on their own: the reference's SGD rules (averaged gradient,
// unregularised biases, L2 and L1 at the weight before the step, L1 dead links) in double and in
// float, and the half squared error's value and derivative.
#include "optimizer.hpp"

#include <cstdint>
#include <vector>

#include "loss.hpp"
#include "test_helpers.hpp"

using namespace nnplay;

namespace {

// Two weights then one bias, as one layer of the network's flat buffer lays them out.
const std::vector<ParamRange> kRanges = {{2, 3, false}, {0, 2, true}};

template <typename T>
struct Arrays {
  std::vector<T> p, g;
  std::vector<std::uint8_t> dead = {0, 0, 0};
};

}  // namespace

TEMPLATE_TEST_CASE("SGD averages the gradient and leaves biases unregularised", "[optimizer]",
                   double, float) {
  using T = TestType;
  for (Regularization reg : {Regularization::None, Regularization::L1, Regularization::L2}) {
    Arrays<T> a{{T(0.5), T(-0.25), T(0.1)}, {T(2), T(-4), T(6)}};
    const SgdSettings<T> s{T(0.1), T(0), reg};
    CHECK_FALSE(sgd_update(a.p.data(), a.g.data(), a.dead.data(), kRanges, 4, s, false));
    const T step = T(0.1) / T(4);
    CHECK(a.p[0] == T(0.5) - step * T(2));
    CHECK(a.p[1] == T(-0.25) - step * T(-4));
    CHECK(a.p[2] == T(0.1) - T(0.1) * T(6) / T(4));   // the reference's lr * g / n for biases
    CHECK(a.g == std::vector<T>{T(2), T(-4), T(6)});  // the caller clears the gradient
  }
}

TEMPLATE_TEST_CASE("SGD with L2 shrinks weights by rate times the weight before the step",
                   "[optimizer]", double, float) {
  using T = TestType;
  Arrays<T> a{{T(0.5), T(-0.25), T(0.1)}, {T(1), T(1), T(1)}};
  const SgdSettings<T> s{T(0.2), T(0.5), Regularization::L2};
  sgd_update(a.p.data(), a.g.data(), a.dead.data(), kRanges, 2, s, false);
  const T step = T(0.2) / T(2), reg = T(0.2) * T(0.5);
  CHECK(a.p[0] == (T(0.5) - step) - reg * T(0.5));
  CHECK(a.p[1] == (T(-0.25) - step) - reg * T(-0.25));
  CHECK(a.p[2] == T(0.1) - T(0.2) * T(1) / T(2));
}

TEMPLATE_TEST_CASE("SGD with L1 kills a weight that crosses zero and keeps it dead", "[optimizer]",
                   double, float) {
  using T = TestType;
  // Weight 0 crosses zero under the L1 pull; weight 1 does not.
  Arrays<T> a{{T(0.01), T(-0.5), T(0)}, {T(0), T(0), T(0)}};
  const SgdSettings<T> s{T(0.1), T(0.5), Regularization::L1};
  CHECK(sgd_update(a.p.data(), a.g.data(), a.dead.data(), kRanges, 1, s, false));
  CHECK(a.p[0] == T(0));
  CHECK(a.dead[0] == 1);
  CHECK(a.p[1] == T(-0.5) - T(0.1) * T(0.5) * T(-1));
  CHECK(a.dead[1] == 0);
  // A dead weight stays at 0 whatever its gradient, under every rule.
  a.g = {T(5), T(0), T(0)};
  for (Regularization reg : {Regularization::L1, Regularization::L2, Regularization::None}) {
    CHECK(sgd_update(a.p.data(), a.g.data(), a.dead.data(), kRanges, 1,
                     SgdSettings<T>{T(0.1), T(0.5), reg}, true));
    CHECK(a.p[0] == T(0));
  }
}

TEMPLATE_TEST_CASE("SGD of no examples changes nothing", "[optimizer]", double, float) {
  using T = TestType;
  Arrays<T> a{{T(0.5), T(-0.25), T(0.1)}, {T(1), T(1), T(1)}};
  const auto before = a.p;
  CHECK_FALSE(sgd_update(a.p.data(), a.g.data(), a.dead.data(), kRanges, 0,
                         SgdSettings<T>{T(0.1), T(0.5), Regularization::L1}, false));
  CHECK(a.p == before);
}

TEST_CASE("the network's update is the optimizer's step over its flat buffers", "[optimizer]") {
  for (Regularization reg : {Regularization::None, Regularization::L1, Regularization::L2}) {
    Network net(2, {3}, 1, Activation::Tanh, Activation::Tanh, reg);
    SeedRandom rng("update");
    net.init_weights(rng, false);
    const std::vector<double> inputs = {0.3, 0, -0.7, 0};  // [input][example], padded to two
    const double target = 1;
    net.forward_batch(inputs.data(), 2, 1);
    net.backward_batch(&target, 1);
    std::vector<double> p(net.params().begin(), net.params().end());
    std::vector<double> g(net.gradients().begin(), net.gradients().end());
    std::vector<std::uint8_t> dead(p.size(), 0);
    // Layer by layer: weights [node][source], then biases.
    const std::vector<ParamRange> ranges = {
        {0, 6, true}, {6, 9, false}, {9, 12, true}, {12, 13, false}};
    sgd_update(p.data(), g.data(), dead.data(), ranges, 1, SgdSettings<double>{0.03, 0.2, reg},
               false);
    net.update(0.03, 0.2);
    CHECK(std::vector<double>(net.params().begin(), net.params().end()) == p);
    CHECK(net.accumulated() == 0);
    for (double v : net.gradients()) CHECK(v == 0.0);
  }
}

TEMPLATE_TEST_CASE("half squared error: value and derivative", "[loss]", double, float) {
  using T = TestType;
  CHECK(HalfSquaredError::value(T(0.75), T(-1)) == T(0.5) * T(1.75) * T(1.75));
  CHECK(HalfSquaredError::value(T(1), T(1)) == T(0));
  CHECK(HalfSquaredError::derivative(T(0.75), T(-1)) == T(1.75));
  // The derivative is the slope of the value.
  const double h = 1e-4;
  for (double out : {-2.0, -0.3, 0.0, 0.9, 3.0}) {
    const double slope =
        (HalfSquaredError::value(out + h, 0.4) - HalfSquaredError::value(out - h, 0.4)) / (2 * h);
    CHECK(HalfSquaredError::derivative(out, 0.4) == Approx(slope).epsilon(1e-9));
  }
}
