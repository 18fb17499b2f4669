// The matrix products of gemm.hpp: register blocks of 4 rows x 2 vectors (8 floats or 4
// doubles) for the two saxpy-form products, 2 x 4 dot products for the third; the edges that do
// not fill a block are done one output at a time with the same order of summation per output.
#include "gemm.hpp"

#include <cstddef>
#include <cstring>

namespace nnplay::image {

namespace {

template <typename T>
struct Vec;
template <>
struct Vec<float> {
  typedef float type __attribute__((vector_size(16)));
  static constexpr int lanes = 4;
};
template <>
struct Vec<double> {
  typedef double type __attribute__((vector_size(16)));
  static constexpr int lanes = 2;
};

template <typename T>
inline typename Vec<T>::type load(const T* p) {
  typename Vec<T>::type v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <typename T>
inline void store(T* p, typename Vec<T>::type v) {
  std::memcpy(p, &v, sizeof v);
}

template <typename T>
inline T lane_sum(typename Vec<T>::type v) {
  T s = v[0];
  for (int l = 1; l < Vec<T>::lanes; ++l) s += v[l];
  return s;
}

// C[M][N] (+)= A' B with A'(i, k) = A[i * ars + k * acs] and B[K][N]: gemm_nn (ars = K, acs = 1)
// and gemm_tn (ars = 1, acs = M).
template <typename T>
void gemm_strided(int M, int N, int K, const T* __restrict A, int ars, int acs,
                  const T* __restrict B, T* __restrict C, bool accumulate) {
  using V = typename Vec<T>::type;
  constexpr int L = Vec<T>::lanes, R = 4, W = 2 * L;
  const int full_rows = M - M % R, full_cols = N - N % W;
  for (int i = 0; i < full_rows; i += R) {
    for (int j = 0; j < full_cols; j += W) {
      V c[R][2];
      for (int r = 0; r < R; ++r) c[r][0] = c[r][1] = V{};
      const T* a = A + std::ptrdiff_t(i) * ars;
      for (int k = 0; k < K; ++k) {
        const T* b = B + std::ptrdiff_t(k) * N + j;
        const V b0 = load<T>(b), b1 = load<T>(b + L);
        const T* ak = a + std::ptrdiff_t(k) * acs;
        for (int r = 0; r < R; ++r) {
          const T x = ak[std::ptrdiff_t(r) * ars];
          c[r][0] += x * b0;
          c[r][1] += x * b1;
        }
      }
      for (int r = 0; r < R; ++r) {
        T* out = C + std::ptrdiff_t(i + r) * N + j;
        if (accumulate) {
          store<T>(out, load<T>(out) + c[r][0]);
          store<T>(out + L, load<T>(out + L) + c[r][1]);
        } else {
          store<T>(out, c[r][0]);
          store<T>(out + L, c[r][1]);
        }
      }
    }
  }
  // Edges: the columns past the last full block (all rows), then the rows past the last full
  // block (the full columns), one output at a time.
  auto one = [&](int i, int j) {
    T s = 0;
    for (int k = 0; k < K; ++k)
      s += A[std::ptrdiff_t(i) * ars + std::ptrdiff_t(k) * acs] * B[std::ptrdiff_t(k) * N + j];
    T& out = C[std::ptrdiff_t(i) * N + j];
    out = accumulate ? out + s : s;
  };
  for (int i = 0; i < M; ++i)
    for (int j = full_cols; j < N; ++j) one(i, j);
  for (int i = full_rows; i < M; ++i)
    for (int j = 0; j < full_cols; ++j) one(i, j);
}

// The dot product of n values, vectorised along k (lane sums in order at the end).
template <typename T>
inline T dot(const T* __restrict a, const T* __restrict b, int n) {
  using V = typename Vec<T>::type;
  constexpr int L = Vec<T>::lanes;
  V acc{};
  int k = 0;
  for (; k + L <= n; k += L) acc += load<T>(a + k) * load<T>(b + k);
  T s = lane_sum<T>(acc);
  for (; k < n; ++k) s += a[k] * b[k];
  return s;
}

}  // namespace

template <typename T>
void gemm_nn(int M, int N, int K, const T* A, const T* B, T* C, bool accumulate) {
  gemm_strided(M, N, K, A, K, 1, B, C, accumulate);
}

template <typename T>
void gemm_tn(int M, int N, int K, const T* A, const T* B, T* C, bool accumulate) {
  gemm_strided(M, N, K, A, 1, M, B, C, accumulate);
}

template <typename T>
void gemm_nt(int M, int N, int K, const T* __restrict A, const T* __restrict B, T* __restrict C,
             bool accumulate) {
  using V = typename Vec<T>::type;
  constexpr int L = Vec<T>::lanes, RI = 2, RJ = 4;
  const int full_rows = M - M % RI, full_cols = N - N % RJ, full_k = K - K % L;
  auto put = [&](int i, int j, T s) {
    T& out = C[std::ptrdiff_t(i) * N + j];
    out = accumulate ? out + s : s;
  };
  for (int i = 0; i < full_rows; i += RI) {
    for (int j = 0; j < full_cols; j += RJ) {
      V c[RI][RJ];
      for (int r = 0; r < RI; ++r)
        for (int q = 0; q < RJ; ++q) c[r][q] = V{};
      const T* a0 = A + std::ptrdiff_t(i) * K;
      const T* b0 = B + std::ptrdiff_t(j) * K;
      for (int k = 0; k < full_k; k += L) {
        V a[RI], b[RJ];
        for (int r = 0; r < RI; ++r) a[r] = load<T>(a0 + std::ptrdiff_t(r) * K + k);
        for (int q = 0; q < RJ; ++q) b[q] = load<T>(b0 + std::ptrdiff_t(q) * K + k);
        for (int r = 0; r < RI; ++r)
          for (int q = 0; q < RJ; ++q) c[r][q] += a[r] * b[q];
      }
      for (int r = 0; r < RI; ++r)
        for (int q = 0; q < RJ; ++q) {
          T s = lane_sum<T>(c[r][q]);
          for (int k = full_k; k < K; ++k)
            s += a0[std::ptrdiff_t(r) * K + k] * b0[std::ptrdiff_t(q) * K + k];
          put(i + r, j + q, s);
        }
    }
  }
  for (int i = 0; i < M; ++i)
    for (int j = (i < full_rows ? full_cols : 0); j < N; ++j)
      put(i, j, dot(A + std::ptrdiff_t(i) * K, B + std::ptrdiff_t(j) * K, K));
}

template void gemm_nn<float>(int, int, int, const float*, const float*, float*, bool);
template void gemm_nn<double>(int, int, int, const double*, const double*, double*, bool);
template void gemm_tn<float>(int, int, int, const float*, const float*, float*, bool);
template void gemm_tn<double>(int, int, int, const double*, const double*, double*, bool);
template void gemm_nt<float>(int, int, int, const float*, const float*, float*, bool);
template void gemm_nt<double>(int, int, int, const double*, const double*, double*, bool);

}  // namespace nnplay::image
