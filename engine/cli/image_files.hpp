// Reading a picture for `nnplay images predict`: PGM (P5 binary or P2 text, any maxval up to
// 65535), PNG (libpng), or 784 raw bytes taken as one 28x28 grey image. Errors as values.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nnplay::cli {

struct Picture {
  int width = 0, height = 0, channels = 1;  // channels: 1 grey or 4 RGBA
  std::vector<std::uint8_t> pixels;         // width x height x channels, row-major
  std::string format;                       // "pgm", "png" or "raw"
};

struct PictureResult {
  Picture picture;
  std::optional<std::string> error;  // what is wrong with the file ("PGM header: ...")
};

PictureResult read_picture(const std::vector<std::uint8_t>& bytes);

// Grey bytes of a picture (RGBA: 0.299 R + 0.587 G + 0.114 B over white, as preprocess.hpp).
std::vector<std::uint8_t> grey_of(const Picture& p);

}  // namespace nnplay::cli
