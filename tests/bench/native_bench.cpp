// Native training speed: configures a Session from the bench config (a JSON file,
// written by scripts/bench from tests/bench/bench-config.mjs), warms up, then times blocks of
// session.train_epochs(1) calls (training only, no losses). Prints one JSON line:
//   {"train_epochs_per_s_native": N}
// Usage: nnplay_bench CONFIG.json [--quick]. Exit status 1 on a bad file or config.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "session.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: nnplay_bench CONFIG.json [--quick]\n";
    return 1;
  }
  const bool quick = argc > 2 && std::strcmp(argv[2], "--quick") == 0;
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "nnplay_bench: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();

  nnplay::Session session;
  const auto result = session.configure(text.str());
  if (!result.ok) {
    for (const auto& e : result.errors)
      std::cerr << "nnplay_bench: " << e.field << ": " << e.message << "\n";
    return 1;
  }
#ifndef NDEBUG
  std::cerr << "nnplay_bench: warning: built without NDEBUG (not a Release build)\n";
#endif

  const int warmup = quick ? 50 : 1000, blocks = quick ? 3 : 9, calls = quick ? 100 : 1000;
  for (int i = 0; i < warmup; ++i) session.train_epochs(1);
  std::vector<double> rates;
  for (int b = 0; b < blocks; ++b) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < calls; ++i) session.train_epochs(1);
    const std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
    rates.push_back(calls / dt.count());
  }
  std::sort(rates.begin(), rates.end());
  const double median = rates[rates.size() / 2];  // blocks is odd
  // Trained weights stay finite: a diverged run would time something else.
  session.step(0);
  if (!std::isfinite(session.train_loss())) {
    std::cerr << "nnplay_bench: training diverged (loss not finite)\n";
    return 1;
  }
  std::printf("{\"train_epochs_per_s_native\": %.0f}\n", median);
  return 0;
}
