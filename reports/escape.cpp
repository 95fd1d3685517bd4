#include "reports/escape.hpp"

#include "util/text.hpp"

namespace amable::reports {

std::string one_line(std::string_view s) {
  std::string out = util::strip_control(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

std::string markdown_text(std::string_view s) {
  std::string out;
  for (char c : one_line(s)) {
    if (std::string_view("\\`*_{}[]<>()#+!|~").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace amable::reports
