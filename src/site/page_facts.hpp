#pragma once
// Everything the rules need from one page, taken while the page is in memory. The Page is
// dropped afterwards, so memory does not grow with the site's HTML. Thread-safe: runs on the
// parse workers.
#include <functional>
#include <string>
#include <string_view>

#include "model/facts.hpp"
#include "model/page.hpp"

namespace amable::site {

struct FactOptions {
  std::string forced_lang;  // --lang
  // Maps a resolved link URL to a page key (the source's key_of); identity when empty.
  std::function<std::string(std::string_view)> key_of;
  // Country of the site's domain ("es" for shop.es), to read national phone numbers.
  std::string tld_region;
};

// `start_page`: the audit's start page (its navigation labels are kept for R13). The page's
// blocks get their content region first (site/regions.hpp): detectors read it.
model::PageFacts extract_facts(model::Page& page, const FactOptions& options, bool start_page = false);
// The same for a page that is not to be changed: its regions are classified on a copy.
model::PageFacts extract_facts(const model::Page& page, const FactOptions& options, bool start_page = false);
model::PageFacts extract_facts(model::Page&& page, const FactOptions& options, bool start_page = false);

// The target of a <meta http-equiv=refresh> content ("5; url=next.html"), or "".
std::string refresh_target(std::string_view content);
// The delay of a meta refresh in seconds, or -1 when it has none.
int refresh_delay(std::string_view content);

size_t count_words(std::string_view text);

}  // namespace amable::site
