// The generator must replay seedrandom's stream (the full comparison against the npm package
// is in tests/bindings; these are the values the reference documents).
#include "rng.hpp"

#include <catch2/catch.hpp>

using nnplay::SeedRandom;

TEST_CASE("seed 0.12345 gives the reference's first doubles", "[rng]") {
  SeedRandom rng("0.12345");
  CHECK(rng.next() == 0.9152007406557323);
  CHECK(rng.next() == 0.4702753218035592);
  CHECK(rng.next() == 0.2736265229359467);
}

TEST_CASE("re-seeding restarts the stream and different seeds differ", "[rng]") {
  SeedRandom a("abc"), b("abd");
  const double first = a.next();
  CHECK(first != b.next());
  a.next();
  a.seed("abc");
  CHECK(a.next() == first);
}

TEST_CASE("doubles stay in the unit interval", "[rng]") {
  SeedRandom rng("");
  for (int i = 0; i < 100000; ++i) {
    const double r = rng.next();
    REQUIRE(r >= 0.0);
    REQUIRE(r < 1.0);
  }
}

TEST_CASE("UTF-8 seeds become UTF-16 code units as in JavaScript", "[rng]") {
  CHECK(nnplay::utf8_to_utf16("a\xC3\xA9") == std::u16string{u'a', 0x00E9});
  // U+1F600 is a surrogate pair in UTF-16.
  CHECK(nnplay::utf8_to_utf16("\xF0\x9F\x98\x80") == std::u16string{0xD83D, 0xDE00});
  // A broken byte becomes U+FFFD and does not swallow what follows.
  CHECK(nnplay::utf8_to_utf16("\xC3"
                              "a") == std::u16string{0xFFFD, u'a'});
}

TEST_CASE("seed strings look like the reference's toFixed(5)", "[rng]") {
  CHECK(nnplay::seed_string(0.9152007406557323) == "0.91520");
  CHECK(nnplay::seed_string(0.123456) == "0.12346");
  CHECK(nnplay::seed_string(0.0) == "0.00000");
}
