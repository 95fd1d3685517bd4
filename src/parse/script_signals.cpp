#include "parse/script_signals.hpp"

#include "util/text.hpp"

namespace amable::parse {
namespace {

// Nothing a visitor could read: no element, no text but white space (comments aside).
bool holds_nothing(const GumboNode* n) {
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(kids.data[i]);
    if (c->type == GUMBO_NODE_ELEMENT || c->type == GUMBO_NODE_TEMPLATE) return false;
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA)
      if (!util::trim(c->v.text.text).empty()) return false;
  }
  return true;
}

bool names_chrome(std::string_view s) {
  return util::icontains(s, "header") || util::icontains(s, "footer") || util::icontains(s, "navbar") ||
         util::iequals(s, "nav") || util::iends_with(s, "-nav") || util::istarts_with(s, "nav-");
}

}  // namespace

bool is_fragment(const GumboNode* root) {
  if (!root || root->type != GUMBO_NODE_ELEMENT) return false;
  const auto implied = [](const GumboNode* n) { return (n->parse_flags & (GUMBO_INSERTION_IMPLIED | GUMBO_INSERTION_BY_PARSER)) != 0; };
  if (!implied(root)) return false;
  const GumboVector& kids = root->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(kids.data[i]);
    if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_BODY) return implied(c);
  }
  return true;
}

void note_script_signals(const GumboNode* n, std::string_view name, std::string_view id, model::Page& page) {
  const GumboTag tag = n->v.element.tag;
  const bool chrome_tag = tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_NAV;
  // A custom element (a name with a hyphen) named for the chrome is a web component's slot.
  const bool chrome_component = name.find('-') != std::string_view::npos && names_chrome(name);
  const bool chrome_id = util::iequals(id, "header") || util::iequals(id, "footer") || util::iequals(id, "site-header") ||
                         util::iequals(id, "site-footer") || util::iequals(id, "navbar");
  if ((chrome_tag || chrome_component || chrome_id) && holds_nothing(n)) page.empty_chrome = true;

}

std::string_view include_source(const GumboNode* n) {
  // One pass over the element's attributes (most elements have none of these).
  const GumboVector& attrs = n->v.element.attributes;
  std::string_view hx_get, hx_trigger;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    const std::string_view name(a->name);
    if (name == "w3-include-html" || name == "data-include" || name == "data-include-html" || name == "include-html" || name == "data-src-html") {
      if (const auto src = util::trim(a->value); !src.empty()) return src;
    } else if (name == "hx-get") {
      hx_get = a->value;
    } else if (name == "hx-trigger") {
      hx_trigger = a->value;
    }
  }
  return util::icontains(hx_trigger, "load") ? util::trim(hx_get) : std::string_view();
}

}  // namespace amable::parse
