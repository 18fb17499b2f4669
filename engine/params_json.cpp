// Params <-> JSON; see params_json.hpp.
#include "params_json.hpp"

#include <string>

namespace nnplay {

using nlohmann::json;

std::optional<std::vector<LayerParams>> params_from_json(const json& v,
                                                         const std::vector<int>& sizes,
                                                         std::vector<ConfigIssue>& errors) {
  auto error = [&](const std::string& field, const std::string& message) {
    errors.push_back({field, message});
  };
  const std::size_t layers = sizes.size() - 1;
  if (!v.is_array() || v.size() != layers) {
    error("params", "must be an array of " + std::to_string(layers) +
                        " layers (the hidden layers and the output) for this shape");
    return std::nullopt;
  }
  std::vector<LayerParams> params(layers);
  bool ok = true;
  for (std::size_t l = 0; l < layers; ++l) {
    const json& layer = v[l];
    const std::string lf = "params[" + std::to_string(l) + "]";
    if (!layer.is_array() || layer.size() != std::size_t(sizes[l + 1])) {
      error(lf, "must list " + std::to_string(sizes[l + 1]) + " neurons");
      ok = false;
      continue;
    }
    for (std::size_t i = 0; i < layer.size(); ++i) {
      const json& neuron = layer[i];
      const std::string nf = lf + "[" + std::to_string(i) + "]";
      NeuronParams np;
      if (!neuron.is_object()) {
        error(nf, "must be {\"bias\": b, \"w\": [...]}");
        ok = false;
        continue;
      }
      if (!neuron.contains("bias") || !finite_number(neuron["bias"])) {
        error(nf + ".bias", "must be a finite number");
        ok = false;
      } else {
        np.bias = neuron["bias"].get<double>();
      }
      const json* w = neuron.contains("w") ? &neuron["w"] : nullptr;
      if (!w || !w->is_array() || w->size() != std::size_t(sizes[l])) {
        error(nf + ".w", "must list " + std::to_string(sizes[l]) + " weights (one per input)");
        ok = false;
      } else {
        for (std::size_t j = 0; j < w->size(); ++j) {
          if (!finite_number((*w)[j])) {
            error(nf + ".w[" + std::to_string(j) + "]", "must be a finite number");
            ok = false;
          } else {
            np.w.push_back((*w)[j].get<double>());
          }
        }
      }
      if (neuron.contains("dead")) {
        const json& dead = neuron["dead"];
        // At most one entry per weight: a longer list is not a set of dead links.
        bool dead_ok = dead.is_array() && dead.size() <= std::size_t(sizes[l]);
        for (std::size_t j = 0; dead_ok && j < dead.size(); ++j) {
          long long idx = 0;
          if (auto problem = integer_problem(dead[j], 0, sizes[l] - 1, idx)) {
            error(nf + ".dead[" + std::to_string(j) + "]", *problem);
            dead_ok = false;
          } else {
            np.dead.push_back(int(idx));
          }
        }
        if (!dead.is_array())
          error(nf + ".dead", "must be an array of weight indices");
        else if (!dead_ok && dead.size() > std::size_t(sizes[l]))
          error(nf + ".dead", "at most " + std::to_string(sizes[l]) + " indices (one per weight)");
        ok = ok && dead_ok;
      }
      params[l].push_back(std::move(np));
    }
  }
  if (!ok) return std::nullopt;
  return params;
}

void load_params(const std::vector<LayerParams>& params, Network& net) {
  for (int l = 0; l < net.layer_count(); ++l) {
    for (std::size_t i = 0; i < params[l].size(); ++i) {
      const NeuronParams& np = params[l][i];
      net.bias(l, int(i)) = np.bias;
      for (std::size_t j = 0; j < np.w.size(); ++j) net.weight(l, int(i), int(j)) = np.w[j];
      for (int j : np.dead) {
        net.set_dead(l, int(i), j, true);
        net.weight(l, int(i), j) = 0;
      }
    }
  }
}

json params_to_json(const Network& net) {
  json layers = json::array();
  const auto& sizes = net.sizes();
  for (int l = 0; l < net.layer_count(); ++l) {
    json layer = json::array();
    for (int i = 0; i < sizes[l + 1]; ++i) {
      json w = json::array(), dead = json::array();
      for (int s = 0; s < sizes[l]; ++s) {
        w.push_back(net.weight(l, i, s));
        if (net.is_dead(l, i, s)) dead.push_back(s);
      }
      json neuron = {{"bias", net.bias(l, i)}, {"w", w}};
      if (!dead.empty()) neuron["dead"] = dead;
      layer.push_back(neuron);
    }
    layers.push_back(layer);
  }
  return layers;
}

}  // namespace nnplay
