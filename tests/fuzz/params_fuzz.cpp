// libFuzzer target: the params reader (params_from_json) on its own and through a config's
// "params", and a config's "points" reader. An input is a small header that picks the
// network's shape, then JSON text:
//   byte 0: inputs = 1 + b % 7 (the first features of the table)
//   byte 1: hidden layers = b % 4, then one byte per layer: neurons = 1 + b % 8
// The JSON value is read as params for that shape, then put into a config as its "params"
// and, on its own, as a config's "points"; whatever is accepted is loaded into a network or
// a Session and used.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "config.hpp"
#include "features.hpp"
#include "fuzz_budget.hpp"
#include "params_json.hpp"
#include "session.hpp"

namespace {

using nlohmann::json;

void check_params(const json& value, const std::vector<int>& sizes) {
  std::vector<nnplay::ConfigIssue> errors;
  const auto params = nnplay::params_from_json(value, sizes, errors);
  if (!params) {
    if (errors.empty()) __builtin_trap();  // a refusal always says why
    return;
  }
  if (!errors.empty() || params->size() + 1 != sizes.size()) __builtin_trap();
  const std::vector<int> hidden(sizes.begin() + 1, sizes.end() - 1);
  nnplay::Network net(sizes[0], hidden, 1, nnplay::Activation::Tanh, nnplay::Activation::Tanh,
                      nnplay::Regularization::None);
  nnplay::load_params(*params, net);
  // What was loaded is what params_to_json writes back, dead links at weight 0.
  std::vector<nnplay::ConfigIssue> again;
  if (!nnplay::params_from_json(nnplay::params_to_json(net), sizes, again)) __builtin_trap();
  const std::vector<double> input(std::size_t(sizes[0]), 0.5);
  net.forward(input.data());
}

// A config holding the value under `key`; used by a Session when valid and cheap.
void check_config(const json& config) {
  const nnplay::ParsedConfig parsed = nnplay::parse_config(config);
  if (!parsed.ok() || !nnplay_fuzz::cheap(parsed.config)) return;
  nnplay::Session session;
  if (!session.configure(config.dump()).ok) __builtin_trap();
  session.step(1);
  session.predict_grid(4);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const int inputs = 1 + data[0] % nnplay::kFeatureCount;
  const int layers = data[1] % 4;
  if (size < std::size_t(2 + layers)) return 0;
  std::vector<int> sizes = {inputs};
  for (int l = 0; l < layers; ++l) sizes.push_back(1 + data[2 + l] % 8);
  sizes.push_back(1);
  const std::size_t head = std::size_t(2 + layers);
  const json value = json::parse(data + head, data + size, nullptr, false);
  if (value.is_discarded()) return 0;

  check_params(value, sizes);

  json config = json::object();
  for (int f = 0; f < nnplay::kFeatureCount; ++f) config[nnplay::kFeatures[f].key] = f < inputs;
  config["networkShape"] = std::vector<int>(sizes.begin() + 1, sizes.end() - 1);
  config["params"] = value;
  check_config(config);

  check_config(json{{"points", value}, {"networkShape", json::array({2})}});
  return 0;
}
