// Native training speed of the image engine: the ConvNetJS MNIST network
// (engine/image/train_spec.hpp, convnetjs_spec: 24x24 crops, conv 5x5 8, pool 2, conv 5x5 16,
// pool 3, softmax; momentum, batch 20) on the digits (DATA_DIR/digits-train.nnpi, written by
// scripts/image-data.mjs). Warms up, then times blocks of batches. Prints one JSON line:
//   {"cnn_examples_per_s_native": N}
// Usage: nnplay_image_bench DATA_DIR [--quick]. Exit status 1 on a missing or bad file.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <vector>

#include "image/image_data.hpp"
#include "image/image_trainer.hpp"
#include "image/train_spec.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: nnplay_image_bench DATA_DIR [--quick]\n";
    return 1;
  }
  const bool quick = argc > 2 && std::strcmp(argv[2], "--quick") == 0;
  const std::string path = std::string(argv[1]) + "/digits-train.nnpi";
  const nnplay::image::ImageSetResult data = nnplay::image::read_nnpi_file(path);
  if (!data.ok()) {
    std::cerr << "nnplay_image_bench: " << path << ": " << data.error->field << ": "
              << data.error->message << "\n";
    return 1;
  }
  const nnplay::image::TrainSpec spec = nnplay::image::convnetjs_spec();
  if (auto why = nnplay::image::ImageTrainer::check(spec, data.set)) {
    std::cerr << "nnplay_image_bench: " << *why << "\n";
    return 1;
  }
  nnplay::image::ImageTrainer trainer(spec, data.set);

  const int warmup = quick ? 10 : 100, blocks = quick ? 3 : 9, batches = quick ? 10 : 100;
  for (int i = 0; i < warmup; ++i) trainer.train_batch();
  std::vector<double> rates;
  double loss = 0;
  for (int b = 0; b < blocks; ++b) {
    long long examples = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < batches; ++i) {
      const nnplay::image::BatchStats s = trainer.train_batch();
      examples += s.examples;
      loss = s.loss_sum;
    }
    const std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
    rates.push_back(double(examples) / dt.count());
  }
  if (!std::isfinite(loss)) {
    std::cerr << "nnplay_image_bench: training diverged (loss not finite)\n";
    return 1;
  }
  std::sort(rates.begin(), rates.end());
  std::printf("{\"cnn_examples_per_s_native\": %.0f}\n", rates[rates.size() / 2]);
  return 0;
}
