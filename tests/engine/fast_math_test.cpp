// Our vectorised tanh against libm over the whole range (1e-12 relative in double;
// float for display grids agreeing to 1e-5).
#include "fast_math.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

TEST_CASE("tanh_array agrees with libm to 1e-12 relative over the whole range", "[fastmath]") {
  std::vector<double> xs;
  // Log-spaced from the smallest normals to where tanh is 1, both signs; then a fine linear
  // sweep over the part where the range reduction changes k; odd lengths exercise the tail.
  for (double x = 1e-300; x < 40; x *= 1.001) {
    xs.push_back(x);
    xs.push_back(-x);
  }
  for (double x = -25; x <= 25; x += 1.0 / 4096) xs.push_back(x);
  xs.push_back(0.0);
  std::vector<double> out(xs.size());
  nnplay::tanh_array(xs.data(), out.data(), xs.size());
  double worst = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double ref = std::tanh(xs[i]);
    const double rel = ref == 0 ? std::abs(out[i]) : std::abs(out[i] - ref) / std::abs(ref);
    worst = std::max(worst, rel);
  }
  INFO("worst relative error " << worst);
  CHECK(worst < 1e-14);
}

TEST_CASE("tanh_array: zero - infinities and NaN", "[fastmath]") {
  const double inf = std::numeric_limits<double>::infinity();
  double in[5] = {0.0, -0.0, inf, -inf, std::nan("")}, out[5];
  nnplay::tanh_array(in, out, 5);
  CHECK(out[0] == 0.0);
  CHECK(std::signbit(out[1]));
  CHECK(out[2] == 1.0);
  CHECK(out[3] == -1.0);
  CHECK(std::isnan(out[4]));
}

TEST_CASE("float tanh for display grids agrees to 1e-6", "[fastmath]") {
  std::vector<float> xs;
  for (float x = -15; x <= 15; x += 0.001f) xs.push_back(x);
  std::vector<float> out(xs.size());
  nnplay::tanh_array(xs.data(), out.data(), xs.size());
  double worst = 0;
  for (std::size_t i = 0; i < xs.size(); ++i)
    worst = std::max(worst, std::abs(double(out[i]) - std::tanh(double(xs[i]))));
  INFO("worst absolute error " << worst);
  CHECK(worst < 1e-6);
}
