#pragma once
// The page as the browser built it, as HTML for amable's parser: the DOM after scripts ran,
// open shadow roots inlined in their hosts, <noscript> dropped (scripts did run), comments
// dropped. Evaluated in the page by Runtime.evaluate.
#include <string_view>

namespace amable::render {

std::string_view dom_snapshot_script();

}  // namespace amable::render
