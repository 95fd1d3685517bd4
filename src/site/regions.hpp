#pragma once
// The content region (model::Zone) of every text block, refined from the words: the parser
// knows chrome, cookie dialogs, review markup and forms; this adds review and Q&A sections
// named by their headings, credits and bylines, other companies' boilerplate (payment and
// credit disclaimers), and demo pages (font specimens, lorem ipsum, unfilled templates).
#include <string_view>

#include "model/page.hpp"

namespace amable::site {

// Sets TextBlock::zone on every block of `page`. Idempotent.
void classify_regions(model::Page& page, std::string_view lang);

// True when the page is a demo or boilerplate page rather than the shop's own content.
bool is_demo_page(const model::Page& page);

// Does the block's zone let it speak for the shop in a detector that accepts `zones`?
inline bool speaks(const model::TextBlock& b, model::ZoneSet zones) { return model::in(zones, b.zone); }

}  // namespace amable::site
