// Text from a config as messages show it: whatever the bytes, the result is valid UTF-8 with
// nothing a terminal or a log reader could act on (control characters, DEL, C1 controls, line
// and paragraph separators, bidirectional overrides are escaped; a byte that is not UTF-8
// becomes \xFF), and a long text is cut at a character boundary. So a key such as
// "a\nnnplay: error: ..." cannot forge a line of the CLI's output.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace nnplay {

// Characters of the input kept before a text is cut with "...".
constexpr std::size_t kMessageTextChars = 40;

// The text escaped (\n, \r, \t, \\, \", \u0007, \xFF) and cut after max_chars characters.
std::string safe_text(std::string_view text, std::size_t max_chars = kMessageTextChars);

// A value as a message quotes it: "..." around safe_text.
inline std::string quote_for_message(std::string_view text) {
  return "\"" + safe_text(text) + "\"";
}

}  // namespace nnplay
