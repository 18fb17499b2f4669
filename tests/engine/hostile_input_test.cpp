// Hostile configs: nesting tens of thousands deep, oversized texts, syntax errors, control
// characters and broken UTF-8 in keys and values, values the engine cannot use. Each is refused
// (or warned about) with a message naming the field, and nothing crashes or recurses.
#include <catch2/catch.hpp>
#include <string>

#include "session.hpp"
#include "test_helpers.hpp"
#include "text_safe.hpp"

using namespace nnplay;

namespace {

// `depth` nested arrays around a 0, as the value of `key` (the whole text when key is empty).
std::string nested(const std::string& key, int depth) {
  std::string value =
      std::string(std::size_t(depth), '[') + "0" + std::string(std::size_t(depth), ']');
  return key.empty() ? value : "{\"" + key + "\": " + value + "}";
}

bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + std::size_t(len) > s.size()) return false;
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + std::size_t(k)]) >> 6) != 2) return false;
    i += std::size_t(len);
  }
  return true;
}

// No byte a terminal could act on: no C0 control, DEL or C1 control, and valid UTF-8.
bool printable(const std::string& s) {
  if (!valid_utf8(s)) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return false;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return false;
  }
  return true;
}

void check_messages(const ConfigureResult& r) {
  for (const auto* list : {&r.errors, &r.warnings})
    for (const auto& issue : *list) {
      INFO(issue.field << ": " << issue.message);
      CHECK(printable(issue.field));
      CHECK(printable(issue.message));
      CHECK(issue.message.find("last read") == std::string::npos);
    }
}

const ConfigIssue* find_field(const std::vector<ConfigIssue>& issues, const std::string& field) {
  for (const auto& i : issues)
    if (i.field == field) return &i;
  return nullptr;
}

}  // namespace

TEST_CASE("a value nested 60000 deep is refused by name, without recursion", "[hostile]") {
  Session s;
  for (const char* key : {"noise", "params", "points", "seed", "bogus"}) {
    const ConfigureResult r = s.configure(nested(key, 60000));
    INFO(key);
    REQUIRE_FALSE(r.ok);
    const ConfigIssue* e = find_field(r.errors, key);
    REQUIRE(e);
    CHECK(e->message == "nested deeper than 64 levels");
    check_messages(r);
  }
  // Deep objects, a deep text that is not an object, deep inside points.
  std::string objects = "{\"noise\": ";
  for (int i = 0; i < 60000; ++i) objects += "{\"a\": ";
  objects += "0" + std::string(60000, '}') + "}";
  CHECK(find_field(s.configure(objects).errors, "noise"));
  CHECK(find_field(s.configure(nested("", 60000)).errors, ""));
  const std::string in_points =
      "{\"points\": {\"train\": [" + nested("", 60000) + "], \"test\": []}}";
  CHECK(find_field(s.configure(in_points).errors, "points"));
}

TEST_CASE("64 levels are allowed, 65 are not", "[hostile]") {
  Session s;
  // The config object is level 1: 63 arrays inside it make 64 levels.
  const ConfigureResult ok = s.configure(nested("bogus", 63));
  CHECK(ok.ok);
  CHECK(find_field(ok.warnings, "bogus"));
  CHECK_FALSE(s.configure(nested("bogus", 64)).ok);
}

TEST_CASE("a config text over 16 MiB is refused before it is parsed", "[hostile]") {
  Session s;
  const std::string huge = "{\"seed\": \"" + std::string((1u << 24), 'a') + "\"}";
  const ConfigureResult r = s.configure(huge);
  REQUIRE_FALSE(r.ok);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].field == "");
  CHECK(r.errors[0].message == "the config is longer than 16777216 bytes");
}

TEST_CASE("syntax errors say the line, the column and what was expected", "[hostile]") {
  Session s;
  ConfigureResult r = s.configure("{\n  \"noise\": 1,\n  \"seed\" \"x\"\n}");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message ==
        "not valid JSON: line 3, column 12: unexpected string literal; expected ':'");
  r = s.configure("{\"noise\": 1");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message ==
        "not valid JSON: line 1, column 12: unexpected end of input; expected '}'");
  // A lexer error: the reason without the raw bytes that were read.
  r = s.configure("{\"a\": tru\xFF\x07}");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message == "not valid JSON: line 1, column 10: invalid literal");
  r = s.configure("{\"a\": \"b\x01\"}");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message.rfind("not valid JSON: line 1, column 9: invalid string: control "
                                  "character U+0001 (SOH) must be escaped",
                                  0) == 0);
  check_messages(r);
  // A number too large for a double.
  r = s.configure("{\"noise\": 1e999}");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message == "not valid JSON: line 1, column 15: number out of range");
}

TEST_CASE("arrays and objects in messages are described, not dumped", "[hostile]") {
  Session s;
  ConfigureResult r = s.configure(R"({"noise": [1, 2, 3], "learningRate": {"a": [1]},
                                      "batchSize": [], "initZero": [0]})");
  REQUIRE(find_field(r.errors, "noise"));
  CHECK(find_field(r.errors, "noise")->message == "must be a number, got an array of 3 values");
  CHECK(find_field(r.errors, "learningRate")->message == "must be a number, got an object");
  CHECK(find_field(r.errors, "batchSize")->message == "must be an integer, got an empty array");
  CHECK(find_field(r.errors, "initZero")->message ==
        "must be true or false, got an array of 1 value");
}

TEST_CASE("a quoted value is cut at a character boundary", "[hostile]") {
  Session s;
  std::string long_value;
  for (int i = 0; i < 60; ++i) long_value += "\xC3\xA9";  // é
  for (int shift = 0; shift < 3; ++shift) {
    const ConfigureResult r = s.configure(
        "{\"activation\": \"" + std::string(std::size_t(shift), 'a') + long_value + "\"}");
    REQUIRE(r.errors.size() == 1);
    CHECK(valid_utf8(r.errors[0].message));
    CHECK(r.errors[0].message.find("...") != std::string::npos);
  }
}

TEST_CASE("control characters in unknown keys and values are escaped", "[hostile]") {
  Session s;
  ConfigureResult r = s.configure(R"({"a\nnnplay: error: forged": 1, "b\u0007\u007f\u009b": 2})");
  CHECK(r.ok);
  REQUIRE(r.warnings.size() == 2);
  CHECK(find_field(r.warnings, "a\\nnnplay: error: forged"));
  CHECK(find_field(r.warnings, "b\\u0007\\u007F\\u009B"));
  check_messages(r);
  r = s.configure(R"({"activation": "x\r\n\t\"\\"})");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message.rfind(R"(unknown value "x\r\n\t\"\\"; expected)", 0) == 0);
  r = s.configure(R"({"points": {"trai\nn": []}})");
  CHECK(find_field(r.errors, "points.trai\\nn"));
  // A long key is shortened.
  r = s.configure("{\"" + std::string(5000, 'k') + "\": 1}");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].field.size() < 50);
  CHECK(r.warnings[0].field.find("...") != std::string::npos);
}

TEST_CASE("a flood of unknown keys gives a bounded list of warnings", "[hostile]") {
  std::string text = "{";
  for (int i = 0; i < 10000; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\": 0";
  text += "}";
  Session s;
  const ConfigureResult r = s.configure(text);
  CHECK(r.ok);
  REQUIRE(r.warnings.size() == 51);
  CHECK(r.warnings.back().field == "");
  CHECK(r.warnings.back().message == "9950 more unknown keys not listed");
}

TEST_CASE("a network with no input features is refused", "[hostile]") {
  Session s;
  const ConfigureResult r = s.configure(R"({"x": false, "y": false})");
  REQUIRE_FALSE(r.ok);
  const ConfigIssue* e = find_field(r.errors, "features");
  REQUIRE(e);
  CHECK(e->message ==
        "at least one input feature must be on (x, y, xSquared, ySquared, xTimesY, sinX, sinY)");
  CHECK(s.configure(R"({"x": false, "y": false, "sinY": true})").ok);
}

TEST_CASE("points the problem cannot use are refused with the place", "[hostile]") {
  Session s;
  auto refused = [&](const std::string& config, const std::string& field) {
    const ConfigureResult r = s.configure(config);
    INFO(config);
    CHECK_FALSE(r.ok);
    CHECK(find_field(r.errors, field));
  };
  refused(R"({"points": {"train": [[0, 0, 1], [1, 1, 0.5]]}})", "points.train[1]");
  refused(R"({"points": {"test": [[0, 0, 0]]}})", "points.test[0]");
  refused(R"({"points": {"train": [[1e7, 0, 1]]}})", "points.train[0]");
  refused(R"({"points": {"train": [[0, -1e300, 1]]}})", "points.train[0]");
  refused(R"({"points": {"train": [[0, 0, "1"]]}})", "points.train[0]");
  refused(R"({"problem": "regression", "points": {"train": [[0, 0, 1e300]]}})", "points.train[0]");
  CHECK(s.configure(R"({"problem": "regression", "points": {"train": [[0, 0, 0.25]]}})").ok);
  CHECK(s.configure(R"({"points": {"train": [[0, 0, 1], [5, -5, -1]], "test": []}})").ok);
  // An empty drawn data set stays valid: no losses.
  REQUIRE(s.configure(R"({"points": {"train": [], "test": []}})").ok);
  CHECK(std::isnan(s.train_loss()));
  const ConfigureResult over = s.configure(R"({"points": {"train": [[0, 0, 1]]},
    "networkShape": [1], "params": [[{"bias": 0, "w": [1, 1], "dead": [0, 1, 0]}],
                                    [{"bias": 0, "w": [1]}]]})");
  REQUIRE(over.errors.size() == 1);
  CHECK(over.errors[0].field == "params[0][0].dead");
  CHECK(over.errors[0].message == "at most 2 indices (one per weight)");
}

TEST_CASE("safe_text escapes what is not printable and cuts between characters", "[hostile]") {
  CHECK(safe_text("a\xFF"
                  "b\x7F\x1B[2J") == "a\\xFFb\\u007F\\u001B[2J");
  CHECK(safe_text("\xC3") == "\\xC3");                    // a sequence cut short
  CHECK(safe_text("\xED\xA0\x80") == "\\xED\\xA0\\x80");  // a UTF-16 surrogate is not UTF-8
  CHECK(safe_text("x\xE2\x80\xAEy") == "x\\u202Ey");      // a right-to-left override
  CHECK(safe_text("\xC3\xA9\xC3\xA9\xC3\xA9", 2) == "\xC3\xA9\xC3\xA9...");
  CHECK(safe_text("\xF0\x9F\x98\x80", 1) == "\xF0\x9F\x98\x80");
  CHECK(quote_for_message("say \"hi\"\\") == R"("say \"hi\"\\")");
}

TEST_CASE("a session at the epoch limit stops there, so its export reads back", "[hostile]") {
  // The limit is 2^53 (what a JS number counts exactly); one below it, two epochs asked for.
  nnplay::Session s;
  REQUIRE(s.configure(R"({"seed": "1", "epoch": 9007199254740991})").ok);
  CHECK(s.step(2) == 1);
  CHECK(s.epoch() == nnplay::kMaxEpoch);
  CHECK(s.step(1) == 0);
  CHECK(nnplay::parse_config(s.export_json()).errors.empty());
}
