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
