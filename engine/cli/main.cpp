// nnplay: the engine on the command line, for scripting, pre-training and tests.
//   nnplay train|data|export|grid|info CONFIG|MODEL [--epochs N] [--resolution R]
//          [--progress S] [--model-out FILE] [training flags: --optimizer adam --beta1 0.9 ...]
// A MODEL (a model file, docs/MODELS.md) continues where it was written. Exit status: 0 ok,
// 1 bad usage or unreadable file, 2 invalid config or model file (any hostile one too: the
// engine refuses it with a message, docs/LIMITS.md). Training longer than S seconds reports
// its progress on stderr; stdout is the same with or without it.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "images.hpp"
#include "json_read.hpp"
#include "search.hpp"
#include "session.hpp"
#include "text_safe.hpp"

namespace {

const char* kUsage =
    "usage: nnplay train|data|export|grid|info CONFIG|MODEL [--epochs N] [--resolution R]\n"
    "              [--progress S] [--model-out FILE] [training flags]\n"
    "  CONFIG is a JSON config, MODEL a model file (docs/MODELS.md), or - for standard input.\n"
    "  Defaults: N = 100, R = 100. Progress goes to stderr every S seconds of training\n"
    "  (default 2; 0: every epoch). --model-out writes the model file after the command.\n"
    "  Training flags set config keys: --learning-rate X --optimizer sgd|momentum|nesterov|\n"
    "  rmsprop|adam|adamw --momentum X --rms-alpha X --beta1 X --beta2 X --epsilon X\n"
    "  --weight-decay X --lr-schedule constant|step|exponential|cosine --lr-gamma X\n"
    "  --lr-step-epochs N --lr-cosine-epochs N --lr-min X --lr-warmup-epochs N\n"
    "  --init uniform|glorotUniform|glorotNormal|heUniform|heNormal (configs only).\n"
    "       nnplay images train|eval|predict ... (image networks; nnplay images for help)\n"
    "       nnplay search SPEC ... | nnplay trial ... (hyper-parameter searches, docs/SEARCH.md)\n";

// Training flags: the flag, its config key, and whether its value is a name (else a number).
struct KeyFlag {
  const char* flag;
  const char* key;
  bool name;
};
const KeyFlag kKeyFlags[] = {{"--learning-rate", "learningRate", false},
                             {"--optimizer", "optimizer", true},
                             {"--momentum", "momentum", false},
                             {"--rms-alpha", "rmsAlpha", false},
                             {"--beta1", "beta1", false},
                             {"--beta2", "beta2", false},
                             {"--epsilon", "epsilon", false},
                             {"--weight-decay", "weightDecay", false},
                             {"--lr-schedule", "lrSchedule", true},
                             {"--lr-gamma", "lrGamma", false},
                             {"--lr-step-epochs", "lrStepEpochs", false},
                             {"--lr-cosine-epochs", "lrCosineEpochs", false},
                             {"--lr-min", "lrMin", false},
                             {"--lr-warmup-epochs", "lrWarmupEpochs", false},
                             {"--init", "init", true}};

bool parse_real(const std::string& text, double& out) {
  if (text.empty() || text.size() > 64) return false;
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(out);
}

void report(const nnplay::ConfigureResult& r, const char* what) {
  for (const auto& w : r.warnings)
    std::cerr << "nnplay: warning: " << (w.field.empty() ? what : w.field) << ": " << w.message
              << "\n";
  for (const auto& e : r.errors)
    std::cerr << "nnplay: error: " << (e.field.empty() ? what : e.field) << ": " << e.message
              << "\n";
}

// The summary `nnplay info` prints: layers, parameter count, optimizer, schedule, position.
void write_info(const nnplay::Session& s, bool model) {
  const nnplay::Config& c = s.config();
  const nnplay::Network& net = s.network();
  const auto& sizes = net.sizes();
  std::cout << (model ? "model: mlp (nnplay-model)\n" : "config: mlp\n");
  std::cout << "layers: " << sizes[0] << " inputs (";
  const auto names = s.input_names();
  for (std::size_t k = 0; k < names.size(); ++k) std::cout << (k ? ", " : "") << names[k];
  std::cout << ")";
  for (int l = 0; l < net.layer_count(); ++l)
    std::cout << " -> " << sizes[l + 1] << " " << nnplay::activation_name(net.layers()[l].act)
              << (l + 1 == net.layer_count() ? " (output)" : "");
  long long weights = 0, biases = 0;
  for (int l = 0; l < net.layer_count(); ++l) {
    weights += (long long)sizes[l] * sizes[l + 1];
    biases += sizes[l + 1];
  }
  std::cout << "\nparameters: " << weights + biases << " (" << weights << " weights, " << biases
            << " biases)\n";
  const auto& o = c.optimizer;
  std::cout << "optimizer: " << nnplay::optimizer_name(o.kind);
  switch (o.kind) {
    case nnplay::OptimizerKind::Momentum:
    case nnplay::OptimizerKind::Nesterov: std::cout << " (momentum " << o.momentum << ")"; break;
    case nnplay::OptimizerKind::RmsProp:
      std::cout << " (rmsAlpha " << o.rms_alpha << ", epsilon " << o.epsilon << ")";
      break;
    case nnplay::OptimizerKind::Adam:
    case nnplay::OptimizerKind::AdamW:
      std::cout << " (beta1 " << o.beta1 << ", beta2 " << o.beta2 << ", epsilon " << o.epsilon;
      if (o.kind == nnplay::OptimizerKind::AdamW) std::cout << ", weightDecay " << o.weight_decay;
      std::cout << ")";
      break;
    default: break;
  }
  std::cout << ", step " << net.optimizer_state().steps << "\n";
  std::cout << "learning rate: " << c.learning_rate << " ("
            << nnplay::schedule_name(c.schedule.kind) << " schedule, now " << s.learning_rate_now()
            << ")\n";
  std::cout << "regularization: " << nnplay::regularization_name(c.regularization) << " "
            << c.regularization_rate << "\n";
  std::cout << "init: " << nnplay::init_name(c.init) << "\n";
  std::cout << "epoch: " << s.epoch() << "\n";
}

int usage_error(const std::string& message) {
  std::cerr << "nnplay: " << message << "\n" << kUsage;
  return 1;
}

// Full precision (17 significant digits); non-finite as null.
std::string number(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

bool parse_count(const std::string& text, long long lo, long long hi, long long& out) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return false;
  if (text.size() > 15) return false;
  out = std::stoll(text);
  return out >= lo && out <= hi;
}

// Reads at most one byte more than the engine accepts (so that it reports the size), however
// long the file or stream is.
bool read_limited(std::istream& in, std::string& text) {
  const std::size_t limit = nnplay::kMaxConfigBytes + 1;
  text.clear();
  char buf[65536];
  while (text.size() < limit) {
    in.read(buf, std::streamsize(std::min(sizeof buf, limit - text.size())));
    if (in.gcount() <= 0) break;
    text.append(buf, std::size_t(in.gcount()));
  }
  return !in.bad();
}

bool read_config(const std::string& path, std::string& text) {
  if (path == "-") return read_limited(std::cin, text);
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  return read_limited(in, text);
}

// "nnplay: epoch K of N" on stderr when `interval` has passed since the last line (or the
// start), checked after every epoch.
class Progress {
 public:
  Progress(long long total, long long interval_seconds)
      : total_(total), interval_(std::chrono::seconds(interval_seconds)), last_(Clock::now()) {}
  void epoch_done(long long done) {
    const Clock::time_point now = Clock::now();
    if (now - last_ < interval_) return;
    last_ = now;
    std::cerr << "nnplay: epoch " << done << " of " << total_ << std::endl;
  }

 private:
  using Clock = std::chrono::steady_clock;
  long long total_;
  Clock::duration interval_;
  Clock::time_point last_;
};

// session.step(epochs), an epoch at a time for the progress; the same training and losses
// (epochs are trained one after another either way). Stops where step stops (a diverged
// network).
void train(nnplay::Session& session, long long epochs, Progress& progress) {
  for (long long k = 1; k <= epochs; ++k) {
    if (session.train_epochs(1) < 1 || session.diverged()) break;
    progress.epoch_done(k);
  }
  session.step(0);
}

void write_points(std::ostream& out, const std::vector<nnplay::Point>& pts) {
  out << "[";
  for (std::size_t i = 0; i < pts.size(); ++i) {
    out << (i ? "," : "") << "[" << number(pts[i].x) << "," << number(pts[i].y) << ","
        << number(pts[i].label) << "]";
  }
  out << "]";
}

void write_losses(const nnplay::Session& s) {
  std::cout << "{\"epoch\":" << s.epoch() << ",\"trainLoss\":" << number(s.train_loss())
            << ",\"testLoss\":" << number(s.test_loss()) << "}\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "images") return nnplay::cli::images_main(argc, argv);
  if (argc >= 2 && std::string(argv[1]) == "search") return nnplay::cli::search_main(argc, argv);
  if (argc >= 2 && std::string(argv[1]) == "trial") return nnplay::cli::trial_main(argc, argv);
  if (argc < 3) return usage_error("expected a command and a CONFIG");
  const std::string command = argv[1];
  if (command != "train" && command != "data" && command != "export" && command != "grid" &&
      command != "info")
    return usage_error("unknown command " + nnplay::quote_for_message(command));
  const std::string path = argv[2];
  long long epochs = 100, resolution = 100, progress_seconds = 2;
  std::string model_out;
  nlohmann::json settings = nlohmann::json::object();  // from the training flags
  for (int i = 3; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return usage_error("missing value after " + flag);
    const std::string value = argv[++i];
    const KeyFlag* key_flag = nullptr;
    for (const KeyFlag& k : kKeyFlags)
      if (flag == k.flag) key_flag = &k;
    if (key_flag) {
      double number = 0;
      if (key_flag->name)
        settings[key_flag->key] = value;
      else if (parse_real(value, number))
        settings[key_flag->key] = number;
      else
        return usage_error(flag + " takes a number");
    } else if (flag == "--model-out") {
      model_out = value;
    } else if (flag == "--epochs") {
      if (!parse_count(value, 0, 100000000, epochs))
        return usage_error("--epochs takes an integer from 0 to 100000000");
    } else if (flag == "--resolution") {
      if (!parse_count(value, 1, nnplay::kMaxGridResolution, resolution))
        return usage_error("--resolution takes an integer from 1 to " +
                           std::to_string(nnplay::kMaxGridResolution));
    } else if (flag == "--progress") {
      if (!parse_count(value, 0, 86400, progress_seconds))
        return usage_error("--progress takes a number of seconds from 0 to 86400");
    } else {
      return usage_error("unknown option " + nnplay::quote_for_message(flag));
    }
  }
  std::string text;
  if (!read_config(path, text))
    return usage_error("cannot read " + nnplay::quote_for_message(path));

  // A model file says so in its "format"; anything else is read as a config.
  nlohmann::json parsed;
  nnplay::ConfigIssue ignored;
  const bool is_json = text.size() <= nnplay::kMaxConfigBytes &&
                       nnplay::read_json(text, parsed, ignored) && parsed.is_object();
  const bool is_model = is_json && parsed.contains("format");
  nnplay::Session session;
  if (is_model) {
    const nnplay::ConfigureResult loaded = session.load_model(text);
    report(loaded, "model");
    if (!loaded.ok) return 2;
    if (settings.contains("init")) {
      std::cerr << "nnplay: error: init: a model's weights are already drawn (--init needs a "
                   "config)\n";
      return 2;
    }
    if (!settings.empty()) {
      const nnplay::ConfigureResult updated = session.update_training(settings.dump());
      report(updated, "flags");
      if (!updated.ok) return 2;
    }
  } else {
    if (is_json && !settings.empty()) {
      for (auto it = settings.begin(); it != settings.end(); ++it) parsed[it.key()] = it.value();
      text = parsed.dump();
    }
    const nnplay::ConfigureResult result = session.configure(text);
    report(result, "config");
    if (!result.ok) return 2;
  }

  Progress progress(epochs, progress_seconds);
  if (command == "info") {
    write_info(session, is_model);
  } else if (command == "train") {
    write_losses(session);
    for (long long k = 1; k <= epochs; ++k) {
      session.step(1);
      write_losses(session);
      progress.epoch_done(k);
    }
  } else if (command == "data") {
    std::cout << "{\"train\":";
    write_points(std::cout, session.train_points());
    std::cout << ",\"test\":";
    write_points(std::cout, session.test_points());
    std::cout << "}\n";
  } else if (command == "export") {
    train(session, epochs, progress);
    std::cout << session.export_json() << "\n";
  } else {
    train(session, epochs, progress);
    const int r = int(resolution);
    std::cout << "[";
    for (int row = 0; row < r; ++row) {
      const double y = nnplay::grid_axis(r - 1 - row, r, -6, 6);
      std::cout << (row ? ",\n" : "") << "[";
      for (int col = 0; col < r; ++col) {
        const double x = nnplay::grid_axis(col, r, -6, 6);
        std::cout << (col ? "," : "") << number(session.predict(x, y));
      }
      std::cout << "]";
    }
    std::cout << "]\n";
  }
  if (!model_out.empty()) {
    std::ofstream out(model_out, std::ios::binary);
    out << session.export_model() << "\n";
    if (!out) {
      std::cerr << "nnplay: cannot write " << nnplay::quote_for_message(model_out) << "\n";
      return 1;
    }
  }
  return 0;
}
