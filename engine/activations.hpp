// Activation functions: the reference's four (relu, tanh, sigmoid, linear) and nnplay's own
// (leakyRelu, elu, gelu, swish, softplus, sine). `activate` is each one's definition for one
// value; kernels.hpp applies them over arrays and takes their derivatives (with the output
// where the output determines it, with the input sum for gelu, swish and sine, whose output
// does not).
#pragma once
#include <cmath>
#include <optional>
#include <string>

namespace nnplay {

enum class Activation { Relu, Tanh, Sigmoid, Linear, LeakyRelu, Elu, Gelu, Swish, Softplus, Sine };

constexpr int kActivationCount = 10;
constexpr Activation kActivations[kActivationCount] = {
    Activation::Relu,      Activation::Tanh, Activation::Sigmoid, Activation::Linear,
    Activation::LeakyRelu, Activation::Elu,  Activation::Gelu,    Activation::Swish,
    Activation::Softplus,  Activation::Sine};
// The names in that order, for messages.
constexpr const char* kActivationList =
    "relu, tanh, sigmoid, linear, leakyRelu, elu, gelu, swish, softplus, sine";

constexpr double kLeakySlope = 0.01;                    // leakyRelu's slope below 0
constexpr double kEluAlpha = 1.0;                       // elu: alpha (e^z - 1) below 0
constexpr double kSqrtHalf = 0.70710678118654752440;    // 1 / sqrt(2), gelu's erf argument
constexpr double kInvSqrt2Pi = 0.39894228040143267794;  // 1 / sqrt(2 pi), the normal density

inline const char* activation_name(Activation a) {
  switch (a) {
    case Activation::Relu: return "relu";
    case Activation::Tanh: return "tanh";
    case Activation::Sigmoid: return "sigmoid";
    case Activation::Linear: return "linear";
    case Activation::LeakyRelu: return "leakyRelu";
    case Activation::Elu: return "elu";
    case Activation::Gelu: return "gelu";
    case Activation::Swish: return "swish";
    case Activation::Softplus: return "softplus";
    case Activation::Sine: return "sine";
  }
  return "linear";
}

inline std::optional<Activation> parse_activation(const std::string& s) {
  for (Activation a : kActivations)
    if (s == activation_name(a)) return a;
  return std::nullopt;
}

// The reference's four, whose derivative the backward kernel takes itself.
constexpr bool is_reference_activation(Activation a) {
  return a == Activation::Relu || a == Activation::Tanh || a == Activation::Sigmoid ||
         a == Activation::Linear;
}

// True for the activations whose derivative cannot be written with their output (it is not a
// function of it): the network keeps their layers' input sums for the backward pass.
constexpr bool needs_input_sum(Activation a) {
  return a == Activation::Gelu || a == Activation::Swish || a == Activation::Sine;
}

// Each activation of one value (the definitions the kernels and the tests follow).
inline double activate(Activation a, double z) {
  switch (a) {
    case Activation::Relu: return z > 0 ? z : 0.0;
    case Activation::Tanh: return std::tanh(z);
    case Activation::Sigmoid: return 1.0 / (1.0 + std::exp(-z));
    case Activation::Linear: return z;
    case Activation::LeakyRelu: return z < 0 ? kLeakySlope * z : z;
    case Activation::Elu: return z > 0 ? z : kEluAlpha * std::expm1(z);
    case Activation::Gelu: return 0.5 * z * (1.0 + std::erf(z * kSqrtHalf));
    case Activation::Swish: return z / (1.0 + std::exp(-z));
    // log(1 + e^z) = max(z, 0) + log1p(e^-|z|): no overflow, no loss for large |z|.
    case Activation::Softplus: return (z > 0 ? z : 0.0) + std::log1p(std::exp(-std::fabs(z)));
    case Activation::Sine: return std::sin(z);
  }
  return z;
}

// The negative class's target for an output activation: the lowest value of its range where
// that is -1 or 0 (tanh, elu and sine: -1; sigmoid, relu, softplus: 0), 0 for those whose
// range reaches a little below 0 only (gelu's minimum is about -0.17, swish's -0.28) and for
// leakyRelu (relu's target), -1 for linear (the reference's).
inline double negative_target(Activation output) {
  switch (output) {
    case Activation::Sigmoid:
    case Activation::Relu:
    case Activation::LeakyRelu:
    case Activation::Gelu:
    case Activation::Swish:
    case Activation::Softplus: return 0.0;
    default: return -1.0;
  }
}

}  // namespace nnplay
