// The image model file (docs/MODELS.md, kind "cnn"): N epochs, export, load, M epochs equals
// N + M epochs straight through, bit for bit, for each optimizer and from the middle of an
// epoch; a file without optimizer state still loads; every refusal names its field.
#include "image/image_model.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "image/base64.hpp"

using namespace nnplay::image;

namespace {

// 45 images of three classes, each a bright bar (row, column or diagonal) on noise: learnable
// by a tiny network in a few epochs.
ImageSet bars() {
  ImageSet s;
  s.rows = s.cols = 28;
  s.class_names = {"row", "column", "diagonal"};
  std::uint32_t r = 12345;
  for (int i = 0; i < 45; ++i) {
    const int label = i % 3;
    s.labels.push_back(std::uint8_t(label));
    for (int y = 0; y < 28; ++y)
      for (int x = 0; x < 28; ++x) {
        r = r * 1103515245u + 12345u;
        const bool bar = label == 0   ? (y / 3 == 4 + i % 5)
                         : label == 1 ? (x / 3 == 4 + i % 5)
                                      : std::abs(x - y) < 3;
        s.pixels.push_back(std::uint8_t(bar ? 200 + (r >> 28) : (r >> 27)));
      }
  }
  return s;
}

TrainSpec tiny(const std::string& optimizer) {
  TrainSpecResult r = parse_train_spec(
      R"({"data":"digits","layers":[{"type":"conv","size":3,"filters":4},{"type":"pool","size":2},)"
      R"({"type":"conv","size":3,"filters":4},{"type":"pool","size":3},{"type":"softmax"}],)"
      R"("optimizer":")" +
      optimizer + R"(","learningRate":0.01,"l2":0.001,"batchSize":7,"seed":"model-test"})");
  REQUIRE(r.ok());
  return r.spec;
}

ModelInfo info_of(const ImageSet& s, bool state = true) {
  ModelInfo info;
  info.classes = s.class_names;
  info.train_count = s.count();
  info.optimizer_state = state;
  return info;
}

std::vector<nnplay::ConfigIssue> errors_of(const nlohmann::json& j) {
  return read_image_model(j.dump()).errors;
}

std::string first_field(const nlohmann::json& j) {
  const auto errors = errors_of(j);
  REQUIRE(!errors.empty());
  return errors[0].field;
}

}  // namespace

TEST_CASE("image model: export, load, train continues bit for bit") {
  const ImageSet set = bars();
  for (const char* opt : {"sgd", "momentum", "adam", "rmsprop"}) {
    SECTION(opt) {
      const TrainSpec spec = tiny(opt);
      ImageTrainer straight(spec, set);
      ImageTrainer first(spec, set);
      // 2 epochs and 3 batches (the cursor inside the third epoch), then 2 epochs more.
      for (int e = 0; e < 2; ++e) first.train_epoch();
      for (int b = 0; b < 3; ++b) first.train_batch();
      REQUIRE(first.cursor() == 21);
      const std::string text = export_image_model(first, info_of(set));
      ImageModelResult read = read_image_model(text);
      REQUIRE(read.ok());
      ImageTrainer second(read.model.spec, set);
      REQUIRE(!apply_image_model(read.model, second));
      CHECK(second.epoch() == 2);
      CHECK(second.cursor() == 21);
      CHECK(second.examples_seen() == first.examples_seen());
      // The export of the loaded trainer is the same file.
      CHECK(export_image_model(second, info_of(set)) == text);
      for (int e = 0; e < 4; ++e) straight.train_epoch();
      for (int b = 0; b < 3; ++b) straight.train_batch();
      for (int e = 0; e < 2; ++e) second.train_epoch();
      for (int b = 0; b < 3; ++b) second.train_batch();
      CHECK(second.epoch() == straight.epoch());
      CHECK(second.cursor() == straight.cursor());
      CHECK(second.net().params() == straight.net().params());  // float ==: bit for bit
      CHECK(second.optimizer_state().per_param == straight.optimizer_state().per_param);
    }
  }
}

TEST_CASE(
    "image model: weights only loads and predicts the same, and the file keeps what it says") {
  const ImageSet set = bars();
  ImageTrainer t(tiny("adam"), set);
  t.train_epoch();
  ModelInfo info = info_of(set, false);
  info.metrics.test_accuracy = 0.5;
  info.command = "nnplay images train spec.json";
  const nlohmann::json j = nlohmann::json::parse(export_image_model(t, info));
  CHECK(j["kind"] == "cnn");
  CHECK(j["data"]["classes"].size() == 3);
  CHECK(j["preprocessing"]["prepare"] == "drawing");
  CHECK(j["preprocessing"]["crop"] == "centre 24x24");
  CHECK(j["optimizer"].find("state") == j["optimizer"].end());
  CHECK(j["weights"].get<std::string>().size() == (t.net().params().size() * 4 + 2) / 3 * 4);
  ImageModelResult r = read_image_model(j);
  REQUIRE(r.ok());
  CHECK(r.model.info.metrics.test_accuracy == 0.5);
  CHECK(r.model.info.command == "nnplay images train spec.json");
  const ImageSet shapes = model_shape_set(r.model);
  ImageTrainer loaded(r.model.spec, shapes);
  REQUIRE(!apply_image_model(r.model, loaded));
  CHECK(loaded.optimizer_state().steps == t.optimizer_state().steps);
  const Evaluation a = t.evaluate(set), b = loaded.evaluate(set);
  CHECK(a.correct == b.correct);
  CHECK(a.loss == b.loss);
}

TEST_CASE("image model: refusals name the field") {
  const ImageSet set = bars();
  ImageTrainer t(tiny("momentum"), set);
  const nlohmann::json good = nlohmann::json::parse(export_image_model(t, info_of(set)));
  REQUIRE(errors_of(good).empty());

  CHECK(read_image_model(std::string("[1, 2")).errors.size() == 1);
  nlohmann::json j = good;
  j.erase("format");
  CHECK(first_field(j) == "format");
  j = good;
  j["version"] = 2;
  CHECK(first_field(j) == "version");
  CHECK(errors_of(j)[0].message.find("newer") != std::string::npos);
  j = good;
  j["kind"] = "mlp";
  CHECK(first_field(j) == "kind");
  j = good;
  j["weights"] = "not base64!";
  CHECK(first_field(j) == "weights");
  CHECK(errors_of(j)[0].message.find("base64") != std::string::npos);
  j = good;
  const std::vector<float> three = {1, 2, 3};
  j["weights"] = floats_to_base64(three.data(), 3);
  CHECK(first_field(j) == "weights");
  CHECK(errors_of(j)[0].message.find("holds 3 values") != std::string::npos);
  j = good;
  j["optimizer"]["state"]["velocity"] = floats_to_base64(three.data(), 3);
  CHECK(first_field(j) == "optimizer.state.velocity");
  j = good;
  j["optimizer"]["name"] = "adam";
  CHECK(first_field(j) == "optimizer.name");
  j = good;
  j["spec"]["layers"][1]["size"] = j["spec"]["layers"][1]["stride"] = 8;  // 24x24 to 3x3 ...
  j["spec"]["layers"][3]["size"] = j["spec"]["layers"][3]["stride"] = 8;  // ... then no pixels
  CHECK(first_field(j) == "spec.layers");
  CHECK(errors_of(j)[0].message.find("layers[3]") != std::string::npos);
  j = good;
  j["spec"]["layers"][0]["size"] = 40;
  CHECK(first_field(j) == "spec.layers[0].size");
  j = good;
  j["data"]["classes"] = {"a", "b"};
  CHECK(first_field(j) == "weights");  // two classes: another softmax layer
  j = good;
  j["training"]["rng"] = "abc";
  CHECK(first_field(j) == "training.rng");
  j = good;
  j["training"]["cursor"] = 45;
  CHECK(first_field(j) == "training.cursor");
  j = good;
  j["data"]["name"] = "fashion";
  CHECK(first_field(j) == "data.name");

  // A model applied to a training set of another size.
  ImageModelResult r = read_image_model(good);
  REQUIRE(r.ok());
  ImageSet fewer = set;
  fewer.labels.resize(30);
  fewer.pixels.resize(30 * 784);
  ImageTrainer other(r.model.spec, fewer);
  auto bad = apply_image_model(r.model, other);
  REQUIRE(bad);
  CHECK(bad->field == "data.trainCount");
}

TEST_CASE("base64: round trip and refusals") {
  const std::uint8_t bytes[] = {0, 1, 2, 250, 251, 252, 253};
  for (std::size_t n = 0; n <= 7; ++n) {
    std::vector<std::uint8_t> back;
    REQUIRE(!base64_decode(base64_encode(bytes, n), back));
    CHECK(back == std::vector<std::uint8_t>(bytes, bytes + n));
  }
  CHECK(base64_encode(reinterpret_cast<const std::uint8_t*>("Man"), 3) == "TWFu");
  std::vector<std::uint8_t> out;
  CHECK(base64_decode("TWF", out));
  CHECK(base64_decode("TW=u", out));
  CHECK(base64_decode("T@Fu", out));
  CHECK(!base64_decode("TQ==", out));
  const float f[] = {1.0f, -0.0f, 3.5e-38f};
  std::vector<float> g;
  REQUIRE(!base64_to_floats(floats_to_base64(f, 3), g));
  CHECK(std::memcmp(g.data(), f, sizeof f) == 0);
  CHECK(floats_to_base64(f, 1) == "AACAPw==");  // 1.0f little-endian: 00 00 80 3f
}
