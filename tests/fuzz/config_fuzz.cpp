// libFuzzer target: the config parser (parse_config of the text the CLI reads and the page's
// Session.configure passes on). After a successful parse, a Session takes the config, trains
// an epoch and predicts a small grid, when the network and data are small enough to do so
// quickly (fuzz_budget.hpp).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "config.hpp"
#include "fuzz_budget.hpp"
#include "session.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const nnplay::ParsedConfig parsed = nnplay::parse_config(text);
  // Every issue names a reason; a failed parse has at least one error.
  for (const auto& issue : parsed.errors)
    if (issue.message.empty()) __builtin_trap();
  if (!parsed.ok() || !nnplay_fuzz::cheap(parsed.config)) return 0;

  nnplay::Session session;
  const nnplay::ConfigureResult result = session.configure(text);
  if (!result.ok) __builtin_trap();  // parse_config accepted the same text
  session.step(1);
  session.predict_grid(8);
  session.predict(0.5, -0.5);
  // The effective config parses again, and so does the export while its weights are finite
  // (a diverged network's are not, and JSON cannot carry them).
  if (!nnplay::parse_config(session.config_json()).ok()) __builtin_trap();
  bool finite = true;
  for (double w : session.network().params()) finite = finite && std::isfinite(w);
  if (finite && !nnplay::parse_config(session.export_json()).ok()) __builtin_trap();
  return 0;
}
