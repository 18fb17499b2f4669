// The embind layer: translates between JS values and nnplay::Session, and turns every failure
// into a value. No engine logic lives here. The JS API is documented in docs/BINDING.md.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "session.hpp"

using emscripten::val;

namespace {

val issues_to_js(const std::vector<nnplay::ConfigIssue>& issues) {
  val list = val::array();
  for (const auto& issue : issues) {
    val item = val::object();
    item.set("field", issue.field);
    item.set("message", issue.message);
    list.call<void>("push", item);
  }
  return list;
}

val result_to_js(const nnplay::ConfigureResult& r) {
  val out = val::object();
  out.set("ok", r.ok);
  out.set("errors", issues_to_js(r.errors));
  out.set("warnings", issues_to_js(r.warnings));
  return out;
}

val failure(const std::string& message) {
  nnplay::ConfigureResult r;
  r.errors.push_back({"", "internal error: " + message});
  return result_to_js(r);
}

// A copy of a C++ array as a JS typed array (the view is sliced at once).
template <typename T>
val copy_array(const T* data, std::size_t n) {
  return val(emscripten::typed_memory_view(n, data)).call<val>("slice");
}

// A count from JS: NaN, negative and fractional parts give 0 / the whole part; capped at 1e9.
long long count_from_js(double n) {
  if (!(n > 0)) return 0;
  return n > 1e9 ? 1000000000LL : static_cast<long long>(n);
}

template <typename T>
val view_array(const T* data, std::size_t n) {
  return val(emscripten::typed_memory_view(n, data));
}

}  // namespace

// Wraps Session so that no C++ exception can reach JS as a bare number.
class JsSession {
 public:
  val configure(const std::string& json) {
    try {
      return result_to_js(session_.configure(json));
    } catch (const std::exception& e) {
      return failure(e.what());
    } catch (...) {
      return failure("unknown");
    }
  }

  std::string config() const {
    return guard([&] { return session_.config_json(); }, std::string("{}"));
  }
  std::string exportConfig() const {
    return guard([&] { return session_.export_json(); }, std::string("{}"));
  }

  // n is a JS number: NaN or negative trains nothing; returns the epochs trained.
  double step(double n) {
    return guard([&] { return double(session_.step(count_from_js(n))); }, 0.0);
  }

  // step() without the losses: for benchmarks and for several epochs between two frames.
  double trainEpochs(double n) {
    return guard([&] { return double(session_.train_epochs(count_from_js(n))); }, 0.0);
  }

  // Single examples in training order (the perceptron lab); see Session::step_examples.
  double stepExamples(double n) {
    return guard([&] { return double(session_.step_examples(count_from_js(n))); }, 0.0);
  }
  double exampleCursor() const { return double(session_.example_cursor()); }
  val trainOutputs() const {
    const auto& out = session_.train_outputs();
    return copy_array(out.data(), out.size());
  }
  val trainCorrect() const {
    const auto& right = session_.train_correct();
    return copy_array(right.data(), right.size());
  }
  double negativeTarget() const { return session_.negative_target(); }
  int outputWidth() const { return session_.output_width(); }

  double epoch() const { return double(session_.epoch()); }
  double trainLoss() const { return session_.train_loss(); }
  double testLoss() const { return session_.test_loss(); }
  double trainAccuracy() const { return session_.train_accuracy(); }
  double testAccuracy() const { return session_.test_accuracy(); }
  bool setLearningRate(double lr) { return session_.set_learning_rate(lr); }

  void reset() {
    guard(
        [&] {
          session_.reset();
          return 0;
        },
        0);
  }
  std::string regenerate() {
    return guard([&] { return session_.regenerate(); }, std::string());
  }
  std::string nextSeed() { return session_.next_seed(); }

  val layerSizes() const {
    const auto& sizes = session_.network().sizes();
    return copy_array(sizes.data(), sizes.size());
  }
  std::string inputNames() const {
    std::string names;
    for (const auto& n : session_.input_names()) names += (names.empty() ? "" : ",") + n;
    return names;
  }
  val trainPoints() const { return points(session_.train_points()); }
  val testPoints() const { return points(session_.test_points()); }

  val paramsView() {
    auto& p = session_.network().params();
    return view_array(p.data(), p.size());
  }
  val deadView() {
    const auto& d = std::as_const(session_).network().dead_links();
    return view_array(d.data(), d.size());
  }
  bool setWeight(int layer, int node, int source, double v) {
    return session_.set_weight(layer, node, source, v);
  }
  bool setBias(int layer, int node, double v) { return session_.set_bias(layer, node, v); }

  bool predictGrid(int resolution) {
    return guard([&] { return session_.predict_grid(resolution); }, false);
  }
  // The same over any rectangle (the perceptron lab plots around [0, 1]^2).
  bool predictGridIn(int resolution, double x_min, double x_max, double y_min, double y_max) {
    if (!std::isfinite(x_min) || !std::isfinite(x_max) || !std::isfinite(y_min) ||
        !std::isfinite(y_max))
      return false;
    return guard(
        [&] {
          return session_.predict_grid(resolution, {x_min, x_max, y_min, y_max});
        },
        false);
  }
  val gridOutput() const {
    const int r = session_.grid_resolution();
    if (r == 0) return val::global("Float32Array").new_(0);
    return view_array(session_.grid_output(), std::size_t(r) * r);
  }
  val gridNodes() const { return view_array(session_.grid_nodes(), session_.grid_nodes_size()); }
  int gridResolution() const { return session_.grid_resolution(); }

 private:
  template <typename F, typename R>
  static R guard(F f, R fallback) {
    try {
      return f();
    } catch (...) {
      return fallback;
    }
  }
  static val points(const std::vector<nnplay::Point>& pts) {
    static_assert(sizeof(nnplay::Point) == 3 * sizeof(double), "Point is three doubles");
    return copy_array(reinterpret_cast<const double*>(pts.data()), pts.size() * 3);
  }

  nnplay::Session session_;
};

// The generator's first `count` doubles for a seed (for tests against npm's seedrandom).
val randomDoubles(const std::string& seed, int count) {
  std::vector<double> out(std::size_t(count > 0 ? count : 0));
  nnplay::SeedRandom rng(seed);
  for (double& v : out) v = rng.next();
  return copy_array(out.data(), out.size());
}

// The engine's hard limits, so that the page reads them instead of copying them.
val limits() {
  val out = val::object();
  out.set("maxHiddenLayers", nnplay::kMaxHiddenLayers);
  out.set("maxNeurons", nnplay::kMaxNeurons);
  out.set("maxSeedLength", double(nnplay::kMaxSeedBytes));
  out.set("maxPoints", double(nnplay::kMaxPoints));
  out.set("maxGridResolution", nnplay::kMaxGridResolution);
  return out;
}

// Every input feature's key, in the order of the network's inputs.
val featureNames() {
  val out = val::array();
  for (const auto& f : nnplay::kFeatures) out.call<void>("push", std::string(f.key));
  return out;
}

EMSCRIPTEN_BINDINGS(nnplay) {
  emscripten::function("randomDoubles", &randomDoubles);
  emscripten::function("limits", &limits);
  emscripten::function("featureNames", &featureNames);
  emscripten::class_<JsSession>("Session")
      .constructor<>()
      .function("configure", &JsSession::configure)
      .function("config", &JsSession::config)
      .function("exportConfig", &JsSession::exportConfig)
      .function("step", &JsSession::step)
      .function("trainEpochs", &JsSession::trainEpochs)
      .function("stepExamples", &JsSession::stepExamples)
      .function("exampleCursor", &JsSession::exampleCursor)
      .function("trainOutputs", &JsSession::trainOutputs)
      .function("trainCorrect", &JsSession::trainCorrect)
      .function("negativeTarget", &JsSession::negativeTarget)
      .function("outputWidth", &JsSession::outputWidth)
      .function("epoch", &JsSession::epoch)
      .function("trainLoss", &JsSession::trainLoss)
      .function("testLoss", &JsSession::testLoss)
      .function("trainAccuracy", &JsSession::trainAccuracy)
      .function("testAccuracy", &JsSession::testAccuracy)
      .function("setLearningRate", &JsSession::setLearningRate)
      .function("reset", &JsSession::reset)
      .function("regenerate", &JsSession::regenerate)
      .function("nextSeed", &JsSession::nextSeed)
      .function("layerSizes", &JsSession::layerSizes)
      .function("inputNames", &JsSession::inputNames)
      .function("trainPoints", &JsSession::trainPoints)
      .function("testPoints", &JsSession::testPoints)
      .function("paramsView", &JsSession::paramsView)
      .function("deadView", &JsSession::deadView)
      .function("setWeight", &JsSession::setWeight)
      .function("setBias", &JsSession::setBias)
      .function("predictGrid", &JsSession::predictGrid)
      .function("predictGridIn", &JsSession::predictGridIn)
      .function("gridOutput", &JsSession::gridOutput)
      .function("gridNodes", &JsSession::gridNodes)
      .function("gridResolution", &JsSession::gridResolution);
}
