// nnplay: the engine on the command line, for scripting, pre-training and tests.
//   nnplay train|data|export|grid CONFIG [--epochs N] [--resolution R]
// Exit status: 0 ok, 1 bad usage or unreadable file, 2 invalid config.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "session.hpp"

namespace {

const char* kUsage =
    "usage: nnplay train|data|export|grid CONFIG [--epochs N] [--resolution R]\n"
    "  CONFIG is a JSON file, or - for standard input. Defaults: N = 100, R = 100.\n";

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

bool read_config(const std::string& path, std::string& text) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return !std::cin.bad();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
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
    return usage_error("unknown command '" + command + "'");
  const std::string path = argv[2];
  long long epochs = 100, resolution = 100;
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
    } else {
      return usage_error("unknown option " + flag);
    }
  }
  std::string text;
  if (!read_config(path, text)) return usage_error("cannot read " + path);

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

  if (command == "train") {
    write_losses(session);
    for (long long k = 0; k < epochs; ++k) {
      session.step(1);
      write_losses(session);
    }
  } else if (command == "data") {
    std::cout << "{\"train\":";
    write_points(std::cout, session.train_points());
    std::cout << ",\"test\":";
    write_points(std::cout, session.test_points());
    std::cout << "}\n";
  } else if (command == "export") {
    session.step(epochs);
    std::cout << session.export_json() << "\n";
  } else {
    session.step(epochs);
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
