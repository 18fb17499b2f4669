// Base64 (RFC 4648, standard alphabet, '=' padding, no line breaks) and float32 arrays as
// base64 of their little-endian bytes: the image model file's weights and optimizer state.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nnplay::image {

std::string base64_encode(const std::uint8_t* bytes, std::size_t size);
// The bytes, or the reason the text is not base64 ("character 12 is not base64", "its length
// 7 is not a multiple of 4").
std::optional<std::string> base64_decode(const std::string& text, std::vector<std::uint8_t>& out);

// float32 little-endian whatever the host's order, so a file reads the same everywhere.
std::string floats_to_base64(const float* values, std::size_t count);
std::optional<std::string> base64_to_floats(const std::string& text, std::vector<float>& out);

}  // namespace nnplay::image
