// The image model file, kind "cnn" (docs/MODELS.md, "Image models"): a trained network with its
// spec, its data set's classes, the preprocessing its inputs need, the float32 weights and
// optimizer state as base64, and the training position, so that N epochs, export, load and M
// epochs give the weights of N + M epochs straight through, bit for bit. Reading refuses a
// file with the field path of what is wrong, as the training spec's reader does.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "image_data.hpp"
#include "image_trainer.hpp"
#include "json_checks.hpp"
#include "preprocess.hpp"
#include "train_spec.hpp"

namespace nnplay::image {

constexpr int kImageModelVersion = 1;

// How a picture is made into the network's 28x28 input (preprocess.hpp): digits models read
// drawings (prepare_drawing), clothing models pictures (prepare_picture).
enum class Preparation { Drawing, Picture };
Preparation preparation_for(const std::string& data);
const char* preparation_name(Preparation p);

struct ModelMetrics {
  std::optional<double> test_accuracy, test_loss, train_accuracy;
  std::optional<long long> test_count;
};

// What the trainer does not know and the file keeps.
struct ModelInfo {
  std::vector<std::string> classes;  // the data set's class names
  std::size_t train_count = 0;       // the images it trains on
  bool optimizer_state = true;       // false: the file leaves optimizer.state out (smaller)
  ModelMetrics metrics;
  std::string command;  // provenance.command (left out when empty)
  std::string time;     // provenance.time (left out when empty)
};

// In the order docs/MODELS.md lists the fields.
nlohmann::ordered_json image_model_json(const ImageTrainer& trainer, const ModelInfo& info);
std::string export_image_model(const ImageTrainer& trainer, const ModelInfo& info);

struct ImageModel {
  TrainSpec spec;
  int side = 28;
  Preparation preparation = Preparation::Drawing;
  ModelInfo info;
  std::vector<float> params;
  long long step = 0;
  std::vector<std::vector<float>> state;  // empty when the file has no optimizer.state
  TrainingPosition position;
};

struct ImageModelResult {
  ImageModel model;
  std::vector<ConfigIssue> errors;
  bool ok() const { return errors.empty(); }
};

ImageModelResult read_image_model(const std::string& text);
ImageModelResult read_image_model(const nlohmann::json& j);

// An image set with the model's image size and class names and no images: enough for an
// ImageTrainer to evaluate and predict with (it cannot train on it).
ImageSet model_shape_set(const ImageModel& model);

// Puts a read model into a trainer built from model.spec: its weights, optimizer state (cleared
// when the file has none) and, when the trainer has training images, its position. The issue
// when the trainer's set is not the model's (classes, image count).
std::optional<ConfigIssue> apply_image_model(const ImageModel& model, ImageTrainer& trainer);

}  // namespace nnplay::image
