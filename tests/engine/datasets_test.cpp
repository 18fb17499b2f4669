// Datasets: the golden run's points, and for every dataset its counts, balance and ranges.
#include <algorithm>
#include <cmath>

#include "test_helpers.hpp"

using namespace nnplay;
using nnplay::test::configured;

TEST_CASE("circle with seed 0.12345 gives the reference's first points", "[datasets]") {
  Session s = configured(R"({"seed": "0.12345"})");
  REQUIRE(s.train_points().size() == 250);
  REQUIRE(s.test_points().size() == 250);
  const Point& tr = s.train_points()[0];
  CHECK(tr.x == Approx(4.618077316847547).margin(1e-12));
  CHECK(tr.y == Approx(-1.8354395887379444).margin(1e-12));
  CHECK(tr.label == -1);
  const Point& te = s.test_points()[0];
  CHECK(te.x == Approx(-3.4718897502916657).margin(1e-12));
  CHECK(te.y == Approx(2.1936436677766484).margin(1e-12));
  CHECK(te.label == -1);
}

namespace {
struct Expect {
  const char* name;
  bool regression;
  std::size_t count;
  double max_abs;  // every coordinate within this
};
}  // namespace

TEST_CASE("every dataset: counts - label balance - ranges", "[datasets]") {
  const Expect cases[] = {{"circle", false, 500, 5.0},    {"xor", false, 500, 5.3},
                          {"gauss", false, 500, 8.0},     {"spiral", false, 500, 5.0},
                          {"reg-plane", true, 1200, 6.0}, {"reg-gauss", true, 1200, 6.0}};
  for (const Expect& e : cases) {
    DYNAMIC_SECTION(e.name) {
      SeedRandom rng("datasets");
      const Dataset d = *parse_dataset(e.name);
      const int count = e.regression ? kRegressSamples : kClassifySamples;
      std::vector<Point> pts = generate_points(d, count, 0.0, rng);
      REQUIRE(pts.size() == e.count);
      std::size_t positive = 0;
      for (const Point& p : pts) {
        REQUIRE(std::abs(p.x) <= e.max_abs);
        REQUIRE(std::abs(p.y) <= e.max_abs);
        if (e.regression) {
          // reg-plane maps x + y in [-12, 12] linearly, unclamped: |label| <= 1.2.
          REQUIRE(std::abs(p.label) <= 1.2 + 1e-12);
        } else {
          REQUIRE((p.label == 1 || p.label == -1));
          positive += p.label > 0;
        }
      }
      if (!e.regression) {
        // circle, gauss, spiral: exactly half; xor: by quadrant, about half.
        if (std::string(e.name) == "xor") {
          CHECK(positive > 200);
          CHECK(positive < 300);
        } else {
          CHECK(positive == 250);
        }
      }
    }
  }
}

TEST_CASE("train ratio splits after the shuffle", "[datasets]") {
  Session s = configured(R"({"seed": "x", "dataset": "spiral", "percTrainData": 30})");
  CHECK(s.train_points().size() == 150);
  CHECK(s.test_points().size() == 350);
  Session r = configured(R"({"seed": "x", "problem": "regression", "percTrainData": 10})");
  CHECK(r.train_points().size() == 120);
  CHECK(r.test_points().size() == 1080);
}

TEST_CASE("noise flips circle labels but does not move the points", "[datasets]") {
  SeedRandom a("n"), b("n");
  auto clean = generate_points(Dataset::Circle, 500, 0.0, a);
  auto noisy = generate_points(Dataset::Circle, 500, 0.5, b);
  int flipped = 0;
  for (std::size_t i = 0; i < clean.size(); ++i) {
    REQUIRE(clean[i].x == noisy[i].x);
    flipped += clean[i].label != noisy[i].label;
  }
  CHECK(flipped > 0);
}

TEST_CASE("logic datasets are truth tables without noise", "[datasets][perceptron]") {
  Session s = configured(R"({"dataset": "logic-and", "seed": "t"})");
  const auto& train = s.train_points();
  REQUIRE(train.size() == 4);
  CHECK(s.test_points().size() == 4);
  CHECK(train[0].label == -1);  // 0 AND 0
  CHECK(train[3].label == 1);   // 1 AND 1
  CHECK(train[3].x == 1);
  CHECK(train[3].y == 1);
  Session n = configured(R"({"dataset": "logic-not", "seed": "t"})");
  REQUIRE(n.train_points().size() == 2);
  CHECK(n.train_points()[0].label == 1);   // NOT 0
  CHECK(n.train_points()[1].label == -1);  // NOT 1
  Session x = configured(R"({"dataset": "logic-xor", "seed": "t"})");
  CHECK(x.train_points()[1].label == 1);  // 0 XOR 1
  CHECK(x.train_points()[3].label == -1);
}

TEST_CASE("logic datasets with noise are clouds around the corners", "[datasets][perceptron]") {
  Session s = configured(R"({"dataset": "logic-or", "seed": "t", "noise": 20})");
  CHECK(s.train_points().size() == 200);
  CHECK(s.test_points().size() == 200);
  for (const Point& p : s.train_points()) {
    const double cx = std::round(p.x), cy = std::round(p.y);
    REQUIRE(std::abs(p.x - cx) <= 0.2);
    REQUIRE(std::abs(p.y - cy) <= 0.2);
    REQUIRE(p.label == ((cx > 0 || cy > 0) ? 1 : -1));
  }
}
