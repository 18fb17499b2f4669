// nnplay: the engine on the command line, for scripting, pre-training and tests.
//   nnplay train|data|export|grid CONFIG [--epochs N] [--resolution R] [--progress S]
// Exit status: 0 ok, 1 bad usage or unreadable file, 2 invalid config (any hostile one too:
// the engine refuses it with a message, docs/LIMITS.md). Training longer than S seconds
// reports its progress on stderr; stdout is the same with or without it.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "session.hpp"
#include "text_safe.hpp"

namespace {

const char* kUsage =
    "usage: nnplay train|data|export|grid CONFIG [--epochs N] [--resolution R] [--progress S]\n"
    "  CONFIG is a JSON file, or - for standard input. Defaults: N = 100, R = 100.\n"
    "  Progress goes to stderr every S seconds of training (default 2; 0: every epoch).\n";

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
  if (argc < 3) return usage_error("expected a command and a CONFIG");
  const std::string command = argv[1];
  if (command != "train" && command != "data" && command != "export" && command != "grid")
    return usage_error("unknown command " + nnplay::quote_for_message(command));
  const std::string path = argv[2];
  long long epochs = 100, resolution = 100, progress_seconds = 2;
  for (int i = 3; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return usage_error("missing value after " + flag);
    const std::string value = argv[++i];
    if (flag == "--epochs") {
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

  nnplay::Session session;
  const nnplay::ConfigureResult result = session.configure(text);
  for (const auto& w : result.warnings)
    std::cerr << "nnplay: warning: " << (w.field.empty() ? "config" : w.field) << ": " << w.message
              << "\n";
  if (!result.ok) {
    for (const auto& e : result.errors)
      std::cerr << "nnplay: error: " << (e.field.empty() ? "config" : e.field) << ": " << e.message
                << "\n";
    return 2;
  }

  Progress progress(epochs, progress_seconds);
  if (command == "train") {
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
  return 0;
}
