// The image trainer of image_trainer.hpp.
#include "image_trainer.hpp"

#include <algorithm>

namespace nnplay::image {

namespace {

int class_count(const ImageSet& set) {
  int top = 0;
  for (std::uint8_t l : set.labels) top = std::max(top, int(l) + 1);
  return std::max(top, int(set.class_names.size()));
}

bool same_layer(const LayerSpec& a, const LayerSpec& b) {
  return a.kind == b.kind && a.size == b.size && a.stride == b.stride && a.filters == b.filters &&
         a.same == b.same && a.activation == b.activation;
}

}  // namespace

Shape ImageTrainer::input_shape(const TrainSpec& spec, const ImageSet& set) {
  const int side = spec.input_side(int(set.rows));
  return Shape{1, side, side};
}

std::optional<std::string> ImageTrainer::check(const TrainSpec& spec, const ImageSet& train,
                                               std::vector<LayerShape>* shapes) {
  if (shapes) shapes->clear();
  if (train.count() == 0) return std::string("the training set is empty");
  if (train.rows != train.cols) return std::string("the images are not square");
  if (spec.augment == Augment::Crop && spec.crop > int(train.rows))
    return "crop: " + std::to_string(spec.crop) + " is larger than the " +
           std::to_string(train.rows) + "x" + std::to_string(train.cols) + " images";
  return ConvNet::check(input_shape(spec, train), class_count(train), spec.layers, shapes);
}

ImageTrainer::ImageTrainer(const TrainSpec& spec, const ImageSet& train)
    : spec_(spec),
      train_(&train),
      side_(int(train.rows)),
      net_(input_shape(spec, train), class_count(train), spec.layers) {
  dead_.assign(net_.params().size(), 0);
  const int arrays = state_array_count(spec_.optimizer.kind);
  state_.per_param.assign(std::size_t(arrays), std::vector<float>(net_.params().size(), 0.0f));
  order_.resize(train.count());
  input_.assign(std::size_t(net_.input().size()), 0.0f);
  reset();
}

void ImageTrainer::reset() {
  weights_rng_.seed(spec_.seed);
  order_rng_.seed(spec_.seed + "/order");
  net_.init_he(weights_rng_);
  for (auto& a : state_.per_param) std::fill(a.begin(), a.end(), 0.0f);
  state_.steps = 0;
  epoch_ = 0;
  cursor_ = 0;
  seen_ = 0;
  shuffle();
}

bool ImageTrainer::retune(const TrainSpec& spec) {
  if (spec.data != spec_.data || spec.seed != spec_.seed ||
      spec.input_side(side_) != spec_.input_side(side_) ||
      spec.layers.size() != spec_.layers.size())
    return false;
  for (std::size_t i = 0; i < spec.layers.size(); ++i)
    if (!same_layer(spec.layers[i], spec_.layers[i])) return false;
  if (spec.optimizer.kind != spec_.optimizer.kind) {
    const int arrays = state_array_count(spec.optimizer.kind);
    state_.per_param.assign(std::size_t(arrays), std::vector<float>(net_.params().size(), 0.0f));
    state_.steps = 0;
    state_.powers = BetaPowers<float>{};
  }
  spec_ = spec;
  return true;
}

void ImageTrainer::shuffle() {  // Fisher-Yates from the order stream
  order_drawn_rng_ = order_rng_;
  for (std::uint32_t i = 0; i < order_.size(); ++i) order_[i] = i;
  for (std::size_t i = order_.size(); i > 1; --i) {
    const std::size_t j = std::size_t(order_rng_.next() * double(i));
    std::swap(order_[i - 1], order_[j]);
  }
}

TrainingPosition ImageTrainer::position() const {
  return TrainingPosition{epoch_, cursor_, seen_, weights_rng_, order_rng_, order_drawn_rng_};
}

bool ImageTrainer::restore(const TrainingPosition& p) {
  if (p.cursor >= order_.size() && !(p.cursor == 0 && order_.empty())) return false;
  order_rng_ = p.order_drawn_rng;
  shuffle();  // the epoch's order as it was drawn
  order_rng_ = p.order_rng;
  weights_rng_ = p.weights_rng;
  epoch_ = p.epoch;
  cursor_ = p.cursor;
  seen_ = p.seen;
  state_.powers = BetaPowers<float>{};  // recomputed from the step count at the next update
  return true;
}

template <typename P>
void ImageTrainer::make_input(const P* image, float scale, int ox, int oy, int dx, int dy) {
  const Shape s = net_.input();
  for (int y = 0; y < s.h; ++y)
    for (int x = 0; x < s.w; ++x) {
      const int sy = y + oy - dy, sx = x + ox - dx;
      input_[std::size_t(y * s.w + x)] = sy >= 0 && sy < side_ && sx >= 0 && sx < side_
                                             ? float(image[sy * side_ + sx]) * scale
                                             : 0.0f;
    }
}

template <typename P>
void ImageTrainer::test_input(const P* image, float scale) {
  const int centre = spec_.augment == Augment::Crop ? (side_ - spec_.crop) / 2 : 0;
  make_input(image, scale, centre, centre, 0, 0);
}

void ImageTrainer::update(int examples) {
  float* p = net_.params().data();
  const float* g = net_.grads().data();
  if (spec_.optimizer.kind == OptimizerKind::Sgd) {
    SgdSettings<float> s{spec_.optimizer.learning_rate, spec_.l2,
                         spec_.l2 > 0 ? Regularization::L2 : Regularization::None};
    sgd_update(p, g, dead_.data(), net_.ranges(), examples, s, false);
  } else {
    adaptive_update(p, g, dead_.data(), net_.ranges(), examples, spec_.optimizer, state_, false);
  }
  net_.clear_gradients();
}

BatchStats ImageTrainer::train_batch() {
  BatchStats b;
  const std::size_t n = order_.size();
  const std::size_t end = std::min(n, cursor_ + std::size_t(spec_.batch));
  const int free = side_ - spec_.crop;
  for (; cursor_ < end; ++cursor_) {
    const std::size_t i = order_[cursor_];
    int ox = 0, oy = 0, dx = 0, dy = 0;
    switch (spec_.augment) {
      case Augment::Crop:
        ox = int(order_rng_.next() * (free + 1));
        oy = int(order_rng_.next() * (free + 1));
        break;
      case Augment::Shift:
        dx = int(order_rng_.next() * (2 * spec_.shift + 1)) - spec_.shift;
        dy = int(order_rng_.next() * (2 * spec_.shift + 1)) - spec_.shift;
        break;
      case Augment::None: break;
    }
    make_input(train_->image(i), 1.0f / 255.0f, ox, oy, dx, dy);
    const float* probs = net_.forward(input_.data());
    const int label = train_->labels[i];
    b.correct += int(std::max_element(probs, probs + net_.classes()) - probs) == label;
    b.loss_sum += net_.backward(label);
    ++b.examples;
  }
  if (b.examples) update(b.examples);
  seen_ += b.examples;
  if (cursor_ >= n) {
    ++epoch_;
    cursor_ = 0;
    shuffle();
  }
  return b;
}

BatchStats ImageTrainer::train_epoch() {
  BatchStats all;
  const int start = epoch_;
  while (epoch_ == start) {
    const BatchStats b = train_batch();
    all.examples += b.examples;
    all.loss_sum += b.loss_sum;
    all.correct += b.correct;
  }
  return all;
}

Evaluation ImageTrainer::evaluate(const ImageSet& set, std::size_t limit) {
  Evaluation e;
  const int k = net_.classes();
  e.confusion.assign(std::size_t(k) * std::size_t(k), 0);
  const std::size_t n = limit ? std::min(limit, set.count()) : set.count();
  for (std::size_t i = 0; i < n; ++i) {
    const float* probs = predict(set, i);
    const int label = set.labels[i];
    const int guess = int(std::max_element(probs, probs + k) - probs);
    if (label < k) {
      ++e.confusion[std::size_t(label) * std::size_t(k) + std::size_t(guess)];
      e.loss -= std::log(std::max(double(probs[label]), 1e-30));
    }
    e.correct += guess == label;
    ++e.count;
  }
  if (e.count) e.loss /= double(e.count);
  return e;
}

const float* ImageTrainer::predict(const float* image) {
  test_input(image, 1.0f);
  return net_.forward(input_.data());
}

const float* ImageTrainer::predict(const ImageSet& set, std::size_t index) {
  test_input(set.image(index), 1.0f / 255.0f);
  return net_.forward(input_.data());
}

}  // namespace nnplay::image
