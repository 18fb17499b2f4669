// Reading and writing the image training spec (train_spec.hpp).
#include "train_spec.hpp"

#include <cmath>
#include <sstream>

#include "json_read.hpp"

namespace nnplay::image {

namespace {

struct Named {
  const char* name;
  int value;
};

const Named kActivations[] = {
    {"relu", int(ImageActivation::Relu)},       {"leakyrelu", int(ImageActivation::LeakyRelu)},
    {"elu", int(ImageActivation::Elu)},         {"tanh", int(ImageActivation::Tanh)},
    {"sigmoid", int(ImageActivation::Sigmoid)}, {"linear", int(ImageActivation::Linear)}};
const Named kOptimizers[] = {
    {"sgd", int(OptimizerKind::Sgd)},           {"momentum", int(OptimizerKind::Momentum)},
    {"nesterov", int(OptimizerKind::Nesterov)}, {"rmsprop", int(OptimizerKind::RmsProp)},
    {"adam", int(OptimizerKind::Adam)},         {"adamw", int(OptimizerKind::AdamW)}};
const Named kAugments[] = {
    {"crop", int(Augment::Crop)}, {"shift", int(Augment::Shift)}, {"none", int(Augment::None)}};
const Named kKinds[] = {{"conv", int(LayerKind::Conv)},
                        {"pool", int(LayerKind::Pool)},
                        {"dense", int(LayerKind::Dense)},
                        {"softmax", int(LayerKind::Softmax)}};

template <std::size_t N>
std::string names_of(const Named (&table)[N]) {
  std::string s;
  for (const Named& n : table) s += (s.empty() ? "" : ", ") + std::string(n.name);
  return s;
}

template <std::size_t N>
const char* name_of(const Named (&table)[N], int value) {
  for (const Named& n : table)
    if (n.value == value) return n.name;
  return "?";
}

std::string number_text(double v) {  // 0, 10, 0.999999: as a person writes them
  std::ostringstream o;
  o << v;
  return o.str();
}

// Collects issues while reading one object's keys.
struct Reader {
  std::vector<ConfigIssue>& errors;

  void fail(const std::string& field, const std::string& message) {
    errors.push_back({field, message});
  }
  template <std::size_t N>
  void choice(const nlohmann::json& v, const std::string& field, const Named (&table)[N],
              int& out) {
    if (v.is_string())
      for (const Named& n : table)
        if (v.get_ref<const std::string&>() == n.name) {
          out = n.value;
          return;
        }
    fail(field, "must be one of " + names_of(table) + ", got " + describe(v));
  }
  void integer(const nlohmann::json& v, const std::string& field, long long lo, long long hi,
               int& out) {
    long long x = 0;
    if (auto why = integer_problem(v, lo, hi, x))
      fail(field, *why);
    else
      out = int(x);
  }
  void real(const nlohmann::json& v, const std::string& field, double lo, double hi, bool lo_open,
            float& out) {
    if (!finite_number(v)) return fail(field, "must be a number, got " + describe(v));
    const double d = v.get<double>();
    if (d < lo || d > hi || (lo_open && d == lo)) {
      std::string range = (lo_open ? "above " : "from ") + number_text(lo) +
                          (lo_open ? " and at most " : " to ") + number_text(hi);
      return fail(field, "must be " + range + ", got " + describe(v));
    }
    out = float(d);
  }
};

void read_layer(const nlohmann::json& j, const std::string& at, Reader& r, LayerSpec& L) {
  if (!j.is_object()) return r.fail(at, "must be an object with a \"type\", got " + describe(j));
  auto type = j.find("type");
  if (type == j.end()) return r.fail(at + ".type", "is missing (" + names_of(kKinds) + ")");
  int kind = 0;
  const std::size_t before = r.errors.size();
  r.choice(*type, at + ".type", kKinds, kind);
  if (r.errors.size() != before) return;
  L = LayerSpec{};
  L.kind = LayerKind(kind);
  bool stride_given = false;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const std::string field = at + "." + key;
    const nlohmann::json& v = it.value();
    const bool conv = L.kind == LayerKind::Conv, pool = L.kind == LayerKind::Pool;
    const bool dense = L.kind == LayerKind::Dense;
    if (key == "type") continue;
    if (key == "size" && (conv || pool))
      r.integer(v, field, 1, conv ? 15 : 8, L.size);
    else if (key == "stride" && (conv || pool)) {
      r.integer(v, field, 1, 8, L.stride);
      stride_given = true;
    } else if (key == "filters" && conv)
      r.integer(v, field, 1, 256, L.filters);
    else if (key == "units" && dense)
      r.integer(v, field, 1, 4096, L.filters);
    else if (key == "padding" && conv) {
      if (v == "same" || v == "valid")
        L.same = v == "same";
      else
        r.fail(field, "must be same or valid, got " + describe(v));
    } else if (key == "activation" && (conv || dense)) {
      int a = 0;
      r.choice(v, field, kActivations, a);
      L.activation = ImageActivation(a);
    } else {
      r.fail(field, std::string("is not a key of a ") + name_of(kKinds, kind) + " layer");
    }
  }
  if (L.kind == LayerKind::Pool && !stride_given) L.stride = L.size;
  if (L.kind == LayerKind::Dense && j.find("units") == j.end())
    r.fail(at + ".units", "is missing (the layer's width)");
}

}  // namespace

TrainSpec convnetjs_spec() {
  TrainSpec s;
  LayerSpec c1{LayerKind::Conv, 5, 1, 8, true, ImageActivation::Relu};
  LayerSpec p1{LayerKind::Pool, 2, 2, 0, true, ImageActivation::Linear};
  LayerSpec c2{LayerKind::Conv, 5, 1, 16, true, ImageActivation::Relu};
  LayerSpec p2{LayerKind::Pool, 3, 3, 0, true, ImageActivation::Linear};
  LayerSpec out{LayerKind::Softmax, 1, 1, 0, true, ImageActivation::Linear};
  s.layers = {c1, p1, c2, p2, out};
  s.optimizer.kind = OptimizerKind::Momentum;
  s.optimizer.learning_rate = 0.01f;
  s.optimizer.momentum = 0.9f;
  s.l2 = 0.001f;
  s.batch = 20;
  s.augment = Augment::Crop;
  s.crop = 24;
  return s;
}

TrainSpecResult read_train_spec(const nlohmann::json& j) {
  TrainSpecResult out;
  out.spec = convnetjs_spec();
  Reader r{out.errors};
  if (!j.is_object()) {
    r.fail("", "a spec must be a JSON object, got " + describe(j));
    return out;
  }
  TrainSpec& s = out.spec;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const nlohmann::json& v = it.value();
    if (key == "data") {
      if (v == "digits" || v == "fashion")
        s.data = v.get<std::string>();
      else
        r.fail(key, "must be digits or fashion, got " + describe(v));
    } else if (key == "layers") {
      if (!v.is_array() || v.empty() || v.size() > 64) {
        r.fail(key, "must be a list of 1 to 64 layers, got " + describe(v));
        continue;
      }
      s.layers.assign(v.size(), LayerSpec{});
      for (std::size_t i = 0; i < v.size(); ++i)
        read_layer(v[i], "layers[" + std::to_string(i) + "]", r, s.layers[i]);
    } else if (key == "optimizer") {
      int k = 0;
      r.choice(v, key, kOptimizers, k);
      s.optimizer.kind = OptimizerKind(k);
    } else if (key == "learningRate") {
      r.real(v, key, 0, 10, true, s.optimizer.learning_rate);
    } else if (key == "momentum") {
      r.real(v, key, 0, 0.999999, false, s.optimizer.momentum);
    } else if (key == "beta1") {
      r.real(v, key, 0, 0.999999, false, s.optimizer.beta1);
    } else if (key == "beta2") {
      r.real(v, key, 0, 0.999999, false, s.optimizer.beta2);
    } else if (key == "epsilon") {
      r.real(v, key, 0, 1, true, s.optimizer.epsilon);
    } else if (key == "rmsAlpha") {
      r.real(v, key, 0, 0.999999, false, s.optimizer.rms_alpha);
    } else if (key == "weightDecay") {
      r.real(v, key, 0, 1, false, s.optimizer.weight_decay);
    } else if (key == "l2") {
      r.real(v, key, 0, 1, false, s.l2);
    } else if (key == "batchSize") {
      r.integer(v, key, 1, 1000, s.batch);
    } else if (key == "epochs") {
      r.integer(v, key, 1, 10000, s.epochs);
    } else if (key == "seed") {
      if (v.is_string() && v.get_ref<const std::string&>().size() <= 200)
        s.seed = v.get<std::string>();
      else
        r.fail(key, "must be a string of at most 200 characters, got " + describe(v));
    } else if (key == "augment") {
      int a = 0;
      r.choice(v, key, kAugments, a);
      s.augment = Augment(a);
    } else if (key == "crop") {
      r.integer(v, key, 8, 28, s.crop);
    } else if (key == "shift") {
      r.integer(v, key, 0, 8, s.shift);
    } else {
      r.fail(key,
             "is not a spec key (data, layers, optimizer, learningRate, momentum, beta1, "
             "beta2, epsilon, rmsAlpha, weightDecay, l2, batchSize, epochs, seed, augment, "
             "crop, shift)");
    }
  }
  s.optimizer.regularization = s.l2 > 0 ? Regularization::L2 : Regularization::None;
  s.optimizer.regularization_rate = s.l2;
  return out;
}

TrainSpecResult parse_train_spec(const std::string& text) {
  nlohmann::json j;
  ConfigIssue issue;
  if (!read_json(text, j, issue)) {
    TrainSpecResult out;
    out.errors.push_back(issue);
    return out;
  }
  return read_train_spec(j);
}

nlohmann::json train_spec_json(const TrainSpec& s) {
  nlohmann::json layers = nlohmann::json::array();
  for (const LayerSpec& L : s.layers) {
    nlohmann::json l = {{"type", name_of(kKinds, int(L.kind))}};
    switch (L.kind) {
      case LayerKind::Conv:
        l["size"] = L.size;
        l["filters"] = L.filters;
        l["stride"] = L.stride;
        l["padding"] = L.same ? "same" : "valid";
        l["activation"] = name_of(kActivations, int(L.activation));
        break;
      case LayerKind::Pool:
        l["size"] = L.size;
        l["stride"] = L.stride;
        break;
      case LayerKind::Dense:
        l["units"] = L.filters;
        l["activation"] = name_of(kActivations, int(L.activation));
        break;
      case LayerKind::Softmax: break;
    }
    layers.push_back(l);
  }
  const AdaptiveSettings<float>& o = s.optimizer;
  return {{"data", s.data},
          {"layers", layers},
          {"optimizer", name_of(kOptimizers, int(o.kind))},
          {"learningRate", o.learning_rate},
          {"momentum", o.momentum},
          {"beta1", o.beta1},
          {"beta2", o.beta2},
          {"epsilon", o.epsilon},
          {"rmsAlpha", o.rms_alpha},
          {"weightDecay", o.weight_decay},
          {"l2", s.l2},
          {"batchSize", s.batch},
          {"epochs", s.epochs},
          {"seed", s.seed},
          {"augment", name_of(kAugments, int(s.augment))},
          {"crop", s.crop},
          {"shift", s.shift}};
}

}  // namespace nnplay::image
