// What the fuzz targets share: the cap on the work one input may ask of a Session, so that
// a valid but heavy config (16 layers of 64 neurons over 100,000 points) cannot make one run
// take seconds and hide the inputs that matter behind libFuzzer's timeout.
#pragma once
#include <cstddef>

#include "config.hpp"

namespace nnplay_fuzz {

// Multiply-adds of one pass over the data (weights times points), at most.
constexpr double kMaxPassWork = 2e5;

inline double pass_work(const nnplay::Config& c) {
  const std::vector<int> sizes = c.layer_sizes();
  double weights = 0;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) weights += double(sizes[l]) * sizes[l + 1];
  const double points = c.points ? double(c.points->train.size() + c.points->test.size())
                                 : double(nnplay::kRegressSamples);
  return weights * points;
}

inline bool cheap(const nnplay::Config& c) { return pass_work(c) <= kMaxPassWork; }

}  // namespace nnplay_fuzz
