// See json_read.hpp. nlohmann/json's parser is iterative; its SAX interface lets the reader
// count depth as values open and stop at once, and gives the byte offset of a syntax error.
#include "json_read.hpp"

#include <utility>
#include <vector>

#include "text_safe.hpp"

namespace nnplay {

using nlohmann::json;

namespace {

// Builds the value as nlohmann's own DOM parser does, with a depth limit.
class DepthLimitedBuilder {
 public:
  explicit DepthLimitedBuilder(json& root) : root_(root) {}

  bool null() { return add(nullptr); }
  bool boolean(bool v) { return add(v); }
  bool number_integer(json::number_integer_t v) { return add(v); }
  bool number_unsigned(json::number_unsigned_t v) { return add(v); }
  bool number_float(json::number_float_t v, const json::string_t&) { return add(v); }
  bool string(json::string_t& v) { return add(std::move(v)); }
  bool binary(json::binary_t& v) { return add(json::binary(std::move(v))); }
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& k) {
    if (open_.size() == 1) top_key_ = k;
    key_ = std::move(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    position_ = position;
    reason_ = e.id == 406 ? "number out of range" : reason_of(e.what());
    return false;
  }

  bool too_deep() const { return too_deep_; }
  const std::string& top_key() const { return top_key_; }
  std::size_t position() const { return position_; }
  const std::string& reason() const { return reason_; }

 private:
  // Where the next value goes: the root, the end of the open array, or the pending key.
  json* place(json&& v) {
    if (open_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    json& parent = *open_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(v));
      return &parent.back();
    }
    json& slot = parent[key_];
    slot = std::move(v);
    return &slot;
  }
  bool add(json&& v) {
    place(std::move(v));
    return true;
  }
  bool open(json&& empty) {
    if (open_.size() >= std::size_t(kMaxJsonDepth)) {
      too_deep_ = true;
      return false;
    }
    open_.push_back(place(std::move(empty)));
    return true;
  }
  bool close() {
    open_.pop_back();
    return true;
  }

  // nlohmann's message is "[json.exception.parse_error.101] parse error at line L, column C:
  // syntax error while parsing CONTEXT - REASON[; last read: 'BYTES'][; expected TOKEN]".
  // Kept: REASON and the expected token, without the bytes read (raw input).
  static std::string reason_of(const std::string& what) {
    std::string s = what;
    const std::size_t dash = s.find(" - ");
    if (dash != std::string::npos) s = s.substr(dash + 3);
    const std::size_t last_read = s.find("; last read: '");
    if (last_read != std::string::npos) s = s.substr(0, last_read);
    std::string out;
    for (char c : s)
      if (c >= 0x20 && c < 0x7F) out += c;  // its own words are printable ASCII
    return out.empty() ? "syntax error" : out;
  }

  json& root_;
  std::vector<json*> open_;
  std::string key_, top_key_;
  bool too_deep_ = false;
  std::size_t position_ = 0;
  std::string reason_;
};

// Line and column (in characters) of the byte at `position` (1-based, as nlohmann counts; one
// past the end for an unexpected end of input).
std::string where(const std::string& text, std::size_t position) {
  const std::size_t end = std::min(position, text.size());
  std::size_t line = 1, column = 0;
  for (std::size_t i = 0; i < end; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 0;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  if (position > text.size() || column == 0) ++column;
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

bool read_json(const std::string& text, json& out, ConfigIssue& error) {
  json value;
  DepthLimitedBuilder builder(value);
  if (json::sax_parse(text, &builder)) {
    out = std::move(value);
    return true;
  }
  if (builder.too_deep()) {
    error = {safe_text(builder.top_key()),
             "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"};
  } else {
    error = {"", "not valid JSON: " + where(text, builder.position()) + ": " + builder.reason()};
  }
  return false;
}

}  // namespace nnplay
