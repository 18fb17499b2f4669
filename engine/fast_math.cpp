// The constants of fast_math.hpp's tanh, defined here so that the kernels load them once
// instead of rebuilding vector constants in every loop iteration (see TanhConstants).
#include "fast_math.hpp"

namespace nnplay::fastmath {

// expm1(r)/r on |r| <= 0.35: a Chebyshev fit of degree 9 (mpmath chebyfit, 40 digits, then
// rounded to double); relative error 1.6e-15 over the interval.
const TanhConstants<double> kTanhDouble = {
    20.0,
    1.4426950408889634,
    0.6931471805599453,
    6755399441055744.0,
    1.0,
    2.0,
    {1.0000000000000013, 0.5000000000000001, 0.16666666666611468, 0.04166666666662068,
     0.008333333369378955, 0.0013888888918918907, 0.00019841187466288426, 2.4801518672268355e-05,
     2.7634139283408713e-06, 2.7621324269313687e-07},
};

// Float: the Taylor series, 1/(n+1)!, to degree 6.
const TanhConstants<float> kTanhFloat = {
    9.0f,
    1.44269504f,
    0.693147181f,
    12582912.0f,
    1.0f,
    2.0f,
    {1.0f, 1.0f / 2, 1.0f / 6, 1.0f / 24, 1.0f / 120, 1.0f / 720, 1.0f / 5040, 0, 0, 0},
};

}  // namespace nnplay::fastmath
