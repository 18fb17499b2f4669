// The input preparation (engine/image/preprocess.hpp): a synthetic stroke's bounding box fits
// 20x20 with its aspect ratio kept and its centre of mass lands on (14, 14); an empty drawing;
// bytes, inversion and enlarging; a picture on a light background; bad arguments.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <vector>

#include "image/preprocess.hpp"

using namespace nnplay::image;

namespace {

struct Canvas {
  int w, h;
  std::vector<float> v;
  Canvas(int w_, int h_) : w(w_), h(h_), v(std::size_t(w_) * h_, 0.0f) {}
  // A thick segment from (ax, ay) to (bx, by): every pixel within r of it is full ink.
  void line(double ax, double ay, double bx, double by, double r) {
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        const double dx = bx - ax, dy = by - ay;
        double t = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
        t = std::clamp(t, 0.0, 1.0);
        if (std::hypot(x - ax - t * dx, y - ay - t * dy) <= r) v[std::size_t(y) * w + x] = 1;
      }
  }
};

// The result's ink box: first and last rows and columns with a pixel above 0.
struct Box {
  int x0 = 28, y0 = 28, x1 = -1, y1 = -1;
  int w() const { return x1 - x0 + 1; }
  int h() const { return y1 - y0 + 1; }
};
Box ink_box(const std::vector<float>& img) {
  Box b;
  for (int y = 0; y < kInputSide; ++y)
    for (int x = 0; x < kInputSide; ++x)
      if (img[y * kInputSide + x] > 0) {
        b.x0 = std::min(b.x0, x);
        b.x1 = std::max(b.x1, x);
        b.y0 = std::min(b.y0, y);
        b.y1 = std::max(b.y1, y);
      }
  return b;
}

// A "7": a top bar and a long diagonal, off-centre on a 240 x 300 canvas (its box 90 x 170,
// its centre of mass right of and above the box's centre).
Canvas seven() {
  Canvas c(240, 300);
  c.line(40, 60, 120, 60, 5);
  c.line(120, 60, 60, 220, 5);
  return c;
}

}  // namespace

TEST_CASE("a stroke fits 20x20 with its aspect ratio and its centre of mass at 14",
          "[preprocess]") {
  const Canvas c = seven();
  std::vector<float> out(kInputPixels, -1.0f);
  const Prepared r = prepare_drawing(c.v.data(), c.w, c.h, DrawingOptions{}, out.data());
  REQUIRE(r.ok());
  CHECK_FALSE(r.empty);
  // The stroke's box on the canvas: x 35..125, y 55..225.
  CHECK(r.box_x == 35);
  CHECK(r.box_y == 55);
  CHECK(r.box_w == 91);
  CHECK(r.box_h == 171);
  CHECK(r.scaled_h == 20);
  CHECK(r.scaled_w == std::lround(91.0 * 20 / 171));  // 11
  const Box b = ink_box(out);
  CHECK(b.h() <= 20);
  CHECK(b.w() <= 20);
  CHECK(b.h() >= 19);
  CHECK(std::abs(double(b.w()) / b.h() - 91.0 / 171) < 0.1);
  CHECK(r.clipped_ink == 0);
  CHECK(std::abs(r.centre_x - 14) <= 0.5);
  CHECK(std::abs(r.centre_y - 14) <= 0.5);
  // The reported centre is the image's own.
  double sum = 0, sx = 0, sy = 0;
  for (int y = 0; y < kInputSide; ++y)
    for (int x = 0; x < kInputSide; ++x) {
      const float v = out[y * kInputSide + x];
      REQUIRE(v >= 0);
      REQUIRE(v <= 1);
      sum += v;
      sx += v * x;
      sy += v * y;
    }
  CHECK(sx / sum == Approx(r.centre_x).margin(1e-9));
  CHECK(sy / sum == Approx(r.centre_y).margin(1e-9));
  CHECK(*std::max_element(out.begin(), out.end()) == 1.0f);  // normalized
  // Anti-aliased: grey levels between 0 and 1 at the edges.
  CHECK(std::count_if(out.begin(), out.end(), [](float v) { return v > 0.05 && v < 0.95; }) > 10);
  // The centre of mass is not the box's centre here: the shift is by the mass, not the box.
  CHECK((r.offset_x != (28 - r.scaled_w) / 2 || r.offset_y != (28 - r.scaled_h) / 2));
}

TEST_CASE("a wide stroke takes 20 columns", "[preprocess]") {
  Canvas c(400, 100);
  c.line(30, 50, 330, 70, 8);
  std::vector<float> out(kInputPixels);
  const Prepared r = prepare_drawing(c.v.data(), c.w, c.h, DrawingOptions{}, out.data());
  REQUIRE(r.ok());
  CHECK(r.scaled_w == 20);
  CHECK(r.scaled_h == std::lround(double(r.box_h) * 20 / r.box_w));
  const Box b = ink_box(out);
  CHECK(b.w() <= 20);
  CHECK(b.w() >= 19);
  CHECK(b.h() <= r.scaled_h + 1);
  CHECK(std::abs(r.centre_x - 14) <= 0.5);
  CHECK(std::abs(r.centre_y - 14) <= 0.5);
}

TEST_CASE("an empty drawing gives zeros and says so", "[preprocess]") {
  Canvas c(50, 40);
  std::vector<float> out(kInputPixels, 0.7f);
  Prepared r = prepare_drawing(c.v.data(), c.w, c.h, DrawingOptions{}, out.data());
  REQUIRE(r.ok());
  CHECK(r.empty);
  CHECK(std::all_of(out.begin(), out.end(), [](float v) { return v == 0; }));
  // Faint noise under the threshold is empty too; a white canvas inverted is empty.
  std::fill(c.v.begin(), c.v.end(), 0.02f);
  CHECK(prepare_drawing(c.v.data(), c.w, c.h, DrawingOptions{}, out.data()).empty);
  std::fill(c.v.begin(), c.v.end(), 1.0f);
  DrawingOptions inv;
  inv.invert = true;
  CHECK(prepare_drawing(c.v.data(), c.w, c.h, inv, out.data()).empty);
}

TEST_CASE("bytes - inverted bytes and floats give the same image", "[preprocess]") {
  const Canvas c = seven();
  std::vector<std::uint8_t> bytes(c.v.size()), dark_on_light(c.v.size());
  for (std::size_t i = 0; i < c.v.size(); ++i) {
    bytes[i] = std::uint8_t(std::lround(c.v[i] * 255));
    dark_on_light[i] = std::uint8_t(255 - bytes[i]);
  }
  std::vector<float> a(kInputPixels), b(kInputPixels), d(kInputPixels);
  prepare_drawing(c.v.data(), c.w, c.h, DrawingOptions{}, a.data());
  prepare_drawing(bytes.data(), c.w, c.h, DrawingOptions{}, b.data());
  DrawingOptions inv;
  inv.invert = true;
  prepare_drawing(dark_on_light.data(), c.w, c.h, inv, d.data());
  for (int i = 0; i < kInputPixels; ++i) {
    CHECK(a[i] == Approx(b[i]).margin(1e-6));
    CHECK(a[i] == Approx(d[i]).margin(1e-6));
  }
}

TEST_CASE("a small stroke is enlarged to 20 rows", "[preprocess]") {
  Canvas c(12, 12);
  c.line(5, 1, 5, 9, 0.6);  // a "1": 1 column x 9 rows
  std::vector<float> out(kInputPixels);
  const Prepared r = prepare_drawing(c.v.data(), c.w, c.h, DrawingOptions{}, out.data());
  REQUIRE(r.ok());
  CHECK(r.scaled_h == 20);
  const Box b = ink_box(out);
  CHECK(b.h() >= 19);
  CHECK(b.h() <= 21);  // bilinear spreads into the neighbours by half a pixel at most
  CHECK(std::abs(r.centre_x - 14) <= 0.5);
  CHECK(std::abs(r.centre_y - 14) <= 0.5);
}

TEST_CASE("bad drawing arguments are errors", "[preprocess]") {
  std::vector<float> out(kInputPixels), canvas(4, 0.0f);
  CHECK(prepare_drawing(canvas.data(), 0, 4, DrawingOptions{}, out.data()).error->field == "size");
  CHECK(prepare_drawing(static_cast<const float*>(nullptr), 2, 2, DrawingOptions{}, out.data())
            .error->field == "canvas");
  CHECK(prepare_drawing(canvas.data(), 2, 2, DrawingOptions{}, nullptr).error->field == "out");
  CHECK(
      prepare_drawing(canvas.data(), 1 << 14, 1 << 14, DrawingOptions{}, out.data()).error->field ==
      "size");
}

TEST_CASE("a dark object on a light picture is inverted - trimmed and fitted to 28",
          "[preprocess]") {
  // 100 x 60 RGBA, light grey background, a dark red 30 x 40 rectangle at (50, 10).
  const int w = 100, h = 60;
  std::vector<std::uint8_t> px(std::size_t(w) * h * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      std::uint8_t* p = &px[(std::size_t(y) * w + x) * 4];
      const bool object = x >= 50 && x < 80 && y >= 10 && y < 50;
      p[0] = object ? 120 : 235;
      p[1] = object ? 20 : 235;
      p[2] = object ? 20 : 235;
      p[3] = 255;
    }
  std::vector<float> out(kInputPixels);
  const Prepared r = prepare_picture(px.data(), w, h, 4, PictureOptions{}, out.data());
  REQUIRE(r.ok());
  CHECK(r.inverted);
  CHECK(r.background == Approx(235 / 255.0).margin(1e-3));
  CHECK(r.box_x == 50);
  CHECK(r.box_y == 10);
  CHECK(r.box_w == 30);
  CHECK(r.box_h == 40);
  CHECK(r.scaled_h == 28);
  CHECK(r.scaled_w == 21);
  CHECK(r.offset_x == 3);
  CHECK(r.offset_y == 0);
  CHECK(out[0] == 0);                        // background: black
  CHECK(out[14 * 28 + 14] > 0.5f);           // the object: bright
  CHECK(out[14 * 28 + 1] == 0);              // the padding beside it
  CHECK(std::abs(r.centre_x - 13.5) < 0.6);  // centred
}

TEST_CASE("a light object on black is kept - a uniform picture is empty", "[preprocess]") {
  const int w = 28, h = 28;
  std::vector<std::uint8_t> grey(w * h, 0);
  for (int y = 4; y < 24; ++y)
    for (int x = 8; x < 20; ++x) grey[y * w + x] = 200;
  std::vector<float> out(kInputPixels);
  Prepared r = prepare_picture(grey.data(), w, h, 1, PictureOptions{}, out.data());
  REQUIRE(r.ok());
  CHECK_FALSE(r.inverted);
  CHECK(r.scaled_h == 28);
  CHECK(r.scaled_w == 17);  // 12 x 20 -> 17 x 28
  CHECK(out[14 * 28 + 14] == Approx(200 / 255.0).margin(1e-3));
  std::fill(grey.begin(), grey.end(), 90);
  r = prepare_picture(grey.data(), w, h, 1, PictureOptions{}, out.data());
  CHECK(r.empty);
  CHECK(std::all_of(out.begin(), out.end(), [](float v) { return v == 0; }));
  CHECK(prepare_picture(grey.data(), w, h, 5, PictureOptions{}, out.data()).error->field ==
        "channels");
}
