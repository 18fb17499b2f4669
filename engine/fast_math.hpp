// tanh over arrays, fast and accurate: tanh(x) = e / (e + 2) with e = expm1(2x), x first
// clamped to where tanh is +-1 to the type's precision. expm1(y) = 2^k expm1(r) + (2^k - 1)
// with y = k ln2 + r, |r| <= ln2/2, and expm1(r)/r by a polynomial evaluated by Estrin's scheme
// (a short dependency chain): in double a Chebyshev fit of degree 9 (relative error 1.6e-15),
// in float the Taylor series to degree 6. Negative x needs no special case: e is then in
// (-1, 0] and the quotient keeps its relative accuracy. Constants: fast_math.cpp.
// There is no branch, so it is written once with GCC/Clang vector extensions: four doubles
// per step, which become two wasm SIMD (or SSE2) registers worked on side by side; without
// SIMD the compiler makes scalar code of it. Relative error against libm below 1e-14 in double
// (tested); the float version (display grids only) to float precision. NaN stays NaN, -0 -0.
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace nnplay {

namespace fastmath {

using v4d = double __attribute__((vector_size(32)));
using v4l = std::int64_t __attribute__((vector_size(32)));
using v8f = float __attribute__((vector_size(32)));
using v8i = std::int32_t __attribute__((vector_size(32)));

// Mantissa bits (the exponent field's shift) for double (int64 lanes) and float (int32 lanes).
template <typename S>
struct Bits;
template <>
struct Bits<double> {
  static constexpr int mant = 52;
};
template <>
struct Bits<float> {
  static constexpr int mant = 23;
};

// The numbers tanh needs. They are defined in fast_math.cpp, out of the compiler's sight here,
// so that a loop loads them once into registers: as literal vector constants V8 would rebuild
// every one of them on every iteration (which made tanh several times slower).
template <typename S>
struct TanhConstants {
  S clamp;  // past it tanh is 1 to the type's precision
  S log2e;
  S ln2;    // one double: k * its rounding error stays below 1.4e-15 for |k| <= 58
  S round;  // 1.5 * 2^(mantissa bits): adding it rounds to an integer
  S one, two;
  S c[10];  // expm1(r)/r = sum c[n] r^n (float: n <= 6)
};
extern const TanhConstants<double> kTanhDouble;
extern const TanhConstants<float> kTanhFloat;

// The same constants splatted into vectors once per array.
template <typename V, typename I, typename S>
struct TanhVectors {
  V clamp, low, log2e, ln2, round, one, two, c[10];
  explicit TanhVectors(const TanhConstants<S>& k)
      : clamp(V{} + k.clamp),
        low(V{} - k.clamp),
        log2e(V{} + k.log2e),
        ln2(V{} + k.ln2),
        round(V{} + k.round),
        one(V{} + k.one),
        two(V{} + k.two) {
    for (int n = 0; n < 10; ++n) c[n] = V{} + k.c[n];
  }
};

// x is replaced by tanh(x) (by reference: wide vectors by value change the native ABI).
template <typename V, typename I, typename S>
inline void tanh_vec(V& x, const TanhVectors<V, I, S>& k) {
  // Clamp to [-clamp, clamp]; NaN stays. Clang makes one pmin and one pmax of the selects in
  // wasm; GCC lowers a ?: on vectors wider than its registers lane by lane (2.5x slower
  // tanh), so it gets the same select as masks.
#if defined(__clang__)
  V c = k.clamp < x ? k.clamp : x;
  c = c < k.low ? k.low : c;
#else
  const I above = (I)(k.clamp < x), below = (I)(x < k.low);
  const V c = (V)((above & (I)k.clamp) | (below & (I)k.low) | (~(above | below) & (I)x));
#endif
  const V y = c + c;
  const V shifted = y * k.log2e + k.round;
  const V kk = shifted - k.round;
  const V r = y - kk * k.ln2;
  // expm1(r) / r by Estrin's scheme: double to r^9, float to r^6.
  const V r2 = r * r, r4 = r2 * r2;
  V p;
  if constexpr (sizeof(S) == 8) {
    const V q0 = k.c[0] + r * k.c[1], q1 = k.c[2] + r * k.c[3];
    const V q2 = k.c[4] + r * k.c[5], q3 = k.c[6] + r * k.c[7];
    const V q4 = k.c[8] + r * k.c[9];
    p = (q0 + q1 * r2) + ((q2 + q3 * r2) + q4 * r4) * r4;
  } else {
    const V q0 = k.c[0] + r * k.c[1], q1 = k.c[2] + r * k.c[3];
    const V q2 = k.c[4] + r * k.c[5];
    p = (q0 + q1 * r2) + (q2 + k.c[6] * r2) * r4;
  }
  // 2^k: k's bits shifted into the exponent field, plus the bias, which is 1.0's bit pattern
  // (taken from k.one: a literal vector constant would be rebuilt on every iteration).
  const V scale = (V)(((I)shifted << Bits<S>::mant) + (I)k.one);
  // expm1(y), as a difference so that y = -0 gives -0 (and tanh(-0) = -0).
  const V e = scale * (p * r) - (k.one - scale);
  x = e / (e + k.two);
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
