// The seven input features of the reference, in its fixed order: the one table every list of
// features derives from (config keys, input names, the binding's featureNames()).
#pragma once
#include <array>
#include <cmath>

namespace nnplay {

struct Feature {
  const char* key;  // the config key and the input's name
  double (*value)(double x, double y);
};

// Order matters: it is the order of the network's inputs and of "w" in params.
inline constexpr std::array<Feature, 7> kFeatures = {{
    {"x", [](double x, double) { return x; }},
    {"y", [](double, double y) { return y; }},
    {"xSquared", [](double x, double) { return x * x; }},
    {"ySquared", [](double, double y) { return y * y; }},
    {"xTimesY", [](double x, double y) { return x * y; }},
    {"sinX", [](double x, double) { return std::sin(x); }},
    {"sinY", [](double, double y) { return std::sin(y); }},
}};
constexpr int kFeatureCount = int(kFeatures.size());

// The enabled features in table order: the network's inputs.
struct InputFeatures {
  int count = 0;
  std::array<int, kFeatureCount> index{};  // table index of input k

  InputFeatures() = default;
  explicit InputFeatures(const std::array<bool, kFeatureCount>& enabled) {
    for (int f = 0; f < kFeatureCount; ++f)
      if (enabled[f]) index[count++] = f;
  }
  double value(int input, double x, double y) const { return kFeatures[index[input]].value(x, y); }
  const char* name(int input) const { return kFeatures[index[input]].key; }
};

}  // namespace nnplay
