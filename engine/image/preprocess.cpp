#include "preprocess.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace nnplay::image {
namespace {

// One axis of a resampling: output pixel i covers the source interval
// [start + i * step, start + (i + 1) * step); source pixels outside [0, size) count as 0.
struct Axis {
  double start, step;
  int size;
};

// Calls f(source index, weight) for the taps of output pixel i: the overlap of each source
// pixel with the interval when shrinking (area averaging), the two nearest pixel centres when
// enlarging (bilinear). The weights of a tap list inside the source sum to 1.
template <class F>
void taps(const Axis& a, int i, F&& f) {
  if (a.step >= 1) {
    const double lo = a.start + i * a.step, hi = lo + a.step;
    const int first = std::max(0, int(std::floor(lo)));
    const int last = std::min(a.size, int(std::ceil(hi)));
    for (int k = first; k < last; ++k) {
      const double w = (std::min(hi, k + 1.0) - std::max(lo, double(k))) / a.step;
      if (w > 0) f(k, w);
    }
    return;
  }
  const double c = a.start + (i + 0.5) * a.step - 0.5;  // in pixel-centre coordinates
  const int k = int(std::floor(c));
  const double t = c - k;
  if (k >= 0 && k < a.size) f(k, 1 - t);
  if (k + 1 >= 0 && k + 1 < a.size) f(k + 1, t);
}

// Resamples the source rectangle (x, y, w, h) onto tw x th pixels of dst (row stride `stride`).
template <class Src>
void resample(const Src& src, int src_w, int src_h, int x, int y, int w, int h, int tw, int th,
              float* dst, int stride) {
  const Axis ax{double(x), double(w) / tw, src_w}, ay{double(y), double(h) / th, src_h};
  for (int j = 0; j < th; ++j) {
    for (int i = 0; i < tw; ++i) {
      double sum = 0;
      taps(ay, j, [&](int sy, double wy) {
        taps(ax, i, [&](int sx, double wx) { sum += wy * wx * src(sx, sy); });
      });
      dst[j * stride + i] = float(std::clamp(sum, 0.0, 1.0));
    }
  }
}

// The longer side becomes `side`, the shorter keeps the aspect ratio (at least 1 pixel).
void fit(int w, int h, int side, int& tw, int& th) {
  if (w >= h) {
    tw = side;
    th = std::max(1, int(std::lround(double(h) * side / w)));
  } else {
    th = side;
    tw = std::max(1, int(std::lround(double(w) * side / h)));
  }
}

std::optional<ImageDataError> bad_size(const void* in, int width, int height, const float* out) {
  if (!in) return ImageDataError{"canvas", "is missing"};
  if (!out) return ImageDataError{"out", "is missing"};
  if (width < 1 || height < 1)
    return ImageDataError{"size", "must be at least 1x1, got " + std::to_string(width) + "x" +
                                      std::to_string(height)};
  if (double(width) * height > double(kMaxCanvasPixels))
    return ImageDataError{"size", std::to_string(width) + "x" + std::to_string(height) +
                                      " is more than " + std::to_string(kMaxCanvasPixels) +
                                      " pixels"};
  return std::nullopt;
}

void centre_of_mass(const float* img, Prepared& r) {
  double sum = 0, sx = 0, sy = 0;
  for (int y = 0; y < kInputSide; ++y)
    for (int x = 0; x < kInputSide; ++x) {
      const double v = img[y * kInputSide + x];
      sum += v;
      sx += v * x;
      sy += v * y;
    }
  if (sum > 0) {
    r.centre_x = sx / sum;
    r.centre_y = sy / sum;
  }
}

// ink(x, y) in [0, 1], stroke bright.
template <class Ink>
Prepared drawing(const Ink& ink, int width, int height, const DrawingOptions& opt, float* out) {
  Prepared r;
  std::fill(out, out + kInputPixels, 0.0f);
  float brightest = 0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) brightest = std::max(brightest, ink(x, y));
  if (!(brightest > opt.empty_below)) {
    r.empty = true;
    return r;
  }
  const float threshold = opt.box_threshold * brightest;
  int x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      if (ink(x, y) > threshold) {
        x0 = std::min(x0, x);
        x1 = std::max(x1, x);
        y0 = std::min(y0, y);
        y1 = std::max(y1, y);
      }
  r.box_x = x0;
  r.box_y = y0;
  r.box_w = x1 - x0 + 1;
  r.box_h = y1 - y0 + 1;
  fit(r.box_w, r.box_h, kDigitBox, r.scaled_w, r.scaled_h);

  float box[kDigitBox * kDigitBox] = {};
  resample(ink, width, height, r.box_x, r.box_y, r.box_w, r.box_h, r.scaled_w, r.scaled_h, box,
           kDigitBox);
  float top = 0;
  double sum = 0, sx = 0, sy = 0;
  for (int y = 0; y < r.scaled_h; ++y)
    for (int x = 0; x < r.scaled_w; ++x) {
      const double v = box[y * kDigitBox + x];
      top = std::max(top, float(v));
      sum += v;
      sx += v * x;
      sy += v * y;
    }
  if (!(sum > 0)) {  // only possible for a box of faint pixels thinner than the resampling
    r.empty = true;
    return r;
  }
  const float gain = opt.normalize ? 1.0f / top : 1.0f;
  // Whole-pixel shift that puts the centre of mass on (14, 14), as MNIST did.
  r.offset_x = int(std::lround(kDigitCentre - sx / sum));
  r.offset_y = int(std::lround(kDigitCentre - sy / sum));
  for (int y = 0; y < r.scaled_h; ++y)
    for (int x = 0; x < r.scaled_w; ++x) {
      const float v = std::min(1.0f, box[y * kDigitBox + x] * gain);
      const int ox = x + r.offset_x, oy = y + r.offset_y;
      if (ox >= 0 && ox < kInputSide && oy >= 0 && oy < kInputSide)
        out[oy * kInputSide + ox] = v;
      else
        r.clipped_ink += v;
    }
  centre_of_mass(out, r);
  return r;
}

float clamp01(float v) { return v > 0 ? (v < 1 ? v : 1) : 0; }  // NaN -> 0

}  // namespace

Prepared prepare_drawing(const float* canvas, int width, int height, const DrawingOptions& opt,
                         float* out) {
  Prepared r;
  if ((r.error = bad_size(canvas, width, height, out))) return r;
  const bool inv = opt.invert;
  return drawing(
      [=](int x, int y) {
        const float v = clamp01(canvas[std::size_t(y) * width + x]);
        return inv ? 1 - v : v;
      },
      width, height, opt, out);
}

Prepared prepare_drawing(const std::uint8_t* canvas, int width, int height,
                         const DrawingOptions& opt, float* out) {
  Prepared r;
  if ((r.error = bad_size(canvas, width, height, out))) return r;
  const bool inv = opt.invert;
  return drawing(
      [=](int x, int y) {
        const float v = canvas[std::size_t(y) * width + x] * (1.0f / 255);
        return inv ? 1 - v : v;
      },
      width, height, opt, out);
}

Prepared prepare_picture(const std::uint8_t* pixels, int width, int height, int channels,
                         const PictureOptions& opt, float* out) {
  Prepared r;
  if ((r.error = bad_size(pixels, width, height, out))) return r;
  if (channels < 1 || channels > 4) {
    r.error =
        ImageDataError{"channels", "must be 1 (grey), 2 (grey, alpha), 3 (RGB) or 4 (RGBA), got " +
                                       std::to_string(channels)};
    return r;
  }
  std::fill(out, out + kInputPixels, 0.0f);
  // Grey in [0, 1]: Rec. 601 luma; a transparent pixel over white.
  auto grey = [=](int x, int y) {
    const std::uint8_t* p = pixels + (std::size_t(y) * width + x) * channels;
    const float g =
        channels >= 3 ? (0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2]) / 255 : p[0] / 255.0f;
    if (channels % 2 == 1) return g;
    const float a = p[channels - 1] / 255.0f;
    return g * a + (1 - a);
  };
  double border = 0;
  long long n = 0;
  for (int y = 0; y < height; ++y) {
    const int step = (y == 0 || y == height - 1) ? 1 : std::max(1, width - 1);
    for (int x = 0; x < width; x += step, ++n) border += grey(x, y);
  }
  r.background = border / n;
  r.inverted = opt.invert.value_or(r.background > 0.5);
  // The object bright on black: inverted if asked, then the background level taken to 0.
  const float bg = float(r.inverted ? 1 - r.background : r.background);
  const float span = bg < 1 ? 1 - bg : 1;
  const bool inv = r.inverted;
  auto level = [=](int x, int y) {
    const float g = inv ? 1 - grey(x, y) : grey(x, y);
    return std::max(0.0f, (g - bg) / span);
  };
  int x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      if (level(x, y) > opt.trim_threshold) {
        x0 = std::min(x0, x);
        x1 = std::max(x1, x);
        y0 = std::min(y0, y);
        y1 = std::max(y1, y);
      }
  if (x1 < 0) {
    r.empty = true;
    return r;
  }
  r.box_x = x0;
  r.box_y = y0;
  r.box_w = x1 - x0 + 1;
  r.box_h = y1 - y0 + 1;
  fit(r.box_w, r.box_h, kInputSide, r.scaled_w, r.scaled_h);
  r.offset_x = (kInputSide - r.scaled_w) / 2;
  r.offset_y = (kInputSide - r.scaled_h) / 2;
  resample(level, width, height, r.box_x, r.box_y, r.box_w, r.box_h, r.scaled_w, r.scaled_h,
           out + r.offset_y * kInputSide + r.offset_x, kInputSide);
  centre_of_mass(out, r);
  return r;
}

}  // namespace nnplay::image
