// The network's hot loops over raw buffers, a chunk of examples at a time. Activations are
// stored [node][example] with a row stride of kChunk, so every inner loop runs over examples
// (contiguous, vectorised by the compiler: two doubles or four floats per wasm SIMD op).
// Each example's sums keep the reference's order (bias, then inputs in order), so a chunk
// gives the same numbers as one example at a time.
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "activations.hpp"
#include "fast_math.hpp"

namespace nnplay {

constexpr int kChunk = 32;  // examples per pass

// Shape of a network as the kernels see it.
struct LayerView {
  int n_in, n_out;
  std::size_t w_off, b_off;  // into the flat parameter buffer
  std::size_t row;           // first activation row of this layer's nodes
  Activation act;
};

template <typename T>
inline void activate_rows(Activation act, T* rows, int n_rows, std::size_t stride, int count) {
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

// forward_layer for exactly W examples.
template <int W>
inline void forward_layer_w(const LayerView& L, const double* params, const double* in,
                            std::size_t in_stride, double* out) {
  const double* __restrict w = params + L.w_off;
  const double* __restrict b = params + L.b_off;
  for (int i = 0; i < L.n_out; ++i) {
    double acc[W];
    for (int e = 0; e < W; ++e) acc[e] = b[i];
    const double* wi = w + std::size_t(i) * L.n_in;
    for (int j = 0; j < L.n_in; ++j) {
      const double wij = wi[j];
      const double* __restrict a = in + std::size_t(j) * in_stride;
      for (int e = 0; e < W; ++e) acc[e] += wij * a[e];
    }
    double* __restrict o = out + std::size_t(i) * W;
    for (int e = 0; e < W; ++e) o[e] = acc[e];
  }
  activate_rows(L.act, out, 1, 0, L.n_out * W);  // the layer's rows as one block
}

// Sum of x[e] * y[e] over W lanes, in two interleaved partial sums (one SIMD register).
template <int W>
inline double dot_w(const double* __restrict x, const double* __restrict y) {
  if constexpr (W == 1) {
    return x[0] * y[0];
  } else {
    double s0 = 0, s1 = 0;
    for (int e = 0; e + 1 < W; e += 2) {
      s0 += x[e] * y[e];
      s1 += x[e + 1] * y[e + 1];
    }
    return s0 + s1;
  }
}

template <int W>
inline void accumulate_gradient_w(const LayerView& L, const double* d, const double* in,
                                  std::size_t stride, const std::uint8_t* dead, double* grad) {
  double* __restrict gw = grad + L.w_off;
  double* __restrict gb = grad + L.b_off;
  static const double ones[kChunk] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  for (int i = 0; i < L.n_out; ++i) {
    const double* di = d + std::size_t(i) * W;
    gb[i] += dot_w<W>(di, ones);
    const std::size_t row = std::size_t(i) * L.n_in;
    for (int j = 0; j < L.n_in; ++j) {
      if (dead[L.w_off + row + j]) continue;
      gw[row + j] += dot_w<W>(di, in + std::size_t(j) * stride);
    }
  }
}

template <int W>
inline void backprop_layer_w(const LayerView& L, const double* params, const double* d,
                             double* d_prev) {
  const double* __restrict w = params + L.w_off;
  for (int j = 0; j < L.n_in; ++j) {
    double acc[W] = {};
    for (int i = 0; i < L.n_out; ++i) {
      const double wij = w[std::size_t(i) * L.n_in + j];
      const double* __restrict di = d + std::size_t(i) * W;
      for (int e = 0; e < W; ++e) acc[e] += wij * di[e];
    }
    double* __restrict p = d_prev + std::size_t(j) * W;
    for (int e = 0; e < W; ++e) p[e] = acc[e];
  }
}

// d[k] *= act'(out[k]) over a block of n values, the derivative written with the output.
inline void scale_by_derivative(Activation act, double* __restrict d,
                                const double* __restrict out, int n) {
  switch (act) {
    case Activation::Tanh:
      for (int k = 0; k < n; ++k) d[k] *= 1 - out[k] * out[k];
      break;
    case Activation::Relu:  // out > 0 exactly when the input sum > 0
      for (int k = 0; k < n; ++k) d[k] = out[k] > 0 ? d[k] : 0.0;
      break;
    case Activation::Sigmoid:
      for (int k = 0; k < n; ++k) d[k] *= out[k] * (1 - out[k]);
      break;
    case Activation::Linear: break;
  }
}

}  // namespace nnplay
