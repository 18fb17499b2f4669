// The model file: a round trip continues the run bit for bit for every optimizer (a batch size
// that leaves a partial batch at the epoch's end), and bad files are refused with their field.
#include <nlohmann/json.hpp>

#include "test_helpers.hpp"

using namespace nnplay;
using nlohmann::json;
using nnplay::test::configured;

namespace {

std::vector<double> params_of(const Session& s) {
  return {s.network().params().begin(), s.network().params().end()};
}

std::string field_of_error(Session& s, const std::string& text) {
  const ConfigureResult r = s.load_model(text);
  if (r.ok || r.errors.empty()) return "(accepted)";
  return r.errors[0].field;
}

}  // namespace

TEST_CASE("a model round trip continues bit for bit for every optimizer", "[model]") {
  for (const char* opt : {"sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"}) {
    INFO(opt);
    // 250 training points (percTrainData 50 of 500), batch 7: each epoch ends mid-batch.
    const std::string cfg = std::string(R"({"seed":"round","batchSize":7,"optimizer":")") + opt +
                            R"(","regularization":"L1","regularizationRate":0.001,)" +
                            R"("lrSchedule":"cosine","lrCosineEpochs":20,"networkShape":[5,3]})";
    Session straight = configured(cfg);
    REQUIRE(straight.train_points().size() == 250);
    straight.step(7);
    Session first = configured(cfg);
    first.step(4);
    CHECK(first.network().accumulated() > 0);  // a partial batch is carried
    const std::string file = first.export_model();
    Session loaded;
    const ConfigureResult r = loaded.load_model(file);
    for (const auto& e : r.errors) INFO(e.field << ": " << e.message);
    REQUIRE(r.ok);
    CHECK(loaded.export_model() == file);
    CHECK(loaded.train_loss() == first.train_loss());
    loaded.step(3);
    CHECK(params_of(loaded) == params_of(straight));
    CHECK(loaded.train_loss() == straight.train_loss());
    CHECK(loaded.test_loss() == straight.test_loss());
    CHECK(loaded.epoch() == straight.epoch());
    // A reset after the round trip draws what a reset without it draws.
    loaded.reset();
    straight.reset();
    CHECK(params_of(loaded) == params_of(straight));
    loaded.step(2);
    straight.step(2);
    CHECK(params_of(loaded) == params_of(straight));
    // reset_to_initial after a round trip returns to the same initial weights.
    Session a = configured(cfg), b;
    a.step(3);
    REQUIRE(b.load_model(a.export_model()).ok);
    a.reset_to_initial();
    b.reset_to_initial();
    CHECK(params_of(a) == params_of(b));
    a.reset();
    b.reset();
    CHECK(params_of(a) == params_of(b));
  }
}

TEST_CASE("with dropout, a round trip continues the masks bit for bit for every optimizer",
          "[model][dropout]") {
  for (const char* opt : {"sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"}) {
    INFO(opt);
    const std::string cfg = std::string(R"({"seed":"drop","batchSize":7,"optimizer":")") + opt +
                            R"(","networkShape":[6,4],"dropout":[0.3,0.2]})";
    // A reset first: the masks' seed counts resets, so the file must carry the count.
    Session straight = configured(cfg);
    straight.reset();
    straight.step(6);
    Session first = configured(cfg);
    first.reset();
    first.step(3);
    const std::string file = first.export_model();
    CHECK(json::parse(file)["training"]["resets"] == 1);
    CHECK(json::parse(file)["training"]["dropoutRng"].is_string());
    Session loaded;
    REQUIRE(loaded.load_model(file).ok);
    CHECK(loaded.reset_count() == 1);
    CHECK(loaded.export_model() == file);
    loaded.step(3);
    CHECK(params_of(loaded) == params_of(straight));
    CHECK(loaded.train_loss() == straight.train_loss());
    // Later resets draw the same weights and seed the same masks.
    loaded.reset();
    straight.reset();
    loaded.step(2);
    straight.step(2);
    CHECK(params_of(loaded) == params_of(straight));
    // and "same weights" goes back to the same weights and the same masks
    loaded.reset_to_initial();
    straight.reset_to_initial();
    loaded.step(2);
    straight.step(2);
    CHECK(params_of(loaded) == params_of(straight));
  }
}

TEST_CASE("a file without the dropout generator (an older file) seeds it from resets",
          "[model][dropout]") {
  const std::string cfg = R"({"seed":"old","networkShape":[4],"dropout":0.25})";
  Session a = configured(cfg);
  json m = json::parse(a.export_model());  // epoch 0: the masks' generator not yet drawn from
  m["training"].erase("dropoutRng");
  m["training"].erase("resets");
  m["training"]["initial"].erase("dropoutRng");
  Session b;
  REQUIRE(b.load_model(m.dump()).ok);
  a.step(3);
  b.step(3);
  CHECK(params_of(a) == params_of(b));
}

TEST_CASE("a bad dropout generator or reset count is refused with its field", "[model]") {
  Session a = configured(R"({"seed":"bad","dropout":0.1})");
  a.step(1);
  const std::string before = a.export_model();
  json m = json::parse(before);
  m["training"]["dropoutRng"] = "abc";
  CHECK(field_of_error(a, m.dump()) == "training.dropoutRng");
  m = json::parse(before);
  m["training"]["resets"] = -1;
  CHECK(field_of_error(a, m.dump()) == "training.resets");
  m = json::parse(before);
  m["training"]["initial"]["dropoutRng"] = 5;
  CHECK(field_of_error(a, m.dump()) == "training.initial.dropoutRng");
  CHECK(a.export_model() == before);  // the session kept
}

TEST_CASE("step_examples mid-epoch survives a round trip", "[model]") {
  const std::string cfg = R"({"seed":"ex","batchSize":4,"optimizer":"adam"})";
  Session a = configured(cfg), b;
  a.step_examples(13);
  REQUIRE(b.load_model(a.export_model()).ok);
  CHECK(b.example_cursor() == a.example_cursor());
  a.step(2);
  b.step(2);
  CHECK(params_of(a) == params_of(b));
}

TEST_CASE("bad model files are refused with the field and change nothing", "[model]") {
  Session src = configured(R"({"seed":"bad","optimizer":"adam"})");
  src.step(2);
  const json good = json::parse(src.export_model());
  Session s = configured(R"({"seed":"other"})");
  const std::vector<double> before = params_of(s);
  CHECK(field_of_error(s, "not json") == "");
  CHECK(field_of_error(s, "[]") == "");
  CHECK(field_of_error(s, R"({"a":1})") == "format");
  auto with = [&](const json::json_pointer& at, const json& value) {
    json m = good;
    m[at] = value;
    return m.dump();
  };
  CHECK(field_of_error(s, with("/format"_json_pointer, "nnplay-config")) == "format");
  CHECK(field_of_error(s, with("/version"_json_pointer, 2)) == "version");
  CHECK(field_of_error(s, with("/version"_json_pointer, "1")) == "version");
  CHECK(field_of_error(s, with("/kind"_json_pointer, "cnn")) == "kind");
  CHECK(field_of_error(s, with("/config/beta1"_json_pointer, 3)) == "config.beta1");
  CHECK(field_of_error(s, with("/config/networkShape"_json_pointer, json::array({4, 3}))) ==
        "weights[1]");
  CHECK(field_of_error(s, with("/weights"_json_pointer, 1e308)) == "weights");
  CHECK(field_of_error(s, with("/optimizer/name"_json_pointer, "sgd")) == "optimizer.name");
  CHECK(field_of_error(s, with("/optimizer/state/m"_json_pointer, json::array({1, 2}))) ==
        "optimizer.state.m");
  CHECK(field_of_error(s, with("/optimizer/state/v/0"_json_pointer, -1)) == "optimizer.state.v[0]");
  CHECK(field_of_error(s, with("/optimizer/step"_json_pointer, -3)) == "optimizer.step");
  CHECK(field_of_error(s, with("/training/cursor"_json_pointer, 250)) == "training.cursor");
  CHECK(field_of_error(s, with("/training/accumulated"_json_pointer, 10)) ==
        "training.accumulated");
  CHECK(field_of_error(s, with("/training/gradient"_json_pointer, "x")) == "training.gradient");
  CHECK(field_of_error(s, with("/training/rng"_json_pointer, std::string(516, '0'))) ==
        "training.rng");
  CHECK(field_of_error(s, with("/training/epoch"_json_pointer, 1e300)) == "training.epoch");
  CHECK(params_of(s) == before);
  CHECK(s.config().seed == "other");
}
