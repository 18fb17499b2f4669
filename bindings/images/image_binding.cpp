// The image module's embind layer (build/wasm/nnplay-images{,-simd}.js, docs/BINDING.md "The
// image module"): translates between JS values and nnplay::image::ImageSession, and turns
// every failure into a value. No engine logic lives here.
// Arguments are checked before anything is copied into wasm memory: arrays must be typed
// arrays of the stated kinds and lengths (a typed array's set() is the one copy, and it cannot
// throw for those kinds); numbers must be whole and in range. Calls that return an array give
// an empty one on bad arguments and say why in lastError(); the others return {ok, error(s)}.
// Every call catches C++ exceptions at this boundary.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "config.hpp"
#include "image/image_model.hpp"
#include "image/image_session.hpp"
#include "image/preprocess.hpp"
#include "text_safe.hpp"

using emscripten::val;
namespace img = nnplay::image;

namespace {

// Batches one trainBatches call trains at most (a frame asks for a few).
constexpr double kMaxBatchesPerCall = 100000;
// Canvases of more values than this are refused by the binding before they are copied (a
// 4096 x 4096 canvas; the engine's own limit, kMaxCanvasPixels, is 16 times that).
constexpr double kMaxCanvasValues = 4096.0 * 4096.0;

val issue(const std::string& field, const std::string& message) {
  val o = val::object();
  o.set("field", field);
  o.set("message", message);
  return o;
}

// {ok, error} for loadData; {ok, errors} for configure.
val single_result(const std::string& field, const std::string& message) {
  val o = val::object();
  o.set("ok", false);
  o.set("error", issue(field, message));
  return o;
}
val ok_single() {
  val o = val::object();
  o.set("ok", true);
  o.set("error", val::null());
  return o;
}
val issues_result(const std::vector<nnplay::ConfigIssue>& issues) {
  val o = val::object();
  val list = val::array();
  for (const auto& i : issues) list.call<void>("push", issue(i.field, i.message));
  o.set("ok", issues.empty());
  o.set("errors", list);
  return o;
}

std::string internal(const char* what) {
  return "internal error: " + nnplay::safe_text(what ? what : "unknown", 200);
}

template <typename T>
val copy_array(const T* data, std::size_t n) {
  return val(emscripten::typed_memory_view(n, data)).call<val>("slice");
}
val empty_floats() { return val::global("Float32Array").new_(0); }

// A number argument: anything else is NaN (every check then refuses it).
double number(const val& v) { return v.isNumber() ? v.as<double>() : NAN; }

// A JS object (typed arrays and options objects), not null.
bool is_object(const val& v) { return !v.isNull() && v.typeOf().as<std::string>() == "object"; }

// A whole number from JS in [0, 2^31), else -1.
int index_from_js(double n) {
  if (!(n >= 0 && n <= 2147483647.0) || std::floor(n) != n) return -1;
  return static_cast<int>(n);
}
// A count from JS: NaN or negative gives 0, a fraction its whole part; capped at `cap`.
long long count_from_js(double n, double cap) {
  if (!(n > 0)) return 0;
  return static_cast<long long>(std::min(n, cap));
}

enum class ArrayKind { None, Bytes, Numbers };

// Bytes: Uint8Array or Uint8ClampedArray; Numbers: Float32Array or Float64Array.
ArrayKind array_kind(const val& v) {
  if (!is_object(v)) return ArrayKind::None;  // also null
  if (v.instanceof (val::global("Uint8Array")) || v.instanceof (val::global("Uint8ClampedArray")))
    return ArrayKind::Bytes;
  if (v.instanceof (val::global("Float32Array")) || v.instanceof (val::global("Float64Array")))
    return ArrayKind::Numbers;
  return ArrayKind::None;
}
double length_of(const val& v) {
  const val n = v["length"];
  return n.isNumber() ? n.as<double>() : -1;
}

// Copies a typed array of exactly n elements into out (resized first: a view of wasm memory is
// only made after the last allocation, which may move the memory).
template <typename T>
void copy_in(const val& source, std::vector<T>& out, std::size_t n) {
  out.resize(n);
  if (n) val(emscripten::typed_memory_view(n, out.data())).call<void>("set", source);
}

val shape_js(img::Shape s) {
  val o = val::object();
  o.set("c", s.c);
  o.set("h", s.h);
  o.set("w", s.w);
  return o;
}
val xy(double x, double y) {
  val o = val::object();
  o.set("x", x);
  o.set("y", y);
  return o;
}

const char* kind_name(img::LayerKind k) {
  switch (k) {
    case img::LayerKind::Conv: return "conv";
    case img::LayerKind::Pool: return "pool";
    case img::LayerKind::Dense: return "dense";
    case img::LayerKind::Softmax: return "softmax";
  }
  return "?";
}

val stats_js(const img::BatchStats& b, const img::ImageTrainer& t) {
  val o = val::object();
  o.set("examples", b.examples);
  o.set("loss", b.examples ? b.loss_sum / b.examples : 0.0);
  o.set("correct", b.correct);
  o.set("epoch", t.epoch());
  o.set("cursor", double(t.cursor()));
  return o;
}

// The result of a preparation: {ok, error, input, empty, box, scaled, offset, centre,
// clippedInk, inverted, background}.
val prepared_js(const img::Prepared& p, const std::vector<float>& out) {
  val o = val::object();
  o.set("ok", p.ok());
  o.set("error", p.error ? issue(p.error->field, p.error->message) : val::null());
  o.set("input", p.ok() ? copy_array(out.data(), out.size()) : empty_floats());
  o.set("empty", p.empty);
  val box = xy(p.box_x, p.box_y);
  box.set("w", p.box_w);
  box.set("h", p.box_h);
  o.set("box", box);
  val scaled = val::object();
  scaled.set("w", p.scaled_w);
  scaled.set("h", p.scaled_h);
  o.set("scaled", scaled);
  o.set("offset", xy(p.offset_x, p.offset_y));
  o.set("centre", xy(p.centre_x, p.centre_y));
  o.set("clippedInk", p.clipped_ink);
  o.set("inverted", p.inverted);
  o.set("background", p.background);
  return o;
}

// Reads an optional boolean / number in [0, 1] from an options object; false on a bad value.
bool option_bool(const val& opts, const char* key, bool& out, std::string& why) {
  const val v = opts[key];
  if (v.isUndefined()) return true;
  if (!v.isTrue() && !v.isFalse()) {
    why = std::string("options.") + key + ": must be true or false";
    return false;
  }
  out = v.isTrue();
  return true;
}
bool option_fraction(const val& opts, const char* key, float& out, std::string& why) {
  const val v = opts[key];
  if (v.isUndefined()) return true;
  const double d = v.isNumber() ? v.as<double>() : NAN;
  if (!(d >= 0 && d <= 1)) {
    why = std::string("options.") + key + ": must be a number from 0 to 1";
    return false;
  }
  out = float(d);
  return true;
}

}  // namespace

// Wraps ImageSession so that no C++ exception reaches JS.
class JsImageSession {
 public:
  JsImageSession() : input_(img::kInputPixels, 0.0f) {}

  val loadData(val train, val test) {
    try {
      std::vector<std::uint8_t> tr, te;
      for (const char* name : {"train", "test"}) {
        const val& v = name[1] == 'r' ? train : test;
        if (array_kind(v) != ArrayKind::Bytes)
          return single_result(name, "must be a Uint8Array (an NNPI file's bytes)");
        copy_in(v, name[1] == 'r' ? tr : te, std::size_t(length_of(v)));
      }
      if (auto e = session_.load_data(tr.data(), tr.size(), te.data(), te.size()))
        return single_result(e->field, e->message);
      return ok_single();
    } catch (const std::exception& e) {
      return single_result("", internal(e.what()));
    } catch (...) {
      return single_result("", internal("unknown"));
    }
  }

  val configure(val text) {
    try {
      val o = spec_text_problem(text);
      if (!o.isUndefined()) return o;
      return issues_result(session_.configure(text.as<std::string>()));
    } catch (const std::exception& e) {
      return issues_result({{"", internal(e.what())}});
    } catch (...) {
      return issues_result({{"", internal("unknown")}});
    }
  }

  // The training settings of a spec's text for the configured network: {ok, errors, kept},
  // kept true when the weights and the position stayed (the same layers, seed, data and input
  // size), false when a new network was built from the seed. On errors nothing changes.
  val updateSettings(val text) {
    try {
      bool kept = false;
      val o = spec_text_problem(text);
      if (o.isUndefined())
        o = issues_result(session_.update_settings(text.as<std::string>(), kept));
      o.set("kept", kept);
      return o;
    } catch (const std::exception& e) {
      return issues_result({{"", internal(e.what())}});
    } catch (...) {
      return issues_result({{"", internal("unknown")}});
    }
  }

  // What configure(text) would build, without changing the session: {ok, errors, input:
  // {c, h, w} or null, layers: [{description, shape, params}] sized up to the first that does
  // not fit, params: their sum}.
  val checkSpec(val text) {
    try {
      val o = spec_text_problem(text);
      if (!o.isUndefined()) {
        o.set("input", val::null());
        o.set("layers", val::array());
        o.set("params", 0);
        return o;
      }
      const img::ImageSession::SpecCheck c = session_.check(text.as<std::string>());
      o = issues_result(c.errors);
      o.set("input", c.input.size() > 0 ? shape_js(c.input) : val::null());
      val list = val::array();
      for (const img::LayerShape& L : c.layers) {
        val l = val::object();
        l.set("description", L.description);
        l.set("shape", shape_js(L.out));
        l.set("params", double(L.params));
        list.call<void>("push", l);
      }
      o.set("layers", list);
      o.set("params", double(c.params));
      return o;
    } catch (const std::exception& e) {
      return issues_result({{"", internal(e.what())}});
    } catch (...) {
      return issues_result({{"", internal("unknown")}});
    }
  }

  // A model file's text (docs/MODELS.md, kind cnn) for the loaded data: {ok, errors}; on
  // errors the session is kept.
  val loadModel(val text) {
    try {
      if (!text.isString())
        return issues_result({{"", "the model must be a JSON text (a string)"}});
      if (length_of(text) > double(16 * 1024 * 1024))
        return issues_result({{"", "the model file is larger than 16 MiB"}});
      return issues_result(session_.load_model(text.as<std::string>()));
    } catch (const std::exception& e) {
      return issues_result({{"", internal(e.what())}});
    } catch (...) {
      return issues_result({{"", internal("unknown")}});
    }
  }

  // The trained network as a model file's text (docs/MODELS.md, kind cnn): spec, weights,
  // optimizer state and position, with the whole test set's accuracy and loss as its metrics
  // (computed here, so a downloaded file says what it scores). command: the provenance line
  // (the page says how it trained). "" and lastError when unconfigured.
  std::string exportModelPlain() { return exportModel(val::undefined()); }
  std::string exportModel(val command) {
    return guard(
        [&] {
          img::ImageTrainer* t = need_trainer();
          if (!t) return std::string();
          img::ModelInfo info;
          info.classes = session_.train_set().class_names;
          info.train_count = session_.train_set().count();
          const img::Evaluation e = t->evaluate(session_.test_set(), session_.test_set().count());
          info.metrics.test_accuracy = e.accuracy();
          info.metrics.test_loss = e.loss;
          info.metrics.test_count = (long long)e.count;
          if (command.isString()) info.command = command.as<std::string>().substr(0, 2000);
          return img::export_image_model(*t, info);
        },
        std::string());
  }

  // The effective spec as JSON text ("" when unconfigured).
  std::string spec() const {
    return guard(
        [&] {
          return session_.configured() ? img::train_spec_json(session_.spec()).dump()
                                       : std::string();
        },
        std::string());
  }

  // {configured, train, test, rows, cols, classes, classNames, epoch, cursor, examplesSeen}.
  val info() {
    return guarded(
        [&] {
          val o = val::object();
          const img::ImageSet& tr = session_.train_set();
          o.set("configured", session_.configured());
          o.set("train", double(tr.count()));
          o.set("test", double(session_.test_set().count()));
          o.set("rows", tr.rows);
          o.set("cols", tr.cols);
          val names = val::array();
          for (const auto& n : tr.class_names) names.call<void>("push", n);
          o.set("classNames", names);
          img::ImageTrainer* t = session_.trainer();
          o.set("classes", t ? t->net().classes() : int(tr.class_names.size()));
          o.set("epoch", t ? t->epoch() : 0);
          o.set("cursor", t ? double(t->cursor()) : 0.0);
          o.set("examplesSeen", t ? double(t->examples_seen()) : 0.0);
          return o;
        },
        [] { return val::object(); });
  }

  void reset() {
    guard(
        [&] {
          if (auto* t = session_.trainer()) t->reset();
          return 0;
        },
        0);
  }

  // Undefined (and lastError) when unconfigured.
  val trainBatch() { return trainBatches(val(1)); }
  val trainBatches(val n) {
    return guarded(
        [&] {
          img::ImageTrainer* t = need_trainer();
          if (!t) return val::undefined();
          img::BatchStats all;
          for (long long i = count_from_js(number(n), kMaxBatchesPerCall); i > 0; --i) {
            const img::BatchStats b = t->train_batch();
            all.examples += b.examples;
            all.loss_sum += b.loss_sum;
            all.correct += b.correct;
          }
          return stats_js(all, *t);
        },
        [] { return val::undefined(); });
  }

  // On the test set's first `limit` images (0, NaN or negative, or none given: all).
  val evaluateAll() { return evaluate(val(0)); }
  val evaluate(val limit) {
    return guarded(
        [&] {
          img::ImageTrainer* t = need_trainer();
          if (!t) return val::undefined();
          const img::Evaluation e = t->evaluate(
              session_.test_set(), std::size_t(count_from_js(number(limit), 2147483647.0)));
          val o = val::object();
          o.set("accuracy", e.accuracy());
          o.set("loss", e.loss);
          o.set("count", double(e.count));
          o.set("correct", double(e.correct));
          o.set("confusion", copy_array(e.confusion.data(), e.confusion.size()));
          return o;
        },
        [] { return val::undefined(); });
  }

  // One image of the training images' size: Float32Array/Float64Array in [0, 1] or
  // Uint8Array/Uint8ClampedArray of bytes (/ 255).
  val predict(val image) {
    return guarded(
        [&] {
          img::ImageTrainer* t = need_trainer();
          if (!t) return empty_floats();
          const std::size_t n = session_.train_set().image_size();
          const ArrayKind kind = array_kind(image);
          if (kind == ArrayKind::None || length_of(image) != double(n))
            return fail("image", "must be a Float32Array, Float64Array or Uint8Array of " +
                                     std::to_string(n) + " values (the training images' size)");
          if (kind == ArrayKind::Bytes) {
            copy_in(image, bytes_, n);
            input_.resize(n);
            for (std::size_t i = 0; i < n; ++i) input_[i] = float(bytes_[i]) / 255.0f;
          } else {
            copy_in(image, input_, n);
            for (std::size_t i = 0; i < n; ++i)
              if (!std::isfinite(input_[i]))
                return fail("image[" + std::to_string(i) + "]", "must be a finite number");
          }
          return probabilities(t->predict(input_.data()), *t);
        },
        empty_floats);
  }

  val predictTest(val index) {
    return guarded(
        [&] {
          img::ImageTrainer* t = need_trainer();
          if (!t) return empty_floats();
          const int i = test_index(number(index));
          if (i < 0) return empty_floats();
          return probabilities(t->predict(session_.test_set(), std::size_t(i)), *t);
        },
        empty_floats);
  }
  // A test image's bytes (a copy), for showing it.
  val testImage(val index) {
    return guarded(
        [&] {
          const int i = test_index(number(index));
          if (i < 0) return val::global("Uint8Array").new_(0);
          const img::ImageSet& s = session_.test_set();
          return copy_array(s.image(std::size_t(i)), s.image_size());
        },
        [] { return val::global("Uint8Array").new_(0); });
  }
  int testLabel(val index) {
    return guard(
        [&] {
          const int i = test_index(number(index));
          return i < 0 ? -1 : int(session_.test_set().labels[std::size_t(i)]);
        },
        -1);
  }

  // [{kind, description, shape: {c, h, w}, params}] per layer, in order; [] unconfigured.
  val layers() {
    return guarded(
        [&] {
          val list = val::array();
          if (img::ImageTrainer* t = session_.trainer())
            for (const img::Layer& L : t->net().layers()) {
              val o = val::object();
              o.set("kind", std::string(kind_name(L.spec.kind)));
              o.set("description", img::describe_layer(L.spec));
              o.set("shape", shape_js(L.out));
              o.set("params", double(L.w_count + L.b_count));
              list.call<void>("push", o);
            }
          return list;
        },
        [] { return val::array(); });
  }
  // The network's input shape ({c: 1, h: 24, w: 24} for 24x24 crops); undefined unconfigured.
  val inputShape() {
    return guarded(
        [&] {
          img::ImageTrainer* t = session_.trainer();
          return t ? shape_js(t->net().input()) : val::undefined();
        },
        [] { return val::undefined(); });
  }
  // What the network saw in the last forward pass (a copy, inputShape()'s size).
  val networkInput() {
    return guarded(
        [&] {
          img::ImageTrainer* t = need_trainer();
          if (!t) return empty_floats();
          return copy_array(t->input().data(), t->input().size());
        },
        empty_floats);
  }
  // Layer l's output in the last forward pass, [c][h][w] (a copy); softmax: its logits.
  val layerOutput(val layer) {
    return guarded(
        [&] {
          const img::Layer* L = layer_at(number(layer));
          if (!L) return empty_floats();
          return copy_array(
              session_.trainer()->net().output(std::size_t(index_from_js(number(layer)))),
              std::size_t(L->out.size()));
        },
        empty_floats);
  }
  // A conv layer's weights [filters][in.c][k][k] (a copy).
  val filters(val layer) {
    return guarded(
        [&] {
          const img::Layer* L = layer_at(number(layer));
          if (!L) return empty_floats();
          if (L->spec.kind != img::LayerKind::Conv)
            return fail("layer", "layers[" + std::to_string(index_from_js(number(layer))) +
                                     "] is a " + kind_name(L->spec.kind) + " layer, not conv");
          return copy_array(session_.trainer()->net().params().data() + L->w_off, L->w_count);
        },
        empty_floats);
  }

  // A drawing: w x h values, Uint8Array/Uint8ClampedArray (bytes) or Float32Array/Float64Array
  // (clamped to [0, 1]); options {invert, emptyBelow, boxThreshold, normalize}.
  val prepareDrawing(val canvas, val w, val h) {
    return prepareDrawingWith(canvas, w, h, val::undefined());
  }
  val prepareDrawingWith(val canvas, val w, val h, val options) {
    return guarded(
        [&] {
          last_error_ = val::null();
          std::string why;
          int width = 0, height = 0;
          const ArrayKind kind = array_kind(canvas);
          if (check_size(w, h, width, height, why) && kind == ArrayKind::None)
            why = "canvas: must be a Uint8Array, Uint8ClampedArray, Float32Array or Float64Array";
          const std::size_t n = std::size_t(width) * std::size_t(height);
          if (why.empty() && length_of(canvas) != double(n))
            why = "canvas: must hold w x h = " + std::to_string(n) + " values, got " +
                  std::to_string((long long)length_of(canvas));
          img::DrawingOptions opt;
          if (why.empty() && !options.isUndefined() && !options.isNull()) {
            if (!is_object(options)) why = "options: must be an object";
            if (why.empty()) option_bool(options, "invert", opt.invert, why);
            if (why.empty()) option_fraction(options, "emptyBelow", opt.empty_below, why);
            if (why.empty()) option_fraction(options, "boxThreshold", opt.box_threshold, why);
            if (why.empty()) option_bool(options, "normalize", opt.normalize, why);
          }
          if (!why.empty()) return prepare_failure(why);
          img::Prepared p;
          if (kind == ArrayKind::Bytes) {
            copy_in(canvas, bytes_, n);
            p = img::prepare_drawing(bytes_.data(), width, height, opt, prepared_.data());
          } else {
            copy_in(canvas, floats_, n);
            p = img::prepare_drawing(floats_.data(), width, height, opt, prepared_.data());
          }
          release_scratch();
          return prepared_js(p, prepared_);
        },
        [] { return val::undefined(); });
  }

  // A picture: w x h pixels of 1 to 4 bytes (grey, grey + alpha, RGB, RGBA: the channels are
  // the length / (w h)), a Uint8Array or Uint8ClampedArray (a canvas's ImageData.data);
  // options {invert (unset: by the border), trimThreshold}.
  val preparePicture(val pixels, val w, val h) {
    return preparePictureWith(pixels, w, h, val::undefined());
  }
  val preparePictureWith(val pixels, val w, val h, val options) {
    return guarded(
        [&] {
          last_error_ = val::null();
          std::string why;
          int width = 0, height = 0, channels = 0;
          if (check_size(w, h, width, height, why) && array_kind(pixels) != ArrayKind::Bytes)
            why = "pixels: must be a Uint8Array or Uint8ClampedArray";
          if (why.empty()) {
            const double per = length_of(pixels) / (double(width) * double(height));
            channels = per == 1 || per == 2 || per == 3 || per == 4 ? int(per) : 0;
            if (!channels)
              why = "pixels: must hold w x h pixels of 1, 2, 3 or 4 bytes, got " +
                    std::to_string((long long)length_of(pixels)) + " bytes for " +
                    std::to_string(width) + "x" + std::to_string(height);
          }
          img::PictureOptions opt;
          if (why.empty() && !options.isUndefined() && !options.isNull()) {
            if (!is_object(options)) why = "options: must be an object";
            bool invert = false;
            if (why.empty() && !options["invert"].isUndefined() &&
                option_bool(options, "invert", invert, why))
              opt.invert = invert;
            if (why.empty()) option_fraction(options, "trimThreshold", opt.trim_threshold, why);
          }
          if (!why.empty()) return prepare_failure(why);
          copy_in(pixels, bytes_, std::size_t(width) * std::size_t(height) * std::size_t(channels));
          const img::Prepared p =
              img::prepare_picture(bytes_.data(), width, height, channels, opt, prepared_.data());
          release_scratch();
          return prepared_js(p, prepared_);
        },
        [] { return val::undefined(); });
  }

  // {field, message} of the last call that returned an empty array or undefined; null after
  // one that succeeded.
  val lastError() const { return last_error_; }

 private:
  // {ok: false, errors} when a spec argument is not a string or too long, else undefined.
  static val spec_text_problem(const val& text) {
    if (!text.isString()) return issues_result({{"", "the spec must be a JSON text (a string)"}});
    if (length_of(text) > double(nnplay::kMaxConfigBytes))
      return issues_result(
          {{"", "the spec is longer than " + std::to_string(nnplay::kMaxConfigBytes) + " bytes"}});
    return val::undefined();
  }
  img::ImageTrainer* need_trainer() {
    last_error_ = val::null();
    img::ImageTrainer* t = session_.trainer();
    if (!t) {
      last_error_ = issue("", session_.has_data() ? "not configured (configure a spec first)"
                                                  : "no data (loadData, then configure)");
    }
    return t;
  }
  val fail(const std::string& field, const std::string& message) {
    last_error_ = issue(field, message);
    return empty_floats();
  }
  int test_index(double index) {
    last_error_ = val::null();
    const int i = index_from_js(index);
    const std::size_t n = session_.test_set().count();
    if (i < 0 || std::size_t(i) >= n) {
      last_error_ = issue(
          "index", "must be a whole number below the test set's " + std::to_string(n) + " images");
      return -1;
    }
    return i;
  }
  const img::Layer* layer_at(double layer) {
    img::ImageTrainer* t = need_trainer();
    if (!t) return nullptr;
    const int l = index_from_js(layer);
    const auto& layers = t->net().layers();
    if (l < 0 || std::size_t(l) >= layers.size()) {
      fail("layer", "must be a whole number below the network's " + std::to_string(layers.size()) +
                        " layers");
      return nullptr;
    }
    return &layers[std::size_t(l)];
  }
  // Whole numbers from 1 whose product is at most kMaxCanvasValues; else false and why.
  static bool check_size(const val& w, const val& h, int& width, int& height, std::string& why) {
    width = index_from_js(number(w));
    height = index_from_js(number(h));
    if (width < 1 || height < 1)
      why = "w, h: must be whole numbers from 1";
    else if (double(width) * double(height) > kMaxCanvasValues)
      why = "w, h: at most " + std::to_string((long long)kMaxCanvasValues) + " pixels";
    if (why.empty()) return true;
    width = height = 0;
    return false;
  }
  val prepare_failure(const std::string& why) {
    const std::size_t colon = why.find(':');
    img::Prepared p;
    p.error = img::ImageDataError{why.substr(0, colon), why.substr(colon + 2)};
    last_error_ = issue(p.error->field, p.error->message);
    return prepared_js(p, prepared_);
  }
  val probabilities(const float* p, const img::ImageTrainer& t) {
    return copy_array(p, std::size_t(t.net().classes()));
  }
  // A large canvas's copy is not kept between calls.
  void release_scratch() {
    constexpr std::size_t kKeep = 1 << 20;
    if (bytes_.size() > kKeep) std::vector<std::uint8_t>().swap(bytes_);
    if (floats_.size() > kKeep) std::vector<float>().swap(floats_);
  }

  template <typename F, typename G>
  val guarded(F f, G fallback) {
    try {
      return f();
    } catch (const std::exception& e) {
      last_error_ = issue("", internal(e.what()));
    } catch (...) {
      last_error_ = issue("", internal("unknown"));
    }
    try {
      return fallback();
    } catch (...) {
      return val::undefined();
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

  img::ImageSession session_;
  std::vector<float> input_;                                             // predict's image
  std::vector<float> prepared_ = std::vector<float>(img::kInputPixels);  // a preparation's result
  std::vector<std::uint8_t> bytes_;                                      // a copied byte array
  std::vector<float> floats_;                                            // a copied float canvas
  val last_error_ = val::null();
};

EMSCRIPTEN_BINDINGS(nnplay_images) {
  emscripten::class_<JsImageSession>("ImageSession")
      .constructor<>()
      .function("loadData", &JsImageSession::loadData)
      .function("configure", &JsImageSession::configure)
      .function("updateSettings", &JsImageSession::updateSettings)
      .function("checkSpec", &JsImageSession::checkSpec)
      .function("loadModel", &JsImageSession::loadModel)
      .function("spec", &JsImageSession::spec)
      .function("exportModel", &JsImageSession::exportModelPlain)
      .function("exportModel", &JsImageSession::exportModel)
      .function("info", &JsImageSession::info)
      .function("reset", &JsImageSession::reset)
      .function("trainBatch", &JsImageSession::trainBatch)
      .function("trainBatches", &JsImageSession::trainBatches)
      .function("evaluate", &JsImageSession::evaluate)
      .function("predict", &JsImageSession::predict)
      .function("predictTest", &JsImageSession::predictTest)
      .function("testImage", &JsImageSession::testImage)
      .function("testLabel", &JsImageSession::testLabel)
      .function("layers", &JsImageSession::layers)
      .function("inputShape", &JsImageSession::inputShape)
      .function("networkInput", &JsImageSession::networkInput)
      .function("layerOutput", &JsImageSession::layerOutput)
      .function("filters", &JsImageSession::filters)
      // Optional arguments are overloads by count (embind refuses a call with fewer).
      .function("evaluate", &JsImageSession::evaluateAll)
      .function("prepareDrawing", &JsImageSession::prepareDrawing)
      .function("prepareDrawing", &JsImageSession::prepareDrawingWith)
      .function("preparePicture", &JsImageSession::preparePicture)
      .function("preparePicture", &JsImageSession::preparePictureWith)
      .function("lastError", &JsImageSession::lastError);
}
