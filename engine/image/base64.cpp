// Base64 and float32 arrays (base64.hpp).
#include "base64.hpp"

#include <cstring>

namespace nnplay::image {

namespace {

const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int digit_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::string base64_encode(const std::uint8_t* bytes, std::size_t size) {
  std::string out;
  out.reserve((size + 2) / 3 * 4);
  for (std::size_t i = 0; i < size; i += 3) {
    const std::size_t n = size - i < 3 ? size - i : 3;
    std::uint32_t v = std::uint32_t(bytes[i]) << 16;
    if (n > 1) v |= std::uint32_t(bytes[i + 1]) << 8;
    if (n > 2) v |= bytes[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += n > 1 ? kAlphabet[(v >> 6) & 63] : '=';
    out += n > 2 ? kAlphabet[v & 63] : '=';
  }
  return out;
}

std::optional<std::string> base64_decode(const std::string& text, std::vector<std::uint8_t>& out) {
  out.clear();
  if (text.size() % 4 != 0)
    return "its length " + std::to_string(text.size()) + " is not a multiple of 4";
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    int pad = 0;
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = text[i + k];
      int d = digit_value(c);
      // '=' only at the end: one in the last place, or two in the last two.
      if (c == '=' && last && k >= 2 && (k == 3 || text[i + 3] == '=')) {
        ++pad;
        d = 0;
      } else if (d < 0 || pad) {
        out.clear();
        return "character " + std::to_string(i + k) + " is not base64";
      }
      v = v << 6 | std::uint32_t(d);
    }
    out.push_back(std::uint8_t(v >> 16));
    if (pad < 2) out.push_back(std::uint8_t(v >> 8));
    if (pad < 1) out.push_back(std::uint8_t(v));
  }
  return std::nullopt;
}

std::string floats_to_base64(const float* values, std::size_t count) {
  std::vector<std::uint8_t> bytes(count * 4);
  for (std::size_t i = 0; i < count; ++i) {
    std::uint32_t u = 0;
    std::memcpy(&u, &values[i], 4);
    for (int b = 0; b < 4; ++b) bytes[i * 4 + std::size_t(b)] = std::uint8_t(u >> (8 * b));
  }
  return base64_encode(bytes.data(), bytes.size());
}

std::optional<std::string> base64_to_floats(const std::string& text, std::vector<float>& out) {
  std::vector<std::uint8_t> bytes;
  if (auto why = base64_decode(text, bytes)) return why;
  if (bytes.size() % 4 != 0)
    return std::to_string(bytes.size()) + " bytes are not whole float32 values";
  out.resize(bytes.size() / 4);
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::uint32_t u = 0;
    for (int b = 0; b < 4; ++b) u |= std::uint32_t(bytes[i * 4 + std::size_t(b)]) << (8 * b);
    std::memcpy(&out[i], &u, 4);
  }
  return std::nullopt;
}

}  // namespace nnplay::image
