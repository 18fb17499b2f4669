// tanh over arrays, fast and accurate: tanh(x) = e / (e + 2) with e = expm1(2|x|), the sign
// put back. expm1(y) = 2^k expm1(r) + (2^k - 1) with y = k ln2 + r, |r| <= ln2/2, and expm1(r)
// by its Taylor series to degree 12, evaluated by Estrin's scheme (a short dependency chain).
// Constants: fast_math.cpp.
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

// The numbers tanh needs. They are defined in fast_math.cpp, out of the compiler's sight here,
// so that a loop loads them once into registers: as literal vector constants V8 would rebuild
// every one of them on every iteration (which made tanh several times slower).
template <typename S> struct TanhConstants {
  S clamp;  // past it tanh is 1 to the type's precision
  S log2e;
  S ln2hi, ln2lo;  // ln 2 split so that k * hi is exact
  S round;  // 1.5 * 2^(mantissa bits): adding it rounds to an integer
  S c[12];  // 1/(n+1)!, n = 0..11: expm1(r)/r = sum c[n] r^n
};
extern const TanhConstants<double> kTanhDouble;
extern const TanhConstants<float> kTanhFloat;

// The same constants splatted into vectors once per array.
template <typename V, typename I, typename S> struct TanhVectors {
  V clamp, log2e, ln2hi, ln2lo, round, one, two, c[12];
  I sign_bit, low_bits, bias;
  explicit TanhVectors(const TanhConstants<S>& k)
      : clamp(V{} + k.clamp), log2e(V{} + k.log2e), ln2hi(V{} + k.ln2hi),
        ln2lo(V{} + k.ln2lo), round(V{} + k.round), one(V{} + S(1)), two(V{} + S(2)),
        sign_bit(I{} + Bits<S>::sign), low_bits(I{} + Bits<S>::low), bias(I{} + Bits<S>::bias) {
    for (int n = 0; n < 12; ++n) c[n] = V{} + k.c[n];
  }
};

// x is replaced by tanh(x) (by reference: wide vectors by value change the native ABI).
template <typename V, typename I, typename S>
inline void tanh_vec(V& x, const TanhVectors<V, I, S>& k) {
  V a = (V)((I)x & ~k.sign_bit);  // |x|
  const I big = (I)(a > k.clamp);
  a = (V)((big & (I)k.clamp) | (~big & (I)a));  // min(|x|, clamp), NaN kept
  const V y = a + a;
  const V shifted = y * k.log2e + k.round;
  const V kk = shifted - k.round;
  const V r = (y - kk * k.ln2hi) - kk * k.ln2lo;
  // expm1(r) / r by Estrin's scheme: double to r^11, float to r^6.
  const V r2 = r * r, r4 = r2 * r2;
  V p;
  if constexpr (sizeof(S) == 8) {
    const V r8 = r4 * r4;
    const V q0 = k.c[0] + r * k.c[1], q1 = k.c[2] + r * k.c[3];
    const V q2 = k.c[4] + r * k.c[5], q3 = k.c[6] + r * k.c[7];
    const V q4 = k.c[8] + r * k.c[9], q5 = k.c[10] + r * k.c[11];
    p = (q0 + q1 * r2) + (q2 + q3 * r2) * r4 + ((q4 + q5 * r2) * r8);
  } else {
    const V q0 = k.c[0] + r * k.c[1], q1 = k.c[2] + r * k.c[3];
    const V q2 = k.c[4] + r * k.c[5];
    p = (q0 + q1 * r2) + (q2 + k.c[6] * r2) * r4;
  }
  p *= r;
  const V scale = (V)((((I)shifted & k.low_bits) + k.bias) << Bits<S>::mant);  // 2^k
  const V e = scale * p + (scale - k.one);                                        // expm1(y)
  const V t = e / (e + k.two);
  x = (V)((I)t | ((I)x & k.sign_bit));
}

template <typename V, typename I, typename S>
inline void tanh_span(const S* in, S* out, std::size_t n, const TanhConstants<S>& constants) {
  constexpr std::size_t lanes = sizeof(V) / sizeof(S);
  const TanhVectors<V, I, S> k(constants);
  std::size_t i = 0;
  for (; i + lanes <= n; i += lanes) {
    V x;
    std::memcpy(&x, in + i, sizeof x);
    tanh_vec<V, I, S>(x, k);
    std::memcpy(out + i, &x, sizeof x);
  }
  if (i < n) {  // the tail, through one padded vector
    S buf[lanes] = {};
    for (std::size_t j = 0; j < n - i; ++j) buf[j] = in[i + j];
    V x;
    std::memcpy(&x, buf, sizeof x);
    tanh_vec<V, I, S>(x, k);
    std::memcpy(buf, &x, sizeof x);
    for (std::size_t j = 0; j < n - i; ++j) out[i + j] = buf[j];
  }
}

}  // namespace fastmath

// out[i] = tanh(in[i]) for i < n (in and out may be the same array).
inline void tanh_array(const double* in, double* out, std::size_t n) {
  fastmath::tanh_span<fastmath::v4d, fastmath::v4l, double>(in, out, n, fastmath::kTanhDouble);
}

inline void tanh_array(const float* in, float* out, std::size_t n) {
  fastmath::tanh_span<fastmath::v8f, fastmath::v8i, float>(in, out, n, fastmath::kTanhFloat);
}

inline double fast_tanh(double x) {
  double out;
  tanh_array(&x, &out, 1);
  return out;
}

}  // namespace nnplay
