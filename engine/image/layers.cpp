// The image layers' kernels (layers.hpp); the products are gemm.hpp's.
#include "layers.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "gemm.hpp"

namespace nnplay::image {

bool conv_geometry(Shape in, int k, int stride, bool same, int filters, ConvGeometry& g) {
  g.in = in;
  g.k = k;
  g.stride = stride;
  g.out.c = filters;
  if (same) {
    g.out.h = (in.h + stride - 1) / stride;
    g.out.w = (in.w + stride - 1) / stride;
    const int pad_h = std::max((g.out.h - 1) * stride + k - in.h, 0);
    g.pad = pad_h / 2;  // square inputs: the same on both axes
  } else {
    g.pad = 0;
    g.out.h = in.h >= k ? (in.h - k) / stride + 1 : 0;
    g.out.w = in.w >= k ? (in.w - k) / stride + 1 : 0;
  }
  return g.out.h > 0 && g.out.w > 0;
}

bool pool_geometry(Shape in, int size, int stride, PoolGeometry& g) {
  g.in = in;
  g.size = size;
  g.stride = stride;
  g.out.c = in.c;
  g.out.h = in.h >= size ? (in.h - size) / stride + 1 : 0;
  g.out.w = in.w >= size ? (in.w - size) / stride + 1 : 0;
  return g.out.h > 0 && g.out.w > 0;
}

namespace {

// The output columns [lo, hi) whose input column ox * stride + kx - pad falls inside the image.
inline void valid_columns(const ConvGeometry& g, int kx, int& lo, int& hi) {
  const int shift = kx - g.pad;  // input column = ox * stride + shift
  lo = shift >= 0 ? 0 : (-shift + g.stride - 1) / g.stride;
  const int last = g.in.w - 1 - shift;  // ox * stride <= last
  hi = last < 0 ? 0 : std::min(g.out.w, last / g.stride + 1);
  lo = std::min(lo, hi);
}

// out[i] = in[i] for i < n, four values at a time: short rows (12 or 24
// values) are most of im2col's work, and a memcpy call per row cost more than the copy.
template <typename T>
inline void copy_row(const T* __restrict in, T* __restrict out, int n) {
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    T v[4];
    __builtin_memcpy(v, in + i, sizeof v);
    __builtin_memcpy(out + i, v, sizeof v);
  }
  for (; i < n; ++i) out[i] = in[i];
}

// out[i] += in[i] for i < n, four at a time (as copy_row).
template <typename T>
inline void add_row(const T* __restrict in, T* __restrict out, int n) {
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    T a[4], b[4];
    __builtin_memcpy(a, in + i, sizeof a);
    __builtin_memcpy(b, out + i, sizeof b);
    for (int l = 0; l < 4; ++l) b[l] += a[l];
    __builtin_memcpy(out + i, b, sizeof b);
  }
  for (; i < n; ++i) out[i] += in[i];
}

}  // namespace

template <typename T>
void im2col(const ConvGeometry& g, const T* x, T* cols) {
  const int P = g.P(), s = g.stride;
  for (int c = 0; c < g.in.c; ++c)
    for (int ky = 0; ky < g.k; ++ky)
      for (int kx = 0; kx < g.k; ++kx) {
        T* row = cols + std::ptrdiff_t((c * g.k + ky) * g.k + kx) * P;
        int lo = 0, hi = 0;
        valid_columns(g, kx, lo, hi);
        const int shift = kx - g.pad;
        for (int oy = 0; oy < g.out.h; ++oy) {
          const int iy = oy * s + ky - g.pad;
          T* out = row + oy * g.out.w;
          if (iy < 0 || iy >= g.in.h) continue;  // padding: left at 0
          const T* in = x + (std::ptrdiff_t(c) * g.in.h + iy) * g.in.w + shift;
          if (s == 1)
            copy_row(in + lo, out + lo, hi - lo);
          else
            for (int ox = lo; ox < hi; ++ox) out[ox] = in[ox * s];
        }
      }
}

template <typename T>
void col2im_add(const ConvGeometry& g, const T* dcols, T* dx) {
  const int P = g.P(), s = g.stride;
  for (int c = 0; c < g.in.c; ++c)
    for (int ky = 0; ky < g.k; ++ky)
      for (int kx = 0; kx < g.k; ++kx) {
        const T* row = dcols + std::ptrdiff_t((c * g.k + ky) * g.k + kx) * P;
        int lo = 0, hi = 0;
        valid_columns(g, kx, lo, hi);
        const int shift = kx - g.pad;
        for (int oy = 0; oy < g.out.h; ++oy) {
          const int iy = oy * s + ky - g.pad;
          if (iy < 0 || iy >= g.in.h) continue;
          T* __restrict in = dx + (std::ptrdiff_t(c) * g.in.h + iy) * g.in.w + shift;
          const T* __restrict d = row + oy * g.out.w;
          if (s == 1)
            add_row(d + lo, in + lo, hi - lo);
          else
            for (int ox = lo; ox < hi; ++ox) in[ox * s] += d[ox];
        }
      }
}

template <typename T>
void conv_forward(const ConvGeometry& g, const T* x, const T* wt, const T* b, T* cols, T* y) {
  const int F = g.out.c, K = g.K(), P = g.P();
  im2col(g, x, cols);
  for (int f = 0; f < F; ++f)
    std::fill(y + std::ptrdiff_t(f) * P, y + std::ptrdiff_t(f + 1) * P, b[f]);
  gemm_tn(F, P, K, wt, cols, y, true);
}

template <typename T>
void conv_backward(const ConvGeometry& g, const T* cols, const T* wt, const T* dy, T* dwt, T* db,
                   T* dyt, T* dcols, T* dx) {
  const int F = g.out.c, K = g.K(), P = g.P();
  for (int f = 0; f < F; ++f) {
    T sum = 0;
    const T* d = dy + std::ptrdiff_t(f) * P;
    for (int p = 0; p < P; ++p) {
      sum += d[p];
      dyt[std::ptrdiff_t(p) * F + f] = d[p];
    }
    db[f] += sum;
  }
  gemm_nn(K, F, P, cols, dyt, dwt, true);
  if (!dx) return;
  gemm_nn(K, P, F, wt, dy, dcols, false);
  std::fill(dx, dx + g.in.size(), T(0));
  col2im_add(g, dcols, dx);
}

template <typename T>
void pool_forward(const PoolGeometry& g, const T* x, T* y, int* argmax) {
  for (int c = 0; c < g.in.c; ++c)
    for (int oy = 0; oy < g.out.h; ++oy)
      for (int ox = 0; ox < g.out.w; ++ox) {
        int best = (c * g.in.h + oy * g.stride) * g.in.w + ox * g.stride;
        for (int dy = 0; dy < g.size; ++dy)
          for (int dx = 0; dx < g.size; ++dx) {
            const int at = (c * g.in.h + oy * g.stride + dy) * g.in.w + ox * g.stride + dx;
            if (x[at] > x[best]) best = at;
          }
        const int o = (c * g.out.h + oy) * g.out.w + ox;
        y[o] = x[best];
        argmax[o] = best;
      }
}

template <typename T>
void pool_backward(const PoolGeometry& g, const T* dy, const int* argmax, T* dx) {
  std::fill(dx, dx + g.in.size(), T(0));
  const int n = g.out.size();
  for (int o = 0; o < n; ++o) dx[argmax[o]] += dy[o];
}

template <typename T>
void dense_forward(int n, int k, const T* x, const T* w, const T* b, T* y) {
  gemm_nt(n, 1, k, w, x, y, false);
  for (int i = 0; i < n; ++i) y[i] += b[i];
}

template <typename T>
void dense_backward(int n, int k, const T* x, const T* w, const T* dy, T* dw, T* db, T* dx) {
  gemm_nn(n, k, 1, dy, x, dw, true);
  for (int i = 0; i < n; ++i) db[i] += dy[i];
  if (dx) gemm_tn(k, 1, n, w, dy, dx, false);
}

namespace {
constexpr double kLeak = 0.01;  // leaky ReLU's slope below 0
}

template <typename T>
void activate(ImageActivation f, T* y, int n) {
  switch (f) {
    case ImageActivation::Linear: return;
    case ImageActivation::Relu:
      for (int i = 0; i < n; ++i) y[i] = y[i] > T(0) ? y[i] : T(0);
      return;
    case ImageActivation::LeakyRelu:
      for (int i = 0; i < n; ++i) y[i] = y[i] > T(0) ? y[i] : T(kLeak) * y[i];
      return;
    case ImageActivation::Elu:
      for (int i = 0; i < n; ++i) y[i] = y[i] > T(0) ? y[i] : std::expm1(y[i]);
      return;
    case ImageActivation::Tanh:
      for (int i = 0; i < n; ++i) y[i] = std::tanh(y[i]);
      return;
    case ImageActivation::Sigmoid:
      for (int i = 0; i < n; ++i) y[i] = T(1) / (T(1) + std::exp(-y[i]));
      return;
  }
}

template <typename T>
void activation_backward(ImageActivation f, const T* y, T* dy, int n) {
  switch (f) {
    case ImageActivation::Linear: return;
    case ImageActivation::Relu:
      for (int i = 0; i < n; ++i) dy[i] = y[i] > T(0) ? dy[i] : T(0);
      return;
    case ImageActivation::LeakyRelu:
      for (int i = 0; i < n; ++i) dy[i] = y[i] > T(0) ? dy[i] : T(kLeak) * dy[i];
      return;
    case ImageActivation::Elu:  // y = e^x - 1 below 0, so f' = y + 1
      for (int i = 0; i < n; ++i) dy[i] = y[i] > T(0) ? dy[i] : (y[i] + T(1)) * dy[i];
      return;
    case ImageActivation::Tanh:
      for (int i = 0; i < n; ++i) dy[i] *= T(1) - y[i] * y[i];
      return;
    case ImageActivation::Sigmoid:
      for (int i = 0; i < n; ++i) dy[i] *= y[i] * (T(1) - y[i]);
      return;
  }
}

template <typename T>
void softmax(const T* logits, int n, T* probs) {
  T top = logits[0];
  for (int i = 1; i < n; ++i) top = std::max(top, logits[i]);
  T sum = 0;
  for (int i = 0; i < n; ++i) sum += probs[i] = std::exp(logits[i] - top);
  for (int i = 0; i < n; ++i) probs[i] /= sum;
}

template <typename T>
T softmax_cross_entropy(const T* logits, int n, int label, T* probs, T* dlogits) {
  softmax(logits, n, probs);
  for (int i = 0; i < n; ++i) dlogits[i] = probs[i] - T(i == label ? 1 : 0);
  // The log of the smallest positive float instead of -inf for a probability that rounds to 0.
  return -std::log(std::max(probs[label], T(1e-30)));
}

#define NNPLAY_IMAGE_LAYERS(T)                                                                  \
  template void im2col<T>(const ConvGeometry&, const T*, T*);                                   \
  template void col2im_add<T>(const ConvGeometry&, const T*, T*);                               \
  template void conv_forward<T>(const ConvGeometry&, const T*, const T*, const T*, T*, T*);     \
  template void conv_backward<T>(const ConvGeometry&, const T*, const T*, const T*, T*, T*, T*, \
                                 T*, T*);                                                       \
  template void pool_forward<T>(const PoolGeometry&, const T*, T*, int*);                       \
  template void pool_backward<T>(const PoolGeometry&, const T*, const int*, T*);                \
  template void dense_forward<T>(int, int, const T*, const T*, const T*, T*);                   \
  template void dense_backward<T>(int, int, const T*, const T*, const T*, T*, T*, T*);          \
  template void activate<T>(ImageActivation, T*, int);                                          \
  template void activation_backward<T>(ImageActivation, const T*, T*, int);                     \
  template void softmax<T>(const T*, int, T*);                                                  \
  template T softmax_cross_entropy<T>(const T*, int, int, T*, T*);
NNPLAY_IMAGE_LAYERS(float)
NNPLAY_IMAGE_LAYERS(double)
#undef NNPLAY_IMAGE_LAYERS

}  // namespace nnplay::image
