// One image training session as the wasm binding (bindings/images/) holds it: the training and
// test sets it owns, the spec it was configured with and the trainer over them. It only keeps
// these consistent (the trainer points into the sets, so new data rebuild it; a refused spec
// keeps the old trainer); the training itself is ImageTrainer's.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "image_data.hpp"
#include "image_trainer.hpp"
#include "json_checks.hpp"
#include "train_spec.hpp"

namespace nnplay::image {

class ImageSession {
 public:
  // Two NNPI files (image_data.hpp). Errors name the file ("train.header.count",
  // "test.pixels", or "test" when the test images' size differs from the training images');
  // on an error nothing changes. A configured spec is rebuilt on the new data (new weights from
  // its seed); if it no longer fits them, the session is left unconfigured.
  std::optional<ImageDataError> load_data(const std::uint8_t* train, std::size_t train_size,
                                          const std::uint8_t* test, std::size_t test_size);

  // A spec's JSON text (train_spec.hpp), checked against the loaded training set: a network
  // that does not fit names its layer ("layers[3]"). On errors the old trainer is kept.
  std::vector<ConfigIssue> configure(const std::string& text);

  // The training settings of a spec's JSON text for the configured network, keeping its
  // weights where the network stays the same (ImageTrainer::retune); another network (other
  // layers, seed, data or input size) is built from its seed as configure() does. `kept` says
  // which. On errors nothing changes.
  std::vector<ConfigIssue> update_settings(const std::string& text, bool& kept);

  // What configure(text) would build, without building it or changing anything: the errors,
  // the input and every layer sized up to the first that does not fit (the page's live check
  // of an edited network).
  struct SpecCheck {
    std::vector<ConfigIssue> errors;
    Shape input;
    std::vector<LayerShape> layers;
    long long params = 0;  // the layers'
  };
  SpecCheck check(const std::string& text) const;

  // A model file (image_model.hpp, kind cnn) for the loaded data: its spec, weights and, when
  // it was trained on this very training set, its optimizer state and position; on another set
  // of the same classes (the page's clothing subset under a network trained on all 60,000) the
  // weights, from epoch 0. On errors (the file's, or classes that differ) the old trainer is
  // kept.
  std::vector<ConfigIssue> load_model(const std::string& text);

  bool has_data() const { return train_.count() > 0; }
  bool configured() const { return trainer_ != nullptr; }
  ImageTrainer* trainer() { return trainer_.get(); }
  const TrainSpec& spec() const { return spec_; }
  const ImageSet& train_set() const { return train_; }
  const ImageSet& test_set() const { return test_; }

 private:
  ImageSet train_, test_;
  TrainSpec spec_;
  std::unique_ptr<ImageTrainer> trainer_;
};

// The field of one of ConvNet::check's or ImageTrainer::check's messages: "layers[3]" for
// "layers[3], pool 3: ...", "crop" for "crop: ...", "layers" for "layers: ...", else "data"
// (an empty set, images that are not square, fewer than 2 classes).
std::string check_field(const std::string& message);

}  // namespace nnplay::image
