// The image session of image_session.hpp.
#include "image_session.hpp"

#include <utility>

#include "image_model.hpp"

namespace nnplay::image {

std::string check_field(const std::string& message) {
  if (message.rfind("layers[", 0) == 0) {
    const std::size_t close = message.find(']');
    if (close != std::string::npos) return message.substr(0, close + 1);
  }
  for (const char* key : {"layers", "crop"}) {
    const std::string prefix = std::string(key) + ":";
    if (message.rfind(prefix, 0) == 0) return key;
  }
  return "data";
}

std::optional<ImageDataError> ImageSession::load_data(const std::uint8_t* train,
                                                      std::size_t train_size,
                                                      const std::uint8_t* test,
                                                      std::size_t test_size) {
  ImageSetResult tr = read_nnpi(train, train_size);
  if (!tr.ok()) return ImageDataError{"train." + tr.error->field, tr.error->message};
  ImageSetResult te = read_nnpi(test, test_size);
  if (!te.ok()) return ImageDataError{"test." + te.error->field, te.error->message};
  if (tr.set.count() == 0) return ImageDataError{"train", "the training set has no images"};
  if (te.set.rows != tr.set.rows || te.set.cols != tr.set.cols)
    return ImageDataError{"test", "its images are " + std::to_string(te.set.rows) + "x" +
                                      std::to_string(te.set.cols) + ", the training images " +
                                      std::to_string(tr.set.rows) + "x" +
                                      std::to_string(tr.set.cols)};
  trainer_.reset();  // it points into the sets replaced here
  train_ = std::move(tr.set);
  test_ = std::move(te.set);
  if (!ImageTrainer::check(spec_, train_) && !spec_.layers.empty())
    trainer_ = std::make_unique<ImageTrainer>(spec_, train_);
  return std::nullopt;
}

std::vector<ConfigIssue> ImageSession::configure(const std::string& text) {
  TrainSpecResult r = parse_train_spec(text);
  if (!r.ok()) return r.errors;
  if (!has_data()) return {{"data", "no image data loaded yet (loadData first)"}};
  if (auto why = ImageTrainer::check(r.spec, train_)) return {{check_field(*why), *why}};
  trainer_.reset();
  spec_ = std::move(r.spec);
  trainer_ = std::make_unique<ImageTrainer>(spec_, train_);
  return {};
}

std::vector<ConfigIssue> ImageSession::update_settings(const std::string& text, bool& kept) {
  kept = false;
  if (!trainer_) return configure(text);
  TrainSpecResult r = parse_train_spec(text);
  if (!r.ok()) return r.errors;
  if (auto why = ImageTrainer::check(r.spec, train_)) return {{check_field(*why), *why}};
  if (trainer_->retune(r.spec)) {
    spec_ = std::move(r.spec);
    kept = true;
    return {};
  }
  trainer_.reset();
  spec_ = std::move(r.spec);
  trainer_ = std::make_unique<ImageTrainer>(spec_, train_);
  return {};
}

ImageSession::SpecCheck ImageSession::check(const std::string& text) const {
  SpecCheck c;
  TrainSpecResult r = parse_train_spec(text);
  if (!r.ok()) {
    c.errors = r.errors;
    return c;
  }
  if (!has_data()) {
    c.errors = {{"data", "no image data loaded yet (loadData first)"}};
    return c;
  }
  c.input = ImageTrainer::input_shape(r.spec, train_);
  if (auto why = ImageTrainer::check(r.spec, train_, &c.layers))
    c.errors = {{check_field(*why), *why}};
  for (const LayerShape& L : c.layers) c.params += L.params;
  return c;
}

std::vector<ConfigIssue> ImageSession::load_model(const std::string& text) {
  ImageModelResult r = read_image_model(text);
  if (!r.ok()) return r.errors;
  if (!has_data()) return {{"data", "no image data loaded yet (loadData first)"}};
  ImageModel& m = r.model;
  if (m.info.classes != train_.class_names)
    return {{"data.classes",
             "the model's classes are not the loaded data's (a " + m.spec.data + " model)"}};
  if (auto why = ImageTrainer::check(m.spec, train_)) return {{check_field(*why), *why}};
  auto next = std::make_unique<ImageTrainer>(m.spec, train_);
  if (m.info.train_count != train_.count()) {  // another training set: the weights only
    m.info.train_count = train_.count();
    m.position = next->position();
    m.state.clear();
    m.step = 0;
  }
  if (auto why = apply_image_model(m, *next)) return {*why};
  spec_ = m.spec;
  trainer_ = std::move(next);
  return {};
}

}  // namespace nnplay::image
