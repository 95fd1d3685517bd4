#pragma once
// Intros: what stands between the visitor and the page (RULES.md R12). A splash or entry page
// (little of its own, a link or two into the site), an intro movie (a Flash or video named or
// sized as one), a full-screen splash overlay, an age gate, a timed redirect, a "skip intro"
// link. Not intros: an immediate redirect (0-second meta refresh: the page is never seen), a
// small Flash logo in a page full of content, an "Enter" link to another site, a "Skip to
// content" accessibility link.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

struct IntroContext {
  size_t words = 0;   // visible words of the page
  bool thin = false;  // built by JavaScript: little text is no sign of a splash then
};

// An element as markup for evidence: "<embed src=\"intro.swf\" width=\"800\">", capped.
std::string element_markup(const model::Element& e);
// Does the URL's path (query and fragment cut) end with one of `exts`?
bool path_ends_with_any(std::string_view s, std::initializer_list<std::string_view> exts);

// Appends the page's intro hits (ClutterHit::intro set) to `out`.
void find_intros(const model::Page& page, std::string_view lang, const IntroContext& ctx, std::vector<model::ClutterHit>& out);

}  // namespace amable::site
