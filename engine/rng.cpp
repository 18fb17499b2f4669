// ARC4 keystream and seedrandom's key mixing and double construction; see rng.hpp.
#include "rng.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace nnplay {

namespace {
constexpr double kWidth = 256.0;
constexpr double kStartDenom = 281474976710656.0;     // 2^48
constexpr double kSignificance = 4503599627370496.0;  // 2^52
constexpr double kOverflow = 9007199254740992.0;      // 2^53
}  // namespace

std::u16string utf8_to_utf16(const std::string& text) {
  std::u16string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t k = 0;
  while (k < n) {
    unsigned char c = p[k];
    char32_t cp = 0xFFFD;
    int len = 1;
    if (c < 0x80) {
      cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
    }
    if (len > 1) {
      bool ok = k + len <= n;
      char32_t v = c & (0x7F >> len);
      for (int m = 1; ok && m < len; ++m) {
        if ((p[k + m] & 0xC0) != 0x80)
          ok = false;
        else
          v = (v << 6) | (p[k + m] & 0x3F);
      }
      if (ok)
        cp = v;
      else
        len = 1;
    }
    k += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

std::string seed_string(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.5f", r);
  return buf;
}

SeedRandom::SeedRandom(const std::string& seed_utf8) { seed(seed_utf8); }

void SeedRandom::seed(const std::string& seed_utf8) {
  // mixkey(): smear the UTF-16 code units into a key of at most 256 bytes.
  const std::u16string units = utf8_to_utf16(seed_utf8);
  std::vector<int> key;
  int smear = 0;
  for (std::size_t j = 0; j < units.size(); ++j) {
    const std::size_t slot = j & 255;
    if (slot >= key.size()) key.resize(slot + 1, 0);
    smear ^= key[slot] * 19;
    key[slot] = (smear + units[j]) & 255;
  }
  if (key.empty()) key.push_back(0);  // the empty key acts as [0]
  // RC4 key schedule.
  for (int k = 0; k < 256; ++k) s_[k] = static_cast<std::uint8_t>(k);
  unsigned j = 0;
  const std::size_t keylen = key.size();
  for (int k = 0; k < 256; ++k) {
    const std::uint8_t t = s_[k];
    j = (j + key[k % keylen] + t) & 255;
    s_[k] = s_[j];
    s_[j] = t;
  }
  i_ = 0;
  j_ = 0;
  keystream(256);  // seedrandom discards the first 256 bytes
}

std::string SeedRandom::save_state() const {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(516);
  auto put = [&](std::uint8_t b) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  };
  for (std::uint8_t b : s_) put(b);
  put(i_);
  put(j_);
  return out;
}

bool SeedRandom::load_state(const std::string& hex) {
  if (hex.size() != 516) return false;
  auto digit = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::array<std::uint8_t, 258> bytes{};
  std::array<bool, 256> seen{};
  for (std::size_t k = 0; k < bytes.size(); ++k) {
    const int hi = digit(hex[2 * k]), lo = digit(hex[2 * k + 1]);
    if (hi < 0 || lo < 0) return false;
    bytes[k] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  // ARC4's S box is always a permutation of 0..255.
  for (std::size_t k = 0; k < 256; ++k) {
    if (seen[bytes[k]]) return false;
    seen[bytes[k]] = true;
  }
  std::copy(bytes.begin(), bytes.begin() + 256, s_.begin());
  i_ = bytes[256];
  j_ = bytes[257];
  return true;
}

double SeedRandom::keystream(int count) {
  double r = 0;
  std::uint8_t i = i_, j = j_;
  while (count--) {
    i = static_cast<std::uint8_t>(i + 1);
    const std::uint8_t t = s_[i];
    j = static_cast<std::uint8_t>(j + t);
    s_[i] = s_[j];
    s_[j] = t;
    r = r * kWidth + s_[static_cast<std::uint8_t>(s_[i] + t)];
  }
  i_ = i;
  j_ = j;
  return r;
}

double SeedRandom::next() {
  double n = keystream(6), d = kStartDenom, x = 0;
  while (n < kSignificance) {
    n = (n + x) * kWidth;
    d *= kWidth;
    x = keystream(1);
  }
  while (n >= kOverflow) {
    n /= 2;
    d /= 2;
    x = static_cast<double>(static_cast<std::uint32_t>(x) >> 1);
  }
  return (n + x) / d;
}

}  // namespace nnplay
