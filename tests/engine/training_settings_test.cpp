// The training settings added after the reference: the optimizer, schedule and init keys of the
// config (validation, export), the schedules' rates, the init schemes, update_training and
// reset_to_initial.
#include <cmath>
#include <nlohmann/json.hpp>

#include "schedule.hpp"
#include "test_helpers.hpp"

using namespace nnplay;
using nlohmann::json;
using nnplay::test::configured;
using nnplay::test::near;

namespace {

bool has_error(const ParsedConfig& p, const std::string& field) {
  for (const auto& e : p.errors)
    if (e.field == field) return true;
  return false;
}

std::vector<double> params_of(const Session& s) {
  return {s.network().params().begin(), s.network().params().end()};
}

}  // namespace

TEST_CASE("the optimizer, schedule and init keys are read and validated by name", "[config]") {
  const ParsedConfig ok = parse_config(
      std::string(R"({"optimizer":"adamw","momentum":0.5,"rmsAlpha":0.9,"beta1":0.8,"beta2":0.99,)"
                  R"("epsilon":1e-6,"weightDecay":0.2,"lrSchedule":"cosine","lrGamma":0.9,)"
                  R"("lrStepEpochs":7,"lrCosineEpochs":50,"lrMin":0.001,"lrWarmupEpochs":3,)"
                  R"("init":"heNormal"})"));
  REQUIRE(ok.ok());
  CHECK(ok.config.optimizer.kind == OptimizerKind::AdamW);
  CHECK(ok.config.optimizer.beta2 == 0.99);
  CHECK(ok.config.schedule.kind == LrSchedule::Cosine);
  CHECK(ok.config.schedule.warmup_epochs == 3);
  CHECK(ok.config.init == InitScheme::HeNormal);
  const ParsedConfig bad = parse_config(std::string(
      R"({"optimizer":"lbfgs","momentum":1,"rmsAlpha":-0.1,"beta1":"x","beta2":1,)"
      R"("epsilon":0,"weightDecay":-1,"lrSchedule":"linear","lrGamma":0,"lrStepEpochs":0,)"
      R"("lrCosineEpochs":1.5,"lrMin":-1,"lrWarmupEpochs":-1,"init":"zeros"})"));
  for (const char* field : {"optimizer", "momentum", "rmsAlpha", "beta1", "beta2", "epsilon",
                            "weightDecay", "lrSchedule", "lrGamma", "lrStepEpochs",
                            "lrCosineEpochs", "lrMin", "lrWarmupEpochs", "init"}) {
    INFO(field);
    CHECK(has_error(bad, field));
  }
}

TEST_CASE("the exported config holds the new keys only when they are not the defaults",
          "[config]") {
  const json plain = json::parse(configured(R"({"seed":"a"})").config_json());
  for (const char* key : {"optimizer", "momentum", "beta1", "lrSchedule", "init", "epsilon"})
    CHECK_FALSE(plain.contains(key));
  const json set =
      json::parse(configured(R"({"seed":"a","optimizer":"adam","beta1":0.8,"init":"heUniform"})")
                      .config_json());
  CHECK(set.at("optimizer") == "adam");
  CHECK(set.at("beta1") == 0.8);
  CHECK(set.at("init") == "heUniform");
  CHECK_FALSE(set.contains("beta2"));
}

TEST_CASE("each schedule's rate at chosen epochs is its formula", "[schedule]") {
  const double pi = 3.141592653589793;
  ScheduleConfig s;
  CHECK(scheduled_rate(0.1, s, 12345) == 0.1);
  s.kind = LrSchedule::Step;
  s.gamma = 0.5;
  s.step_epochs = 10;
  CHECK(scheduled_rate(0.1, s, 9) == 0.1);
  CHECK(scheduled_rate(0.1, s, 10) == near(0.05, 1e-17));
  CHECK(scheduled_rate(0.1, s, 35) == near(0.1 * 0.125, 1e-17));
  s.kind = LrSchedule::Exponential;
  CHECK(scheduled_rate(0.1, s, 5) == near(0.1 * std::sqrt(0.5), 1e-16));
  CHECK(scheduled_rate(0.1, s, 20) == near(0.025, 1e-17));
  s.kind = LrSchedule::Cosine;
  s.cosine_epochs = 100;
  s.min_rate = 0.01;
  CHECK(scheduled_rate(0.1, s, 0) == near(0.1, 1e-16));
  CHECK(scheduled_rate(0.1, s, 50) == near(0.01 + 0.09 * 0.5, 1e-16));
  CHECK(scheduled_rate(0.1, s, 25) == near(0.01 + 0.09 * (1 + std::cos(pi / 4)) / 2, 1e-16));
  CHECK(scheduled_rate(0.1, s, 100) == near(0.01, 1e-16));
  CHECK(scheduled_rate(0.1, s, 5000) == near(0.01, 1e-16));  // held at lrMin after T
  s.warmup_epochs = 4;  // the scheduled rate times (e + 1) / W for e < W
  CHECK(scheduled_rate(0.1, s, 0) == near(0.1 * 0.25, 1e-16));
  CHECK(scheduled_rate(0.1, s, 2) ==
        near((0.01 + 0.09 * (1 + std::cos(pi * 2 / 100)) / 2) * 0.75, 1e-16));
  CHECK(scheduled_rate(0.1, s, 4) == near(0.01 + 0.09 * (1 + std::cos(pi * 4 / 100)) / 2, 1e-16));
}

TEST_CASE("learning_rate_now follows the epoch counter", "[schedule]") {
  Session s = configured(
      R"({"seed":"s","lrSchedule":"step","lrStepEpochs":2,"lrGamma":0.5,"learningRate":0.2})");
  CHECK(s.learning_rate_now() == 0.2);
  s.step(2);
  CHECK(s.learning_rate_now() == 0.1);
  s.step(2);
  CHECK(s.learning_rate_now() == 0.05);
}

TEST_CASE("init schemes: limits, statistics, zero biases and determinism", "[init]") {
  struct Case {
    const char* name;
    bool uniform, glorot;
  };
  for (Case c : {Case{"glorotUniform", true, true}, Case{"glorotNormal", false, true},
                 Case{"heUniform", true, false}, Case{"heNormal", false, false}}) {
    INFO(c.name);
    const std::string cfg =
        std::string(R"({"seed":"init","networkShape":[64,64],"init":")") + c.name + "\"}";
    Session a = configured(cfg), b = configured(cfg);
    CHECK(params_of(a) == params_of(b));
    // Layer 1 (64 -> 64): 4096 weights.
    const Network& net = a.network();
    const double fans = c.glorot ? 128.0 : 64.0;
    const double limit = std::sqrt(6 / fans), sd = std::sqrt(2 / fans);
    double sum = 0, sq = 0, most = 0;
    for (int i = 0; i < 64; ++i) {
      CHECK(net.bias(1, i) == 0);
      for (int j = 0; j < 64; ++j) {
        const double w = net.weight(1, i, j);
        sum += w;
        sq += w * w;
        most = std::max(most, std::abs(w));
      }
    }
    const double mean = sum / 4096, spread = std::sqrt(sq / 4096 - mean * mean);
    CHECK(std::abs(mean) < 0.1 * sd);
    if (c.uniform) {
      CHECK(most <= limit);
      CHECK(most > 0.95 * limit);
      CHECK(spread == Approx(limit / std::sqrt(3.0)).epsilon(0.05));
    } else {
      CHECK(spread == Approx(sd).epsilon(0.05));
    }
  }
  // The reference's uniform keeps its biases of 0.1.
  Session u = configured(R"({"seed":"init","networkShape":[3]})");
  CHECK(u.network().bias(0, 0) == 0.1);
}

TEST_CASE("the normal init draws two numbers per weight (Box-Muller)", "[init]") {
  // The same seed and data: after heNormal's weights the stream is 2 x weights further on than
  // after uniform's, so a reset draws what uniform's second reset would draw.
  const std::string shape = R"("seed":"bm","networkShape":[2],"x":true,"y":true)";
  Session normal = configured("{" + shape + R"(,"init":"heNormal"})");
  Session uniform = configured("{" + shape + "}");
  uniform.reset();  // uniform has now drawn 2 x the weights, as heNormal has
  CHECK(normal.next_seed() == uniform.next_seed());
}

TEST_CASE("update_training changes training settings and keeps the weights", "[session]") {
  Session s = configured(R"({"seed":"u","batchSize":7})");
  s.step(3);
  const std::vector<double> before = params_of(s);
  const long long epoch = s.epoch();
  ConfigureResult r = s.update_training(
      R"({"optimizer":"adam","learningRate":0.01,"regularization":"L2","regularizationRate":0.001})");
  REQUIRE(r.ok);
  CHECK(params_of(s) == before);
  CHECK(s.epoch() == epoch);
  CHECK(s.config().optimizer.kind == OptimizerKind::Adam);
  CHECK(s.config().regularization == Regularization::L2);
  CHECK(s.network().optimizer().regularization == Regularization::L2);
  s.step(1);
  CHECK(s.network().optimizer_state().steps > 0);
  const long long steps = s.network().optimizer_state().steps;
  REQUIRE(s.update_training(R"({"beta1":0.8})").ok);  // parameters: state kept
  CHECK(s.network().optimizer_state().steps == steps);
  REQUIRE(s.update_training(R"({"optimizer":"rmsprop"})").ok);  // kind: state cleared
  CHECK(s.network().optimizer_state().steps == 0);
  // Errors name the key and change nothing.
  const std::vector<double> now = params_of(s);
  r = s.update_training(R"({"networkShape":[3],"learningRate":0.5})");
  CHECK_FALSE(r.ok);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].field == "networkShape");
  CHECK(s.config().learning_rate == 0.01);
  r = s.update_training(R"({"beta1":2,"learningRate":0.5})");
  CHECK_FALSE(r.ok);
  CHECK(r.errors[0].field == "beta1");
  CHECK(s.config().learning_rate == 0.01);
  CHECK_FALSE(s.update_training("[1]").ok);
  CHECK_FALSE(s.update_training("not json").ok);
  CHECK(params_of(s) == now);
}

TEST_CASE("reset_to_initial returns to the last reset's weights and stream", "[session]") {
  Session s = configured(R"({"seed":"r","optimizer":"momentum","batchSize":7})");
  const std::vector<double> initial = params_of(s);
  s.step(5);
  const double loss5 = s.train_loss();
  s.reset_to_initial();
  CHECK(params_of(s) == initial);
  CHECK(s.epoch() == 0);
  CHECK(s.network().accumulated() == 0);
  CHECK(s.network().optimizer_state().steps == 0);
  s.step(5);
  CHECK(s.train_loss() == loss5);  // the same run again
  // A reset after it draws what a reset straight after configure draws.
  Session fresh = configured(R"({"seed":"r","optimizer":"momentum","batchSize":7})");
  fresh.reset();
  s.reset_to_initial();
  s.reset();
  CHECK(params_of(s) == params_of(fresh));
  // And reset_to_initial now returns to that reset's weights.
  s.step(2);
  s.reset_to_initial();
  CHECK(params_of(s) == params_of(fresh));
}
