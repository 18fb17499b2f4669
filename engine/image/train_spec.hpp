// An image network's training spec (README "Image networks"): the data set, the layers, the
// optimizer, the batch, the epochs, the seed and the augmentation, read from JSON with every
// problem named by its field ("layers[2].size: must be from 1 to 15, got 40"), and written
// back (the model file keeps it).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "conv_net.hpp"
#include "json_checks.hpp"
#include "optimizer.hpp"

namespace nnplay::image {

enum class Augment { None, Crop, Shift };

struct TrainSpec {
  std::string data = "digits";  // "digits" or "fashion" (data_sets.hpp)
  std::vector<LayerSpec> layers;
  AdaptiveSettings<float> optimizer;  // kind Sgd goes through sgd_update
  float l2 = 0.0f;                    // L2 weight decay on the weights (added to the gradient)
  int batch = 20;
  int epochs = 10;
  std::string seed = "nnplay";
  Augment augment = Augment::Crop;
  int crop = 24;  // Crop: the network sees crop x crop windows of the 28x28 images
  int shift = 2;  // Shift: random shifts of up to this many pixels

  // The side of the network's input for images of `side` pixels.
  int input_side(int side) const { return augment == Augment::Crop ? crop : side; }
};

// The ConvNetJS MNIST demo's network and trainer (also the default spec's layers): 24x24
// crops; conv 5x5 8 relu; pool 2; conv 5x5 16 relu; pool 3; softmax; momentum 0.9, rate 0.01,
// L2 0.001, batch 20.
TrainSpec convnetjs_spec();

struct TrainSpecResult {
  TrainSpec spec;
  std::vector<ConfigIssue> errors;
  bool ok() const { return errors.empty(); }
};

TrainSpecResult parse_train_spec(const std::string& text);
TrainSpecResult read_train_spec(const nlohmann::json& j);
nlohmann::json train_spec_json(const TrainSpec& spec);

}  // namespace nnplay::image
