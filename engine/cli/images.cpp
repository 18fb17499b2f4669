// `nnplay images train|eval|predict` (images.hpp; README "Image networks").
#include "images.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "config.hpp"
#include "image/image_data.hpp"
#include "image/image_model.hpp"
#include "image/image_trainer.hpp"
#include "image/preprocess.hpp"
#include "image/train_spec.hpp"
#include "image_files.hpp"
#include "json_read.hpp"
#include "text_safe.hpp"

namespace nnplay::cli {

const char* kImagesUsage =
    "usage: nnplay images train SPEC|MODEL [--epochs N] [--model OUT] [--weights-only]\n"
    "                     [--learning-rate X] [--data-dir D] [--limit-train N] [--limit-test N]\n"
    "       nnplay images eval MODEL [--data-dir D] [--limit-test N]\n"
    "       nnplay images predict MODEL IMAGE [--prepare auto|drawing|picture|none]\n"
    "  SPEC is a JSON training spec (README \"Image networks\"), MODEL an image model file\n"
    "  (docs/MODELS.md; train continues it), - for standard input. N defaults to the spec's\n"
    "  epochs. train prints one JSON line per epoch; --model writes the model file at the end\n"
    "  (--weights-only leaves the optimizer state out); --learning-rate replaces the spec's\n"
    "  (continuing a model at a lower rate is a step decay). IMAGE is a PGM (P5 or P2), a PNG or\n"
    "  784 raw bytes (28x28). The data come from D, else $NNPLAY_DATA_DIR, else the data\n"
    "  folder beside the build (build/native/nnplay reads build/data).\n";

namespace {

using namespace nnplay::image;
namespace fs = std::filesystem;

int usage(const std::string& message) {
  std::cerr << "nnplay: " << message << "\n" << kImagesUsage;
  return 1;
}

int invalid(const std::string& field, const std::string& message) {
  std::cerr << "nnplay: error: " << (field.empty() ? "" : field + ": ") << message << "\n";
  return 2;
}

int invalid(const std::vector<ConfigIssue>& errors, const std::string& what) {
  for (const ConfigIssue& e : errors)
    std::cerr << "nnplay: error: " << (e.field.empty() ? what : e.field) << ": " << e.message
              << "\n";
  return 2;
}

std::string number(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

bool read_bytes(const std::string& path, std::size_t limit, std::string& out) {
  out.clear();
  std::istream* in = &std::cin;
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return false;
    in = &file;
  }
  char buf[65536];
  while (out.size() <= limit) {
    in->read(buf, sizeof buf);
    if (in->gcount() <= 0) break;
    out.append(buf, std::size_t(in->gcount()));
  }
  return !in->bad();
}

// build/native/nnplay -> build/data; NNPLAY_DATA_DIR and --data-dir come first.
std::string data_dir(const std::string& given, const char* argv0) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("NNPLAY_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0, ec);
  return (exe.parent_path().parent_path() / "data").string();
}

struct DataSets {
  ImageSet train, test;
};

// Reads <dir>/<data>-{train,test}.nnpi; false (and a message) when a file cannot be read.
bool load_set(const std::string& dir, const std::string& data, const char* part, ImageSet& out) {
  const std::string path = (fs::path(dir) / (data + "-" + part + ".nnpi")).string();
  ImageSetResult r = read_nnpi_file(path);
  if (!r.ok()) {
    std::cerr << "nnplay: cannot read the " << data << " data: " << path << ": " << r.error->field
              << ": " << r.error->message
              << " (scripts/build writes build/data; --data-dir or NNPLAY_DATA_DIR)\n";
    return false;
  }
  out = std::move(r.set);
  return true;
}

void keep_first(ImageSet& s, std::size_t n) {
  if (n == 0 || n >= s.count()) return;
  s.labels.resize(n);
  s.pixels.resize(n * s.image_size());
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

struct Options {
  std::vector<std::string> positional;
  long long epochs = -1, limit_train = 0, limit_test = 0;
  double learning_rate = 0;  // 0: the spec's
  std::string model_out, data_dir, prepare = "auto";
  bool weights_only = false;
};

bool parse_count(const std::string& text, long long hi, long long& out) {
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos)
    return false;
  out = std::stoll(text);
  return out <= hi;
}

// Flags after the command; an error message, or "" when they are fine.
std::string parse_options(int argc, char** argv, Options& o) {
  for (int i = 3; i < argc; ++i) {
    const std::string a = argv[i];
    if (a.size() < 3 || a.compare(0, 2, "--") != 0) {
      o.positional.push_back(a);
      continue;
    }
    if (a == "--weights-only") {
      o.weights_only = true;
      continue;
    }
    if (i + 1 >= argc) return "missing value after " + a;
    const std::string v = argv[++i];
    if (a == "--epochs") {
      if (!parse_count(v, 100000, o.epochs)) return "--epochs takes an integer from 0 to 100000";
    } else if (a == "--limit-train") {
      if (!parse_count(v, 1LL << 31, o.limit_train)) return "--limit-train takes a count";
    } else if (a == "--limit-test") {
      if (!parse_count(v, 1LL << 31, o.limit_test)) return "--limit-test takes a count";
    } else if (a == "--learning-rate") {
      char* end = nullptr;
      o.learning_rate = std::strtod(v.c_str(), &end);
      if (v.empty() || end != v.c_str() + v.size() || !(o.learning_rate > 0) ||
          o.learning_rate > 10)
        return "--learning-rate takes a number above 0 and at most 10";
    } else if (a == "--model") {
      o.model_out = v;
    } else if (a == "--data-dir") {
      o.data_dir = v;
    } else if (a == "--prepare") {
      if (v != "auto" && v != "drawing" && v != "picture" && v != "none")
        return "--prepare takes auto, drawing, picture or none";
      o.prepare = v;
    } else {
      return "unknown option " + quote_for_message(a);
    }
  }
  return "";
}

// A model file's text read and checked; 0, or the exit status.
int load_model(const std::string& path, ImageModel& model) {
  std::string text;
  if (!read_bytes(path, kMaxConfigBytes, text))
    return usage("cannot read " + quote_for_message(path));
  ImageModelResult r = read_image_model(text);
  if (!r.ok()) return invalid(r.errors, "model");
  model = std::move(r.model);
  return 0;
}

void write_evaluation(const Evaluation& e, int classes) {
  std::cout << "{\"testAccuracy\":" << number(e.accuracy()) << ",\"testLoss\":" << number(e.loss)
            << ",\"count\":" << e.count << ",\"confusion\":[";
  for (int t = 0; t < classes; ++t) {
    std::cout << (t ? "," : "") << "[";
    for (int p = 0; p < classes; ++p)
      std::cout << (p ? "," : "") << e.confusion[std::size_t(t * classes + p)];
    std::cout << "]";
  }
  std::cout << "]}\n";
}

int train(int argc, char** argv, const Options& o) {
  if (o.positional.size() != 0) return usage("train takes one SPEC or MODEL");
  const std::string path = argv[2];
  std::string text;
  if (!read_bytes(path, kMaxConfigBytes, text))
    return usage("cannot read " + quote_for_message(path));
  // A model file says so in its "format"; anything else is read as a spec.
  nlohmann::json parsed;
  ConfigIssue issue;
  const bool is_model = text.size() <= kMaxConfigBytes && read_json(text, parsed, issue) &&
                        parsed.is_object() && parsed.contains("format");
  ImageModel model;
  TrainSpec spec;
  if (is_model) {
    ImageModelResult r = read_image_model(parsed);
    if (!r.ok()) return invalid(r.errors, "model");
    model = std::move(r.model);
    spec = model.spec;
  } else {
    TrainSpecResult r = parse_train_spec(text);
    if (!r.ok()) return invalid(r.errors, "spec");
    spec = r.spec;
  }
  // A new rate from here on (a step decay by hand: continue a model at a lower rate); the
  // model file's spec then holds it.
  if (o.learning_rate > 0) spec.optimizer.learning_rate = float(o.learning_rate);
  const std::string dir = data_dir(o.data_dir, argv[0]);
  DataSets d;
  if (!load_set(dir, spec.data, "train", d.train) || !load_set(dir, spec.data, "test", d.test))
    return 1;
  keep_first(d.train, std::size_t(o.limit_train));
  if (auto why = ImageTrainer::check(spec, d.train)) return invalid("", *why);
  ImageTrainer trainer(spec, d.train);
  if (is_model)
    if (auto bad = apply_image_model(model, trainer)) return invalid(bad->field, bad->message);
  // Continuing a model: its command comes first in the new file's provenance.
  const std::string earlier =
      is_model && !model.info.command.empty() ? model.info.command + " && " : "";

  const long long epochs = o.epochs >= 0 ? o.epochs : spec.epochs;
  ModelInfo info;
  info.classes = d.train.class_names;
  info.train_count = d.train.count();
  info.optimizer_state = !o.weights_only;
  for (long long k = 0; k < epochs; ++k) {
    const auto start = std::chrono::steady_clock::now();
    const BatchStats b = trainer.train_epoch();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const Evaluation e = trainer.evaluate(d.test, std::size_t(o.limit_test));
    const double train_accuracy = b.examples ? double(b.correct) / b.examples : 0.0;
    std::cout << "{\"epoch\":" << trainer.epoch()
              << ",\"trainLoss\":" << number(b.examples ? b.loss_sum / b.examples : 0.0)
              << ",\"trainAccuracy\":" << number(train_accuracy)
              << ",\"testLoss\":" << number(e.loss) << ",\"testAccuracy\":" << number(e.accuracy())
              << ",\"examplesPerSecond\":" << number(std::round(b.examples / seconds))
              << ",\"seconds\":" << number(std::round(seconds * 1000) / 1000) << "}" << std::endl;
    info.metrics.train_accuracy = train_accuracy;
    info.metrics.test_accuracy = e.accuracy();
    info.metrics.test_loss = e.loss;
    info.metrics.test_count = (long long)e.count;
  }
  if (!o.model_out.empty()) {
    info.command = earlier + "nnplay images train";
    for (int i = 2; i < argc; ++i) info.command += std::string(" ") + argv[i];
    info.time = utc_now();
    std::ofstream out(o.model_out, std::ios::binary);
    out << export_image_model(trainer, info) << "\n";
    if (!out) {
      std::cerr << "nnplay: cannot write " << quote_for_message(o.model_out) << "\n";
      return 1;
    }
  }
  return 0;
}

int eval(char** argv, const Options& o) {
  if (o.positional.size() != 0) return usage("eval takes one MODEL");
  ImageModel model;
  if (int status = load_model(argv[2], model)) return status;
  ImageSet test;
  if (!load_set(data_dir(o.data_dir, argv[0]), model.spec.data, "test", test)) return 1;
  const ImageSet shapes = model_shape_set(model);
  ImageTrainer trainer(model.spec, shapes);
  if (auto bad = apply_image_model(model, trainer)) return invalid(bad->field, bad->message);
  if (test.class_names.size() != model.info.classes.size())
    return invalid("data.classes", "the model has " + std::to_string(model.info.classes.size()) +
                                       " classes, the test set " +
                                       std::to_string(test.class_names.size()));
  write_evaluation(trainer.evaluate(test, std::size_t(o.limit_test)), trainer.net().classes());
  return 0;
}

int predict(char** argv, const Options& o) {
  if (o.positional.size() != 1) return usage("predict takes a MODEL and an IMAGE");
  ImageModel model;
  if (int status = load_model(argv[2], model)) return status;
  const std::string image_path = o.positional[0];
  std::string bytes;
  if (!read_bytes(image_path, 64u << 20, bytes) || bytes.size() > (64u << 20))
    return usage("cannot read " + quote_for_message(image_path) + " (at most 64 MiB)");
  const PictureResult pic = read_picture(std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
  if (pic.error) return invalid("image", *pic.error);
  const Picture& p = pic.picture;
  std::string how = o.prepare;
  if (how == "auto") how = preparation_name(model.preparation);
  std::vector<float> input(kInputPixels, 0.0f);
  if (how == "none") {
    if (p.width != kInputSide || p.height != kInputSide)
      return invalid("image", "--prepare none needs a 28x28 image, got " + std::to_string(p.width) +
                                  "x" + std::to_string(p.height));
    const std::vector<std::uint8_t> g = grey_of(p);
    for (int i = 0; i < kInputPixels; ++i) input[std::size_t(i)] = g[std::size_t(i)] / 255.0f;
  } else if (how == "drawing") {
    const std::vector<std::uint8_t> g = grey_of(p);
    // A dark stroke on a light canvas is inverted (the border's mean decides, as for pictures).
    double border = 0;
    long long n = 0;
    for (int y = 0; y < p.height; ++y)
      for (int x = 0; x < p.width; ++x)
        if (y == 0 || x == 0 || y == p.height - 1 || x == p.width - 1) {
          border += g[std::size_t(y) * std::size_t(p.width) + std::size_t(x)];
          ++n;
        }
    DrawingOptions opt;
    opt.invert = n && border / double(n) > 127.5;
    const Prepared r = prepare_drawing(g.data(), p.width, p.height, opt, input.data());
    if (!r.ok()) return invalid("image", r.error->message);
    if (r.empty) return invalid("image", "the drawing is empty (no ink)");
  } else {
    const Prepared r =
        prepare_picture(p.pixels.data(), p.width, p.height, p.channels, {}, input.data());
    if (!r.ok()) return invalid("image", r.error->message);
    if (r.empty) return invalid("image", "the picture is uniform (nothing to see)");
  }
  const ImageSet shapes = model_shape_set(model);
  ImageTrainer trainer(model.spec, shapes);
  if (auto bad = apply_image_model(model, trainer)) return invalid(bad->field, bad->message);
  const float* probs = trainer.predict(input.data());
  const int k = trainer.net().classes();
  std::vector<int> order(static_cast<std::size_t>(k));
  for (int i = 0; i < k; ++i) order[std::size_t(i)] = i;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return probs[a] > probs[b]; });
  const int top = std::min(5, k);
  std::cout << "{\"top\":[";
  for (int i = 0; i < top; ++i) {
    const int c = order[std::size_t(i)];
    std::cout << (i ? "," : "")
              << "{\"class\":" << nlohmann::json(model.info.classes[std::size_t(c)]).dump()
              << ",\"score\":" << number(probs[c]) << "}";
  }
  std::cout << "]}\n";
  for (int i = 0; i < top; ++i) {
    const int c = order[std::size_t(i)];
    char score[32];
    std::snprintf(score, sizeof score, "%.5f", double(probs[c]));
    std::cout << model.info.classes[std::size_t(c)] << " (score = " << score << ")\n";
  }
  return 0;
}

}  // namespace

int images_main(int argc, char** argv) {
  if (argc < 4) return usage("expected images train|eval|predict and a file");
  // argv: program, "images", command, file, flags...: shifted by one so that rest[1] is the
  // command, rest[2] the file and rest[0] the program again.
  const std::string cmd = argv[2];
  Options o;
  char** rest = argv + 1;
  rest[0] = argv[0];
  const std::string error = parse_options(argc - 1, rest, o);
  if (!error.empty()) return usage(error);
  if (cmd == "train") return train(argc - 1, rest, o);
  if (cmd == "eval") return eval(rest, o);
  if (cmd == "predict") return predict(rest, o);
  return usage("unknown images command " + quote_for_message(cmd));
}

}  // namespace nnplay::cli
