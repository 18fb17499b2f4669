// Activation functions and their derivatives, as the reference defines them.
#pragma once
#include <cmath>
#include <optional>
#include <string>

namespace nnplay {

enum class Activation { Relu, Tanh, Sigmoid, Linear };

inline const char* activation_name(Activation a) {
  switch (a) {
    case Activation::Relu: return "relu";
    case Activation::Tanh: return "tanh";
    case Activation::Sigmoid: return "sigmoid";
    default: return "linear";
  }
}

inline std::optional<Activation> parse_activation(const std::string& s) {
  if (s == "relu") return Activation::Relu;
  if (s == "tanh") return Activation::Tanh;
  if (s == "sigmoid") return Activation::Sigmoid;
  if (s == "linear") return Activation::Linear;
  return std::nullopt;
}

inline double activate(Activation a, double z) {
  switch (a) {
    case Activation::Relu: return z > 0 ? z : 0.0;
    case Activation::Tanh: return std::tanh(z);
    case Activation::Sigmoid: return 1.0 / (1.0 + std::exp(-z));
    default: return z;
  }
}

// Derivative at input z, given the output out = activate(a, z) (kept from the forward pass).
inline double activation_derivative(Activation a, double z, double out) {
  switch (a) {
    case Activation::Relu: return z <= 0 ? 0.0 : 1.0;
    case Activation::Tanh: return 1 - out * out;
    case Activation::Sigmoid: return out * (1 - out);
    default: return 1.0;
  }
}

// The lowest value of an activation's range, used as the negative class's target:
// 0 for sigmoid and relu, -1 for tanh and linear.
inline double negative_target(Activation output) {
  return (output == Activation::Sigmoid || output == Activation::Relu) ? 0.0 : -1.0;
}

}  // namespace nnplay
