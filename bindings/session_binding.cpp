// The embind layer: translates between JS values and nnplay::Session, and turns every failure
// into a value. No engine logic lives here. The JS API is documented in docs/BINDING.md.
// Every bound function catches at this boundary (guard below, or configure's own catch), and
// takes text as a JS value rather than std::string, whose conversion throws for a non-string.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "session.hpp"
#include "text_safe.hpp"

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

val refused(const std::string& message) {
  nnplay::ConfigureResult r;
  r.errors.push_back({"", message});
  return result_to_js(r);
}

val failure(const char* what) {
  return refused("internal error: " + nnplay::safe_text(what ? what : "unknown", 200));
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

// An index from JS: a whole number in int's range, else -1 (which every check refuses).
int index_from_js(double n) {
  if (!(n >= 0 && n <= 2147483647.0) || std::floor(n) != n) return -1;
  return static_cast<int>(n);
}

// f() or, when it throws, fallback() (an empty value of the same kind; undefined if even
// that fails): nothing crosses into JS as an exception.
template <typename F, typename G>
val guarded(F f, G fallback) {
  try {
    return f();
  } catch (...) {
    try {
      return fallback();
    } catch (...) {
      return val::undefined();
    }
  }
}

val empty_float64() { return val::global("Float64Array").new_(0); }

}  // namespace

// Wraps Session so that no C++ exception can reach JS as a bare number.
class JsSession {
 public:
  // Any JS value: a string of at most kMaxConfigBytes (UTF-8) is parsed; anything else is
  // refused before it is copied into wasm memory.
  val configure(val text) {
    try {
      if (!text.isString()) return refused("the config must be a JSON text (a string)");
      // A JS string's UTF-8 form has at least as many bytes as its length.
      if (text["length"].as<double>() > double(nnplay::kMaxConfigBytes))
        return refused("the config is longer than " + std::to_string(nnplay::kMaxConfigBytes) +
                       " bytes");
      return result_to_js(session_.configure(text.as<std::string>()));
    } catch (const std::exception& e) {
      return failure(e.what());
    } catch (...) {
      return failure("unknown");
    }
  }

  // Training keys only (Session::update_training), as JSON text like configure's.
  val updateTraining(val text) {
    return text_call(text, "the training settings",
                     [&](const std::string& t) { return session_.update_training(t); });
  }
  double learningRateNow() const {
    return guard([&] { return session_.learning_rate_now(); }, 0.0);
  }
  void resetToInitial() {
    guard(
        [&] {
          session_.reset_to_initial();
          return 0;
        },
        0);
  }
  std::string exportModel() const {
    return guard([&] { return session_.export_model(); }, std::string());
  }
  // A model file's text (docs/MODELS.md); on errors nothing changes.
  val loadModel(val text) {
    return text_call(text, "the model file",
                     [&](const std::string& t) { return session_.load_model(t); });
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
    return guarded(
        [&] {
          const auto& out = session_.train_outputs();
          return copy_array(out.data(), out.size());
        },
        empty_float64);
  }
  val trainCorrect() const {
    return guarded(
        [&] {
          const auto& right = session_.train_correct();
          return copy_array(right.data(), right.size());
        },
        [] { return val::global("Uint8Array").new_(0); });
  }
  double negativeTarget() const { return session_.negative_target(); }
  int outputWidth() const { return session_.output_width(); }

  double epoch() const { return double(session_.epoch()); }
  double trainLoss() const { return session_.train_loss(); }
  double testLoss() const { return session_.test_loss(); }
  double trainAccuracy() const { return session_.train_accuracy(); }
  double testAccuracy() const { return session_.test_accuracy(); }
  double trainRmse() const { return session_.train_rmse(); }
  double testRmse() const { return session_.test_rmse(); }
  double trainR2() const { return session_.train_r2(); }
  double testR2() const { return session_.test_r2(); }
  bool setLearningRate(double lr) {
    return guard([&] { return session_.set_learning_rate(lr); }, false);
  }

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
  std::string nextSeed() {
    return guard([&] { return session_.next_seed(); }, std::string());
  }

  val layerSizes() const {
    return guarded(
        [&] {
          const auto& sizes = session_.network().sizes();
          return copy_array(sizes.data(), sizes.size());
        },
        [] { return val::global("Int32Array").new_(0); });
  }
  val deadUnits() {
    return guarded(
        [&] {
          const std::vector<int> counts = session_.dead_units();
          return copy_array(counts.data(), counts.size());
        },
        [] { return val::global("Int32Array").new_(0); });
  }
  std::string inputNames() const {
    return guard(
        [&] {
          std::string names;
          for (const auto& n : session_.input_names()) names += (names.empty() ? "" : ",") + n;
          return names;
        },
        std::string());
  }
  val trainPoints() const {
    return guarded([&] { return points(session_.train_points()); }, empty_float64);
  }
  val testPoints() const {
    return guarded([&] { return points(session_.test_points()); }, empty_float64);
  }

  val paramsView() {
    return guarded(
        [&] {
          auto& p = session_.network().params();
          return view_array(p.data(), p.size());
        },
        empty_float64);
  }
  val deadView() {
    return guarded(
        [&] {
          const auto& d = std::as_const(session_).network().dead_links();
          return view_array(d.data(), d.size());
        },
        [] { return val::global("Uint8Array").new_(0); });
  }
  // Indices as JS numbers: a fraction, NaN or a value past int's range is a bad index.
  bool setWeight(double layer, double node, double source, double v) {
    return guard(
        [&] {
          return session_.set_weight(index_from_js(layer), index_from_js(node),
                                     index_from_js(source), v);
        },
        false);
  }
  bool setBias(double layer, double node, double v) {
    return guard([&] { return session_.set_bias(index_from_js(layer), index_from_js(node), v); },
                 false);
  }

  bool predictGrid(double resolution) {
    return guard([&] { return session_.predict_grid(index_from_js(resolution)); }, false);
  }
  // The same over any rectangle (the perceptron lab plots around [0, 1]^2).
  bool predictGridIn(double resolution, double x_min, double x_max, double y_min, double y_max) {
    if (!std::isfinite(x_min) || !std::isfinite(x_max) || !std::isfinite(y_min) ||
        !std::isfinite(y_max))
      return false;
    return guard(
        [&] {
          return session_.predict_grid(index_from_js(resolution), {x_min, x_max, y_min, y_max});
        },
        false);
  }
  val gridOutput() const {
    return guarded(
        [&] {
          const int r = session_.grid_resolution();
          if (r == 0) return val::global("Float32Array").new_(0);
          return view_array(session_.grid_output(), std::size_t(r) * r);
        },
        [] { return val::global("Float32Array").new_(0); });
  }
  val gridNodes() const {
    return guarded([&] { return view_array(session_.grid_nodes(), session_.grid_nodes_size()); },
                   [] { return val::global("Float32Array").new_(0); });
  }
  int gridResolution() const { return session_.grid_resolution(); }

 private:
  // f(text) for a JS string of at most kMaxConfigBytes; anything else refused before it is
  // copied into wasm memory; nothing thrown.
  template <typename F>
  static val text_call(val text, const char* what, F f) {
    try {
      if (!text.isString()) return refused(std::string(what) + " must be a JSON text (a string)");
      if (text["length"].as<double>() > double(nnplay::kMaxConfigBytes))
        return refused(std::string(what) + " is longer than " +
                       std::to_string(nnplay::kMaxConfigBytes) + " bytes");
      return result_to_js(f(text.as<std::string>()));
    } catch (const std::exception& e) {
      return failure(e.what());
    } catch (...) {
      return failure("unknown");
    }
  }
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

// Doubles randomDoubles gives at most (a test needs a few thousand).
constexpr int kMaxRandomDoubles = 1000000;

// The generator's first `count` doubles for a seed (for tests against npm's seedrandom); an
// empty array for a seed that is not a string or longer than a config's, or a count that is
// not from 0 to kMaxRandomDoubles.
val randomDoubles(val seed, double count) {
  return guarded(
      [&] {
        const int n = index_from_js(count);
        if (!seed.isString() || n < 0 || n > kMaxRandomDoubles ||
            seed["length"].as<double>() > double(nnplay::kMaxSeedBytes))
          return empty_float64();
        std::vector<double> out(static_cast<std::size_t>(n));
        nnplay::SeedRandom rng(seed.as<std::string>());
        for (double& v : out) v = rng.next();
        return copy_array(out.data(), out.size());
      },
      empty_float64);
}

// The engine's hard limits, so that the page reads them instead of copying them.
val limits() {
  return guarded(
      [] {
        val out = val::object();
        out.set("maxHiddenLayers", nnplay::kMaxHiddenLayers);
        out.set("maxNeurons", nnplay::kMaxNeurons);
        out.set("maxSeedLength", double(nnplay::kMaxSeedBytes));
        out.set("maxPoints", double(nnplay::kMaxPoints));
        out.set("maxGridResolution", nnplay::kMaxGridResolution);
        out.set("maxBatchSize", nnplay::kMaxBatchSize);
        return out;
      },
      [] { return val::object(); });
}

// Every input feature's key, in the order of the network's inputs.
val featureNames() {
  return guarded(
      [] {
        val out = val::array();
        for (const auto& f : nnplay::kFeatures) out.call<void>("push", std::string(f.key));
        return out;
      },
      [] { return val::array(); });
}

EMSCRIPTEN_BINDINGS(nnplay) {
  emscripten::function("randomDoubles", &randomDoubles);
  emscripten::function("limits", &limits);
  emscripten::function("featureNames", &featureNames);
  emscripten::class_<JsSession>("Session")
      .constructor<>()
      .function("configure", &JsSession::configure)
      .function("updateTraining", &JsSession::updateTraining)
      .function("learningRateNow", &JsSession::learningRateNow)
      .function("resetToInitial", &JsSession::resetToInitial)
      .function("exportModel", &JsSession::exportModel)
      .function("loadModel", &JsSession::loadModel)
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
      .function("trainRmse", &JsSession::trainRmse)
      .function("testRmse", &JsSession::testRmse)
      .function("trainR2", &JsSession::trainR2)
      .function("testR2", &JsSession::testR2)
      .function("setLearningRate", &JsSession::setLearningRate)
      .function("reset", &JsSession::reset)
      .function("regenerate", &JsSession::regenerate)
      .function("nextSeed", &JsSession::nextSeed)
      .function("layerSizes", &JsSession::layerSizes)
      .function("deadUnits", &JsSession::deadUnits)
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
