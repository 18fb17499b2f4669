// Activation functions as the reference defines them (their derivatives, written with the
// output, are kernels.hpp's times_derivative).
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

// The lowest value of an activation's range, used as the negative class's target:
// 0 for sigmoid and relu, -1 for tanh and linear.
inline double negative_target(Activation output) {
  return (output == Activation::Sigmoid || output == Activation::Relu) ? 0.0 : -1.0;
}

}  // namespace nnplay
