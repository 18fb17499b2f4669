// The generator must replay seedrandom's stream (the full comparison against the npm package
// is in tests/bindings; these are the values the reference documents).
#include "rng.hpp"

#include <catch2/catch.hpp>
#include <string>

using nnplay::SeedRandom;

TEST_CASE("seed 0.12345 gives the reference's first doubles", "[rng]") {
  SeedRandom rng("0.12345");
  CHECK(rng.next() == 0.9152007406557323);
  CHECK(rng.next() == 0.4702753218035592);
  CHECK(rng.next() == 0.2736265229359467);
}

TEST_CASE("quick() gives seedrandom's prng.quick(), from the same stream as next()", "[rng]") {
  // The values of npm seedrandom 3.0.5: seedrandom(seed).quick(), and quick, (), quick.
  SeedRandom masks(
      std::string("0.12345\0dropout\0"
                  "0",
                  17));
  CHECK(masks.quick() == 0.012044653063639998);
  CHECK(masks.quick() == 0.27017317083664238);
  CHECK(masks.quick() == 0.35273942234925926);
  CHECK(masks.quick() == 0.45867914962582290);
  SeedRandom rng("0.12345");
  CHECK(rng.quick() == 0.91520074056461453);
  CHECK(rng.next() == 0.39134833039494282);
  CHECK(rng.quick() == 0.26216252287849784);
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
