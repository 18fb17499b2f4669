// The display grid's prediction in float over the grid's own buffers; see display_grid.hpp.
#include "display_grid.hpp"

#include <algorithm>

namespace nnplay {

bool DisplayGrid::predict(const Network& net, const InputFeatures& inputs, int resolution,
                          const GridBounds& b) {
  if (resolution < 1 || resolution > kMaxGridResolution) return false;
  const std::size_t cells = std::size_t(resolution) * resolution;
  const std::size_t nodes = std::size_t(net.node_count());
  const bool same_bounds = b.x_min == bounds_.x_min && b.x_max == bounds_.x_max &&
                           b.y_min == bounds_.y_min && b.y_max == bounds_.y_max;
  if (resolution_ != resolution || grid_.size() != nodes * cells || !same_bounds) {
    // The input rows depend only on the grid and the features: computed once.
    grid_ = xt::zeros<float>({nodes * cells});
    resolution_ = resolution;
    bounds_ = b;
    for (int row = 0; row < resolution; ++row) {
      const double y = grid_axis(resolution - 1 - row, resolution, b.y_min, b.y_max);
      for (int col = 0; col < resolution; ++col) {
        const double x = grid_axis(col, resolution, b.x_min, b.x_max);
        const std::size_t cell = std::size_t(row) * resolution + col;
        for (int k = 0; k < inputs.count; ++k)
          grid_[std::size_t(k) * cells + cell] = float(inputs.value(k, x, y));
      }
    }
  }
  // Display grids in float (four per SIMD op); the weights rounded once per call.
  const auto& params = net.params();
  if (params_.size() != params.size()) params_ = xt::zeros<float>({params.size()});
  for (std::size_t k = 0; k < params.size(); ++k) params_[k] = float(params(k));
  float* grid = grid_.data();
  const std::size_t n_in = std::size_t(inputs.count);
  constexpr std::size_t kGridChunk = 256;
  for (std::size_t s = 0; s < cells; s += kGridChunk) {
    const int count = int(std::min(kGridChunk, cells - s));
    for (const LayerView& L : net.layers()) {
      const float* in = grid + (L.row == 0 ? 0 : n_in + L.row - L.n_in) * cells + s;
      float* out = grid + (n_in + L.row) * cells + s;
      forward_layer(L, params_.data(), in, cells, out, cells, count);
    }
  }
  return true;
}

const float* DisplayGrid::output(const Network& net, int k) const {
  if (grid_.size() == 0 || resolution_ == 0) return nullptr;
  const std::size_t cells = std::size_t(resolution_) * resolution_;
  const std::size_t row = std::size_t(net.node_count() - net.output_width() + k);
  return grid_.data() + row * cells;
}

}  // namespace nnplay
