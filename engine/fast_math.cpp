// The constants of fast_math.hpp's tanh, defined here so that the kernels load them once
// instead of rebuilding vector constants in every loop iteration (see TanhConstants).
#include "fast_math.hpp"

namespace nnplay::fastmath {

const TanhConstants<double> kTanhDouble = {
    20.0,
    1.4426950408889634,
    0.6931471803691238,
    1.9082149292705877e-10,
    6755399441055744.0,
    {1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320,
     1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600},
};

const TanhConstants<float> kTanhFloat = {
    9.0f,
    1.44269504f,
    0.693145752f,
    1.42860677e-6f,
    12582912.0f,
    {1.0f, 1.0f / 2, 1.0f / 6, 1.0f / 24, 1.0f / 120, 1.0f / 720, 1.0f / 5040, 0, 0, 0, 0, 0},
};

}  // namespace nnplay::fastmath
