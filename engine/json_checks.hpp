// What the config's readers share: an issue (field path + reason) and the checks of single
// JSON values, with the wording every message uses.
#pragma once
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace nnplay {

struct ConfigIssue {
  std::string field;
  std::string message;
};

// A value as a message quotes it (cut short).
inline std::string describe(const nlohmann::json& v) {
  std::string s = v.dump();
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return s;
}

inline bool finite_number(const nlohmann::json& v) {
  return v.is_number() && std::isfinite(v.get<double>());
}

// An integer in [lo, hi] given as a JSON number: stored in target, or the reason it is not.
inline std::optional<std::string> integer_problem(const nlohmann::json& v, long long lo,
                                                  long long hi, long long& target) {
  if (!v.is_number()) return "must be an integer, got " + describe(v);
  const double d = v.get<double>();
  if (!std::isfinite(d) || std::floor(d) != d) return "must be an integer, got " + describe(v);
  if (d < double(lo) || d > double(hi))
    return "must be from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got " +
           describe(v);
  target = static_cast<long long>(d);
  return std::nullopt;
}

}  // namespace nnplay
