// Shared helpers for the engine tests.
#pragma once
#include <catch2/catch.hpp>
#include <string>

#include "session.hpp"

namespace nnplay::test {

// A session configured from JSON text; the test fails if the config is refused.
inline Session configured(const std::string& json) {
  Session s;
  const ConfigureResult r = s.configure(json);
  INFO("config: " << json);
  for (const auto& e : r.errors) INFO(e.field << ": " << e.message);
  REQUIRE(r.ok);
  return s;
}

inline Approx near(double v, double eps = 1e-9) { return Approx(v).margin(eps).epsilon(0); }

}  // namespace nnplay::test
