// The image model file (image_model.hpp).
#include "image_model.hpp"

#include <algorithm>

#include "base64.hpp"
#include "config.hpp"
#include "json_read.hpp"

namespace nnplay::image {

namespace {

// The optimizer state's arrays by kind, in OptimizerState's order (docs/MODELS.md's names).
std::vector<const char*> state_names(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::Momentum:
    case OptimizerKind::Nesterov: return {"velocity"};
    case OptimizerKind::RmsProp: return {"squareAverage"};
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW: return {"m", "v"};
    default: return {};
  }
}

std::string crop_text(const TrainSpec& s) {
  if (s.augment != Augment::Crop) return "none";
  return "centre " + std::to_string(s.crop) + "x" + std::to_string(s.crop);
}

struct Reader {
  std::vector<ConfigIssue>& errors;
  void fail(const std::string& field, const std::string& message) {
    errors.push_back({field, message});
  }
  // The member, or an issue when it is missing or of the wrong JSON type.
  const nlohmann::json* member(const nlohmann::json& j, const std::string& at, const char* key,
                               nlohmann::json::value_t type, const char* what) {
    const std::string field = at.empty() ? key : at + "." + key;
    auto it = j.find(key);
    if (it == j.end()) {
      fail(field, std::string("is missing (") + what + ")");
      return nullptr;
    }
    const bool number = type == nlohmann::json::value_t::number_float;
    if (number ? !it->is_number() : it->type() != type) {
      fail(field, std::string("must be ") + what + ", got " + describe(*it));
      return nullptr;
    }
    return &*it;
  }
  bool count(const nlohmann::json& j, const std::string& at, const char* key, long long hi,
             long long& out) {
    const nlohmann::json* v = member(j, at, key, nlohmann::json::value_t::number_float, "a count");
    if (!v) return false;
    if (auto why = integer_problem(*v, 0, hi, out)) {
      fail(at + "." + key, *why);
      return false;
    }
    return true;
  }
  void rng(const nlohmann::json& j, const std::string& at, const char* key, SeedRandom& out) {
    const nlohmann::json* v = member(j, at, key, nlohmann::json::value_t::string,
                                     "a generator position (516 hex digits)");
    if (v && !out.load_state(v->get<std::string>()))
      fail(at + "." + key, "is not a generator position (516 hex digits: S box, i, j)");
  }
  void floats(const nlohmann::json& v, const std::string& field, std::size_t expected,
              std::vector<float>& out) {
    if (!v.is_string()) return fail(field, "must be base64 float32 values, got " + describe(v));
    if (auto why = base64_to_floats(v.get<std::string>(), out))
      return fail(field, "is not base64 float32 values: " + *why);
    if (out.size() != expected)
      fail(field, "holds " + std::to_string(out.size()) + " values, the network has " +
                      std::to_string(expected) + " parameters");
  }
  std::optional<double> optional_number(const nlohmann::json& j, const std::string& at,
                                        const char* key) {
    auto it = j.find(key);
    if (it == j.end()) return std::nullopt;
    if (!finite_number(*it)) {
      fail(at + "." + key, "must be a number, got " + describe(*it));
      return std::nullopt;
    }
    return it->get<double>();
  }
};

}  // namespace

Preparation preparation_for(const std::string& data) {
  return data == "digits" ? Preparation::Drawing : Preparation::Picture;
}

const char* preparation_name(Preparation p) {
  return p == Preparation::Drawing ? "drawing" : "picture";
}

nlohmann::ordered_json image_model_json(const ImageTrainer& t, const ModelInfo& info) {
  using J = nlohmann::ordered_json;
  const TrainSpec& s = t.spec();
  const ConvNet& net = t.net();
  J j;
  j["format"] = "nnplay-model";
  j["version"] = kImageModelVersion;
  j["kind"] = "cnn";
  j["spec"] = J(train_spec_json(s));
  j["data"] = J{{"name", s.data},
                {"classes", info.classes},
                {"side", kInputSide},
                {"trainCount", info.train_count}};
  j["preprocessing"] =
      J{{"prepare", preparation_name(preparation_for(s.data))},
        {"input", "28x28 float32 in [0, 1], row-major, 0 the background (black), 1 full ink"},
        {"crop", crop_text(s)}};
  j["parameters"] = net.params().size();
  j["weights"] = floats_to_base64(net.params().data(), net.params().size());
  ImageTrainer& mutable_t = const_cast<ImageTrainer&>(t);  // optimizer_state() has no const form
  const OptimizerState<float>& st = mutable_t.optimizer_state();
  J opt = {{"name", train_spec_json(s)["optimizer"].get<std::string>()}, {"step", st.steps}};
  if (info.optimizer_state) {
    J state = J::object();
    const auto names = state_names(s.optimizer.kind);
    for (std::size_t k = 0; k < names.size() && k < st.per_param.size(); ++k)
      state[names[k]] = floats_to_base64(st.per_param[k].data(), st.per_param[k].size());
    opt["state"] = state;
  }
  j["optimizer"] = opt;
  const TrainingPosition p = t.position();
  j["training"] = J{{"epoch", p.epoch},
                    {"cursor", p.cursor},
                    {"examplesSeen", p.seen},
                    {"rng", p.weights_rng.save_state()},
                    {"orderRng", p.order_rng.save_state()},
                    {"orderDrawnRng", p.order_drawn_rng.save_state()}};
  J m = J::object();
  if (info.metrics.test_accuracy) m["testAccuracy"] = *info.metrics.test_accuracy;
  if (info.metrics.test_loss) m["testLoss"] = *info.metrics.test_loss;
  if (info.metrics.test_count) m["testCount"] = *info.metrics.test_count;
  if (info.metrics.train_accuracy) m["trainAccuracy"] = *info.metrics.train_accuracy;
  if (!m.empty()) j["metrics"] = m;
  J prov = J::object();
  if (!info.command.empty()) prov["command"] = info.command;
  if (!info.time.empty()) prov["time"] = info.time;
  if (!prov.empty()) j["provenance"] = prov;
  return j;
}

std::string export_image_model(const ImageTrainer& t, const ModelInfo& info) {
  return image_model_json(t, info).dump(1);
}

ImageModelResult read_image_model(const std::string& text) {
  ImageModelResult out;
  if (text.size() > kMaxConfigBytes) {
    out.errors.push_back(
        {"", "the file is larger than " + std::to_string(kMaxConfigBytes) + " bytes"});
    return out;
  }
  nlohmann::json j;
  ConfigIssue issue;
  if (!read_json(text, j, issue)) {
    out.errors.push_back(issue);
    return out;
  }
  return read_image_model(j);
}

ImageModelResult read_image_model(const nlohmann::json& j) {
  ImageModelResult out;
  ImageModel& m = out.model;
  Reader r{out.errors};
  using T = nlohmann::json::value_t;
  if (!j.is_object() || j.find("format") == j.end() || j["format"] != "nnplay-model") {
    r.fail("format", "is not \"nnplay-model\": not a model file");
    return out;
  }
  const nlohmann::json* version = r.member(j, "", "version", T::number_float, "an integer");
  if (!version) return out;
  long long v = 0;
  if (auto why = integer_problem(*version, 1, 1000000, v)) return r.fail("version", *why), out;
  if (v > kImageModelVersion) {
    r.fail("version", "is " + std::to_string(v) + ", newer than this nnplay reads (" +
                          std::to_string(kImageModelVersion) + ")");
    return out;
  }
  const nlohmann::json* kind = r.member(j, "", "kind", T::string, "\"cnn\"");
  if (!kind) return out;
  if (*kind != "cnn") {
    r.fail("kind", "is " + describe(*kind) + ", not an image model (\"cnn\")");
    return out;
  }

  // The spec, then the data's classes: together they give the network's shapes.
  const nlohmann::json* spec = r.member(j, "", "spec", T::object, "the training spec");
  if (!spec) return out;
  TrainSpecResult sr = read_train_spec(*spec);
  for (const ConfigIssue& e : sr.errors)
    r.fail(e.field.empty() ? "spec" : "spec." + e.field, e.message);
  if (!sr.ok()) return out;
  m.spec = sr.spec;
  m.preparation = preparation_for(m.spec.data);
  const nlohmann::json* data =
      r.member(j, "", "data", T::object, "the data set's name and classes");
  if (!data) return out;
  const nlohmann::json* name = r.member(*data, "data", "name", T::string, "digits or fashion");
  if (name && *name != m.spec.data)
    r.fail("data.name", "is " + describe(*name) + ", the spec's data is " + m.spec.data);
  const nlohmann::json* classes =
      r.member(*data, "data", "classes", T::array, "the list of class names");
  if (classes) {
    if (classes->size() < 2 || classes->size() > kMaxClasses)
      r.fail("data.classes",
             "must list 2 to " + std::to_string(kMaxClasses) + " names, got " + describe(*classes));
    for (std::size_t i = 0; i < classes->size(); ++i) {
      const nlohmann::json& c = (*classes)[i];
      if (!c.is_string() || c.get_ref<const std::string&>().empty() ||
          c.get_ref<const std::string&>().size() > 100)
        r.fail("data.classes[" + std::to_string(i) + "]",
               "must be a name of 1 to 100 bytes, got " + describe(c));
      else
        m.info.classes.push_back(c.get<std::string>());
    }
  }
  long long side = 0, train_count = 0;
  if (r.count(*data, "data", "side", kMaxImageSide, side) && side != kInputSide)
    r.fail("data.side", "must be " + std::to_string(kInputSide) + ", got " + std::to_string(side));
  m.side = int(side);
  if (r.count(*data, "data", "trainCount", kMaxImages, train_count))
    m.info.train_count = std::size_t(train_count);
  if (auto pre = j.find("preprocessing"); pre != j.end()) {
    const char* expected = preparation_name(m.preparation);
    if (!pre->is_object() || pre->find("prepare") == pre->end() || (*pre)["prepare"] != expected)
      r.fail("preprocessing.prepare",
             std::string("must be ") + expected + " for " + m.spec.data + " models");
  }
  if (!out.errors.empty()) return out;
  const Shape input{1, m.spec.input_side(kInputSide), m.spec.input_side(kInputSide)};
  if (auto why = ConvNet::check(input, int(m.info.classes.size()), m.spec.layers)) {
    r.fail("spec.layers", *why);
    return out;
  }
  const std::size_t params =
      ConvNet(input, int(m.info.classes.size()), m.spec.layers).params().size();

  if (const nlohmann::json* w = r.member(j, "", "weights", T::string, "base64 float32 values"))
    r.floats(*w, "weights", params, m.params);
  if (const nlohmann::json* opt =
          r.member(j, "", "optimizer", T::object, "the optimizer's name, step and state")) {
    const std::string kind_name = train_spec_json(m.spec)["optimizer"];
    const nlohmann::json* oname = r.member(*opt, "optimizer", "name", T::string, kind_name.c_str());
    if (oname && *oname != kind_name)
      r.fail("optimizer.name", "is " + describe(*oname) + ", the spec's optimizer is " + kind_name);
    r.count(*opt, "optimizer", "step", 1LL << 50, m.step);
    if (auto st = opt->find("state"); st != opt->end()) {
      if (!st->is_object()) {
        r.fail("optimizer.state", "must be an object of base64 arrays, got " + describe(*st));
      } else {
        const auto names = state_names(m.spec.optimizer.kind);
        m.state.assign(names.size(), {});
        for (std::size_t k = 0; k < names.size(); ++k) {
          auto a = st->find(names[k]);
          const std::string field = std::string("optimizer.state.") + names[k];
          if (a == st->end())
            r.fail(field, "is missing (" + kind_name + " keeps it)");
          else
            r.floats(*a, field, params, m.state[k]);
        }
        for (auto it = st->begin(); it != st->end(); ++it) {
          bool known = false;
          for (const char* n : names) known = known || it.key() == n;
          if (!known) r.fail("optimizer.state." + it.key(), "is not kept by " + kind_name);
        }
      }
    }
  }
  if (const nlohmann::json* tr =
          r.member(j, "", "training", T::object, "the epoch, cursor and generators")) {
    long long epoch = 0, cursor = 0, seen = 0;
    if (r.count(*tr, "training", "epoch", 1 << 30, epoch)) m.position.epoch = int(epoch);
    if (r.count(*tr, "training", "cursor", kMaxImages, cursor)) {
      m.position.cursor = std::size_t(cursor);
      if (cursor > 0 && cursor >= train_count)
        r.fail("training.cursor", "must be below data.trainCount (" + std::to_string(train_count) +
                                      "), got " + std::to_string(cursor));
    }
    if (r.count(*tr, "training", "examplesSeen", 1LL << 50, seen)) m.position.seen = seen;
    r.rng(*tr, "training", "rng", m.position.weights_rng);
    r.rng(*tr, "training", "orderRng", m.position.order_rng);
    r.rng(*tr, "training", "orderDrawnRng", m.position.order_drawn_rng);
  }
  if (auto met = j.find("metrics"); met != j.end()) {
    if (!met->is_object()) {
      r.fail("metrics", "must be an object, got " + describe(*met));
    } else {
      m.info.metrics.test_accuracy = r.optional_number(*met, "metrics", "testAccuracy");
      m.info.metrics.test_loss = r.optional_number(*met, "metrics", "testLoss");
      m.info.metrics.train_accuracy = r.optional_number(*met, "metrics", "trainAccuracy");
      if (auto c = r.optional_number(*met, "metrics", "testCount"))
        m.info.metrics.test_count = (long long)*c;
    }
  }
  if (auto prov = j.find("provenance"); prov != j.end() && prov->is_object()) {
    if (auto c = prov->find("command"); c != prov->end() && c->is_string())
      m.info.command = c->get<std::string>();
    if (auto t = prov->find("time"); t != prov->end() && t->is_string())
      m.info.time = t->get<std::string>();
  }
  m.info.optimizer_state = !m.state.empty() || state_names(m.spec.optimizer.kind).empty();
  return out;
}

ImageSet model_shape_set(const ImageModel& model) {
  ImageSet s;
  s.rows = s.cols = std::uint32_t(model.side);
  s.class_names = model.info.classes;
  return s;
}

std::optional<ConfigIssue> apply_image_model(const ImageModel& m, ImageTrainer& t) {
  ConvNet& net = t.net();
  if (net.classes() != int(m.info.classes.size()))
    return ConfigIssue{"data.classes", "the model has " + std::to_string(m.info.classes.size()) +
                                           " classes, the data set " +
                                           std::to_string(net.classes())};
  if (net.params().size() != m.params.size())
    return ConfigIssue{"weights", "the model has " + std::to_string(m.params.size()) +
                                      " parameters, the trainer's network " +
                                      std::to_string(net.params().size())};
  if (t.train_count() != 0 && t.train_count() != m.info.train_count)
    return ConfigIssue{"data.trainCount",
                       "the model was trained on " + std::to_string(m.info.train_count) +
                           " images, this training set has " + std::to_string(t.train_count())};
  if (t.train_count() != 0 && !t.restore(m.position))
    return ConfigIssue{"training.cursor", "is past the training set"};
  net.params() = m.params;
  net.clear_gradients();
  OptimizerState<float>& st = t.optimizer_state();
  for (std::size_t k = 0; k < st.per_param.size(); ++k) {
    if (k < m.state.size())
      st.per_param[k] = m.state[k];
    else
      std::fill(st.per_param[k].begin(), st.per_param[k].end(), 0.0f);
  }
  st.steps = m.step;
  st.powers = BetaPowers<float>{};
  return std::nullopt;
}

}  // namespace nnplay::image
