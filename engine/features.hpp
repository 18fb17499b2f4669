// The seven input features of the reference, in its fixed order.
#pragma once
#include <array>
#include <cmath>
#include <string>

namespace nnplay {

constexpr int kFeatureCount = 7;
// Order matters: it is the order of the network's inputs and of "w" in params.
inline const std::array<const char*, kFeatureCount> kFeatureNames = {
    "x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY"};

inline double feature_value(int feature, double x, double y) {
  switch (feature) {
    case 0: return x;
    case 1: return y;
    case 2: return x * x;
    case 3: return y * y;
    case 4: return x * y;
    case 5: return std::sin(x);
    default: return std::sin(y);
  }
}

}  // namespace nnplay
