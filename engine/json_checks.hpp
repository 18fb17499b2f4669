// What the config's readers share: an issue (field path + reason) and the checks of single
// JSON values, with the wording every message uses.
#pragma once
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "text_safe.hpp"

namespace nnplay {

struct ConfigIssue {
  std::string field;
  std::string message;
};

// A value as a message quotes it: a string escaped and cut short (text_safe.hpp), a number
// or literal as JSON, an array or object by its size only (never dumped: it may be huge).
inline std::string describe(const nlohmann::json& v) {
  if (v.is_string()) return quote_for_message(v.get_ref<const std::string&>());
  if (v.is_array()) {
    const std::size_t n = v.size();
    if (n == 0) return "an empty array";
    return "an array of " + std::to_string(n) + (n == 1 ? " value" : " values");
  }
  if (v.is_object()) return v.empty() ? "an empty object" : "an object";
  if (v.is_binary()) return "binary data";
  return v.dump();
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
