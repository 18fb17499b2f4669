// The reference's datasets (same formulas, same order of random draws), plus the logic gates
// of the perceptron lab, and the shuffle and train/test split.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "rng.hpp"

namespace nnplay {

struct Point {
  double x, y, label;
};

struct DataSplit {
  std::vector<Point> train, test;
};

enum class Dataset {
  Circle,
  Xor,
  Gauss,
  Spiral,  // classification (500 points)
  RegPlane,
  RegGauss,  // regression (1200 points)
  LogicAnd,
  LogicOr,
  LogicNand,
  LogicNor,
  LogicXor,
  LogicNot  // truth tables on [0,1]^2
};

const char* dataset_name(Dataset d);
std::optional<Dataset> parse_dataset(const std::string& name);
bool is_regression_dataset(Dataset d);
bool is_logic_dataset(Dataset d);

constexpr int kClassifySamples = 500;
constexpr int kRegressSamples = 1200;
// Points per truth-table row when a logic dataset has noise.
constexpr int kLogicCloudSamples = 100;

// The points of a dataset before shuffling; noise is the fraction (percent / 100).
std::vector<Point> generate_points(Dataset d, int count, double noise, SeedRandom& rng);

// Fisher-Yates from the last index down, as the reference.
void shuffle_points(std::vector<Point>& points, SeedRandom& rng);

// Generate, shuffle and split as the reference's generateData(); a logic dataset without
// noise is its truth table, used whole as both training and test set, with no draws.
DataSplit make_data(Dataset d, double noise_percent, double perc_train, SeedRandom& rng);

}  // namespace nnplay
