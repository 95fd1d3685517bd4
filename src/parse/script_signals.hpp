#pragma once
// Signs in the raw HTML that scripts assemble the page in the browser: chrome left empty for a
// script to fill (<header></header>, <footer id="footer"></footer>, <site-footer></site-footer>),
// and partials pulled in by include attributes (w3-include-html, data-include, hx-get with a
// load trigger). The page's other signs (an empty app root, <noscript> asking for JavaScript)
// are read by the walker itself.
#include <gumbo.h>

#include <cstring>

#include <string_view>

#include "model/page.hpp"

namespace amable::parse {

// The attribute `name` (lower case) of element `n`, or nothing. The HTML tokenizer lower-cases
// attribute names, so a first-letter check and strcmp do what gumbo_get_attribute's strcasecmp
// over every attribute did, at a fraction of the cost (it was 4.6 % of a page's instructions).
inline const GumboAttribute* find_attribute(const GumboNode* n, const char* name) {
  const GumboVector& attrs = n->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    if (a->name[0] == name[0] && std::strcmp(a->name, name) == 0) return a;
  }
  return nullptr;
}

// A piece of a page, not a page: <html> and <body> both supplied by the parser (the file has
// neither), like a header or footer partial a script pulls in.
bool is_fragment(const GumboNode* root);

// Records in `page` the chrome element `n` (tag `name`, id `id`) leaves empty for a script.
void note_script_signals(const GumboNode* n, std::string_view name, std::string_view id, model::Page& page);

// The partial an include attribute of `n` names (w3-include-html="footer.html", data-include,
// hx-get with an hx-trigger on load), or "". Those scripts put the partial's HTML inside `n`.
std::string_view include_source(const GumboNode* n);

}  // namespace amable::parse
