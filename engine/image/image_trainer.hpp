// Training an image network (conv_net.hpp) on an image set: shuffled mini-batches, the
// augmentation of the spec (random crops, tested on the centre crop; or random shifts, tested
// unshifted), the optimizer through optimizer.hpp's update steps in float, evaluation with a
// confusion matrix, and prediction of one prepared 28x28 image with every layer's maps. The
// same spec, seed and data give the same run. The data sets are the caller's, kept alive while
// the trainer uses them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "conv_net.hpp"
#include "image_data.hpp"
#include "train_spec.hpp"

namespace nnplay::image {

struct Evaluation {
  std::size_t count = 0, correct = 0;
  double loss = 0;                       // mean cross-entropy
  std::vector<std::uint32_t> confusion;  // [true class][predicted class]
  double accuracy() const { return count ? double(correct) / double(count) : 0.0; }
};

// Where training stands, for the model file: the counters and the two streams' positions, and
// the order stream's position when the current epoch's order was drawn (the order is redrawn
// from it on restore rather than stored: 60,000 indices would outweigh the weights).
struct TrainingPosition {
  int epoch = 0;
  std::size_t cursor = 0;
  long long seen = 0;
  SeedRandom weights_rng, order_rng, order_drawn_rng;
};

struct BatchStats {
  int examples = 0;
  double loss_sum = 0;  // the batch's summed cross-entropy (before the update)
  int correct = 0;      // predicted right (before the update)
};

class ImageTrainer {
 public:
  // The network for `train`'s image size and classes. check() says why a spec does not fit
  // them (the layer and the shapes; `shapes` as ConvNet::check's); the constructor requires
  // that it does.
  static std::optional<std::string> check(const TrainSpec& spec, const ImageSet& train,
                                          std::vector<LayerShape>* shapes = nullptr);
  // The network's input for `spec` on `train`'s images (a crop's side, else the images').
  static Shape input_shape(const TrainSpec& spec, const ImageSet& train);
  ImageTrainer(const TrainSpec& spec, const ImageSet& train);

  // New weights from the seed (He), a cleared optimizer, epoch 0, the streams restarted.
  void reset();
  // Takes the training settings of `spec` (optimizer, rates, L2, batch, augmentation within
  // the same input size, epochs) and keeps the weights and the position; the optimizer's
  // state is cleared when its kind changes (the arrays differ). False, and nothing changed,
  // when `spec` is another network: other layers, data, seed or input size.
  bool retune(const TrainSpec& spec);
  // One mini-batch of the epoch's shuffled order and its update; the epoch advances when its
  // last batch is done.
  BatchStats train_batch();
  // The rest of the current epoch.
  BatchStats train_epoch();

  // The network on `set` as it is tested (centre crop, no shift); at most `limit` images
  // (0: all) from the first, balanced sets keep their balance only when all are taken.
  Evaluation evaluate(const ImageSet& set, std::size_t limit = 0);
  // One 28x28 image of floats in [0, 1] (preprocess.hpp's output): the class probabilities;
  // the layers' outputs are then net().output(l) and the input the network saw input().
  const float* predict(const float* image);
  const float* predict(const ImageSet& set, std::size_t index);

  const TrainSpec& spec() const { return spec_; }
  ConvNet& net() { return net_; }
  const ConvNet& net() const { return net_; }
  const std::vector<float>& input() const { return input_; }
  int epoch() const { return epoch_; }
  std::size_t cursor() const { return cursor_; }  // the next position in the epoch's order
  long long examples_seen() const { return seen_; }
  OptimizerState<float>& optimizer_state() { return state_; }
  std::size_t train_count() const { return order_.size(); }  // the training set's images

  TrainingPosition position() const;
  // Continues from a position (weights and optimizer state are set through net().params() and
  // optimizer_state()): the epoch's order redrawn, the streams where they were. False, and
  // nothing changed, when the cursor is past the training set.
  bool restore(const TrainingPosition& p);

 private:
  void shuffle();
  // The network's input from a side x side image of bytes or floats, at offset (ox, oy) of a
  // crop, or shifted by (dx, dy).
  template <typename P>
  void make_input(const P* image, float scale, int ox, int oy, int dx, int dy);
  template <typename P>
  void test_input(const P* image, float scale);
  void update(int examples);

  TrainSpec spec_;
  const ImageSet* train_;
  int side_;  // the images' side (28)
  ConvNet net_;
  OptimizerState<float> state_;
  std::vector<std::uint8_t> dead_;  // the optimizers' dead-link flags: none die here
  SeedRandom weights_rng_, order_rng_;
  SeedRandom order_drawn_rng_;  // order_rng_ before the current order was drawn
  std::vector<std::uint32_t> order_;
  std::vector<float> input_;
  int epoch_ = 0;
  std::size_t cursor_ = 0;
  long long seen_ = 0;
};

}  // namespace nnplay::image
