#pragma once
// What the detectors look for in the text of the page's inline scripts, found in one pass over
// each script (util::NeedleSet): a chat widget's loader, code that writes the page
// (innerHTML, fetch(...)), an e-mail address assembled by script, a carousel set to turn by
// itself. An inline script can be a 60 KB state blob; four detectors each reading it cost as
// much as parsing the rest of the page.
#include <string>
#include <vector>

#include "model/page.hpp"
#include "util/needles.hpp"

namespace amable::site {

struct ScriptScan {
  std::string chat_vendor;    // the chat widget first found (list order within the first script that has one)
  std::string search_vendor;  // a site-search service's script, found the same way (any size)
  bool injects = false;     // writes into the page: innerHTML, insertAdjacentHTML, document.write, .load(, fetch(, XMLHttpRequest, appendChild
  bool email = false;       // "mailto:" or an '@' put together: '@', "@"
  bool autoplay = false;    // "autoplay: true" / "autoplay:true"
};

// Chat vendors are read from script src URLs and inline scripts shorter than 64 KiB, search
// services from script src URLs and every inline script; the rest from every inline script
// that is code (not JSON or a template).
ScriptScan scan_scripts(const model::Page& page);

// The chat services' hosts (widgets lexicon, [chat]), for URLs: a script's src, a link.
const util::NeedleSet& chat_hosts();

}  // namespace amable::site
