// The NNPI reader and writer (docs/IMAGES.md): a round trip, and each kind of bad file named
// by its field; raw IDX pairs; the built digits file when the build has written it.
#include "image/image_data.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

using namespace nnplay::image;

namespace {

ImageSet small_set() {
  ImageSet s;
  s.rows = 3;
  s.cols = 2;
  s.class_names = {"zero", "one", "T-shirt/top"};
  s.labels = {2, 0, 1, 1};
  for (int i = 0; i < 4 * 6; ++i) s.pixels.push_back(std::uint8_t(i * 11));
  return s;
}

void put_le32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = std::uint8_t(v >> (8 * i));
}

std::string field_of(const std::vector<std::uint8_t>& bytes) {
  ImageSetResult r = read_nnpi(bytes.data(), bytes.size());
  REQUIRE_FALSE(r.ok());
  CHECK(r.set.count() == 0);
  INFO(r.error->message);
  CHECK_FALSE(r.error->message.empty());
  return r.error->field;
}

std::vector<std::uint8_t> be_header(std::initializer_list<std::uint32_t> words) {
  std::vector<std::uint8_t> b;
  for (std::uint32_t w : words)
    for (int i = 3; i >= 0; --i) b.push_back(std::uint8_t(w >> (8 * i)));
  return b;
}

}  // namespace

TEST_CASE("NNPI round trip keeps sizes - names - labels and pixels", "[image-data]") {
  const ImageSet s = small_set();
  REQUIRE_FALSE(check_image_set(s));
  const std::vector<std::uint8_t> bytes = write_nnpi(s);
  // 28 header + names (5 + 4 + 12) + 4 labels + 24 pixels
  REQUIRE(bytes.size() == 28 + 21 + 4 + 24);
  CHECK(std::string(bytes.begin(), bytes.begin() + 4) == "NNPI");
  ImageSetResult r = read_nnpi(bytes.data(), bytes.size());
  REQUIRE(r.ok());
  CHECK(r.set.rows == 3);
  CHECK(r.set.cols == 2);
  CHECK(r.set.class_names == s.class_names);
  CHECK(r.set.labels == s.labels);
  CHECK(r.set.pixels == s.pixels);
  CHECK(r.set.image(3)[5] == 23 * 11);
  CHECK(write_nnpi(r.set) == bytes);
}

TEST_CASE("NNPI with no images is valid", "[image-data]") {
  ImageSet s = small_set();
  s.labels.clear();
  s.pixels.clear();
  const std::vector<std::uint8_t> bytes = write_nnpi(s);
  ImageSetResult r = read_nnpi(bytes.data(), bytes.size());
  REQUIRE(r.ok());
  CHECK(r.set.count() == 0);
  CHECK(r.set.class_names.size() == 3);
}

TEST_CASE("NNPI errors name the field", "[image-data]") {
  const std::vector<std::uint8_t> good = write_nnpi(small_set());

  SECTION("bad magic") {
    auto b = good;
    b[0] = 'X';
    CHECK(field_of(b) == "magic");
  }
  SECTION("truncated header") {
    CHECK(field_of(std::vector<std::uint8_t>(good.begin(), good.begin() + 20)) == "header");
    CHECK(field_of({}) == "header");
  }
  SECTION("unknown version") {
    auto b = good;
    put_le32(b, 4, 2);
    CHECK(field_of(b) == "header.version");
  }
  SECTION("truncated pixels") {
    auto b = good;
    b.pop_back();
    CHECK(field_of(b) == "file");
  }
  SECTION("bytes after the pixels") {
    auto b = good;
    b.push_back(0);
    CHECK(field_of(b) == "file");
  }
  SECTION("count larger than the data") {
    auto b = good;
    put_le32(b, 8, 5);
    CHECK(field_of(b) == "file");
  }
  SECTION("huge counts do not overflow") {
    auto b = good;
    put_le32(b, 8, 2147483647u);
    put_le32(b, 12, 4096);
    put_le32(b, 16, 4096);
    CHECK(field_of(b) == "file");
    put_le32(b, 8, 0x80000000u);
    CHECK(field_of(b) == "header.count");
  }
  SECTION("sides and classes out of range") {
    auto b = good;
    put_le32(b, 12, 0);
    CHECK(field_of(b) == "header.rows");
    b = good;
    put_le32(b, 16, 5000);
    CHECK(field_of(b) == "header.cols");
    b = good;
    put_le32(b, 20, 0);
    CHECK(field_of(b) == "header.classes");
    b = good;
    put_le32(b, 20, 300);
    CHECK(field_of(b) == "header.classes");
  }
  SECTION("names count mismatch") {
    auto b = good;
    put_le32(b, 20, 2);  // 3 names in the block
    CHECK(field_of(b) == "names");
  }
  SECTION("a name without its newline") {
    auto b = good;
    b[28 + 20] = 'x';  // the last name's "\n"
    CHECK(field_of(b) == "names");
  }
  SECTION("an empty name") {
    auto b = good;
    b[28] = '\n';  // "zero\n" -> "\nero\n": an empty name first
    CHECK(field_of(b) == "names[0]");
  }
  SECTION("a label out of range") {
    auto b = good;
    b[28 + 21 + 2] = 3;
    CHECK(field_of(b) == "labels[2]");
  }
}

TEST_CASE("check_image_set refuses what the writer cannot represent", "[image-data]") {
  ImageSet s = small_set();
  s.pixels.pop_back();
  REQUIRE(check_image_set(s));
  CHECK(check_image_set(s)->field == "pixels");
  s = small_set();
  s.labels[0] = 7;
  CHECK(check_image_set(s)->field == "labels[0]");
  s = small_set();
  s.class_names.push_back("a\nb");
  CHECK(check_image_set(s)->field == "class_names[3]");
}

TEST_CASE("NNPI file that cannot be read is an error naming it", "[image-data]") {
  ImageSetResult r = read_nnpi_file("/nonexistent/nnplay/x.nnpi");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->field == "file");
  CHECK(r.error->message.find("/nonexistent/nnplay/x.nnpi") != std::string::npos);
}

TEST_CASE("raw IDX pairs are read - and their errors named", "[image-data]") {
  std::vector<std::uint8_t> images = be_header({0x803, 2, 2, 3});
  for (int i = 0; i < 12; ++i) images.push_back(std::uint8_t(i));
  std::vector<std::uint8_t> labels = be_header({0x801, 2});
  labels.push_back(1);
  labels.push_back(0);
  const std::vector<std::string> names = {"a", "b"};

  ImageSetResult r = read_idx(images.data(), images.size(), labels.data(), labels.size(), names);
  REQUIRE(r.ok());
  CHECK(r.set.count() == 2);
  CHECK(r.set.rows == 2);
  CHECK(r.set.cols == 3);
  CHECK(r.set.image(1)[0] == 6);
  CHECK(r.set.labels == std::vector<std::uint8_t>{1, 0});

  auto field = [&](std::vector<std::uint8_t> im, std::vector<std::uint8_t> lb,
                   std::vector<std::string> n) {
    ImageSetResult e = read_idx(im.data(), im.size(), lb.data(), lb.size(), n);
    REQUIRE_FALSE(e.ok());
    return e.error->field;
  };
  auto swapped = images;
  swapped[3] = 0x01;
  CHECK(field(swapped, labels, names) == "images.magic");
  CHECK(field(images, images, names) == "labels.magic");
  auto short_images = images;
  short_images.pop_back();
  CHECK(field(short_images, labels, names) == "images");
  auto more_labels = be_header({0x801, 3});
  more_labels.insert(more_labels.end(), {0, 0, 0});
  CHECK(field(images, more_labels, names) == "labels.count");
  CHECK(field(images, labels, {"only"}) == "labels[0]");
}

// The build's digits test set (scripts/image-data.mjs), when present: 1,500 images, 150 each.
TEST_CASE("the built digits test set reads as documented", "[image-data]") {
  const std::string path = NNPLAY_SOURCE_DIR "/build/data/digits-test.nnpi";
  if (!std::ifstream(path)) {
    WARN("no " << path << " (scripts/build writes it); not checked");
    return;
  }
  ImageSetResult r = read_nnpi_file(path);
  REQUIRE(r.ok());
  CHECK(r.set.count() == 1500);
  CHECK(r.set.rows == 28);
  CHECK(r.set.cols == 28);
  REQUIRE(r.set.class_names.size() == 10);
  CHECK(r.set.class_names[7] == "7");
  std::vector<int> per_class(10, 0);
  for (std::uint8_t l : r.set.labels) per_class[l]++;
  for (int c = 0; c < 10; ++c) CHECK(per_class[c] == 150);
}
