// Reading a JSON text the engine did not write: nesting is limited while parsing (no value
// deeper than kMaxJsonDepth is ever built, so nothing recurses over it later), and a syntax
// error says where (line, column) and what, without echoing the bytes it read.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "json_checks.hpp"

namespace nnplay {

// Levels of nested arrays and objects, the outermost one counted as 1. The deepest value a
// config has is a point or a weight, 4 levels in.
constexpr int kMaxJsonDepth = 64;

// Parses text into out. On failure returns false and sets error: field "" for a syntax error
// ("not valid JSON: line L, column C: reason"), or the top-level key (escaped) under which a
// value nests deeper than kMaxJsonDepth ("nested deeper than 64 levels"; "" when the text
// itself is not an object).
bool read_json(const std::string& text, nlohmann::json& out, ConfigIssue& error);

}  // namespace nnplay
