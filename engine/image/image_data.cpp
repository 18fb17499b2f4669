#include "image_data.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <utility>

namespace nnplay::image {
namespace {

std::uint32_t le32(const std::uint8_t* p) {
  return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
         std::uint32_t(p[3]) << 24;
}
std::uint32_t be32(const std::uint8_t* p) {
  return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 |
         std::uint32_t(p[3]);
}
void put_le32(std::uint8_t* p, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = std::uint8_t(v >> (8 * i));
}

ImageSetResult failure(std::string field, std::string message) {
  ImageSetResult r;
  r.error = ImageDataError{std::move(field), std::move(message)};
  return r;
}

std::string num(std::uint64_t v) { return std::to_string(v); }

// A number in [lo, hi], or the reason it is not.
std::optional<std::string> out_of_range(std::uint32_t v, std::uint32_t lo, std::uint32_t hi) {
  if (v >= lo && v <= hi) return std::nullopt;
  return "must be from " + num(lo) + " to " + num(hi) + ", got " + num(v);
}

std::optional<std::vector<std::uint8_t>> read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

// The first label that is not below classes, as an error.
std::optional<ImageDataError> bad_label(const std::vector<std::uint8_t>& labels,
                                        std::size_t classes) {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] >= classes)
      return ImageDataError{"labels[" + num(i) + "]", "is " + num(labels[i]) + ", but there are " +
                                                          num(classes) + " classes"};
  }
  return std::nullopt;
}

}  // namespace

std::optional<ImageDataError> check_image_set(const ImageSet& set) {
  if (auto why = out_of_range(set.rows, 1, kMaxImageSide)) return ImageDataError{"rows", *why};
  if (auto why = out_of_range(set.cols, 1, kMaxImageSide)) return ImageDataError{"cols", *why};
  if (set.class_names.empty() || set.class_names.size() > kMaxClasses)
    return ImageDataError{"class_names", "must hold 1 to " + num(kMaxClasses) + " names, got " +
                                             num(set.class_names.size())};
  std::uint64_t names_bytes = 0;
  for (std::size_t i = 0; i < set.class_names.size(); ++i) {
    const std::string& n = set.class_names[i];
    if (n.empty() || n.find('\n') != std::string::npos)
      return ImageDataError{"class_names[" + num(i) + "]", "must be non-empty, without newline"};
    names_bytes += n.size() + 1;
  }
  if (names_bytes > kMaxNamesBytes)
    return ImageDataError{"class_names",
                          "take " + num(names_bytes) + " bytes, more than " + num(kMaxNamesBytes)};
  if (set.labels.size() > kMaxImages)
    return ImageDataError{"labels", "more than " + num(kMaxImages) + " images"};
  if (std::uint64_t(set.pixels.size()) != std::uint64_t(set.labels.size()) * set.image_size())
    return ImageDataError{"pixels", "holds " + num(set.pixels.size()) + " bytes, " +
                                        num(set.labels.size()) + " images of " + num(set.rows) +
                                        "x" + num(set.cols) + " need " +
                                        num(std::uint64_t(set.labels.size()) * set.image_size())};
  return bad_label(set.labels, set.class_names.size());
}

ImageSetResult read_nnpi(const std::uint8_t* bytes, std::size_t size) {
  if (size < kNnpiHeaderBytes)
    return failure("header", "truncated: the file has " + num(size) + " bytes, the header needs " +
                                 num(kNnpiHeaderBytes));
  if (std::memcmp(bytes, kNnpiMagic, 4) != 0)
    return failure("magic", "not an NNPI file (its first 4 bytes are not \"NNPI\")");
  const std::uint32_t version = le32(bytes + 4), count = le32(bytes + 8), rows = le32(bytes + 12),
                      cols = le32(bytes + 16), classes = le32(bytes + 20),
                      names_bytes = le32(bytes + 24);
  if (version != kNnpiVersion)
    return failure("header.version",
                   "is " + num(version) + ", this reader knows version " + num(kNnpiVersion));
  if (auto why = out_of_range(count, 0, kMaxImages)) return failure("header.count", *why);
  if (auto why = out_of_range(rows, 1, kMaxImageSide)) return failure("header.rows", *why);
  if (auto why = out_of_range(cols, 1, kMaxImageSide)) return failure("header.cols", *why);
  if (auto why = out_of_range(classes, 1, kMaxClasses)) return failure("header.classes", *why);
  if (auto why = out_of_range(names_bytes, classes * 2, kMaxNamesBytes))
    return failure("header.names_bytes",
                   *why + " (each of the " + num(classes) + " names takes at least 2 bytes)");

  // 64-bit arithmetic: size_t is 32 bits in wasm.
  const std::uint64_t pixels = std::uint64_t(count) * rows * cols;
  const std::uint64_t expected = kNnpiHeaderBytes + std::uint64_t(names_bytes) + count + pixels;
  if (std::uint64_t(size) < expected)
    return failure("file", "truncated: " + num(size) + " bytes, the header's " + num(count) +
                               " images of " + num(rows) + "x" + num(cols) + " need " +
                               num(expected));
  if (std::uint64_t(size) > expected)
    return failure("file", num(size) + " bytes, " + num(size - expected) +
                               " more than the header's counts account for (" + num(expected) +
                               ")");

  ImageSet set;
  set.rows = rows;
  set.cols = cols;
  const char* names = reinterpret_cast<const char*>(bytes + kNnpiHeaderBytes);
  std::size_t start = 0;
  for (std::size_t i = 0; i < names_bytes; ++i) {
    if (names[i] != '\n') continue;
    if (i == start) return failure("names[" + num(set.class_names.size()) + "]", "is empty");
    set.class_names.emplace_back(names + start, i - start);
    start = i + 1;
  }
  if (start != names_bytes) return failure("names", "the last name is not ended by a newline");
  if (set.class_names.size() != classes)
    return failure("names", "holds " + num(set.class_names.size()) + " names, the header says " +
                                num(classes) + " classes");

  const std::uint8_t* labels = bytes + kNnpiHeaderBytes + names_bytes;
  set.labels.assign(labels, labels + count);
  if (auto e = bad_label(set.labels, classes)) return failure(e->field, e->message);
  set.pixels.assign(labels + count, labels + count + pixels);
  ImageSetResult r;
  r.set = std::move(set);
  return r;
}

ImageSetResult read_nnpi_file(const std::string& path) {
  auto bytes = read_whole(path);
  if (!bytes) return failure("file", "cannot read " + path);
  ImageSetResult r = read_nnpi(bytes->data(), bytes->size());
  if (r.error) r.error->message = path + ": " + r.error->message;
  return r;
}

std::vector<std::uint8_t> write_nnpi(const ImageSet& set) {
  std::string names;
  for (const std::string& n : set.class_names) names += n + '\n';
  std::vector<std::uint8_t> out(kNnpiHeaderBytes + names.size() + set.labels.size() +
                                set.pixels.size());
  std::memcpy(out.data(), kNnpiMagic, 4);
  const std::uint32_t header[6] = {
      kNnpiVersion, std::uint32_t(set.labels.size()),      set.rows,
      set.cols,     std::uint32_t(set.class_names.size()), std::uint32_t(names.size())};
  for (int i = 0; i < 6; ++i) put_le32(out.data() + 4 + 4 * i, header[i]);
  std::uint8_t* p = out.data() + kNnpiHeaderBytes;
  p = std::copy(names.begin(), names.end(), p);
  p = std::copy(set.labels.begin(), set.labels.end(), p);
  std::copy(set.pixels.begin(), set.pixels.end(), p);
  return out;
}

ImageSetResult read_idx(const std::uint8_t* images, std::size_t images_size,
                        const std::uint8_t* labels, std::size_t labels_size,
                        std::vector<std::string> class_names) {
  if (images_size < 16) return failure("images", "truncated: shorter than an IDX image header");
  if (be32(images) != 0x803)
    return failure("images.magic", "not IDX images (magic 0x00000803, unsigned bytes, 3-D)");
  if (labels_size < 8) return failure("labels", "truncated: shorter than an IDX label header");
  if (be32(labels) != 0x801)
    return failure("labels.magic", "not IDX labels (magic 0x00000801, unsigned bytes, 1-D)");
  const std::uint32_t count = be32(images + 4), rows = be32(images + 8), cols = be32(images + 12);
  if (auto why = out_of_range(count, 0, kMaxImages)) return failure("images.count", *why);
  if (auto why = out_of_range(rows, 1, kMaxImageSide)) return failure("images.rows", *why);
  if (auto why = out_of_range(cols, 1, kMaxImageSide)) return failure("images.cols", *why);
  if (be32(labels + 4) != count)
    return failure("labels.count",
                   "is " + num(be32(labels + 4)) + ", the images are " + num(count));
  const std::uint64_t pixels = std::uint64_t(count) * rows * cols;
  if (std::uint64_t(images_size) != 16 + pixels)
    return failure("images", num(images_size) + " bytes, " + num(count) + " images of " +
                                 num(rows) + "x" + num(cols) + " need " + num(16 + pixels) +
                                 (std::uint64_t(images_size) < 16 + pixels ? " (truncated)" : ""));
  if (std::uint64_t(labels_size) != 8 + std::uint64_t(count))
    return failure("labels", num(labels_size) + " bytes, " + num(count) + " labels need " +
                                 num(8 + std::uint64_t(count)));

  ImageSet set;
  set.rows = rows;
  set.cols = cols;
  set.class_names = std::move(class_names);
  set.labels.assign(labels + 8, labels + 8 + count);
  set.pixels.assign(images + 16, images + 16 + pixels);
  if (auto e = check_image_set(set)) return failure(e->field, e->message);
  ImageSetResult r;
  r.set = std::move(set);
  return r;
}

ImageSetResult read_idx_files(const std::string& images_path, const std::string& labels_path,
                              std::vector<std::string> class_names) {
  auto images = read_whole(images_path);
  if (!images) return failure("images", "cannot read " + images_path);
  auto labels = read_whole(labels_path);
  if (!labels) return failure("labels", "cannot read " + labels_path);
  return read_idx(images->data(), images->size(), labels->data(), labels->size(),
                  std::move(class_names));
}

}  // namespace nnplay::image
