#pragma once
// Intro clutter on a page (RULES.md R12, P1-P9): splash pages and skip-intro links, timed
// redirects, Flash, sound that plays by itself, marquee/blink, full-screen preloaders, dialogs
// open on load and popup vendors, self-turning carousels; age gates noted without penalty.
#include <string_view>
#include <vector>

#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

// `words`: visible words on the page.
// `thin`: the page is built by JavaScript (little text is no sign of a splash then).
// `script_autoplay`: a script sets a carousel to turn by itself (script_scan.hpp).
std::vector<model::ClutterHit> find_clutter(const model::Page& page, std::string_view lang, size_t words, bool thin = false,
                                            bool script_autoplay = false);

}  // namespace amable::site
