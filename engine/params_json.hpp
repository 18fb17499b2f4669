// A network's parameters as JSON, both directions: the "params" key of a config (read and
// checked against the network's shape) and of an export (written from a network). Per layer
// after the inputs, per node: {"bias": b, "w": [one per source], "dead": [indices into w]}.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "json_checks.hpp"
#include "network.hpp"

namespace nnplay {

struct NeuronParams {
  double bias = 0;
  std::vector<double> w;
  std::vector<int> dead;  // indices into w of dead L1 links
};
using LayerParams = std::vector<NeuronParams>;

// "params" for a network of `sizes` (nodes per layer, inputs first). Every problem goes into
// errors with its field path; nullopt when there was any.
std::optional<std::vector<LayerParams>> params_from_json(const nlohmann::json& value,
                                                         const std::vector<int>& sizes,
                                                         std::vector<ConfigIssue>& errors);

// Sets a network (of the params' shape) to them; a dead link is frozen at weight 0.
void load_params(const std::vector<LayerParams>& params, Network& net);

nlohmann::json params_to_json(const Network& net);

}  // namespace nnplay
