// The image session the wasm binding holds (engine/image/image_session.hpp): the fields of the
// checks' messages, data and specs refused without changing anything, and new data rebuilding
// the configured network.
#include "image/image_session.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

using namespace nnplay::image;

namespace {

// n images of side x side bytes, labels cycling through 10 classes, as an NNPI file.
std::vector<std::uint8_t> nnpi(int n, std::uint32_t side) {
  ImageSet s;
  s.rows = s.cols = side;
  for (int k = 0; k < 10; ++k) s.class_names.push_back(std::to_string(k));
  for (int i = 0; i < n; ++i) s.labels.push_back(std::uint8_t(i % 10));
  for (std::size_t i = 0; i < std::size_t(n) * side * side; ++i)
    s.pixels.push_back(std::uint8_t(i * 37 % 256));
  return write_nnpi(s);
}

const char* kSpec =
    R"({"layers": [{"type": "conv", "size": 3, "filters": 2}, {"type": "pool", "size": 2},)"
    R"( {"type": "softmax"}], "augment": "shift", "batchSize": 5})";

}  // namespace

TEST_CASE("image session: the field of each shape check message") {
  CHECK(check_field("layers[3], pool 3: its input is 2x2x16, smaller") == "layers[3]");
  CHECK(check_field("layers: the last layer must be softmax") == "layers");
  CHECK(check_field("crop: 30 is larger than the 28x28 images") == "crop");
  CHECK(check_field("the training set is empty") == "data");
}

TEST_CASE("image session: refused data and specs change nothing and new data rebuild the network") {
  ImageSession s;
  const auto train = nnpi(20, 12), test = nnpi(10, 12), other = nnpi(10, 8);
  CHECK(s.configure(kSpec).at(0).field == "data");
  const std::vector<std::uint8_t> junk = {1, 2, 3};
  auto e = s.load_data(junk.data(), junk.size(), test.data(), test.size());
  REQUIRE(e);
  CHECK(e->field.rfind("train.", 0) == 0);
  e = s.load_data(train.data(), train.size(), other.data(), other.size());
  REQUIRE(e);
  CHECK(e->field == "test");
  CHECK_FALSE(s.has_data());

  REQUIRE_FALSE(s.load_data(train.data(), train.size(), test.data(), test.size()));
  REQUIRE(s.configure(kSpec).empty());
  REQUIRE(s.configured());
  s.trainer()->train_batch();
  CHECK(s.trainer()->cursor() == 5);
  const std::vector<float> weights = s.trainer()->net().params();

  const auto issues = s.configure(
      R"({"augment": "none", "layers": [{"type": "pool", "size": 8}, {"type": "pool", "size": 8},)"
      R"( {"type": "softmax"}]})");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].field == "layers[1]");
  CHECK(s.configure(R"({"batchSize": 0})").at(0).field == "batchSize");
  CHECK(s.trainer()->cursor() == 5);
  CHECK(s.trainer()->net().params() == weights);

  REQUIRE_FALSE(s.load_data(train.data(), train.size(), test.data(), test.size()));
  REQUIRE(s.configured());
  CHECK(s.trainer()->cursor() == 0);
  // The weights are drawn again from the seed: those of the configure before training.
  ImageSession fresh;
  REQUIRE_FALSE(fresh.load_data(train.data(), train.size(), test.data(), test.size()));
  REQUIRE(fresh.configure(kSpec).empty());
  CHECK(s.trainer()->net().params() == fresh.trainer()->net().params());
}

TEST_CASE("image session: check sizes a spec's layers without touching the network") {
  ImageSession s;
  const auto train = nnpi(20, 12), test = nnpi(10, 12);
  CHECK(s.check(kSpec).errors.at(0).field == "data");
  REQUIRE_FALSE(s.load_data(train.data(), train.size(), test.data(), test.size()));
  REQUIRE(s.configure(kSpec).empty());
  s.trainer()->train_batch();
  const std::vector<float> weights = s.trainer()->net().params();

  // 12x12 shifted: conv 3x3 of 2 filters (same) 12x12x2, 20 parameters; pool 2 6x6x2;
  // softmax 72 x 10 + 10.
  ImageSession::SpecCheck c = s.check(kSpec);
  REQUIRE(c.errors.empty());
  CHECK(c.input.h == 12);
  CHECK(c.input.c == 1);
  REQUIRE(c.layers.size() == 3);
  CHECK(c.layers[0].description == "conv 3x3, 2 filters, same, relu");
  CHECK(c.layers[0].out.h == 12);
  CHECK(c.layers[0].out.c == 2);
  CHECK(c.layers[0].params == 20);
  CHECK(c.layers[1].out.w == 6);
  CHECK(c.layers[1].params == 0);
  CHECK(c.layers[2].params == 730);
  CHECK(c.params == 750);

  // A pool that leaves no pixels: the layers before it sized, the message at that layer.
  c = s.check(
      R"({"augment": "none", "layers": [{"type": "pool", "size": 4}, {"type": "pool", "size": 4},)"
      R"( {"type": "softmax"}]})");
  REQUIRE(c.errors.size() == 1);
  CHECK(c.errors[0].field == "layers[1]");
  CHECK(c.errors[0].message.find("leaves no pixels") != std::string::npos);
  REQUIRE(c.layers.size() == 1);
  CHECK(c.layers[0].out.h == 3);
  CHECK(s.check(R"({"layers": [{"type": "pool", "size": 40}, {"type": "softmax"}]})")
            .errors.at(0)
            .field == "layers[0].size");
  CHECK(s.trainer()->cursor() == 5);
  CHECK(s.trainer()->net().params() == weights);
}

TEST_CASE("image session: new training settings keep the weights, another network is rebuilt") {
  ImageSession s;
  const auto train = nnpi(20, 12), test = nnpi(10, 12);
  REQUIRE_FALSE(s.load_data(train.data(), train.size(), test.data(), test.size()));
  REQUIRE(s.configure(kSpec).empty());
  s.trainer()->train_batch();
  const std::vector<float> weights = s.trainer()->net().params();
  bool kept = false;

  CHECK(s.update_settings(R"({"learningRate": 50})", kept).at(0).field == "learningRate");
  CHECK(s.spec().optimizer.learning_rate == Approx(0.01f));

  const std::string tuned =
      R"({"layers": [{"type": "conv", "size": 3, "filters": 2}, {"type": "pool", "size": 2},)"
      R"( {"type": "softmax"}], "augment": "none", "batchSize": 4, "optimizer": "adam",)"
      R"( "learningRate": 0.002})";
  REQUIRE(s.update_settings(tuned, kept).empty());
  CHECK(kept);
  CHECK(s.trainer()->net().params() == weights);
  CHECK(s.trainer()->cursor() == 5);
  CHECK(s.spec().batch == 4);
  CHECK(s.trainer()->spec().optimizer.kind == nnplay::OptimizerKind::Adam);
  CHECK(s.trainer()->optimizer_state().per_param.size() == 2);
  s.trainer()->train_batch();
  CHECK(s.trainer()->cursor() == 9);
  CHECK(s.trainer()->net().params() != weights);

  // A crop changes the input's size: a new network from the seed.
  REQUIRE(s.update_settings(R"({"layers": [{"type": "conv", "size": 3, "filters": 2},)"
                            R"( {"type": "softmax"}], "augment": "crop", "crop": 10})",
                            kept)
              .empty());
  CHECK_FALSE(kept);
  CHECK(s.trainer()->cursor() == 0);
  CHECK(s.trainer()->net().input().h == 10);
}
