// PGM, PNG and raw pictures (image_files.hpp).
#include "image_files.hpp"

#include <png.h>

#include <cctype>
#include <cmath>

#include "image/preprocess.hpp"

namespace nnplay::cli {

namespace {

constexpr long long kMaxSide = 8192;

// PGM's header fields: whitespace and # comments between them.
bool pgm_number(const std::vector<std::uint8_t>& b, std::size_t& at, long long& out) {
  for (;;) {
    while (at < b.size() && std::isspace(b[at])) ++at;
    if (at < b.size() && b[at] == '#') {
      while (at < b.size() && b[at] != '\n' && b[at] != '\r') ++at;
      continue;
    }
    break;
  }
  if (at >= b.size() || !std::isdigit(b[at])) return false;
  out = 0;
  while (at < b.size() && std::isdigit(b[at])) {
    out = out * 10 + (b[at++] - '0');
    if (out > 1000000000) return false;
  }
  return true;
}

PictureResult read_pgm(const std::vector<std::uint8_t>& b) {
  PictureResult r;
  const bool binary = b[1] == '5';
  std::size_t at = 2;
  long long w = 0, h = 0, maxval = 0;
  if (!pgm_number(b, at, w) || !pgm_number(b, at, h) || !pgm_number(b, at, maxval)) {
    r.error = "PGM header: expected width, height and maxval";
    return r;
  }
  if (w < 1 || h < 1 || w > kMaxSide || h > kMaxSide) {
    r.error = "PGM header: the size must be from 1x1 to 8192x8192, got " + std::to_string(w) + "x" +
              std::to_string(h);
    return r;
  }
  if (maxval < 1 || maxval > 65535) {
    r.error = "PGM header: maxval must be from 1 to 65535, got " + std::to_string(maxval);
    return r;
  }
  const std::size_t n = std::size_t(w * h);
  Picture& p = r.picture;
  p.width = int(w);
  p.height = int(h);
  p.format = "pgm";
  p.pixels.resize(n);
  auto scale = [&](long long v) {
    return std::uint8_t(std::lround(double(v) * 255.0 / double(maxval)));
  };
  if (binary) {
    if (at >= b.size() || !std::isspace(b[at])) {
      r.error = "PGM header: no whitespace before the pixels";
      return r;
    }
    ++at;  // exactly one whitespace byte, then the samples
    const std::size_t bytes = maxval > 255 ? 2 : 1;
    if (b.size() - at < n * bytes) {
      r.error = "PGM pixels: " + std::to_string(n * bytes) + " bytes expected, " +
                std::to_string(b.size() - at) + " present";
      return r;
    }
    for (std::size_t i = 0; i < n; ++i) {
      long long v = bytes == 2 ? (b[at + 2 * i] << 8 | b[at + 2 * i + 1]) : b[at + i];
      if (v > maxval) {
        r.error = "PGM pixels: pixel " + std::to_string(i) + " is above maxval";
        return r;
      }
      p.pixels[i] = scale(v);
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      long long v = 0;
      if (!pgm_number(b, at, v) || v > maxval) {
        r.error = "PGM pixels: pixel " + std::to_string(i) + " is missing or above maxval";
        return r;
      }
      p.pixels[i] = scale(v);
    }
  }
  return r;
}

PictureResult read_png(const std::vector<std::uint8_t>& b) {
  PictureResult r;
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, b.data(), b.size())) {
    r.error = std::string("PNG: ") + image.message;
    return r;
  }
  if (image.width > kMaxSide || image.height > kMaxSide) {
    png_image_free(&image);
    r.error = "PNG: the size must be at most 8192x8192, got " + std::to_string(image.width) + "x" +
              std::to_string(image.height);
    return r;
  }
  image.format = PNG_FORMAT_RGBA;  // 8-bit sRGB as stored, the alpha kept for preprocess.hpp
  Picture& p = r.picture;
  p.width = int(image.width);
  p.height = int(image.height);
  p.channels = 4;
  p.format = "png";
  p.pixels.resize(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, p.pixels.data(), 0, nullptr)) {
    r.error = std::string("PNG: ") + image.message;
    png_image_free(&image);
    return r;
  }
  return r;
}

}  // namespace

PictureResult read_picture(const std::vector<std::uint8_t>& b) {
  static const std::uint8_t kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  if (b.size() >= 8 && std::equal(kPng, kPng + 8, b.begin())) return read_png(b);
  if (b.size() >= 3 && b[0] == 'P' && (b[1] == '5' || b[1] == '2') && std::isspace(b[2]))
    return read_pgm(b);
  PictureResult r;
  if (b.size() == std::size_t(image::kInputPixels)) {
    r.picture.width = r.picture.height = image::kInputSide;
    r.picture.pixels = b;
    r.picture.format = "raw";
    return r;
  }
  r.error = "not a PGM (P5 or P2), a PNG, or 784 raw bytes (28x28 grey), got " +
            std::to_string(b.size()) + " bytes";
  return r;
}

std::vector<std::uint8_t> grey_of(const Picture& p) {
  if (p.channels == 1) return p.pixels;
  std::vector<std::uint8_t> g(std::size_t(p.width) * std::size_t(p.height));
  for (std::size_t i = 0; i < g.size(); ++i) {
    const std::uint8_t* px = &p.pixels[i * 4];
    const double a = px[3] / 255.0;
    const double y = 0.299 * px[0] + 0.587 * px[1] + 0.114 * px[2];
    g[i] = std::uint8_t(std::lround(y * a + 255.0 * (1 - a)));
  }
  return g;
}

}  // namespace nnplay::cli
