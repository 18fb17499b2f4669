// The network's hot loops over raw buffers, a chunk of examples at a time. Activations are
// stored [node][example] with a row stride of kChunk, so every inner loop runs over examples
// (contiguous, vectorised by the compiler: two doubles or four floats per wasm SIMD op).
// Each example's sums keep the reference's order (bias, then inputs in order), so a chunk
// gives the same numbers as one example at a time.
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "activations.hpp"
#include "fast_math.hpp"

namespace nnplay {

constexpr int kChunk = 32;  // examples per pass

// Profiling builds (-DNNPLAY_PROFILE_KERNELS) keep the kernels as separate functions.
#ifdef NNPLAY_PROFILE_KERNELS
#define NNPLAY_KERNEL inline __attribute__((noinline))
#else
#define NNPLAY_KERNEL inline
#endif

// Shape of a network as the kernels see it.
struct LayerView {
  int n_in, n_out;
  std::size_t w_off, b_off;  // into the flat parameter buffer
  std::size_t row;           // first activation row of this layer's nodes
  Activation act;
};

template <typename T>
NNPLAY_KERNEL void activate_rows(Activation act, T* rows, int n_rows, std::size_t stride,
                                 int count) {
  for (int i = 0; i < n_rows; ++i) {
    T* r = rows + std::size_t(i) * stride;
    switch (act) {
      case Activation::Tanh: tanh_array(r, r, std::size_t(count)); break;
      case Activation::Relu:
        for (int e = 0; e < count; ++e) r[e] = r[e] < T(0) ? T(0) : r[e];  // keeps NaN
        break;
      case Activation::Sigmoid:
        for (int e = 0; e < count; ++e) r[e] = T(1) / (T(1) + std::exp(-r[e]));
        break;
      case Activation::Linear: break;
      case Activation::LeakyRelu:
        for (int e = 0; e < count; ++e) r[e] = r[e] < T(0) ? T(kLeakySlope) * r[e] : r[e];
        break;
      case Activation::Elu:
        for (int e = 0; e < count; ++e) r[e] = r[e] > T(0) ? r[e] : T(kEluAlpha) * std::expm1(r[e]);
        break;
      case Activation::Gelu:
        for (int e = 0; e < count; ++e)
          r[e] = T(0.5) * r[e] * (T(1) + std::erf(r[e] * T(kSqrtHalf)));
        break;
      case Activation::Swish:
        for (int e = 0; e < count; ++e) r[e] = r[e] / (T(1) + std::exp(-r[e]));
        break;
      case Activation::Softplus:  // max(z, 0) + log1p(e^-|z|), as activations.hpp
        for (int e = 0; e < count; ++e)
          r[e] = (r[e] > T(0) ? r[e] : T(0)) + std::log1p(std::exp(-std::fabs(r[e])));
        break;
      case Activation::Sine:
        for (int e = 0; e < count; ++e) r[e] = std::sin(r[e]);
        break;
    }
  }
}

// One layer forward: out[i][e] = act(b[i] + sum_j w[i][j] in[j][e]), rows of `in` and `out`
// `in_stride` and `out_stride` apart (training: the data in place, then kChunk rows; the
// display grid: rows of the grid buffers themselves).
template <typename T>
inline void forward_layer(const LayerView& L, const T* params, const T* in, std::size_t in_stride,
                          T* out, std::size_t out_stride, int count) {
  const T* __restrict w = params + L.w_off;
  const T* __restrict b = params + L.b_off;
  for (int i = 0; i < L.n_out; ++i) {
    T* __restrict o = out + std::size_t(i) * out_stride;
    const T bias = b[i];
    for (int e = 0; e < count; ++e) o[e] = bias;
    const T* wi = w + std::size_t(i) * L.n_in;
    for (int j = 0; j < L.n_in; ++j) {
      const T wij = wi[j];
      const T* __restrict a = in + std::size_t(j) * in_stride;
      for (int e = 0; e < count; ++e) o[e] += wij * a[e];
    }
  }
  activate_rows(L.act, out, L.n_out, out_stride, count);
}

// The training kernels below take the chunk width W as a compile-time constant, so that the
// loops over examples unroll and keep their values in SIMD registers; their activation rows
// are W apart, so a layer's rows form one block. Lanes past the real examples compute on
// padding; their derivatives are zero, so they add nothing.

using v2d = double __attribute__((vector_size(16)));  // one wasm SIMD register

inline v2d load2(const double* p) {
  v2d v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store2(double* p, v2d v) { std::memcpy(p, &v, sizeof v); }
// Both lanes x: one load64_splat. (Not v2d{} + x: adding to zero is no identity for -0, so
// the compiler keeps the add and a shuffle, three wasm ops more per use.)
inline v2d splat2(double x) { return v2d{x, x}; }

// forward_layer for exactly W (even) examples, the W values of a node held in W/2 registers.
template <int W>
NNPLAY_KERNEL void forward_layer_w(const LayerView& L, const double* params, const double* in,
                                   std::size_t in_stride, double* out) {
  static_assert(W % 2 == 0, "chunk widths are even");
  constexpr int V = W / 2;
  const double* w = params + L.w_off;
  const double* b = params + L.b_off;
  for (int i = 0; i < L.n_out; ++i) {
    v2d acc[V];
    for (int k = 0; k < V; ++k) acc[k] = splat2(b[i]);
    const double* wi = w + std::size_t(i) * L.n_in;
    for (int j = 0; j < L.n_in; ++j) {
      const v2d wij = splat2(wi[j]);
      const double* a = in + std::size_t(j) * in_stride;
      for (int k = 0; k < V; ++k) acc[k] += wij * load2(a + 2 * k);
    }
    double* o = out + std::size_t(i) * W;
    for (int k = 0; k < V; ++k) store2(o + 2 * k, acc[k]);
  }
  activate_rows(L.act, out, 1, 0, L.n_out * W);  // the layer's rows as one block
}

using v2l = std::int64_t __attribute__((vector_size(16)));

// d * act'(out), the derivative written with the activation's output (two examples), for the
// reference's four: the backward kernel's own (its loop is the reference's, unchanged). Any
// other activation: times_derivative_at.
inline v2d times_derivative(Activation act, v2d d, v2d out) {
  switch (act) {
    case Activation::Tanh: return d * (1.0 - out * out);
    case Activation::Relu: {  // out > 0 exactly when the input sum > 0
      return (v2d)((v2l)d & (v2l)(out > 0.0));
    }
    case Activation::Sigmoid: return d * (out * (1.0 - out));
    default: break;
  }
  return d;
}

// The derivative of gelu, swish or sine (needs_input_sum) at the input sum z.
inline double derivative_at_sum(Activation act, double z) {
  switch (act) {
    case Activation::Gelu:  // Phi(z) + z phi(z)
      return 0.5 * (1.0 + std::erf(z * kSqrtHalf)) + z * std::exp(-0.5 * z * z) * kInvSqrt2Pi;
    case Activation::Swish: {  // s + z s (1 - s), s = sigmoid(z)
      const double s = 1.0 / (1.0 + std::exp(-z));
      return s * (1.0 + z * (1.0 - s));
    }
    case Activation::Sine: return std::cos(z);
    default: return 1.0;  // not called: the others' are written with the output
  }
}

// d * act'(...) for any activation (two examples): v is the input sum for gelu, swish and sine
// (needs_input_sum), the output for the others (leakyRelu, elu and softplus write theirs with
// it: out > 0 exactly when the sum is; elu's e^z = out + alpha; softplus' = 1 - e^-out).
inline v2d times_derivative_at(Activation act, v2d d, v2d v) {
  switch (act) {
    case Activation::LeakyRelu: {
      const v2l pos = (v2l)(v > 0.0);
      return (v2d)(((v2l)d & pos) | ((v2l)(d * kLeakySlope) & ~pos));
    }
    case Activation::Elu: {
      const v2l pos = (v2l)(v > 0.0);
      return (v2d)(((v2l)d & pos) | ((v2l)(d * (v + kEluAlpha)) & ~pos));
    }
    case Activation::Softplus: return v2d{d[0] * -std::expm1(-v[0]), d[1] * -std::expm1(-v[1])};
    case Activation::Gelu:
    case Activation::Swish:
    case Activation::Sine:
      return v2d{d[0] * derivative_at_sum(act, v[0]), d[1] * derivative_at_sum(act, v[1])};
    default: return times_derivative(act, d, v);
  }
}

// What a layer's derivative needs beyond its outputs (rows W apart from its first row,
// nullptr when unused): `aux`, its input sums (needs_input_sum) or, under dropout, its
// outputs before the mask; `mask`, the dropout mask (0 or 1 / (1 - rate)).
struct LayerExtras {
  const double* aux = nullptr;
  const double* mask = nullptr;
};

// d[k] *= act'(...) * mask[k] over n values of a layer's rows (W apart, so one block): the
// derivative at `aux` when given, else at the outputs `out`. For the layers the backward
// kernel does not scale itself (a new activation or dropout: it then runs them as linear).
template <Activation A>
inline void scale_rows(double* d, const double* at, const double* mask, std::size_t n) {
  for (std::size_t k = 0; k < n; k += 2) {
    v2d v = times_derivative_at(A, load2(d + k), load2(at + k));
    if (mask) v *= load2(mask + k);
    store2(d + k, v);
  }
}

inline void scale_by_derivative(Activation act, double* d, const double* out, const LayerExtras& x,
                                std::size_t n) {
  const double* at = x.aux ? x.aux : out;
  switch (act) {  // one loop per activation, its derivative inlined
#define NNPLAY_SCALE(A) \
  case Activation::A: return scale_rows<Activation::A>(d, at, x.mask, n);
    NNPLAY_SCALE(Relu)
    NNPLAY_SCALE(Tanh)
    NNPLAY_SCALE(Sigmoid)
    NNPLAY_SCALE(Linear)
    NNPLAY_SCALE(LeakyRelu)
    NNPLAY_SCALE(Elu)
    NNPLAY_SCALE(Gelu)
    NNPLAY_SCALE(Swish)
    NNPLAY_SCALE(Softplus)
    NNPLAY_SCALE(Sine)
#undef NNPLAY_SCALE
  }
}

// One pass over the layer's links for W examples, source node by source node, with d (the
// layer's dLoss/dInputSum) already scaled by its activation's derivative:
// - the gradient: gb[i] += sum_e d[i][e]; gw[i][j] += sum_e d[i][e] a[j][e]. Dead links get
//   one too; the update never applies it.
// - if Below, the derivative for the layer below, ready for its own pass:
//   d_prev[j][e] = act_in'(a[j][e]) * sum_i w[i][j] d[i][e], summed over i in order as the
//   reference, in registers while i runs (one store per source node, none per link).
// Source j's activations stay in registers across the loop over i, and each d[i] is loaded
// once for both sums.
template <int W, bool Below>
NNPLAY_KERNEL void backward_layer_w(const LayerView& L, const double* params, const double* d,
                                    const double* in, std::size_t in_stride, Activation act_in,
                                    double* grad, double* d_prev) {
  static_assert(W % 2 == 0, "chunk widths are even");
  constexpr int V = W / 2;
  double* gw = grad + L.w_off;
  double* gb = grad + L.b_off;
  const double* w = params + L.w_off;
  for (int i = 0; i < L.n_out; ++i) {
    v2d sum = {0, 0};
    for (int k = 0; k < V; ++k) sum += load2(d + std::size_t(i) * W + 2 * k);
    gb[i] += sum[0] + sum[1];
  }
  for (int j = 0; j < L.n_in; ++j) {
    const double* a = in + std::size_t(j) * in_stride;
    v2d av[V], acc[V];
    for (int k = 0; k < V; ++k) av[k] = load2(a + 2 * k);
    // Link (i, j); the first destination starts the sums instead of adding to zero.
    auto link = [&](int i, auto first) {
      const double* di = d + std::size_t(i) * W;
      const std::size_t at = std::size_t(i) * L.n_in + j;
      const v2d wij = splat2(w[at]);
      v2d g = load2(di) * av[0];
      for (int k = 0; k < V; ++k) {
        const v2d dk = load2(di + 2 * k);
        if (k > 0) g += dk * av[k];
        if constexpr (Below) {
          if constexpr (decltype(first)::value)
            acc[k] = wij * dk;
          else
            acc[k] += wij * dk;
        }
      }
      gw[at] += g[0] + g[1];
    };
    link(0, std::true_type{});
    for (int i = 1; i < L.n_out; ++i) link(i, std::false_type{});
    if constexpr (Below) {
      double* p = d_prev + std::size_t(j) * W;
      for (int k = 0; k < V; ++k) store2(p + 2 * k, times_derivative(act_in, acc[k], av[k]));
    }
  }
}

}  // namespace nnplay
