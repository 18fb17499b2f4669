// Image data sets in memory, and their readers: nnplay's NNPI files (docs/IMAGES.md; written by
// scripts/image-data.mjs) from bytes (the wasm module gets them from the page) or from a path
// (the CLI), and raw uncompressed IDX pairs. Errors come back as values, never thrown.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nnplay::image {

constexpr char kNnpiMagic[4] = {'N', 'N', 'P', 'I'};
constexpr std::uint32_t kNnpiVersion = 1;
constexpr std::size_t kNnpiHeaderBytes = 28;  // magic + six uint32 LE
constexpr std::uint32_t kMaxImageSide = 4096;
constexpr std::uint32_t kMaxClasses = 256;  // labels are bytes
constexpr std::uint32_t kMaxNamesBytes = 64 * 1024;
constexpr std::uint32_t kMaxImages = 2147483647;

// N images of rows x cols bytes (0 background, 255 full ink), one label byte each.
struct ImageSet {
  std::uint32_t rows = 0, cols = 0;
  std::vector<std::string> class_names;
  std::vector<std::uint8_t> labels;  // [N]
  std::vector<std::uint8_t> pixels;  // [N][rows][cols]

  std::size_t count() const { return labels.size(); }
  std::size_t image_size() const { return std::size_t(rows) * cols; }
  const std::uint8_t* image(std::size_t i) const { return pixels.data() + i * image_size(); }
};

// field: where the problem is ("magic", "header.count", "names", "labels[12]", "pixels",
// "file"); message: what is wrong, with the numbers.
struct ImageDataError {
  std::string field;
  std::string message;
};

struct ImageSetResult {
  ImageSet set;
  std::optional<ImageDataError> error;  // set is empty when this is present
  bool ok() const { return !error; }
};

ImageSetResult read_nnpi(const std::uint8_t* bytes, std::size_t size);
ImageSetResult read_nnpi_file(const std::string& path);
// The set as an NNPI file; the set must be consistent (check_image_set gives why not).
std::vector<std::uint8_t> write_nnpi(const ImageSet& set);
std::optional<ImageDataError> check_image_set(const ImageSet& set);

// IDX, uncompressed: images with magic 0x00000803 (count, rows, cols), labels with 0x00000801
// (count), big-endian, then the bytes. class_names gives the set's classes (labels must be
// below their count).
ImageSetResult read_idx(const std::uint8_t* images, std::size_t images_size,
                        const std::uint8_t* labels, std::size_t labels_size,
                        std::vector<std::string> class_names);
ImageSetResult read_idx_files(const std::string& images_path, const std::string& labels_path,
                              std::vector<std::string> class_names);

}  // namespace nnplay::image
