// The display grid: every node's output over an R x R grid of the plane, in float, for the
// page's heatmaps (the output's and every neuron's small map). It owns its buffers and the
// input rows of the grid (computed once per resolution, bounds and features), and reads the
// network's weights at each call.
#pragma once
#include <cstddef>
#include <xtensor/xtensor.hpp>

#include "features.hpp"
#include "network.hpp"

namespace nnplay {

struct GridBounds {
  double x_min = -6, x_max = 6, y_min = -6, y_max = 6;
};

constexpr int kMaxGridResolution = 512;

// The reference's grid coordinate (a d3 linear scale): index i of n onto [lo, hi].
inline double grid_axis(int i, int n, double lo, double hi) {
  const double t = n > 1 ? double(i) / double(n - 1) : 0.0;
  return lo * (1 - t) + hi * t;
}

class DisplayGrid {
 public:
  // Every node's output over a resolution x resolution grid, image order (row 0 at y_max,
  // column 0 at x_min), node by node (inputs, hidden layers, outputs). The buffers are
  // reallocated only when the resolution, the bounds or the node count change. false (nothing
  // changed) for a resolution outside 1..kMaxGridResolution.
  bool predict(const Network& net, const InputFeatures& inputs, int resolution,
               const GridBounds& bounds);
  // Forgets the input rows (the features may have changed): the next predict rebuilds them.
  void invalidate() { resolution_ = 0; }

  int resolution() const { return resolution_; }
  const float* nodes() const { return grid_.data(); }
  std::size_t nodes_size() const { return grid_.size(); }
  // Output k's map (k < the network's output width), nullptr before the first predict.
  const float* output(const Network& net, int k = 0) const;

 private:
  xt::xtensor<float, 1> grid_;    // every node's map, node by node
  xt::xtensor<float, 1> params_;  // the weights in float
  GridBounds bounds_;
  int resolution_ = 0;
};

}  // namespace nnplay
