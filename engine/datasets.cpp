// Dataset generators; each follows the reference's formulas and order of draws exactly,
// because the same seed must give the same points (and then the same initial weights).
#include "datasets.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace nnplay {

namespace {

const double kPi = std::acos(-1.0);

double uniform(SeedRandom& rng, double a, double b) { return rng.next() * (b - a) + a; }

// Marsaglia polar method as the reference's normalRandom (v2 is discarded).
double normal(SeedRandom& rng, double mean, double variance) {
  double v1, v2, s;
  do {
    v1 = 2 * rng.next() - 1;
    v2 = 2 * rng.next() - 1;
    s = v1 * v1 + v2 * v2;
  } while (s > 1);
  const double result = std::sqrt(-2 * std::log(s) / s) * v1;
  return mean + std::sqrt(variance) * result;
}

// d3's linear scale: domain [d0, d1] to range [r0, r1].
double linear_scale(double v, double d0, double d1, double r0, double r1) {
  const double t = (v - d0) / (d1 - d0);
  return r0 * (1 - t) + r1 * t;
}

double dist(double x, double y, double cx, double cy) {
  const double dx = x - cx, dy = y - cy;
  return std::sqrt(dx * dx + dy * dy);
}

void circle(std::vector<Point>& pts, int n, double noise, SeedRandom& rng) {
  const double radius = 5;
  auto ring = [&](double r_lo, double r_hi) {
    for (int i = 0; i < n / 2; ++i) {
      const double r = uniform(rng, r_lo, r_hi);
      const double angle = uniform(rng, 0, 2 * kPi);
      const double x = r * std::sin(angle), y = r * std::cos(angle);
      const double nx = uniform(rng, -radius, radius) * noise;
      const double ny = uniform(rng, -radius, radius) * noise;
      const double label = dist(x + nx, y + ny, 0, 0) < radius * 0.5 ? 1 : -1;
      pts.push_back({x, y, label});
    }
  };
  ring(0, radius * 0.5);
  ring(radius * 0.7, radius);
}

void xor_data(std::vector<Point>& pts, int n, double noise, SeedRandom& rng) {
  const double padding = 0.3;
  for (int i = 0; i < n; ++i) {
    double x = uniform(rng, -5, 5);
    x += x > 0 ? padding : -padding;
    double y = uniform(rng, -5, 5);
    y += y > 0 ? padding : -padding;
    const double nx = uniform(rng, -5, 5) * noise;
    const double ny = uniform(rng, -5, 5) * noise;
    pts.push_back({x, y, (x + nx) * (y + ny) >= 0 ? 1.0 : -1.0});
  }
}

void gauss(std::vector<Point>& pts, int n, double noise, SeedRandom& rng) {
  const double variance = linear_scale(noise, 0, 0.5, 0.5, 4);
  auto blob = [&](double cx, double cy, double label) {
    for (int i = 0; i < n / 2; ++i) {
      const double x = normal(rng, cx, variance);
      const double y = normal(rng, cy, variance);
      pts.push_back({x, y, label});
    }
  };
  blob(2, 2, 1);
  blob(-2, -2, -1);
}

void spiral(std::vector<Point>& pts, int n_total, double noise, SeedRandom& rng) {
  const double n = n_total / 2;
  auto arm = [&](double delta_t, double label) {
    for (int i = 0; i < n; ++i) {
      const double r = i / n * 5;
      const double t = 1.75 * i / n * 2 * kPi + delta_t;
      const double x = r * std::sin(t) + uniform(rng, -1, 1) * noise;
      const double y = r * std::cos(t) + uniform(rng, -1, 1) * noise;
      pts.push_back({x, y, label});
    }
  };
  arm(0, 1);
  arm(kPi, -1);
}

double reg_gauss_label(double x, double y) {
  static const double centres[6][3] = {{-4, 2.5, 1},   {0, 2.5, -1}, {4, 2.5, 1},
                                       {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  double label = 0;
  for (const auto& c : centres) {
    const double t = std::clamp(dist(x, y, c[0], c[1]) / 2, 0.0, 1.0);
    const double v = c[2] * (1 * (1 - t) + 0 * t);
    if (std::abs(v) > std::abs(label)) label = v;
  }
  return label;
}

void regression(std::vector<Point>& pts, int n, double noise, bool plane, SeedRandom& rng) {
  const double radius = 6;
  for (int i = 0; i < n; ++i) {
    const double x = uniform(rng, -radius, radius);
    const double y = uniform(rng, -radius, radius);
    const double nx = uniform(rng, -radius, radius) * noise;
    const double ny = uniform(rng, -radius, radius) * noise;
    const double label =
        plane ? linear_scale(x + nx + (y + ny), -10, 10, -1, 1) : reg_gauss_label(x + nx, y + ny);
    pts.push_back({x, y, label});
  }
}

bool logic_value(Dataset d, int a, int b) {
  switch (d) {
    case Dataset::LogicAnd: return a && b;
    case Dataset::LogicOr: return a || b;
    case Dataset::LogicNand: return !(a && b);
    case Dataset::LogicNor: return !(a || b);
    case Dataset::LogicXor: return a != b;
    default: return !a;  // NOT of x alone
  }
}

// Truth-table rows (x1, x2) of a logic dataset: NOT has two rows on x alone.
std::vector<std::pair<int, int>> logic_rows(Dataset d) {
  if (d == Dataset::LogicNot) return {{0, 0}, {1, 0}};
  return {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
}

void logic(std::vector<Point>& pts, Dataset d, int per_row, double noise, SeedRandom& rng) {
  for (auto [a, b] : logic_rows(d)) {
    const double label = logic_value(d, a, b) ? 1 : -1;
    if (noise == 0) {
      pts.push_back({double(a), double(b), label});
      continue;
    }
    for (int i = 0; i < per_row; ++i) {
      const double x = a + uniform(rng, -1, 1) * noise;
      const double y = b + uniform(rng, -1, 1) * noise;
      pts.push_back({x, y, label});
    }
  }
}

struct DatasetInfo {
  Dataset d;
  const char* name;
};
const DatasetInfo kDatasets[] = {
    {Dataset::Circle, "circle"},        {Dataset::Xor, "xor"},
    {Dataset::Gauss, "gauss"},          {Dataset::Spiral, "spiral"},
    {Dataset::RegPlane, "reg-plane"},   {Dataset::RegGauss, "reg-gauss"},
    {Dataset::LogicAnd, "logic-and"},   {Dataset::LogicOr, "logic-or"},
    {Dataset::LogicNand, "logic-nand"}, {Dataset::LogicNor, "logic-nor"},
    {Dataset::LogicXor, "logic-xor"},   {Dataset::LogicNot, "logic-not"},
};

}  // namespace

const char* dataset_name(Dataset d) {
  for (const auto& info : kDatasets)
    if (info.d == d) return info.name;
  return "circle";
}

std::optional<Dataset> parse_dataset(const std::string& name) {
  for (const auto& info : kDatasets)
    if (name == info.name) return info.d;
  return std::nullopt;
}

bool is_regression_dataset(Dataset d) { return d == Dataset::RegPlane || d == Dataset::RegGauss; }

bool is_logic_dataset(Dataset d) { return d >= Dataset::LogicAnd; }

std::vector<Point> generate_points(Dataset d, int count, double noise, SeedRandom& rng) {
  std::vector<Point> pts;
  pts.reserve(count);
  switch (d) {
    case Dataset::Circle: circle(pts, count, noise, rng); break;
    case Dataset::Xor: xor_data(pts, count, noise, rng); break;
    case Dataset::Gauss: gauss(pts, count, noise, rng); break;
    case Dataset::Spiral: spiral(pts, count, noise, rng); break;
    case Dataset::RegPlane: regression(pts, count, noise, true, rng); break;
    case Dataset::RegGauss: regression(pts, count, noise, false, rng); break;
    default: logic(pts, d, count, noise, rng); break;
  }
  return pts;
}

void shuffle_points(std::vector<Point>& points, SeedRandom& rng) {
  std::size_t counter = points.size();
  while (counter > 0) {
    const auto index = static_cast<std::size_t>(std::floor(rng.next() * counter));
    --counter;
    std::swap(points[counter], points[index]);
  }
}

DataSplit make_data(Dataset d, double noise_percent, double perc_train, SeedRandom& rng) {
  const double noise = noise_percent / 100;
  DataSplit split;
  if (is_logic_dataset(d) && noise == 0) {
    split.train = generate_points(d, 1, 0, rng);
    split.test = split.train;
    return split;
  }
  const int count = is_logic_dataset(d)        ? kLogicCloudSamples
                    : is_regression_dataset(d) ? kRegressSamples
                                               : kClassifySamples;
  std::vector<Point> pts = generate_points(d, count, noise, rng);
  shuffle_points(pts, rng);
  const auto split_index = static_cast<std::size_t>(std::floor(pts.size() * perc_train / 100));
  split.train.assign(pts.begin(), pts.begin() + split_index);
  split.test.assign(pts.begin() + split_index, pts.end());
  return split;
}

}  // namespace nnplay
