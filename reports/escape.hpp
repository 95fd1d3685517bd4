#pragma once
// Site text made safe for a plain-text or Markdown line. Shared by the writers and `diff`.
#include <string>
#include <string_view>

namespace amable::reports {

// One terminal line: control characters stripped (a page cannot drive the terminal), line
// breaks and tabs turned into spaces.
std::string one_line(std::string_view s);

// One Markdown line: as one_line, with Markdown and HTML punctuation backslash-escaped so a
// page cannot inject links, HTML or table cells.
std::string markdown_text(std::string_view s);

}  // namespace amable::reports
