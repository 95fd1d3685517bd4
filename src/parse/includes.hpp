#pragma once
// Include attributes without a browser. `<div w3-include-html="footer.html">`, data-include and
// htmx's hx-get on load name the partial a script puts inside the element; nothing else about
// them needs JavaScript. So amable reads the partial itself and parses the page as the browser
// would show it: the footer's e-mail is in the footer, on every page that includes it. This
// works when the include script is missing (a saved copy of a site) and costs no browser.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "model/page.hpp"
#include "parse/html_parser.hpp"

namespace amable::parse {

// The HTML of the partial at an absolute URL (valid UTF-8), or nothing when it cannot be read.
using PartialReader = std::function<std::optional<std::string>(const std::string& url)>;

struct InlineLimits {
  int max_depth = 3;                 // partials that include partials
  size_t max_partials = 64;          // per page, all depths together
  size_t max_bytes = 4 << 20;        // the page with its partials
};

// `utf8` with each include's partial put just after its element's start tag, partials' own
// includes first; `inlined` counts the partials read. Only the body of a partial that is a
// whole document goes in.
std::string inline_includes(std::string_view utf8, const std::vector<model::Page::Include>& includes, const std::string& base_url,
                            const PartialReader& read, const InlineLimits& limits, size_t& inlined);

// parse_page, with the partials that include attributes name put in place when `read` can
// read them (and the page as it is written when it has none or none could be read). Their
// URLs resolve against `include_base`, the page's URL as a browser sees it.
model::Page parse_page_with_includes(std::string_view bytes, const ParseInput& input, const std::string& include_base, const PartialReader& read,
                                     const ParseLimits& limits = {}, const InlineLimits& inline_limits = {});

}  // namespace amable::parse
