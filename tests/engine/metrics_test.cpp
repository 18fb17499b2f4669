// Session's regression metrics: RMSE and R^2 of the output against the targets, checked against
// values computed here from the session's own outputs and points (not from its sums).
#include <cmath>

#include "test_helpers.hpp"

using namespace nnplay;
using nnplay::test::configured;
using nnplay::test::near;

namespace {

struct Expected {
  double rmse, r2;
};

// Two passes over the points: the mean of the targets first, then the sums of squares.
Expected expected_metrics(Session& s, const std::vector<Point>& pts) {
  double mean = 0;
  for (const auto& p : pts) mean += p.label;
  mean /= double(pts.size());
  double res = 0, tot = 0;
  for (const auto& p : pts) {
    const double out = s.predict(p.x, p.y);
    res += (out - p.label) * (out - p.label);
    tot += (p.label - mean) * (p.label - mean);
  }
  return {std::sqrt(res / double(pts.size())), 1 - res / tot};
}

}  // namespace

TEST_CASE("metrics: RMSE and R^2 of a regression, train and test, as computed by hand",
          "[session][metrics]") {
  Session s = configured(R"({"seed": "0.5", "problem": "regression", "regDataset": "reg-gauss",
                             "networkShape": [3]})");
  const double r2_at_start = s.train_r2();
  for (int round = 0; round < 2; ++round) {
    const Expected train = expected_metrics(s, s.train_points());
    const Expected test = expected_metrics(s, s.test_points());
    CHECK(s.train_rmse() == near(train.rmse, 1e-12));
    CHECK(s.test_rmse() == near(test.rmse, 1e-12));
    CHECK(s.train_r2() == near(train.r2, 1e-9));
    CHECK(s.test_r2() == near(test.r2, 1e-9));
    // The loss is half the mean squared error: RMSE = sqrt(2 loss).
    CHECK(s.train_rmse() == near(std::sqrt(2 * s.train_loss()), 1e-12));
    s.step(200);  // and again after training, where R^2 has grown
  }
  CHECK(s.train_r2() > r2_at_start + 0.1);
}

TEST_CASE("metrics: NaN for classification, without points, and when every target is equal",
          "[session][metrics]") {
  Session c = configured(R"({"seed": "0.5", "networkShape": [2]})");
  CHECK(std::isnan(c.train_rmse()));
  CHECK(std::isnan(c.test_r2()));
  Session none = configured(R"({"seed": "0.5", "problem": "regression", "percTrainData": 100,
                                "networkShape": [2]})");
  CHECK(std::isfinite(none.train_rmse()));
  CHECK(std::isnan(none.test_rmse()));
  CHECK(std::isnan(none.test_r2()));
  // Targets all 0.25: SS_tot is 0, so R^2 is NaN; the RMSE is still the error's size.
  Session flat = configured(R"({"seed": "0.5", "problem": "regression", "networkShape": [],
    "points": {"train": [[0, 0, 0.25], [1, 1, 0.25]], "test": [[2, 2, 0.25]]}})");
  CHECK(std::isnan(flat.train_r2()));
  CHECK(std::isfinite(flat.train_rmse()));
  const double out = flat.predict(0, 0), out1 = flat.predict(1, 1);
  CHECK(flat.train_rmse() ==
        near(std::sqrt(((out - 0.25) * (out - 0.25) + (out1 - 0.25) * (out1 - 0.25)) / 2), 1e-12));
}
