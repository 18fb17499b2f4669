// Losses: how far one example's outputs are from its targets (the value, averaged into the
// reported loss) and the loss's derivative with respect to each output (what backprop starts
// from). The 2-D playground trains the reference's half squared error; everything that computes
// a loss or its derivative calls these, so that a second loss is one more struct here.
#pragma once
#include <cstddef>

namespace nnplay {

// The reference's loss: 0.5 (out - target)^2 per output, summed over an example's outputs (the
// 2-D playground has one). Its derivative is out - target, which the network carries through
// the output activation's derivative (kernels.hpp's times_derivative).
struct HalfSquaredError {
  template <typename T>
  static T value(T out, T target) {
    const T err = out - target;
    return T(0.5) * err * err;
  }
  template <typename T>
  static T derivative(T out, T target) {
    return out - target;
  }
};

// Where cross-entropy over K outputs goes: a struct beside this one with the same members, its
// value -sum_k target_k log(p_k) over a softmax p of the K output sums. Softmax couples the K
// outputs, so it is not an activation of one node: the loss takes the output layer's input sums
// and its derivative is p_k - target_k with respect to those sums directly, so the network's
// backward pass (network.cpp, backward_w) would skip times_derivative for the output layer when
// the loss says it has done that part. The accuracy test (session.cpp) then becomes "the largest
// output is the target's class".
using Loss = HalfSquaredError;

}  // namespace nnplay
