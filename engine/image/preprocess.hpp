// The image networks' input preparation (docs/IMAGES.md, Preprocessing), engine code so that
// the page, the CLI and the tests prepare a picture the same way:
//   prepare_drawing: a user's drawing as MNIST's digits were made (the stroke's bounding box
//     scaled to fit 20x20 keeping its aspect ratio, anti-aliased, then shifted in 28x28 so
//     that its centre of mass lands on pixel (14, 14)).
//   prepare_picture: any picture as Fashion-MNIST's were made (grey, a light background
//     inverted to black, trimmed, scaled to fit 28x28 keeping its aspect ratio, centred).
// Both write 28 x 28 floats in [0, 1] (row-major, 0 background) and allocate nothing; bad
// arguments come back as an error, never thrown.
#pragma once
#include <cstdint>
#include <optional>

#include "image_data.hpp"

namespace nnplay::image {

constexpr int kInputSide = 28;
constexpr int kInputPixels = kInputSide * kInputSide;
constexpr int kDigitBox = 20;          // MNIST: the digit's box fits 20x20 ...
constexpr double kDigitCentre = 14.0;  // ... and its centre of mass is at pixel (14, 14)
constexpr long long kMaxCanvasPixels = 1LL << 26;  // 8192 x 8192

struct DrawingOptions {
  bool invert = false;         // dark stroke on a light canvas
  float empty_below = 0.05f;   // no pixel above this much ink: the drawing is empty
  float box_threshold = 0.1f;  // the box holds the pixels above this fraction of the brightest
  bool normalize = true;       // scale the result so that its brightest pixel is 1
};

struct PictureOptions {
  std::optional<bool> invert;   // unset: invert when the border's mean is light
  float trim_threshold = 0.1f;  // border rows/columns with no pixel above this are trimmed
};

// What was done, for the page to show and the tests to check. Coordinates are pixel indices.
struct Prepared {
  std::optional<ImageDataError> error;  // bad arguments: nothing written
  bool empty = false;                   // no ink (drawing) or a uniform picture: all zeros
  int box_x = 0, box_y = 0, box_w = 0, box_h = 0;  // the kept box in the input
  int scaled_w = 0, scaled_h = 0;                  // its size in the 28x28 result
  int offset_x = 0, offset_y = 0;                  // where it sits in the result
  double centre_x = 0, centre_y = 0;               // the result's centre of mass (column, row)
  double clipped_ink = 0;                          // ink the centring shift pushed out of the field
  bool inverted = false;                           // prepare_picture: the picture was inverted
  double background = 0;  // prepare_picture: the border's mean grey in [0, 1]
  bool ok() const { return !error; }
};

// canvas: width x height values, row-major; floats are clamped to [0, 1], bytes are / 255.
// out: kInputPixels floats.
Prepared prepare_drawing(const float* canvas, int width, int height, const DrawingOptions& opt,
                         float* out);
Prepared prepare_drawing(const std::uint8_t* canvas, int width, int height,
                         const DrawingOptions& opt, float* out);

// pixels: width x height x channels bytes: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA (as a canvas's
// ImageData); a transparent pixel counts as white.
Prepared prepare_picture(const std::uint8_t* pixels, int width, int height, int channels,
                         const PictureOptions& opt, float* out);

}  // namespace nnplay::image
