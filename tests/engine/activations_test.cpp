// Activations beyond the reference's: the array kernels against the one-value definitions, the
// derivatives against central differences, networks with one activation per hidden layer and
// with dropout masks against a numeric gradient. (training_test.cpp's numeric-gradient case
// runs every activation in the hidden layers and at the output.)
#include <cmath>
#include <limits>
#include <vector>

#include "test_helpers.hpp"

using namespace nnplay;

namespace {

std::vector<double> sample_sums() {
  std::vector<double> z;
  for (int i = -60; i <= 60; ++i) z.push_back(i * 0.125 + 0.01);  // off the kinks at 0
  return z;
}

// One example's inputs as a chunk of two (the second padding), kept for the backward pass.
const std::vector<double> kInput = {0.7, 0, -1.3, 0, 0.4, 0};

// The loss of that example; a fresh copy of `masks` each time, so that every evaluation draws
// the same dropout masks.
double loss_with(Network& net, const std::vector<double>& input, double target,
                 const SeedRandom* masks) {
  SeedRandom rng = masks ? *masks : SeedRandom();
  net.forward_batch(input.data(), 2, 1, masks ? &rng : nullptr);
  const double e = net.batch_output(0) - target;
  return 0.5 * e * e;
}

// Checks every parameter's backprop gradient against central differences; returns it.
xt::xtensor<double, 1> check_gradient(Network& net, const SeedRandom* masks) {
  const std::vector<double>& input = kInput;
  const double target = 0.25;
  loss_with(net, input, target, masks);
  net.backward(&target);
  const auto analytic = net.gradients();
  const double h = 1e-6;
  for (std::size_t k = 0; k < net.params().size(); ++k) {
    const double saved = net.params()(k);
    net.params()(k) = saved + h;
    const double up = loss_with(net, input, target, masks);
    net.params()(k) = saved - h;
    const double down = loss_with(net, input, target, masks);
    net.params()(k) = saved;
    INFO("parameter " << k);
    CHECK(analytic(k) == Approx((up - down) / (2 * h)).margin(1e-7).epsilon(1e-5));
  }
  return analytic;
}

}  // namespace

TEST_CASE("every activation's name reads back and unknown names are refused", "[activations]") {
  for (Activation a : kActivations) CHECK(parse_activation(activation_name(a)) == a);
  CHECK_FALSE(parse_activation("Relu"));
  CHECK_FALSE(parse_activation("leaky_relu"));
  CHECK_FALSE(parse_activation(""));
}

TEST_CASE("the array kernels follow each activation's definition, in double and float",
          "[activations]") {
  const std::vector<double> z = sample_sums();
  for (Activation a : kActivations) {
    DYNAMIC_SECTION(activation_name(a)) {
      std::vector<double> d = z;
      std::vector<float> f(z.begin(), z.end());
      activate_rows(a, d.data(), 1, 0, int(d.size()));
      activate_rows(a, f.data(), 1, 0, int(f.size()));
      for (std::size_t i = 0; i < z.size(); ++i) {
        INFO("z = " << z[i]);
        const double want = activate(a, z[i]);
        CHECK(d[i] == Approx(want).epsilon(1e-13).margin(1e-15));
        CHECK(f[i] == Approx(want).epsilon(2e-6).margin(2e-6));
      }
    }
  }
}

TEST_CASE("the new activations' values at chosen points", "[activations]") {
  CHECK(activate(Activation::LeakyRelu, -2) == -0.02);
  CHECK(activate(Activation::LeakyRelu, 3) == 3);
  CHECK(activate(Activation::Elu, -1) == Approx(std::exp(-1.0) - 1));
  CHECK(activate(Activation::Gelu, 1) == Approx(0.8413447460685429).epsilon(1e-15));
  CHECK(activate(Activation::Swish, 1) == Approx(0.7310585786300049).epsilon(1e-15));
  CHECK(activate(Activation::Softplus, 0) == Approx(std::log(2.0)).epsilon(1e-15));
  CHECK(activate(Activation::Sine, 0.5) == std::sin(0.5));
  // Softplus and swish stay finite and exact far out.
  CHECK(activate(Activation::Softplus, 1000) == 1000);
  CHECK(activate(Activation::Softplus, -1000) == 0);
  CHECK(activate(Activation::Softplus, -30) == Approx(std::exp(-30.0)).epsilon(1e-12));
  CHECK(activate(Activation::Swish, -1000) == 0);
  CHECK(activate(Activation::Gelu, -40) == 0);
  for (Activation a : kActivations)
    CHECK(std::isnan(activate(a, std::numeric_limits<double>::quiet_NaN())) ==
          (a != Activation::Relu));  // relu's z > 0 test gives 0 for NaN
}

TEST_CASE("each derivative, from the output or the sum, matches a central difference",
          "[activations]") {
  const double h = 1e-6;
  for (Activation a : kActivations) {
    DYNAMIC_SECTION(activation_name(a)) {
      for (double z : sample_sums()) {
        const double numeric = (activate(a, z + h) - activate(a, z - h)) / (2 * h);
        const v2d one = {1.0, 1.0};
        const double at = needs_input_sum(a) ? z : activate(a, z);
        const v2d got = times_derivative_at(a, one, splat2(at));
        if (is_reference_activation(a)) CHECK(times_derivative(a, one, splat2(at))[0] == got[0]);
        INFO("z = " << z);
        CHECK(got[0] == Approx(numeric).margin(1e-8).epsilon(1e-6));
        CHECK(got[1] == got[0]);
      }
    }
  }
}

TEST_CASE("a network with a different activation per hidden layer: numeric gradient",
          "[activations]") {
  const std::vector<std::vector<Activation>> mixes = {
      {Activation::Gelu, Activation::Tanh, Activation::Sine},
      {Activation::Relu, Activation::Swish, Activation::Softplus},
      {Activation::Elu, Activation::LeakyRelu, Activation::Gelu}};
  for (const auto& mix : mixes) {
    for (Activation out : {Activation::Tanh, Activation::Swish, Activation::Linear}) {
      DYNAMIC_SECTION(activation_name(mix[0])
                      << "," << activation_name(mix[1]) << "," << activation_name(mix[2]) << " -> "
                      << activation_name(out)) {
        Network net(3, {4, 3, 3}, 1, mix, out, Regularization::None);
        CHECK(net.activation(0) == mix[0]);
        CHECK(net.activation(2) == mix[2]);
        CHECK(net.activation(3) == out);
        SeedRandom rng("mixed");
        net.init_weights(rng, false);
        for (auto& w : net.params()) w *= 2;
        check_gradient(net, nullptr);
      }
    }
  }
}

TEST_CASE("dropout: the backward pass through fixed masks matches a numeric gradient",
          "[activations][dropout]") {
  // The same masks for every evaluation (a generator copied at the same position), on the
  // reference's activations and on ones that keep their sums.
  for (Activation act : {Activation::Tanh, Activation::Relu, Activation::Gelu, Activation::Sine}) {
    DYNAMIC_SECTION(activation_name(act)) {
      Network net(3, {6, 5}, 1, act, Activation::Tanh, Regularization::None);
      net.set_dropout({0.5, 0.3});
      SeedRandom rng("dropout gradient");
      net.init_weights(rng, false);
      for (auto& w : net.params()) w *= 2;
      const SeedRandom masks("masks");
      const auto g = check_gradient(net, &masks);
      // The masks did drop units: a dropped first-layer unit's bias gets no gradient, which
      // it always gets without dropout (for relu, a unit below 0 gets none either).
      int dropped = 0;
      for (int i = 0; i < 6; ++i) dropped += g(std::size_t(6 * 3 + i)) == 0.0;
      CHECK(dropped > 0);
      CHECK(dropped < 6);
    }
  }
}
