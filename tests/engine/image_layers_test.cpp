// The image layers (engine/image/layers.hpp) in double: each forward pass against a naive loop
// written here, each backward pass against numeric gradients of a random linear read-out
// L = sum(y * r), and the three matrix products against the textbook triple loop.
#include <cmath>
#include <vector>

#include "image/gemm.hpp"
#include "image/layers.hpp"
#include "rng.hpp"
#include "test_helpers.hpp"

using namespace nnplay;
using namespace nnplay::image;
using nnplay::test::near;

namespace {

std::vector<double> random_values(SeedRandom& rng, std::size_t n, double scale = 1.0) {
  std::vector<double> v(n);
  for (double& x : v) x = (rng.next() * 2 - 1) * scale;
  return v;
}

double read_out(const std::vector<double>& y, const std::vector<double>& r) {
  double s = 0;
  for (std::size_t i = 0; i < y.size(); ++i) s += y[i] * r[i];
  return s;
}

// Central differences of f() at each entry of v, against the analytic gradient.
template <typename F>
void check_gradient(std::vector<double>& v, const std::vector<double>& analytic, F f,
                    const char* what) {
  const double h = 1e-6;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const double keep = v[i];
    v[i] = keep + h;
    const double up = f();
    v[i] = keep - h;
    const double down = f();
    v[i] = keep;
    INFO(what << "[" << i << "]");
    CHECK(analytic[i] == near((up - down) / (2 * h), 1e-6));
  }
}

// The convolution as its definition: y[f][oy][ox] = b[f] + sum w[c][ky][kx][f] x[c][iy][ix]
// (the filters input-major, as layers.hpp stores them).
std::vector<double> naive_conv(const ConvGeometry& g, const std::vector<double>& x,
                               const std::vector<double>& w, const std::vector<double>& b) {
  std::vector<double> y(std::size_t(g.out.size()));
  for (int f = 0; f < g.out.c; ++f)
    for (int oy = 0; oy < g.out.h; ++oy)
      for (int ox = 0; ox < g.out.w; ++ox) {
        double s = b[std::size_t(f)];
        for (int c = 0; c < g.in.c; ++c)
          for (int ky = 0; ky < g.k; ++ky)
            for (int kx = 0; kx < g.k; ++kx) {
              const int iy = oy * g.stride + ky - g.pad, ix = ox * g.stride + kx - g.pad;
              if (iy < 0 || iy >= g.in.h || ix < 0 || ix >= g.in.w) continue;
              s += w[std::size_t(((c * g.k + ky) * g.k + kx) * g.out.c + f)] *
                   x[std::size_t((c * g.in.h + iy) * g.in.w + ix)];
            }
        y[std::size_t((f * g.out.h + oy) * g.out.w + ox)] = s;
      }
  return y;
}

struct ConvCase {
  int side, channels, k, stride, filters;
  bool same;
};

}  // namespace

TEST_CASE("matrix products equal the triple loop for every edge of the register blocks",
          "[image]") {
  SeedRandom rng("gemm");
  for (int M : {1, 3, 4, 9})
    for (int N : {1, 5, 8, 17})
      for (int K : {1, 2, 7, 25}) {
        const auto A = random_values(rng, std::size_t(M * K));
        const auto At = random_values(rng, std::size_t(K * M));
        const auto B = random_values(rng, std::size_t(K * N));
        const auto Bt = random_values(rng, std::size_t(N * K));
        const auto C0 = random_values(rng, std::size_t(M * N));
        std::vector<double> nn = C0, tn = C0, nt(std::size_t(M * N), 7.0);
        gemm_nn(M, N, K, A.data(), B.data(), nn.data(), true);
        gemm_tn(M, N, K, At.data(), B.data(), tn.data(), true);
        gemm_nt(M, N, K, A.data(), Bt.data(), nt.data(), false);
        for (int i = 0; i < M; ++i)
          for (int j = 0; j < N; ++j) {
            double snn = C0[std::size_t(i * N + j)], stn = snn, snt = 0;
            for (int k = 0; k < K; ++k) {
              snn += A[std::size_t(i * K + k)] * B[std::size_t(k * N + j)];
              stn += At[std::size_t(k * M + i)] * B[std::size_t(k * N + j)];
              snt += A[std::size_t(i * K + k)] * Bt[std::size_t(j * K + k)];
            }
            INFO("M " << M << " N " << N << " K " << K << " at " << i << "," << j);
            CHECK(nn[std::size_t(i * N + j)] == near(snn, 1e-12));
            CHECK(tn[std::size_t(i * N + j)] == near(stn, 1e-12));
            CHECK(nt[std::size_t(i * N + j)] == near(snt, 1e-12));
          }
      }
}

TEST_CASE("convolution: forward as its definition, backward as numeric gradients", "[image]") {
  SeedRandom rng("conv");
  const ConvCase cases[] = {{5, 1, 3, 1, 2, true},  {6, 2, 3, 2, 3, true}, {7, 2, 3, 2, 2, false},
                            {6, 3, 5, 1, 2, false}, {5, 2, 4, 1, 2, true}, {8, 1, 5, 3, 1, true}};
  for (const ConvCase& cc : cases) {
    ConvGeometry g;
    REQUIRE(conv_geometry(Shape{cc.channels, cc.side, cc.side}, cc.k, cc.stride, cc.same,
                          cc.filters, g));
    INFO("side " << cc.side << " c " << cc.channels << " k " << cc.k << " stride " << cc.stride
                 << (cc.same ? " same" : " valid"));
    if (cc.same) CHECK(g.out.h == (cc.side + cc.stride - 1) / cc.stride);
    auto x = random_values(rng, std::size_t(g.in.size()));
    auto w = random_values(rng, std::size_t(g.K() * cc.filters));
    auto b = random_values(rng, std::size_t(cc.filters));
    const auto r = random_values(rng, std::size_t(g.out.size()));
    std::vector<double> cols(std::size_t(g.K() * g.P())), dcols(cols.size());
    std::vector<double> dyt(std::size_t(g.out.size()));
    std::vector<double> y(std::size_t(g.out.size()));
    conv_forward(g, x.data(), w.data(), b.data(), cols.data(), y.data());
    const auto expected = naive_conv(g, x, w, b);
    for (std::size_t i = 0; i < y.size(); ++i) CHECK(y[i] == near(expected[i], 1e-12));

    std::vector<double> dw(w.size(), 0.0), db(b.size(), 0.0), dx(x.size(), 9.0);
    conv_backward(g, cols.data(), w.data(), r.data(), dw.data(), db.data(), dyt.data(),
                  dcols.data(), dx.data());
    auto loss = [&] { return read_out(naive_conv(g, x, w, b), r); };
    check_gradient(w, dw, loss, "dw");
    check_gradient(b, db, loss, "db");
    check_gradient(x, dx, loss, "dx");
  }
}

TEST_CASE("max pooling: window maxima, and the gradient routed to them", "[image]") {
  SeedRandom rng("pool");
  for (auto [side_, size_, stride_] : {std::tuple{6, 2, 2}, {7, 3, 2}, {12, 3, 3}, {5, 2, 1}}) {
    // Plain copies: a lambda cannot capture a structured binding in C++17 (clang refuses).
    const int side = side_, size = size_, stride = stride_;
    PoolGeometry g;
    REQUIRE(pool_geometry(Shape{2, side, side}, size, stride, g));
    CHECK(g.out.h == (side - size) / stride + 1);
    auto x = random_values(rng, std::size_t(g.in.size()));
    const auto r = random_values(rng, std::size_t(g.out.size()));
    std::vector<double> y(std::size_t(g.out.size()));
    std::vector<int> arg(y.size());
    auto naive = [&] {
      std::vector<double> out(y.size());
      for (int c = 0; c < g.in.c; ++c)
        for (int oy = 0; oy < g.out.h; ++oy)
          for (int ox = 0; ox < g.out.w; ++ox) {
            double m = -1e300;
            for (int dy = 0; dy < size; ++dy)
              for (int dx = 0; dx < size; ++dx)
                m = std::max(
                    m, x[std::size_t((c * side + oy * stride + dy) * side + ox * stride + dx)]);
            out[std::size_t((c * g.out.h + oy) * g.out.w + ox)] = m;
          }
      return out;
    };
    pool_forward(g, x.data(), y.data(), arg.data());
    CHECK(y == naive());
    std::vector<double> dx(x.size());
    pool_backward(g, r.data(), arg.data(), dx.data());
    check_gradient(
        x, dx, [&] { return read_out(naive(), r); }, "dx");
  }
  PoolGeometry g;
  CHECK_FALSE(pool_geometry(Shape{1, 2, 2}, 3, 3, g));  // leaves no pixels
}

TEST_CASE("dense layer and every activation against numeric gradients", "[image]") {
  SeedRandom rng("dense");
  const int n = 5, k = 7;
  auto x = random_values(rng, k), w = random_values(rng, n * k), b = random_values(rng, n);
  const auto r = random_values(rng, n);
  for (ImageActivation f :
       {ImageActivation::Linear, ImageActivation::Relu, ImageActivation::LeakyRelu,
        ImageActivation::Elu, ImageActivation::Tanh, ImageActivation::Sigmoid}) {
    INFO("activation " << int(f));
    auto forward = [&] {
      std::vector<double> y(n);
      for (int i = 0; i < n; ++i) {
        double s = b[std::size_t(i)];
        for (int j = 0; j < k; ++j) s += w[std::size_t(i * k + j)] * x[std::size_t(j)];
        y[std::size_t(i)] = s;
      }
      activate(f, y.data(), n);
      return y;
    };
    std::vector<double> y(n);
    dense_forward(n, k, x.data(), w.data(), b.data(), y.data());
    activate(f, y.data(), n);
    const auto expected = forward();
    for (int i = 0; i < n; ++i) CHECK(y[std::size_t(i)] == near(expected[std::size_t(i)], 1e-12));
    std::vector<double> dy = r, dw(w.size(), 0.0), db(b.size(), 0.0), dx(x.size());
    activation_backward(f, y.data(), dy.data(), n);
    dense_backward(n, k, x.data(), w.data(), dy.data(), dw.data(), db.data(), dx.data());
    auto loss = [&] { return read_out(forward(), r); };
    check_gradient(w, dw, loss, "dw");
    check_gradient(b, db, loss, "db");
    check_gradient(x, dx, loss, "dx");
  }
}

TEST_CASE("softmax with cross-entropy: probabilities, loss and its gradient", "[image]") {
  SeedRandom rng("softmax");
  auto z = random_values(rng, 6, 3.0);
  std::vector<double> p(6), dz(6);
  const double loss = softmax_cross_entropy(z.data(), 6, 2, p.data(), dz.data());
  double sum = 0;
  for (double v : p) sum += v;
  CHECK(sum == near(1.0, 1e-15));
  CHECK(loss == near(-std::log(p[2]), 1e-15));
  auto f = [&] {
    std::vector<double> q(6), d(6);
    return softmax_cross_entropy(z.data(), 6, 2, q.data(), d.data());
  };
  check_gradient(z, dz, f, "dlogits");
  // Huge logits neither overflow nor give NaN.
  std::vector<double> big = {1000, -1000, 999};
  std::vector<double> q(3), d(3);
  CHECK(std::isfinite(softmax_cross_entropy(big.data(), 3, 1, q.data(), d.data())));
  CHECK(q[0] == near(1 / (1 + std::exp(-1.0)), 1e-12));
}
