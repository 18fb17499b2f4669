// tanh over arrays, fast and accurate: tanh(x) = e / (e + 2) with e = expm1(2|x|), the sign
// put back. expm1(y) = 2^k expm1(r) + (2^k - 1) with y = k ln2 + r, |r| <= ln2/2, and expm1(r)
// by its Taylor series to degree 12, evaluated by Estrin's scheme (a short dependency chain).
// There is no branch, so it is written once with GCC/Clang vector extensions: four doubles
// per step, which become two wasm SIMD (or SSE2) registers worked on side by side; without
// SIMD the compiler makes scalar code of it. Relative error against libm below 1e-14 in double
// (tested); the float version (display grids only) to float precision. NaN stays NaN.
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

namespace nnplay {

namespace fastmath {

using v4d = double __attribute__((vector_size(32)));
using v4l = std::int64_t __attribute__((vector_size(32)));
using v8f = float __attribute__((vector_size(32)));
using v8i = std::int32_t __attribute__((vector_size(32)));

// Bit patterns for double (int64 lanes) and float (int32 lanes).
template <typename S> struct Bits;
template <> struct Bits<double> {
  using Int = std::int64_t;
  static constexpr Int sign = std::numeric_limits<Int>::min(), low = 0xFFFF, bias = 1023;
  static constexpr int mant = 52;
};
template <> struct Bits<float> {
  using Int = std::int32_t;
  static constexpr Int sign = std::numeric_limits<Int>::min(), low = 0xFF, bias = 127;
  static constexpr int mant = 23;
};

// V is a vector of doubles or floats, I the integer vector of the same layout; x is replaced
// by tanh(x) (by reference: wide vectors by value change the native ABI).
template <typename V, typename I, typename S>
inline void tanh_vec(V& x) {
  constexpr bool is_double = sizeof(S) == 8;
  using B = Bits<S>;
  // Past the clamp tanh is 1 to the type's precision.
  const S clamp = is_double ? S(20) : S(9);
  const S log2e = S(1.4426950408889634);
  // ln 2 split so that k * hi is exact; 1.5 * 2^(mantissa bits) rounds to an integer.
  const S ln2hi = is_double ? S(0.6931471803691238) : S(0.693145752f);
  const S ln2lo = is_double ? S(1.9082149292705877e-10) : S(1.42860677e-6f);
  const S round = is_double ? S(6755399441055744.0) : S(12582912.0f);
  const I sign_bit = I{} + B::sign, low_bits = I{} + B::low, bias = I{} + B::bias;

  V a = (V)((I)x & ~sign_bit);               // |x|
  a = (V)(((I)(a > clamp) & (I)(V{} + clamp)) | (~(I)(a > clamp) & (I)a));  // NaN kept
  const V y = a + a;
  const V shifted = y * log2e + round;
  const V k = shifted - round;
  const V r = (y - k * ln2hi) - k * ln2lo;
  // expm1(r) / r = sum r^n / (n+1)!, n = 0..11 (float: n = 0..6).
  V p;
  const V r2 = r * r;
  if constexpr (is_double) {
    const V r4 = r2 * r2, r8 = r4 * r4;
    const V q0 = S(1) + r * S(1.0 / 2), q1 = S(1.0 / 6) + r * S(1.0 / 24);
    const V q2 = S(1.0 / 120) + r * S(1.0 / 720), q3 = S(1.0 / 5040) + r * S(1.0 / 40320);
    const V q4 = S(1.0 / 362880) + r * S(1.0 / 3628800);
    const V q5 = S(1.0 / 39916800) + r * S(1.0 / 479001600);
    p = (q0 + q1 * r2) + (q2 + q3 * r2) * r4 + ((q4 + q5 * r2) * r8);
  } else {
    const V r4 = r2 * r2;
    const V q0 = S(1) + r * S(1.0 / 2), q1 = S(1.0 / 6) + r * S(1.0 / 24);
    const V q2 = S(1.0 / 120) + r * S(1.0 / 720), q3 = V{} + S(1.0 / 5040);
    p = (q0 + q1 * r2) + (q2 + q3 * r2) * r4;
  }
  p *= r;
  const V scale = (V)((((I)shifted & low_bits) + bias) << B::mant);  // 2^k
  const V e = scale * p + (scale - S(1));                          // expm1(y)
  const V t = e / (e + S(2));
  x = (V)((I)t | ((I)x & sign_bit));
}

template <typename V, typename I, typename S>
inline void tanh_span(const S* in, S* out, std::size_t n) {
  constexpr std::size_t lanes = sizeof(V) / sizeof(S);
  std::size_t i = 0;
  for (; i + lanes <= n; i += lanes) {
    V x;
    std::memcpy(&x, in + i, sizeof x);
    tanh_vec<V, I, S>(x);
    std::memcpy(out + i, &x, sizeof x);
  }
  if (i < n) {  // the tail, through one padded vector
    S buf[lanes] = {};
    for (std::size_t k = 0; k < n - i; ++k) buf[k] = in[i + k];
    V x;
    std::memcpy(&x, buf, sizeof x);
    tanh_vec<V, I, S>(x);
    std::memcpy(buf, &x, sizeof x);
    for (std::size_t k = 0; k < n - i; ++k) out[i + k] = buf[k];
  }
}

}  // namespace fastmath

// out[i] = tanh(in[i]) for i < n (in and out may be the same array).
inline void tanh_array(const double* in, double* out, std::size_t n) {
  fastmath::tanh_span<fastmath::v4d, fastmath::v4l, double>(in, out, n);
}

inline void tanh_array(const float* in, float* out, std::size_t n) {
  fastmath::tanh_span<fastmath::v8f, fastmath::v8i, float>(in, out, n);
}

inline double fast_tanh(double x) {
  double out;
  tanh_array(&x, &out, 1);
  return out;
}

}  // namespace nnplay
