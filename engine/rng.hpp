// Seeded random generator: a C++ port of the ARC4 generator of the npm package `seedrandom`
// (3.0.5), so that a seed string gives the same doubles as the reference playground.
#pragma once
#include <array>
#include <cstdint>
#include <string>

namespace nnplay {

class SeedRandom {
 public:
  explicit SeedRandom(const std::string& seed_utf8 = "");
  // Re-seeds as `Math.seedrandom(seed)` does.
  void seed(const std::string& seed_utf8);
  // The next double in [0, 1), as seedrandom's prng().
  double next();
  // The generator's position: its S box and i, j as 516 lowercase hex digits (S[0..255], i, j),
  // and back. load_state refuses (false, nothing changed) text that is not such a state.
  std::string save_state() const;
  bool load_state(const std::string& hex);

 private:
  // The next `count` keystream bytes as one number (ARC4's g()).
  double keystream(int count);
  std::array<std::uint8_t, 256> s_{};
  std::uint8_t i_ = 0, j_ = 0;
};

// UTF-8 to UTF-16 code units, as JavaScript sees a string (invalid bytes become U+FFFD).
std::u16string utf8_to_utf16(const std::string& text);

// JavaScript's Number.prototype.toFixed(5) for a value in [0, 1]: the reference's seed format.
std::string seed_string(double r);

}  // namespace nnplay
